// xengraph command line: `serve` (the API, with the embedded simulator by default), `simulator` and `token`.
import { runServeCommand } from './commands/serve.js';
import { runSimulatorCommand } from './commands/simulator.js';
import { runTokenCommand } from './commands/token.js';
import { ConfigError } from './config.js';

const USAGE = `usage:
  xengraph serve [--port P] [--data-dir DIR] [--database-url URL] [--xapi-url URL[,URL…]]
  xengraph simulator [--port P] [--password PW] [--user U] [--topology FILE] [--time-scale F] [--state-file F]
  xengraph token create --role reader|operator|admin [--name NAME]
  xengraph token revoke ID

environment: XAPI_URL, XAPI_USER, XAPI_PASSWORD, DATABASE_URL, PORT, DATA_DIR, CORS_ORIGINS, GRAPHIQL`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await runServeCommand(rest);
      return;
    case 'simulator':
      await runSimulatorCommand(rest);
      return;
    case 'token':
      await runTokenCommand(rest);
      return;
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // Mistakes in configuration or arguments are one line and exit code 2; anything else is a crash.
  if (error instanceof ConfigError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`xengraph: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
