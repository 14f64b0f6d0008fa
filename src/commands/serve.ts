// `xengraph serve`: the API (with the embedded simulator unless XAPI_URL names pools) until SIGTERM or SIGINT.
import { parseArgs } from 'node:util';
import { createApp, type App } from '../app.js';
import { ConfigError, loadConfig, type Config } from '../config.js';

export async function runServeCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'xapi-url': { type: 'string' },
    },
  });
  // Flags override the environment and go through the same validation.
  const config = loadConfig({
    ...process.env,
    ...(values.port !== undefined ? { PORT: values.port } : {}),
    ...(values['data-dir'] !== undefined ? { DATA_DIR: values['data-dir'] } : {}),
    ...(values['database-url'] !== undefined ? { DATABASE_URL: values['database-url'] } : {}),
    ...(values['xapi-url'] !== undefined ? { XAPI_URL: values['xapi-url'] } : {}),
  });
  const app = await createApp(config).catch((error: unknown) => {
    const problem = startProblem(error, config);
    throw problem ? new ConfigError(problem) : error;
  });
  stopOnSignals(app, config.shutdownGraceSeconds);

  if (app.simulator) {
    console.log(`Embedded XAPI simulator: ${app.simulator.pools.map((pool) => `${pool.name} at ${pool.masterUrl}`).join(', ')}`);
  }
  console.log(`xengraph is serving GraphQL at ${app.url} (WebSocket subscriptions on the same URL)`);
  // The token goes on a line of its own, never into a URL: query strings end up in proxy and browser logs.
  const graphiql = config.graphiql ? `GraphiQL: ${app.url} (put the token in its Headers tab as {"Authorization": "Bearer <token>"})` : null;
  if (app.initialAdminToken) {
    console.log('First start: an admin API token was created. It is shown only now; keep it safe:');
    console.log(app.initialAdminToken);
  } else {
    console.log('To get an API token: xengraph token create --role admin (or reader, operator; in a checkout: node bin/xengraph.js token create …)');
  }
  if (graphiql) console.log(graphiql);
  console.log(`Web console: ${new URL('/', app.url).href} (sign in with an API token)`);
}

/** A start that failed on the port or the data directory is a settings mistake, not a crash. */
function startProblem(error: unknown, config: Config): string | null {
  const { code, syscall, path } = error as { code?: unknown; syscall?: unknown; path?: unknown };
  if (syscall === 'listen' && code === 'EADDRINUSE') return `PORT: port ${config.port} is already in use; choose another with PORT or --port`;
  if (syscall === 'listen' && code === 'EACCES') return `PORT: port ${config.port} needs privileges this process lacks; choose one above 1023`;
  if ((code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR') && typeof path === 'string') {
    return `DATA_DIR: cannot write ${path} (${code})`;
  }
  return null;
}

/**
 * One SIGTERM or SIGINT stops the service, however often it arrives: a signal to the process group reaches us
 * once directly and once more through `npm start`, which relays it. The stop is bounded by the grace; the
 * watchdog only guards against a stop that hangs.
 */
function stopOnSignals(app: App, graceSeconds: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping (up to ${graceSeconds} s for running XAPI steps)…`);
    setTimeout(() => {
      console.error('xengraph: the stop did not finish in time; exiting');
      process.exit(1);
    }, graceSeconds * 1000 + 5_000).unref();
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('xengraph: error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
