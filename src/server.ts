// The API on one port: yoga serves GraphQL over HTTP (and SSE) at /graphql plus GraphiQL and the operator
// endpoints (/healthz, /readyz, /metrics); graphql-ws serves the same schema over WebSocket on the same path,
// through yoga's enveloped pipeline so both transports share auth, masking, limits, logs and metrics.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GraphQLError, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type GraphiQLOptions, type YogaInitialContext } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Config } from './config.js';
import { authenticateConnection, useAccessControl, type AuthenticatedInitialContext } from './access-control.js';
import { unauthenticated } from './graphql/auth.js';
import type { GraphQLContext, Principal } from './graphql/context.js';
import { createLogger, errorLogOf, type Logger } from './logging/logger.js';
import { useRequestLog } from './logging/request-log.js';
import { acceptedRequestId } from './logging/request-id.js';
import type { AppMetrics } from './metrics/metrics.js';
import { useOperatorEndpoints } from './operator-endpoints.js';
import { checkReadiness } from './readiness.js';
import { presentError, requestIdOf, useRequestErrors, type ErrorLog } from './request-errors.js';
import { MAX_REQUEST_BYTES, useRequestLimits } from './request-limits.js';
import type { AppServices } from './services.js';
import { useSharedSubscriptionExecution } from './subscription-fanout.js';
import { useCompiledQueries } from './graphql/compiled-queries.js';
import { useWebConsole } from './web-console.js';
import { sharedEncodingOnNext, spliceSharedEncodings } from './ws-shared-encoding.js';
import { QueryBudgets, useQueryCost } from './graphql/query-cost.js';
import { DEFAULTS } from './settings.js';
import { TokenCache } from './token-cache.js';
import { TokenStreams } from './token-streams.js';

export interface ServerOptions {
  readonly schema: GraphQLSchema;
  readonly services: AppServices;
  readonly config: Pick<Config, 'corsOrigins' | 'graphiql'> & Partial<Pick<Config, 'metricsToken' | 'queryBudget'>>;
  /** Interface to listen on; all interfaces when omitted. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Where log lines go; JSON on stdout by default. */
  readonly logger?: Logger;
  /** Where internal errors are reported with their request id; the log by default. */
  readonly logError?: ErrorLog;
  /** Served on /metrics (absent: no /metrics). */
  readonly metrics?: AppMetrics;
  /** The web console's built bundle, served at /; the build's dist/web/ by default. */
  readonly webConsoleDir?: string;
}

export interface RunningServer {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  readonly url: string;
  readonly port: number;
  /** Stops serving; in-flight HTTP requests get `graceMs` (5 s) to finish before their connections are cut. */
  stop(graceMs?: number): Promise<void>;
}

/** What graphql-ws hands to yoga in place of an HTTP request. */
interface WsInitialContext {
  readonly requestId: string;
  readonly principal: Principal;
  readonly connectionParams?: Readonly<Record<string, unknown>>;
  readonly req: IncomingMessage;
  readonly socket: unknown;
}

type InitialContext = Partial<YogaInitialContext> & Partial<WsInitialContext> & AuthenticatedInitialContext;

