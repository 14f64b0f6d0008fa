// Bounds on input values, each checked by the validation plugin before a resolver runs and each stated in
// the argument's description, so clients read the same limit the server enforces. Every String, JSON and
// list input of the schema goes through one of these helpers (test/unit/schema-input-bounds.test.ts walks
// the schema to keep it so); single global IDs are bounded once, where they are decoded (builder.ts).
import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { z } from 'zod';

/** A global ID is base64 of "Type:uuid"; anything much longer is not one of ours. */
export const MAX_GLOBAL_ID_LENGTH = 128;
/** Decodes a global ID input, refusing one too long to be ours before decoding it. */
export function decodeBoundedGlobalID(globalID: string): { typename: string; id: string } {
  if (globalID.length > MAX_GLOBAL_ID_LENGTH) {
    throw new GraphQLError(`Invalid ID: longer than ${MAX_GLOBAL_ID_LENGTH} characters`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return decodeGlobalID(globalID);
}

/** Connection cursors are short opaque strings made by the store. */
export const MAX_CURSOR_LENGTH = 256;
/** Nova's limits on instance (and aggregate) metadata. */
export const MAX_METADATA_ENTRIES = 128;
export const MAX_METADATA_KEY_LENGTH = 255;
export const MAX_METADATA_VALUE_LENGTH = 255;

// Strings end up in XAPI's XML-RPC, xenstore and SQLite: XML 1.0 cannot carry C0 controls other than tab,
// line feed and carriage return, and a lone UTF-16 surrogate has no UTF-8 form, so both are refused.
// eslint-disable-next-line no-control-regex -- the control characters are the point
const UNREPRESENTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string of representable text (no NUL or other C0 controls, no lone surrogates). */
function text() {
  return z.string().refine((value) => !UNREPRESENTABLE.test(value), 'must be text without control characters or lone surrogates');
}

function described(description: string | undefined, bound: string): string {
  return description ? `${description} ${bound}` : bound;
}

interface TextOptions {
  readonly min?: number;
  /** Leading and trailing whitespace is dropped before the length is checked. */
  readonly trim?: boolean;
  readonly description?: string;
}

/** Validation and description of a string input of at most `max` characters. */
export function boundedText(max: number, options: TextOptions = {}) {
  let schema = options.trim ? z.string().trim() : z.string();
  if (options.min !== undefined) schema = schema.min(options.min);
  // The length is checked first, so a megabyte of text is refused without being scanned.
  return { validate: schema.max(max).pipe(text()), description: described(options.description, `At most ${max} characters.`) };
}

/**
 * Validation and description of a list input of at most `maxItems` items. `item` checks each item (strings:
 * their length); global ID lists pass nothing, their items being bounded where they are decoded.
 */
export function boundedList(maxItems: number, options: { item?: z.ZodType; itemBound?: string; description?: string } = {}) {
  const bound = `At most ${maxItems} items${options.itemBound ? `, ${options.itemBound}` : ''}.`;
  return { validate: z.array(options.item ?? z.unknown()).max(maxItems), description: described(options.description, bound) };
}

/** A list of strings of at most `maxLength` characters each. */
export function boundedTextList(maxItems: number, maxLength: number, description?: string) {
  return boundedList(maxItems, { item: z.string().min(1).max(maxLength).pipe(text()), itemBound: `each of 1 to at most ${maxLength} characters`, description });
}

/** Base64 text that decodes to at most `maxBytes` bytes (its length is checked before anything is decoded). */
export function boundedBase64(maxBytes: number, description?: string) {
  const maxLength = Math.ceil(maxBytes / 3) * 4;
  return {
    validate: z.string().max(maxLength, `must encode at most ${maxBytes} bytes`).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .refine((value) => Buffer.from(value, 'base64').length <= maxBytes, `must decode to at most ${maxBytes} bytes`),
    description: described(description, `Base64, at most ${maxBytes} bytes (${maxLength} characters).`),
  };
}

/**
 * Metadata as Nova limited it: a JSON object of string keys and values. The entry count is checked before
 * any entry is looked at, so a hundred thousand keys cost one count.
 */
export const MetadataValue = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'must be an object of string keys and values',
).refine((entries) => Object.keys(entries).length <= MAX_METADATA_ENTRIES, `at most ${MAX_METADATA_ENTRIES} metadata entries`)
  .pipe(z.record(z.string().min(1).max(MAX_METADATA_KEY_LENGTH).pipe(text()), z.string().max(MAX_METADATA_VALUE_LENGTH).pipe(text())));

/** A metadata input: validation and description. */
export function boundedMetadata(description?: string) {
  return {
    validate: MetadataValue,
    description: described(description, `At most ${MAX_METADATA_ENTRIES} entries, keys of 1 to at most ${MAX_METADATA_KEY_LENGTH} characters, values of at most ${MAX_METADATA_VALUE_LENGTH}.`),
  };
}

/** Metadata keys to remove. */
export function boundedMetadataKeys(description?: string) {
  return boundedTextList(MAX_METADATA_ENTRIES, MAX_METADATA_KEY_LENGTH, description);
}

/** The optional idempotencyKey every mutation input has. */
export const idempotencyKeyField = {
  required: false,
  ...boundedText(255, { min: 1, description: 'Sent again with the same request, it answers with the first result instead of acting twice.' }),
} as const;

/** A metadata input as resolvers get it: the validation plugin already held it to MetadataValue. */
export function metadataInput(value: unknown): Record<string, string> {
  return (value ?? {}) as Record<string, string>;
}
