// xengraph command line: `serve` (the API, with the embedded simulator by default) and `simulator`.
import { parseArgs } from 'node:util';
import { runSimulatorCommand } from './commands/simulator.js';

const USAGE = `usage:
  xengraph simulator [--port P] [--password PW] [--user U] [--topology FILE] [--time-scale F] [--state-file F]
  xengraph serve`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'simulator':
      await runSimulatorCommand(rest);
      return;
    case 'serve': {
      // The GraphQL API is not built yet; until then `serve` runs the embedded simulator so a newcomer sees a pool.
      const { values } = parseArgs({ args: rest, options: {}, strict: false });
      void values;
      await runSimulatorCommand(['--port', process.env.SIMULATOR_PORT ?? '8080', '--time-scale', '1']);
      return;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

await main(process.argv.slice(2));
