// One urql client per signed-in token: queries over HTTP, subscriptions over graphql-ws on the same path,
// both carrying the token the way the API expects it.
import { createClient as createWsClient } from 'graphql-ws';
import { Client, fetchExchange, subscriptionExchange, type TypedDocumentNode } from 'urql';

export const GRAPHQL_PATH = '/graphql';

export function graphqlClient(token: string): { client: Client; dispose(): void } {
  const wsUrl = new URL(GRAPHQL_PATH, window.location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = createWsClient({
    url: wsUrl.href,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    retryAttempts: Infinity,
  });
  const client = new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}

/** One query sent with a token outside any client (signing in): its data, or what the API said against it. */
export async function queryWithToken<R>(token: string, document: TypedDocumentNode<R, Record<string, never>>): Promise<{ data: R } | { error: string }> {
  const client = new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: { headers: { authorization: `Bearer ${token}` } },
    exchanges: [fetchExchange],
  });
  const result = await client.query(document, {}).toPromise();
  if (result.error) {
    const messages = result.error.graphQLErrors.map((error) => error.message);
    return { error: messages.length > 0 ? messages.join(' ') : 'The server cannot be reached.' };
  }
  return result.data ? { data: result.data } : { error: 'The server answered without data.' };
}
