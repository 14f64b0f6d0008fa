// How a graphql-ws connection ended, for tests of refused and revoked connections.
import type { Client } from 'graphql-ws';

export interface WsClose {
  readonly code: number;
  readonly reason: string;
}

/** Resolves when the client's socket closes (with its close code and reason); rejects if `query` is answered. */
export function wsClosed(client: Client, query = '{ viewer { role } }'): Promise<WsClose> {
  return new Promise<WsClose>((resolve, reject) => {
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      resolve({ code, reason: String(reason) });
    });
    client.subscribe({ query }, {
      next: (result) => reject(new Error(`answered: ${JSON.stringify(result)}`)),
      error: () => {},
      complete: () => {},
    });
  });
}
