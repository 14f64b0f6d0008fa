// Normalises values as they come off the wire into one shape, whatever the transport. XML-RPC delivers XAPI's
// 64-bit ints as decimal strings and datetimes as Date objects (JSON-RPC as numbers and strings), so records
// are converted field by field using the datamodel's types: int/float → number, bool → boolean,
// datetime → XAPI's own string form `YYYYMMDDTHH:MM:SSZ`, refs/strings/enums untouched, sets/maps recursively.
import { datamodel, type XType } from './datamodel/index.js';

export type XapiRecord = Readonly<Record<string, unknown>>;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats a date as XAPI writes datetimes on the wire (basic date, extended time, always UTC). */
export function formatXapiDate(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`
  );
}

const DASHED_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Accepts a Date, XAPI's basic string, or a dashed ISO 8601 string (Go and JSON clients) and returns XAPI's form. */
export function toXapiDate(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : formatXapiDate(value);
  if (typeof value === 'number') return formatXapiDate(new Date(value * 1000));
  const text = String(value);
  const dashed = DASHED_DATE.exec(text);
  if (!dashed) return text;
  const zone = dashed[7];
  if (zone === undefined || zone === 'Z') {
    // Zone-less datetimes are UTC in XAPI; keep the absence of a zone rather than inventing one.
    return `${dashed[1]}${dashed[2]}${dashed[3]}T${dashed[4]}:${dashed[5]}:${dashed[6]}${zone ?? ''}`;
  }
  return formatXapiDate(new Date(text));
}

/** Parses XAPI's datetime string (basic or dashed) into a Date; zone-less values are UTC. */
export function parseXapiDate(text: string): Date {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(text);
  if (basic) {
    const [, y, mo, d, h, mi, s] = basic.map(Number);
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  }
  return new Date(text);
}

function toNumber(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isNaN(n) ? value : n;
  }
  return value;
}

function toBoolean(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1' || value === 1) return true;
  if (value === 'false' || value === '0' || value === 0) return false;
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Converts values of unknown type: only Dates need attention, since their wire form is transport-specific. */
function normalizeUntyped(value: unknown): unknown {
  if (value instanceof Date) return formatXapiDate(value);
  if (Array.isArray(value)) return value.map(normalizeUntyped);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = normalizeUntyped(value[key]);
    return out;
  }
  return value;
}

export function normalizeValue(type: XType, value: unknown): unknown {
  switch (type.kind) {
    case 'int':
    case 'float':
      return toNumber(value);
    case 'bool':
      return toBoolean(value);
    case 'datetime':
      return toXapiDate(value);
    case 'string':
    case 'ref':
    case 'enum':
      return value;
    case 'void':
      // XAPI returns '' for void; callers of a void method have nothing to read.
      return undefined;
    case 'set':
      return Array.isArray(value) ? value.map((item) => normalizeValue(type.of, item)) : value;
    case 'map': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) out[key] = normalizeValue(type.value, value[key]);
      return out;
    }
    case 'record':
      return isPlainObject(value) ? normalizeRecord(type.cls, value) : value;
    case 'event_batch':
      return normalizeEventBatch(value);
    case 'any':
      return normalizeUntyped(value);
  }
}

/** Normalises one record of class `cls`; fields the datamodel does not know (newer XAPI) keep their value. */
export function normalizeRecord(cls: string, record: Record<string, unknown>): Record<string, unknown> {
  const info = datamodel.find(cls);
  if (!info) return normalizeUntyped(record) as Record<string, unknown>;
  if (info.name === 'event') return normalizeEventRecord(record);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const field = info.field.get(key);
    out[key] = field ? normalizeValue(field.type, record[key]) : normalizeUntyped(record[key]);
  }
  return out;
}

/** An event record's snapshot is a record of the class named in the event itself. */
function normalizeEventRecord(event: Record<string, unknown>): Record<string, unknown> {
  // `id` and `timestamp` stay as sent: event.from uses them as opaque strings ("0.0"), not as int/datetime.
  const out: Record<string, unknown> = { ...event };
  if (isPlainObject(event.snapshot) && typeof event.class === 'string') {
    out.snapshot = normalizeRecord(event.class, event.snapshot);
  }
  if (event.timestamp instanceof Date) out.timestamp = formatXapiDate(event.timestamp);
  return out;
}

/** `event.from` answers a struct `{events, valid_ref_counts, token}` although the datamodel calls it a set. */
function normalizeEventBatch(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  if (Array.isArray(value.events)) {
    out.events = value.events.map((event) => (isPlainObject(event) ? normalizeEventRecord(event) : event));
  }
  if (isPlainObject(value.valid_ref_counts)) {
    const counts: Record<string, unknown> = {};
    for (const [cls, count] of Object.entries(value.valid_ref_counts)) counts[cls] = toNumber(count);
    out.valid_ref_counts = counts;
  }
  return out;
}

/**
 * The declared result type of a wire method, or undefined when unknown. Implicit messages the datamodel
 * leaves out for some classes (`get_all_records_where`, `get_all_where`) are derived from the class.
 */
export function resultTypeOf(method: string): XType | undefined {
  if (method.startsWith('Async.')) return { kind: 'ref', cls: 'task' };
  const dot = method.indexOf('.');
  if (dot < 0) return undefined;
  const info = datamodel.find(method.slice(0, dot));
  if (!info) return undefined;
  const name = method.slice(dot + 1);
  const message = info.messages.get(name);
  if (message) return message.result;
  const ref: XType = { kind: 'ref', cls: info.name };
  if (name === 'get_all_records_where') return { kind: 'map', key: ref, value: { kind: 'record', cls: info.name } };
  if (name === 'get_all_where') return { kind: 'set', of: ref };
  if (name.startsWith('get_')) return info.field.get(name.slice(4))?.type;
  return undefined;
}

/** Normalises the result of `method`; results of methods the datamodel does not describe are returned as is. */
export function normalizeResult(method: string, value: unknown): unknown {
  const type = resultTypeOf(method);
  return type ? normalizeValue(type, value) : value;
}