const GRAPHQL_PATH = '/graphql';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { schema, services, config } = options;
  const logger = options.logger ?? createLogger();
  const logError = options.logError ?? errorLogOf(logger);
  const streams = new TokenStreams({ tokens: services.store.tokens, pubsub: services.pubsub, logError });
  const tokens = new TokenCache({ tokens: services.store.tokens, pubsub: services.pubsub });

  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    multipart: false,
    // No origins configured: no CORS headers at all, so browsers allow same-origin calls only.
    cors: config.corsOrigins.length === 0 ? false : {
      origin: [...config.corsOrigins],
      credentials: false,
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
    },
    graphiql: config.graphiql ? graphiqlOptions() : false,
    // GraphiQL from our own dependencies, inlined: management networks often have no way to a CDN. Loaded on
    // the first page asked for: its inlined bundle is ~30 MB of heap that an API nobody browses need not hold.
    renderGraphiQL: async (graphiqlPage) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlPage),
    // Operator endpoints first: probes need no token and no GraphQL. Then bounds before anything else; then
    // access control, so its refusals go through the error presentation like any other error.
    plugins: [
      useRequestLog(logger),
      useOperatorEndpoints({
        readiness: () => checkReadiness(services), metrics: options.metrics?.registry ?? null, metricsToken: config.metricsToken ?? null,
      }),
      // The console's files need no token either: it signs in through the API like any other client.
      useWebConsole({ root: options.webConsoleDir, graphqlPath: GRAPHQL_PATH }),
      ...(options.metrics?.plugins ?? []),
      useRequestLimits(),
      useAccessControl({ schema, tokens, streams, logError }),
      useRequestErrors(logError),
      useQueryCost(schema, new QueryBudgets(config.queryBudget ?? { points: DEFAULTS.QUERY_BUDGET, windowSeconds: DEFAULTS.QUERY_BUDGET_WINDOW })),
      useSharedSubscriptionExecution(),
      useCompiledQueries(schema),
    ],
    // Errors are presented (and unexpected ones hidden and logged) by useRequestErrors alone, on every path a
    // client sees them. yoga's masking did it again, and on each subscription result through envelop's onNext
    // chain, once per result per subscriber.
    maskedErrors: false,
    // Parse errors are not cached: a cached one would be rethrown before our plugin could give it this
    // request's id. Parsed documents and validation results are still cached.
    parserAndValidationCache: { errorCache: { get: () => undefined, set: () => {} } },
    context: async (initial: InitialContext): Promise<GraphQLContext> => {
      const requestId = initial.requestId ?? (initial.request ? requestIdOf(initial.request) : randomUUID());
      // useAccessControl (HTTP) or the WebSocket connection authenticated the caller already.
      if (!initial.principal) throw presentError(unauthenticated(), requestId, logError);
      return { principal: initial.principal, requestId, services };
    },
  });

  // A request's id is the caller's x-request-id when sane, which yoga then reads back from the header so the
  // response, its errors and its log lines carry the same one.
  const httpServer = createServer((req, res) => {
    const reqId = acceptedRequestId(req.headers['x-request-id'] as string | undefined);
    req.headers['x-request-id'] = reqId;
    void yoga(req, res);
  });
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
  spliceSharedEncodings(wss);
  type Enveloped = ReturnType<typeof yoga.getEnveloped>;
  // Each operation's own execute/subscribe, found again through its context object.
  const envelopedByContext = new WeakMap<object, Enveloped>();
  const wsServer = useServer<Record<string, unknown> | undefined>({
    // No valid token, no connection (4403). A connection ends (4403) when its token is revoked.
    onConnect: async (ctx) => {
      const principal = await authenticateConnection(tokens, ctx.connectionParams).catch((error: unknown) => {
        if (!(error instanceof GraphQLError)) logError('WebSocket connection refused: internal error', error);
        return null;
      });
      if (!principal) return false;
      const close = streams.open(principal.tokenId, () => ctx.extra.socket.close(4403, 'Forbidden: token revoked'));
      ctx.extra.socket.once('close', close);
      return true;
    },
    onSubscribe: async (ctx, _id, payload) => {
      const requestId = randomUUID();
      let principal: Principal;
      try {
        // Again per operation, so none starts on a token revoked a moment ago.
        principal = await authenticateConnection(tokens, ctx.connectionParams);
      } catch (error) {
        return [withoutHttpExtension(presentError(error, requestId, logError))];
      }
      const initial: WsInitialContext = {
        requestId, principal, connectionParams: ctx.connectionParams, req: ctx.extra.request, socket: ctx.extra.socket,
      };
      const enveloped = yoga.getEnveloped({ ...initial, params: payload });
      let document;
      try {
        document = enveloped.parse(payload.query);
      } catch (error) {
        return [withoutHttpExtension(presentError(error, initial.requestId, logError))];
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
    onNext: sharedEncodingOnNext(),
    execute: (args) => envelopedByContext.get(args.contextValue as object)!.execute(args),
    subscribe: (args) => envelopedByContext.get(args.contextValue as object)!.subscribe(args),
  }, wss);

  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  let stopping: Promise<void> | null = null;
  const stop = async (graceMs: number): Promise<void> => {
    // Refuse new connections, let idle keep-alive ones go, say goodbye to WebSocket clients (1001), end SSE
    // streams (their subscriptions complete), give in-flight HTTP requests a grace period, then cut what is left.
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    await wsServer.dispose();
    streams.endAll();
    await streams.stop();
    await tokens.stop();
    const grace = setTimeout(() => {
      httpServer.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    }, graceMs);
    await closed;
    clearTimeout(grace);
    await yoga.dispose();
  };

  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}${GRAPHQL_PATH}`,
    port,
    stop: (graceMs = 5000) => (stopping ??= stop(graceMs)),
  };
}

/**
 * GraphiQL with a header template to paste a token into. Tokens never travel in its URL: query strings end up
 * in proxy logs and browser history.
 */
function graphiqlOptions(): GraphiQLOptions {
  return {
    title: 'xengraph',
    subscriptionsProtocol: 'WS',
    defaultHeaders: JSON.stringify({ Authorization: 'Bearer <paste your API token here>' }, null, 2),
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
