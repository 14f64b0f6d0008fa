// One XAPI endpoint (a pool member's URL) over XML-RPC, through the `xmlrpc` package. The transport knows the
// wire: it types outgoing params the way XAPI expects them, unwraps the `{Status, Value}` envelope and turns
// failures into XapiError (API level) or XapiTransportError (the connection). Sessions and retries live above.
import http from 'node:http';
import https from 'node:https';
import xmlrpc from 'xmlrpc';
import { datamodel, type XType } from './datamodel/index.js';
import { XapiError, XapiProtocolError, XapiTransportError } from './errors.js';
import { toXapiDate } from './normalize.js';

export interface XapiCallOptions {
  /** Give up after this long (the request is aborted and XapiTransportError ETIMEDOUT is thrown). */
  timeoutMs?: number;
  /** Abort the request (the event watcher uses this to stop a pending long poll promptly). */
  signal?: AbortSignal;
}

export interface XapiTransport {
  /** The endpoint URL, for error messages and fail-over bookkeeping. */
  readonly url: string;
  /** Sends one call; `params` are the wire params (session first where the method takes one). */
  call(method: string, params: unknown[], options?: XapiCallOptions): Promise<unknown>;
  close?(): void;
}

export type XapiTransportFactory = (url: string) => XapiTransport;

export interface XmlRpcTransportOptions {
  /** Accept self-signed certificates, as XAPI hosts ship with them. */
  allowUnauthorized?: boolean;
  /** Upper bound on sockets to this endpoint; the client's concurrency plus the event long poll fit in it. */
  maxSockets?: number;
}

/** System error codes meaning the connection to the endpoint failed or broke, as opposed to a bad answer. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN',
  'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_SOCKET_CLOSED', 'UND_ERR_SOCKET',
]);

/** xmlrpc serialises CustomType instances as `<tagName>raw</tagName>`; that is how we send doubles and dates. */
class TaggedValue extends xmlrpc.CustomType {
  constructor(tagName: string, raw: string) {
    super(raw);
    this.tagName = tagName;
  }
}

function formatDouble(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`XAPI cannot carry a non-finite float: ${value}`);
  // An integral number would otherwise be written as `<int>`, which XAPI refuses where a float is declared
  // (event.from's timeout is the everyday case).
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * Encodes one param for XML-RPC using its declared type when known. Ints go as decimal strings (XAPI's own
 * encoding, and not limited to 32 bits like `<int>`), floats as `<double>`, datetimes as UTC `dateTime.iso8601`
 * (the xmlrpc package would otherwise write local time without a zone).
 */
function encodeParam(value: unknown, type: XType | undefined): unknown {
  if (value === undefined || value === null) return value;
  if (value instanceof Date) return new TaggedValue('dateTime.iso8601', toXapiDate(value));
  if (type === undefined) {
    if (typeof value === 'bigint') return String(value);
    if (typeof value === 'number') return Number.isInteger(value) ? String(value) : new TaggedValue('double', formatDouble(value));
    if (Array.isArray(value)) return value.map((item) => encodeParam(item, undefined));
    if (typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof xmlrpc.CustomType)) {
      return encodeStruct(value as Record<string, unknown>, () => undefined);
    }
    return value;
  }
  switch (type.kind) {
    case 'int':
      return typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
    case 'float':
      return typeof value === 'number' || typeof value === 'string' ? new TaggedValue('double', formatDouble(Number(value))) : value;
    case 'datetime':
      return typeof value === 'string' ? new TaggedValue('dateTime.iso8601', toXapiDate(value)) : value;
    case 'set':
      return Array.isArray(value) ? value.map((item) => encodeParam(item, type.of)) : value;
    case 'map':
      return typeof value === 'object' ? encodeStruct(value as Record<string, unknown>, () => type.value) : value;
    case 'record': {
      const info = datamodel.find(type.cls);
      return typeof value === 'object'
        ? encodeStruct(value as Record<string, unknown>, (key) => info?.field.get(key)?.type)
        : value;
    }
    default:
      return encodeParam(value, undefined);
  }
}

function encodeStruct(value: Record<string, unknown>, typeOf: (key: string) => XType | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // The xmlrpc package would send an undefined member as an empty string, which is never what was meant.
    if (item !== undefined) out[key] = encodeParam(item, typeOf(key));
  }
  return out;
}

