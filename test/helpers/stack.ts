// One call starts what a user would run: a XAPI simulator (fast time) and xengraph pointed at it, on free
// ports with a temporary DATA_DIR and database. Tests then talk to it as clients do: fetch over HTTP and
// the graphql-ws client over WebSocket, with operations typed by codegen (or plain strings).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/index.js';
import type { Role } from '../../src/store/index.js';
import { testDatabaseUrl } from './store.js';

export interface StackOptions {
  /** Simulator speed; 0.02 makes a minute-long XAPI action take about a second. */
  readonly timeScale?: number;
  /** Extra environment for loadConfig (CORS_ORIGINS, GRAPHIQL, …). */
  readonly env?: Readonly<Record<string, string>>;
  /** More for the simulator: a state file, a fixed port (to restart it on the same addresses), a topology. */
  readonly simulator?: Omit<SimulatorOptions, 'password' | 'timeScale'>;
  /** Pools configured beside the simulator's (one that is not there yet, say). */
  readonly extraXapiUrls?: readonly string[];
}

export type Document<R, V> = TypedDocumentNode<R, V> | DocumentNode | string;

export interface GraphQLResponse<R> {
  readonly status: number;
  readonly headers: Headers;
  readonly data?: R | null;
  readonly errors?: readonly GraphQLFormattedError[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface LoggedError {
  readonly message: string;
  readonly error: unknown;
}

export interface Stack {
  readonly url: string;
  readonly wsUrl: string;
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly adminToken: string;
  readonly sim: RunningSimulator;
  /** root's password on the simulated pools, for tests that act on XAPI directly. */
  readonly simPassword: string;
  readonly app: App;
  /** Internal errors the server logged (instead of printing them), newest last. */
  readonly errorLog: LoggedError[];
  /** The server's log output (JSON lines, as written), newest last. */
  readonly logLines: string[];
  /** A token of the role, made once per stack. */
  tokenFor(role: Role): Promise<string>;
  request<R, V>(document: Document<R, V>, variables?: V, token?: string | null, headers?: Record<string, string>): Promise<GraphQLResponse<R>>;
  /** A graphql-ws client; `token` goes into connectionParams.authorization as a Bearer value. */
  wsClient(token?: string | null, connectionParams?: Record<string, unknown>): Client;
  /** One operation over WebSocket: the first result (errors sent as a graphql-ws `error` message included). */
  wsRequest<R, V>(document: Document<R, V>, variables?: V, token?: string | null): Promise<FormattedExecutionResult<R, unknown>>;
  /** A subscription's results as an async iterator over a dedicated client; `return()` disposes it. */
  subscribe<R, V>(document: Document<R, V>, variables?: V, token?: string | null): AsyncIterableIterator<FormattedExecutionResult<R, unknown>>;
  stop(): Promise<void>;
}

export const SIM_PASSWORD = 'stack-secret';

/** A TCP port free right now on the loopback, for a simulator that is to appear there later. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function queryText(document: Document<unknown, unknown>): string {
  return typeof document === 'string' ? document : print(document);
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xengraph-stack-'));
  const databaseUrl = await testDatabaseUrl(dataDir);
  const sim = await startSimulator({ port: 0, ...options.simulator, password: SIM_PASSWORD, timeScale: options.timeScale ?? 0.02 });
  const errorLog: LoggedError[] = [];
  const logLines: string[] = [];
  let app: App;
  try {
    const config = loadConfig({
      XAPI_URL: [...sim.pools.map((pool) => pool.masterUrl), ...(options.extraXapiUrls ?? [])].join(','),
      XAPI_USER: 'root',
      XAPI_PASSWORD: SIM_PASSWORD,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: '0',
      ...options.env,
    });
    app = await createApp(config, {
      host: '127.0.0.1',
      logError: (message, error) => errorLog.push({ message, error }),
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
  } catch (error) {
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  if (!app.initialAdminToken) throw new Error('a fresh store should have produced an initial admin token');
  const adminToken = app.initialAdminToken;
  const url = app.url;
  const wsUrl = url.replace(/^http/, 'ws');
  const clients = new Set<Client>();
  const tokens = new Map<Role, Promise<string>>();

  const wsClient = (token?: string | null, connectionParams: Record<string, unknown> = {}): Client => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: token ? { authorization: `Bearer ${token}`, ...connectionParams } : connectionParams,
    });
    clients.add(client);
    return client;
  };

  const stack: Stack = {
    url, wsUrl, dataDir, databaseUrl, adminToken, sim, simPassword: SIM_PASSWORD, app, errorLog, logLines,
    tokenFor(role) {
      let token = tokens.get(role);
      if (!token) {
        token = app.services.store.tokens.create({ name: `test-${role}`, role }).then((created) => created.secret);
        tokens.set(role, token);
      }
      return token;
    },
    async request(document, variables, token, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query: queryText(document), variables }),
      });
      const body = await response.json() as { data?: never; errors?: GraphQLFormattedError[]; extensions?: Record<string, unknown> };
      return { status: response.status, headers: response.headers, data: body.data, errors: body.errors, extensions: body.extensions };
    },
    wsClient,
    async wsRequest<R, V>(document: Document<R, V>, variables?: V, token?: string | null) {
      const client = wsClient(token);
      try {
        return await new Promise<FormattedExecutionResult<R, unknown>>((resolve, reject) => {
          client.subscribe<R>({ query: queryText(document), variables: variables as Record<string, unknown> }, {
            next: (result) => resolve(result),
            error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
            complete: () => reject(new Error('completed without a result')),
          });
        });
      } finally {
        clients.delete(client);
        await client.dispose();
      }
    },
    subscribe<R, V>(document: Document<R, V>, variables?: V, token?: string | null): AsyncIterableIterator<FormattedExecutionResult<R, unknown>> {
      const client = wsClient(token);
      const results = client.iterate<R>({ query: queryText(document), variables: variables as Record<string, unknown> });
      const close = async () => {
        clients.delete(client);
        await client.dispose();
      };
      return {
        async next() {
          try {
            const step = await results.next();
            if (step.done) await close();
            return step;
          } catch (error) {
            await close();
            if (Array.isArray(error)) return { done: false, value: { errors: error } };
            throw error;
          }
        },
        async return() {
          await results.return?.();
          await close();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
    async stop() {
      await Promise.all([...clients].map((client) => client.dispose()));
      clients.clear();
      await app.stop();
      await sim.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** The `extensions.code` of each error, for compact assertions. */
export function errorCodes(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
