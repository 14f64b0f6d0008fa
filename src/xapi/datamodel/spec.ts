// Shapes of the generated datamodel and the parsed form of XAPI's type strings.

/** [name, type, qualifier, default?] as written in XAPI's datamodel. */
export type FieldTuple = readonly [string, string, string, string?];
/** [name, params (session excluded), result type, flags]: flags has i = implicit, s = session first, r = removed. */
export type MessageTuple = readonly [string, readonly (readonly [string, string])[], string, string];

export interface ClassSpec {
  readonly name: string;
  readonly fields: readonly FieldTuple[];
  readonly messages: readonly MessageTuple[];
}

export type XType =
  | { kind: 'string' }
  | { kind: 'int' }
  | { kind: 'float' }
  | { kind: 'bool' }
  | { kind: 'datetime' }
  | { kind: 'void' }
  | { kind: 'ref'; cls: string }
  | { kind: 'enum'; name: string }
  | { kind: 'set'; of: XType }
  | { kind: 'map'; key: XType; value: XType }
  | { kind: 'record'; cls: string }
  /** event.from's result: {events, valid_ref_counts (int32 values), token}. */
  | { kind: 'event_batch' }
  /** Values whose shape is only known at run time (plugin results and the like). */
  | { kind: 'any' };

const SCALARS: Record<string, XType> = {
  string: { kind: 'string' },
  int: { kind: 'int' },
  float: { kind: 'float' },
  bool: { kind: 'bool' },
  datetime: { kind: 'datetime' },
  void: { kind: 'void' },
};

const cache = new Map<string, XType>();

/** Parses XAPI type strings such as `(string -> enum vm_operations) map` or `VM ref set`. */
export function parseType(text: string): XType {
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseTypeUncached(text.trim());
  cache.set(text, parsed);
  return parsed;
}

function parseTypeUncached(text: string): XType {
  if (text === 'an event batch') return { kind: 'event_batch' };
  if (text.endsWith(' set')) return { kind: 'set', of: parseType(text.slice(0, -4)) };
  if (text.startsWith('(') && text.endsWith(') map')) {
    const inner = text.slice(1, -5);
    const arrow = topLevelArrow(inner);
    return { kind: 'map', key: parseType(inner.slice(0, arrow)), value: parseType(inner.slice(arrow + 4)) };
  }
  if (text.startsWith('enum ')) return { kind: 'enum', name: text.slice(5) };
  if (text.endsWith(' ref')) return { kind: 'ref', cls: text.slice(0, -4) };
  if (text.endsWith(' record')) return { kind: 'record', cls: text.slice(0, -7) };
  const scalar = SCALARS[text];
  if (scalar) return scalar;
  throw new Error(`unknown XAPI type: ${text}`);
}

function topLevelArrow(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && text.startsWith(' -> ', i)) return i;
  }
  throw new Error(`map type without arrow: ${text}`);
}

export const NULL_REF = 'OpaqueRef:NULL';
export const NEVER = '19700101T00:00:00Z';
