// The API on one port: yoga serves GraphQL over HTTP (and SSE) at /graphql plus GraphiQL and /health;
// graphql-ws serves the same schema over WebSocket on the same path, through yoga's enveloped pipeline so
// both transports share auth, masking and limits.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GraphQLError, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type GraphiQLOptions, type YogaInitialContext } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Config } from './config.js';
import { credentialFromConnectionParams, credentialFromHeader, looksLikeToken, principalFor } from './graphql/auth.js';
import type { GraphQLContext } from './graphql/context.js';
import { presentError, requestIdOf, useRequestErrors, type ErrorLog } from './request-errors.js';
import { MAX_REQUEST_BYTES, useRequestLimits } from './request-limits.js';
import type { AppServices } from './services.js';

export interface ServerOptions {
  readonly schema: GraphQLSchema;
  readonly services: AppServices;
  readonly config: Pick<Config, 'corsOrigins' | 'graphiql'>;
  /** Interface to listen on; all interfaces when omitted. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Where internal errors are logged with their request id; stderr by default. */
  readonly logError?: ErrorLog;
  /** How long stop() lets in-flight HTTP requests finish before cutting connections. */
  readonly shutdownGraceMs?: number;
}

export interface RunningServer {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** What graphql-ws hands to yoga in place of an HTTP request. */
interface WsInitialContext {
  readonly requestId: string;
  readonly connectionParams?: Readonly<Record<string, unknown>>;
  readonly req: IncomingMessage;
  readonly socket: unknown;
}

type InitialContext = Partial<YogaInitialContext> & Partial<WsInitialContext>;

const GRAPHQL_PATH = '/graphql';

const logToStderr: ErrorLog = (message, error) => {
  console.error(message, error);
};

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { schema, services, config } = options;
  const logError = options.logError ?? logToStderr;

  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/health',
    landingPage: false,
    multipart: false,
    // No origins configured: no CORS headers at all, so browsers allow same-origin calls only.
    cors: config.corsOrigins.length === 0 ? false : {
      origin: [...config.corsOrigins],
      credentials: false,
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
    },
    graphiql: config.graphiql ? (request) => graphiqlOptions(request) : false,
    plugins: [useRequestLimits(), useRequestErrors(logError)],
    // Parse errors are not cached: a cached one would be rethrown before our plugin could give it this
    // request's id. Parsed documents and validation results are still cached.
    parserAndValidationCache: { errorCache: { get: () => undefined, set: () => {} } },
    context: async (initial: InitialContext): Promise<GraphQLContext> => {
      const requestId = initial.requestId ?? (initial.request ? requestIdOf(initial.request) : randomUUID());
      try {
        const credential = initial.request
          ? credentialFromHeader(initial.request.headers.get('authorization'))
          : credentialFromConnectionParams(initial.connectionParams);
        return { principal: await principalFor(services.store.tokens, credential), requestId, services };
      } catch (error) {
        throw presentError(error, requestId, logError);
      }
    },
  });

  const httpServer = createServer(yoga);
  const sockets = new Set<Socket>();
  httpServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await yoga.dispose();
    throw error;
  }

  // Attached once listening, or ws reports a failed listen as an error of its own. Its 100 MiB default
  // message limit is far beyond any GraphQL operation.
  const wss = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH, maxPayload: MAX_REQUEST_BYTES });
  type Enveloped = ReturnType<typeof yoga.getEnveloped>;
  // Each operation's own execute/subscribe, found again through its context object.
  const envelopedByContext = new WeakMap<object, Enveloped>();
  const wsServer = useServer<Record<string, unknown> | undefined>({
    onSubscribe: async (ctx, _id, payload) => {
      const initial: WsInitialContext = {
        requestId: randomUUID(), connectionParams: ctx.connectionParams, req: ctx.extra.request, socket: ctx.extra.socket,
      };
      const enveloped = yoga.getEnveloped({ ...initial, params: payload });
      let document;
      try {
        document = enveloped.parse(payload.query);
      } catch (error) {
        return [presentError(error, initial.requestId, logError)];
      }
      const errors = enveloped.validate(enveloped.schema, document);
      if (errors.length > 0) return errors.map(withoutHttpExtension);
      let contextValue: object;
      try {
        contextValue = await enveloped.contextFactory();
      } catch (error) {
        return [withoutHttpExtension(presentError(error, initial.requestId, logError))];
      }
      envelopedByContext.set(contextValue, enveloped);
      const args: ExecutionArgs = {
        schema: enveloped.schema, document, contextValue,
        operationName: payload.operationName, variableValues: payload.variables,
      };
      return args;
    },
    execute: (args) => envelopedByContext.get(args.contextValue as object)!.execute(args),
    subscribe: (args) => envelopedByContext.get(args.contextValue as object)!.subscribe(args),
  }, wss);

  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  let stopping: Promise<void> | null = null;
  const stop = async (): Promise<void> => {
    // Refuse new connections, let idle keep-alive ones go, say goodbye to WebSocket clients (1001), give
    // in-flight HTTP requests a grace period, then cut what is left.
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    await wsServer.dispose();
    const grace = setTimeout(() => {
      httpServer.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    }, options.shutdownGraceMs ?? 5000);
    await closed;
    clearTimeout(grace);
    await yoga.dispose();
  };

  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}${GRAPHQL_PATH}`,
    port,
    stop: () => (stopping ??= stop()),
  };
}

/** GraphiQL, with the Authorization header filled in from `?token=` so a printed link works as is. */
function graphiqlOptions(request: Request): GraphiQLOptions {
  const token = new URL(request.url).searchParams.get('token');
  // Only a well-formed token is copied into the page: the value ends up inside a <script>.
  const headers = token && looksLikeToken(token) ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : undefined;
  return {
    title: 'xengraph',
    subscriptionsProtocol: 'WS',
    ...(headers ? { headers, defaultHeaders: headers } : {}),
    defaultQuery: '{\n  viewer {\n    name\n    role\n  }\n}\n',
  };
}

/** `extensions.http` tells yoga which HTTP status to send; over WebSocket it would only leak to the client. */
function withoutHttpExtension(error: GraphQLError): GraphQLError {
  if (!error.extensions.http) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path,
    originalError: error.originalError, extensions,
  });
}
