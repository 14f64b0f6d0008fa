// `xengraph serve`: the API (with the embedded simulator unless XAPI_URL names pools) until interrupted.
import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';

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
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      throw new ConfigError(`port ${config.port} is already in use; choose another with PORT or --port`);
    }
    throw error;
  });

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

  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    console.log(`${signal}: stopping…`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('xengraph: error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
