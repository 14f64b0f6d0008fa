// One change, one JSON encoding: subscribers sharing an execution (subscription-fanout.ts) receive the very
// same result object, yet graphql-ws encodes each socket's `next` message on its own, so with a thousand
// subscribers the event's payload was encoded a thousand times. Here the payload is encoded once per result
// object and each socket's message is the envelope graphql-ws builds (its own id and type, same protocol)
// with that one string spliced in as `payload`.
//
// How: `onNext` hands graphql-ws an EncodedPayload in place of the result; graphql-ws's JSON.stringify calls
// its toJSON, which leaves the encoded string for the socket's send (called synchronously right after the
// stringify, see graphql-ws's use/ws.js) and stands in for it with a marker that the send replaces.
import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';

const MARKER = '\u0000xengraph-encoded-payload\u0000';
/** How the marker ends a stringified `next` message: `…,"payload":"<marker>"}`. */
const MARKER_ENDING = `${JSON.stringify(MARKER)}}`;

/** The encoding stringified last and not yet sent; set and taken within one synchronous stretch. */
let pendingEncoding: string | null = null;

class EncodedPayload {
  constructor(private readonly json: string) {}
  toJSON(): string {
    pendingEncoding = this.json;
    return MARKER;
  }
}

/**
 * graphql-ws `onNext`: the result's payload, encoded once however many sockets it goes to. The same JSON
 * graphql-ws would write itself (errors through GraphQLError's toJSON, absent ones left out).
 */
export function sharedEncodingOnNext(): (ctx: unknown, id: string, payload: unknown, args: unknown, result: ExecutionResult) => FormattedExecutionResult {
  const encodings = new WeakMap<object, EncodedPayload>();
  return (_ctx, _id, _payload, _args, result) => {
    let encoded = encodings.get(result);
    if (!encoded) encodings.set(result, (encoded = new EncodedPayload(JSON.stringify(result))));
    // Serializes exactly as the formatted result would (toJSON), which is all graphql-ws does with it.
    return encoded as FormattedExecutionResult;
  };
}

/** Makes every socket of `wss` write the shared encoding where graphql-ws's message carries the marker. */
export function spliceSharedEncodings(wss: WebSocketServer): void {
  wss.on('connection', (socket: WebSocket) => {
    const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
    socket.send = ((data: unknown, ...rest: unknown[]) => send(spliced(data), ...rest)) as WebSocket['send'];
  });
}

function spliced(data: unknown): unknown {
  if (pendingEncoding === null || typeof data !== 'string' || !data.endsWith(MARKER_ENDING)) return data;
  const message = `${data.slice(0, -MARKER_ENDING.length)}${pendingEncoding}}`;
  pendingEncoding = null;
  return message;
}
