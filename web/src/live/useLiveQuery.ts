// A query kept current: read once, then read again from the network whenever the given subscription reports a
// change (and, as a floor, every `pollMs`). Pages hold no rules about what an event means; they re-read.
import { useEffect, useRef } from 'react';
import { useQuery, useSubscription, type AnyVariables, type TypedDocumentNode, type UseQueryResponse } from 'urql';

export interface LiveOptions<V extends AnyVariables, E, EV extends AnyVariables> {
  readonly query: TypedDocumentNode<any, V>;
  readonly variables: V;
  /** A subscription whose every event means the query's answer may have changed. */
  readonly changes?: { readonly query: TypedDocumentNode<E, EV>; readonly variables: EV };
  /** Re-read this often even without events (resource figures move without one); none when omitted. */
  readonly pollMs?: number;
  /** Held back (no request) while true, e.g. before an id is known. */
  readonly pause?: boolean;
}

/** Events closer than this are read as one burst: one re-read at its end, not one per event. */
const COALESCE_MS = 150;

export function useLiveQuery<R, V extends AnyVariables, E = unknown, EV extends AnyVariables = AnyVariables>(
  options: LiveOptions<V, E, EV> & { readonly query: TypedDocumentNode<R, V> },
): UseQueryResponse<R, V> {
  const response = useQuery<R, V>({ query: options.query, variables: options.variables, pause: options.pause } as never);
  const reexecute = response[1];
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      reexecute({ requestPolicy: 'network-only' });
    }, COALESCE_MS);
  };
  useSubscription<E, null, EV>(
    { query: options.changes?.query ?? (options.query as never), variables: options.changes?.variables, pause: !options.changes || options.pause } as never,
    () => {
      refresh();
      return null;
    },
  );
  useEffect(() => {
    if (!options.pollMs || options.pause) return;
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), options.pollMs);
    return () => clearInterval(timer);
  }, [options.pollMs, options.pause, reexecute]);
  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);
  return response;
}
