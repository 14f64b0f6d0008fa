// Text a caller gives us is stored and shown exactly as given, or refused: SQLite would replace a lone UTF-16
// surrogate with U+FFFD and control characters would end up in XAPI labels, hostnames and terminals.
import { InvalidInputError } from '../errors.js';

const CONTROL_CHARACTER = /\p{Cc}/u;
/** In unicode mode a surrogate pair reads as one astral code point, so only lone surrogates match. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Refuses text that cannot be stored as given (lone surrogates). */
export function requireWellFormedText(value: string, what: string, path: readonly string[]): void {
  if (LONE_SURROGATE.test(value)) throw new InvalidInputError(`${what} contains a lone UTF-16 surrogate`, { path });
}

/** A name (of an instance, image, security group, aggregate…): well-formed and free of control characters. */
export function requireCleanName(name: string, path: readonly string[] = ['input', 'name']): void {
  requireWellFormedText(name, 'The name', path);
  if (CONTROL_CHARACTER.test(name)) throw new InvalidInputError('The name contains a control character', { path });
}
