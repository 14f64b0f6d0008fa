// JSON-RPC v1 and v2 as XAPI serves them on /jsonrpc. Values go out as native JSON types (ints are numbers
// here, unlike XML-RPC), with records always carrying their class's full field set.
import { datamodel, type FieldInfo, type XType } from '../../xapi/datamodel/index.js';
import { setMember } from './coerce.js';
import { WireParseError } from './errors.js';
import { encoderCache } from './encoder-cache.js';
import { datetimeText, mapEntries, setItems, type EventBatch } from './xmlrpc.js';

export { WireParseError } from './errors.js';

export interface JsonRpcCall {
  version: 1 | 2;
  id: string | number;
  method: string;
  params: unknown[];
}

export function parseJsonRpcCall(body: string): JsonRpcCall {
  let request: unknown;
  try {
    request = JSON.parse(body);
  } catch (error) {
    throw new WireParseError(`invalid JSON: ${(error as Error).message}`);
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw new WireParseError('a JSON-RPC request must be an object (batches are not supported)');
  }
  const { jsonrpc, id, method, params } = request as Record<string, unknown>;
  if (jsonrpc !== undefined && jsonrpc !== '2.0' && jsonrpc !== '1.0') {
    throw new WireParseError(`unsupported jsonrpc version ${JSON.stringify(jsonrpc)}`);
  }
  const version = jsonrpc === '2.0' ? 2 : 1;
  // XAPI answers every call, so it has no use for notifications: an id is mandatory in both versions.
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    throw new WireParseError('missing or invalid id');
  }
  if (typeof method !== 'string' || method === '') throw new WireParseError('missing method');
  if (Array.isArray(params)) return { version, id, method, params };
  if (version === 2) {
    if (params === undefined || params === null) return { version, id, method, params: [] };
    if (typeof params === 'object') return { version, id, method, params: [params] };
  }
  throw new WireParseError(version === 1 ? 'params must be an array' : 'params must be an array or an object');
}

type Encoder = (value: unknown) => unknown;

const recordEncoders = new Map<string, Encoder>();

// Hoisted: `compile` is a function declaration further down.
const encoderFor = encoderCache<ReturnType<Encoder>>((type) => compile(type));

/** Types whose simulator values are already their JSON form (strings, and containers of nothing else). */
function isStringOnly(type: XType): boolean {
  switch (type.kind) {
    case 'string': case 'ref': case 'enum': return true;
    case 'set': return isStringOnly(type.of);
    case 'map': return isStringOnly(type.value);
    default: return false;
  }
}

const stringEncoder: Encoder = (v) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const setPassThrough: Encoder = (v) => (Array.isArray(v) ? v : setItems(v).map(stringEncoder));
const mapPassThrough: Encoder = (v) => (isPlainObject(v) ? v : encodeStringMap(v));

function isPlainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function encodeStringMap(v: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of mapEntries(v)) setMember(out, key, stringEncoder(value));
  return out;
}

function intValue(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : 0;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const parsed = Number(v);
    return Number.isFinite(parsed) ? Math.trunc(parsed) : 0;
  }
  return 0;
}

function floatValue(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  // JSON cannot carry NaN or Infinity; XAPI's bare tokens break most parsers.
  return Number.isFinite(n) ? n : 0;
}

function compile(type: XType): Encoder {
  switch (type.kind) {
    case 'string':
    case 'ref':
    case 'enum':
      return stringEncoder;
    case 'int':
      return intValue;
    case 'float':
      return floatValue;
    case 'bool':
      return (v) => v === true || v === 1 || v === 'true' || v === '1';
    case 'datetime':
      return datetimeText;
    case 'void':
      return () => '';
    case 'set': {
      if (isStringOnly(type.of)) return setPassThrough;
      const item = encoderFor(type.of);
      return (v) => setItems(v).map(item);
    }
    case 'map': {
      if (isStringOnly(type.value)) return mapPassThrough;
      const item = encoderFor(type.value);
      return (v) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of mapEntries(v)) setMember(out, key, item(value));
        return out;
      };
    }
    case 'record':
      return recordEncoder(type.cls);
    case 'event_batch':
      return encodeEventBatch;
    case 'any':
      return encodeAny;
  }
}

