// One XAPI endpoint over JSON-RPC v2 (`POST /jsonrpc`, XAPI 7.1 and later). JSON.parse decodes a pool-sized
// answer several times faster than an XML-RPC SAX parse, and hands back strings of their own rather than
// slices of the answer, so a cached record does not keep the whole answer alive.
import http from 'node:http';
import https from 'node:https';
import { XapiError, XapiProtocolError } from './errors.js';
import { toXapiDate } from './normalize.js';
import { callFailure, callSignal, endpointAgent, type XapiCallOptions, type XapiTransport, type XmlRpcTransportOptions } from './transport.js';

/** The endpoint answered, but not as a JSON-RPC server: an older XAPI that only speaks XML-RPC. */
export class JsonRpcUnavailableError extends XapiProtocolError {}

interface JsonRpcAnswer {
  result?: unknown;
  error?: { message?: unknown; data?: unknown } | readonly unknown[] | null;
}

/** Dates as XAPI's datetime strings, bigints as numbers: what JSON itself cannot carry. */
function wireValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function encodeParams(params: readonly unknown[]): unknown[] {
  return params.map((param) => (param instanceof Date ? toXapiDate(param) : param));
}

/** XAPI's error as `[code, ...params]`, from a v2 error object or a v1 error array. */
function errorDescription(error: NonNullable<JsonRpcAnswer['error']>): unknown[] {
  if (Array.isArray(error)) return [...error];
  const { message, data } = error as { message?: unknown; data?: unknown };
  return [message, ...(Array.isArray(data) ? data : [])];
}

export function createJsonRpcTransport(url: string, options: XmlRpcTransportOptions = {}): XapiTransport {
  const endpoint = new URL('/jsonrpc', url);
  const agent = endpointAgent(url, options);
  const request = endpoint.protocol === 'https:' ? https.request : http.request;
  let nextId = 0;

  function call(method: string, params: unknown[], callOptions: XapiCallOptions = {}): Promise<unknown> {
    if (callOptions.signal?.aborted) return Promise.reject(callOptions.signal.reason);
    const { signal, timeout } = callSignal(callOptions);
    const body = JSON.stringify({ jsonrpc: '2.0', id: ++nextId, method, params: encodeParams(params) }, wireValue);
    const fail = (error: unknown) => callFailure(error, { url, method, signal: callOptions.signal, timeout });

    return new Promise((resolve, reject) => {
      const req = request(endpoint, {
        method: 'POST', agent, signal,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(fail(error)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let answer: JsonRpcAnswer;
          try {
            if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
            answer = JSON.parse(text) as JsonRpcAnswer;
            if (typeof answer !== 'object' || answer === null || !('result' in answer || 'error' in answer)) throw new Error('no result or error');
          } catch (error) {
            reject(new JsonRpcUnavailableError(`not a JSON-RPC answer (${(error as Error).message})`, url, method, error));
            return;
          }
          if (answer.error) reject(XapiError.fromDescription(errorDescription(answer.error), method));
          else resolve(answer.result);
        });
      });
      req.on('error', (error) => reject(fail(error)));
      req.end(body);
    });
  }

  return {
    url,
    call,
    close() {
      agent.destroy();
    },
  };
}