/** Declared wire types of a method's params, with the session slot included where there is one. */
function paramTypesOf(method: string): (XType | undefined)[] {
  const name = method.startsWith('Async.') ? method.slice(6) : method;
  const dot = name.indexOf('.');
  const message = dot < 0 ? undefined : datamodel.find(name.slice(0, dot))?.messages.get(name.slice(dot + 1));
  if (!message) return [];
  const types: (XType | undefined)[] = message.params.map((p) => p.type);
  return message.sessionFirst ? [undefined, ...types] : types;
}

export function encodeParams(method: string, params: readonly unknown[]): unknown[] {
  const types = paramTypesOf(method);
  return params.map((param, i) => encodeParam(param, types[i]));
}

/** Unwraps XAPI's envelope; values without one (system.listMethods) are returned as they are. */
export function unwrapResponse(method: string, response: unknown): unknown {
  if (typeof response !== 'object' || response === null || Array.isArray(response) || !('Status' in response)) {
    return response;
  }
  const envelope = response as { Status: unknown; Value?: unknown; ErrorDescription?: unknown };
  if (envelope.Status === 'Success') return envelope.Value;
  throw XapiError.fromDescription(envelope.ErrorDescription, method);
}

/** The caller's signal and its timeout as one signal for http.request; `timeout` tells a timeout apart. */
export function callSignal(options: XapiCallOptions): { signal: AbortSignal | undefined; timeout: AbortSignal | undefined } {
  const signals: AbortSignal[] = [];
  if (options.signal) signals.push(options.signal);
  const timeout = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  if (timeout) signals.push(timeout);
  const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
  return { signal, timeout };
}

/**
 * What a failed request means to the layers above: the caller's own abort, a timeout or broken connection
 * (XapiTransportError, so the session fails over), or an answer that is not XAPI's (XapiProtocolError).
 */
export function callFailure(
  error: unknown, call: { url: string; method: string; signal?: AbortSignal; timeout?: AbortSignal },
): unknown {
  const { url, method } = call;
  if (call.signal?.aborted) return call.signal.reason;
  if (call.timeout?.aborted) return new XapiTransportError('ETIMEDOUT', url, method, error);
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return new XapiTransportError(code, url, method, error);
  if (/socket hang up|aborted/i.test(message)) return new XapiTransportError('ECONNRESET', url, method, error);
  return new XapiProtocolError(message, url, method, error);
}

/** Keep-alive agent for one endpoint: a fresh TCP (and TLS) handshake per call would dominate small calls. */
export function endpointAgent(url: string, options: XmlRpcTransportOptions): http.Agent {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64 };
  return new URL(url).protocol === 'https:'
    ? new https.Agent({ ...agentOptions, rejectUnauthorized: !options.allowUnauthorized })
    : new http.Agent(agentOptions);
}

export function createXmlRpcTransport(url: string, options: XmlRpcTransportOptions = {}): XapiTransport {
  const secure = new URL(url).protocol === 'https:';
  const agent = endpointAgent(url, options);

  function call(method: string, params: unknown[], callOptions: XapiCallOptions = {}): Promise<unknown> {
    const { signal, timeout } = callSignal(callOptions);
    if (callOptions.signal?.aborted) return Promise.reject(callOptions.signal.reason);

    // A client per call: the xmlrpc package mutates its options (headers, Content-Length) on every call, and
    // `agent`/`signal` are handed straight to http.request, which is how we get keep-alive and aborts.
    const clientOptions = { url, agent, signal } as Parameters<typeof xmlrpc.createClient>[0];
    const client = secure ? xmlrpc.createSecureClient(clientOptions) : xmlrpc.createClient(clientOptions);
    const wireParams = encodeParams(method, params);

    return new Promise((resolve, reject) => {
      let settled = false;
      client.methodCall(method, wireParams, (error: unknown, value: unknown) => {
        // The package may report both a socket error and a parse error for one broken response.
        if (settled) return;
        settled = true;
        if (!error) {
          try {
            resolve(unwrapResponse(method, value));
          } catch (failure) {
            reject(failure);
          }
          return;
        }
        reject(callFailure(error, { url, method, signal: callOptions.signal, timeout }));
      });
    });
  }

  return {
    url,
    call,
    close() {
      // Destroying the agent also breaks requests still in flight (e.g. a pending event.from).
      agent.destroy();
    },
  };
}