function recordEncoder(clsName: string): Encoder {
  const cls = datamodel.find(clsName);
  if (!cls) return encodeAny;
  let encoder = recordEncoders.get(cls.name);
  if (!encoder) {
    encoder = generateRecordEncoder(cls.fields, cls.fields.map((f) => encoderFor(f.type)));
    recordEncoders.set(cls.name, encoder);
  }
  return encoder;
}

/**
 * Generated per class so every record comes out as one object literal of a fixed shape, fields in datamodel
 * order: V8 keeps such objects fast and JSON.stringify takes its fast path, where 90 keyed stores would turn
 * each record into a dictionary. Measured: encoding 10,000 VMs drops from ~220 ms to ~50 ms.
 * Absent (or null) fields get the datamodel default.
 */
function generateRecordEncoder(fields: readonly FieldInfo[], encoders: Encoder[]): Encoder {
  const locals = fields.map((_, i) => `e${i} = e[${i}], d${i} = d[${i}]`).join(', ');
  const members = fields.map((f, i) => {
    const key = JSON.stringify(f.name);
    return `${key}: (v = r[${key}]) == null ? e${i}(d${i}()) : e${i}(v)`;
  });
  const source = `const ${locals};
return function encodeRecord(r) {
  let v;
  if (typeof r !== 'object' || r === null) r = {};
  return { ${members.join(', ')} };
};`;
  const build = new Function('e', 'd', source) as (e: Encoder[], d: (() => unknown)[]) => Encoder;
  return build(encoders, fields.map((f) => f.defaultValue));
}

function encodeAny(v: unknown): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : 0;
    case 'bigint':
      return Number(v);
    case 'object': {
      if (v === null) return '';
      if (v instanceof Date) return datetimeText(v);
      if (Array.isArray(v) || v instanceof Set) return setItems(v).map(encodeAny);
      const out: Record<string, unknown> = {};
      for (const [key, value] of mapEntries(v)) {
        if (value !== undefined) setMember(out, key, encodeAny(value));
      }
      return out;
    }
    default:
      return '';
  }
}

function encodeEventBatch(v: unknown): unknown {
  const batch = (v ?? {}) as Partial<EventBatch>;
  const events = (batch.events ?? []).map((event) => {
    const out: Record<string, unknown> = {
      id: stringEncoder(event.id),
      timestamp: stringEncoder(event.timestamp),
      class: stringEncoder(event.class),
      operation: stringEncoder(event.operation),
      ref: stringEncoder(event.ref),
    };
    if (event.snapshot !== undefined && event.snapshot !== null) {
      out.snapshot = recordEncoder(event.class)(event.snapshot);
    }
    return out;
  });
  const counts: Record<string, unknown> = {};
  for (const [cls, count] of mapEntries(batch.valid_ref_counts)) setMember(counts, cls, intValue(count));
  return { events, valid_ref_counts: counts, token: stringEncoder(batch.token) };
}

export function encodeJsonValue(value: unknown, type: XType): unknown {
  return encoderFor(type)(value);
}

type CallIdentity = Pick<JsonRpcCall, 'version' | 'id'>;

export function jsonRpcSuccess(call: CallIdentity, value: unknown): string {
  const result = JSON.stringify(value === undefined ? '' : value);
  const id = JSON.stringify(call.id);
  // A v2 success must not carry "error": the xen-api client then rejects the whole message.
  return call.version === 2 ? `{"jsonrpc":"2.0","result":${result},"id":${id}}` : `{"result":${result},"error":null,"id":${id}}`;
}

export function jsonRpcFailure(call: CallIdentity, description: readonly string[]): string {
  const id = JSON.stringify(call.id);
  if (call.version === 1) return `{"result":null,"error":${JSON.stringify(description)},"id":${id}}`;
  const [code = 'INTERNAL_ERROR', ...data] = description;
  return `{"jsonrpc":"2.0","error":{"code":1,"message":${JSON.stringify(code)},"data":${JSON.stringify(data)}},"id":${id}}`;
}
