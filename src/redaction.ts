// Secrets never leave the process: CHAP passwords sit in PBD.device_config, XAPI sessions and pool join
// credentials travel in call arguments, guest passwords in action inputs. Every output path that can carry such
// maps (JSON values in GraphQL responses, raw XAPI event snapshots, logged errors) passes through here.

export const REDACTED = '[redacted]';

/**
 * Keys whose values are secrets wherever they appear: `chappassword`, `incoming_chappassword`, `password`,
 * `authPassword`, `master_password`, `pwd`, anything with `secret`, XAPI `session_id`s, `Authorization`.
 */
const SECRET_KEY = /pass(word|wd)|^pwd$|secret|^session_?id$|^authorization$|private_?key/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A copy of `value` with every secret-keyed entry, at any depth, replaced by a marker; other values as they were. */
export function redactSecrets<T>(value: T): T {
  return redact(value, new WeakSet()) as T;
}

/** Flags such as `passwordSet: true` say that a secret exists, not what it is. */
function holdsSecret(value: unknown): boolean {
  return value != null && typeof value !== 'boolean';
}

function redact(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  const entries = Object.entries(value).map(([key, item]) => [key, isSecretKey(key) && holdsSecret(item) ? REDACTED : redact(item, seen)]);
  return Object.fromEntries(entries);
}

/** XAPI's `secret` class keeps its secret in a field plainly called `value`. */
export function redactXapiRecord(cls: string, record: Record<string, unknown> | null): Record<string, unknown> | null {
  if (record === null) return null;
  const redacted = redactSecrets(record);
  return cls.toLowerCase() === 'secret' && 'value' in redacted ? { ...redacted, value: REDACTED } : redacted;
}

/**
 * What a log gets of a failure: errors keep their class, message and stack (so they read as before) but their own
 * properties (XAPI params, call arguments, causes) are redacted; other values are redacted as data.
 */
export function redactForLog(value: unknown): unknown {
  if (!(value instanceof Error)) return redactSecrets(value);
  const copy = Object.create(Object.getPrototypeOf(value) as object) as Error;
  for (const key of Object.getOwnPropertyNames(value)) {
    const own = (value as unknown as Record<string, unknown>)[key];
    const redacted = isSecretKey(key) ? REDACTED : key === 'cause' ? redactForLog(own) : redactSecrets(own);
    Object.defineProperty(copy, key, { value: redacted, enumerable: Object.prototype.propertyIsEnumerable.call(value, key), writable: true, configurable: true });
  }
  return copy;
}
