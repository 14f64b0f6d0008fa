// A GraphQL-over-HTTP caller for the benchmark's client side: plain fetch, as any client sends it.
export type GraphQL = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function graphqlClient(url: string, token: string): GraphQL {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json() as { data?: T; errors?: unknown };
    if (body.errors || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes of one machine. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
