// Turns loosely decoded call parameters into the typed values handlers work with. Clients disagree on how
// they send things (Python and the xen-api client send ints as decimal strings, Go sends dashed RFC 3339
// dates, XML-RPC strings arrive untyped), so every accepted spelling is normalised here, once.
import { datamodel, ENUMS, type XType } from '../../xapi/datamodel/index.js';

export class ParamTypeError extends Error {
  override name = 'ParamTypeError';

  constructor(
    /** The datamodel type text, e.g. `int` or `(string -> string) map`. */
    readonly expected: string,
    /** A short description of what arrived instead. */
    readonly received: string,
  ) {
    super(`expected ${expected}, received ${received}`);
  }
}

/** XAPI's own spelling of a type, as the datamodel writes it. */
export function typeText(type: XType): string {
  switch (type.kind) {
    case 'ref': return `${type.cls} ref`;
    case 'enum': return `enum ${type.name}`;
    case 'set': return `${typeText(type.of)} set`;
    case 'map': return `(${typeText(type.key)} -> ${typeText(type.value)}) map`;
    case 'record': return `${type.cls} record`;
    case 'event_batch': return 'an event batch';
    default: return type.kind;
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  switch (typeof value) {
    case 'string': return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number': return `number ${value}`;
    case 'boolean': return `boolean ${value}`;
    case 'object': return 'struct';
    default: return typeof value;
  }
}

/**
 * Accepts the date spellings clients send: XAPI's basic form, ISO 8601 / RFC 3339 with dashes, optional
 * fraction (dropped: XAPI keeps whole seconds) and optional zone (absent means UTC, as in XAPI).
 * Returns `YYYYMMDDTHH:MM:SSZ`, or undefined when the text is no such date.
 */
export function parseDateTime(text: string): string | undefined {
  const m = DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const year = +m[1], month = +m[2], day = +m[3], hour = +m[4], minute = +m[5], second = +m[6];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = m[7];
  let offsetMinutes = 0;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const hh = +zone.slice(1, 3);
    const mm = zone.length > 3 ? +zone.slice(-2) : 0;
    if (hh > 23 || mm > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (hh * 60 + mm);
  }
  if (offsetMinutes === 0) return formatParts(year, month, day, hour, minute, second);
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute - offsetMinutes, second, 0);
  return formatDateTime(at);
}

const DATE_PATTERN =
  /^\s*(\d{4})-?(\d{2})-?(\d{2})[Tt ](\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?([Zz]|[+-]\d{2}(?::?\d{2})?)?\s*$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

function formatParts(year: number, month: number, day: number, hour: number, minute: number, second: number): string {
  return `${String(year).padStart(4, '0')}${pad2(month)}${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}Z`;
}

export function formatDateTime(date: Date): string | undefined {
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return undefined;
  return formatParts(year, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(),
    date.getUTCSeconds());
}

/** Assigns without letting a `__proto__` member from the wire replace the object's prototype. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

const INT_TEXT = /^\s*[+-]?\d+\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const NON_FINITE_TEXT = /^\s*([+-]?)(nan|inf|infinity)\s*$/i;

function isStruct(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function mismatch(type: XType, value: unknown): never {
  throw new ParamTypeError(typeText(type), describeValue(value));
}

export function coerceParam(value: unknown, type: XType): unknown {
  switch (type.kind) {
    case 'string':
    case 'ref':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      return mismatch(type, value);
    case 'int':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && INT_TEXT.test(value)) return Number(value);
      return mismatch(type, value);
    case 'float':
      return coerceFloat(value, type);
    case 'bool':
      return coerceBool(value, type);
    case 'datetime': {
      const text = typeof value === 'string' ? parseDateTime(value)
        : value instanceof Date ? formatDateTime(value) : undefined;
      return text ?? mismatch(type, value);
    }
    case 'enum':
      return coerceEnum(value, type);
    case 'set':
      if (!Array.isArray(value)) return mismatch(type, value);
      return value.map((item) => coerceParam(item, type.of));
    case 'map': {
      if (!isStruct(value)) return mismatch(type, value);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        setMember(out, String(coerceParam(key, type.key)), coerceParam(value[key], type.value));
      }
      return out;
    }
    case 'record':
      return coerceRecord(value, type);
    default:
      return value;
  }
}

/** Decimal float text, plus the nan / inf spellings Python's xmlrpc.client produces with repr(float). */
export function parseFloatText(text: string): number | undefined {
  if (FLOAT_TEXT.test(text)) return Number(text);
  const special = NON_FINITE_TEXT.exec(text);
  if (!special) return undefined;
  if (special[2].toLowerCase() === 'nan') return Number.NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

function coerceFloat(value: unknown, type: XType): number {
  if (typeof value === 'number') return value;
  const parsed = typeof value === 'string' ? parseFloatText(value) : undefined;
  return parsed ?? mismatch(type, value);
}

function coerceBool(value: unknown, type: XType): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    switch (value.trim().toLowerCase()) {
      case 'true': case '1': return true;
      case 'false': case '0': return false;
    }
  }
  return mismatch(type, value);
}

const enumLookup = new Map<string, Map<string, string>>();

function coerceEnum(value: unknown, type: Extract<XType, { kind: 'enum' }>): string {
  if (typeof value !== 'string') return mismatch(type, value);
  const names = ENUMS[type.name];
  if (!names) return value;
  if (names.includes(value)) return value;
  let folded = enumLookup.get(type.name);
  if (!folded) {
    folded = new Map(names.map((name) => [name.toLowerCase(), name]));
    enumLookup.set(type.name, folded);
  }
  return folded.get(value.toLowerCase()) ?? mismatch(type, value);
}

function coerceRecord(value: unknown, type: Extract<XType, { kind: 'record' }>): Record<string, unknown> {
  if (!isStruct(value)) return mismatch(type, value);
  const cls = datamodel.find(type.cls);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!cls) {
      setMember(out, key, value[key]);
      continue;
    }
    // Clients send the full record they read back; members the class does not have are dropped like XAPI does.
    const field = cls.field.get(key);
    if (field) out[key] = coerceParam(value[key], field.type);
  }
  return out;
}
