// xengraph command line: `serve` (the API, with the embedded simulator by default), `simulator` and `token`.
import { packageVersion, SERVE_USAGE, SIMULATOR_USAGE, TOKEN_USAGE, USAGE } from './commands/usage.js';
import { ConfigError } from './config.js';

// Loaded only when run, so help and the version answer without loading the whole service.
const COMMANDS: Record<string, { usage: string; run: (args: string[]) => Promise<void> }> = {
  serve: { usage: SERVE_USAGE, run: async (args) => (await import('./commands/serve.js')).runServeCommand(args) },
  simulator: { usage: SIMULATOR_USAGE, run: async (args) => (await import('./commands/simulator.js')).runSimulatorCommand(args) },
  token: { usage: TOKEN_USAGE, run: async (args) => (await import('./commands/token.js')).runTokenCommand(args) },
};

const HELP = ['--help', '-h'];
const VERSION = ['--version', '-V'];

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  // Asked for, help and the version go to stdout with success, wherever they appear on the line.
  if (argv.some((arg) => VERSION.includes(arg))) {
    console.log(`xengraph ${packageVersion()}`);
    return;
  }
  const command = COMMANDS[name];
  if (argv.some((arg) => HELP.includes(arg)) || name === 'help') {
    const topic = name === 'help' ? COMMANDS[rest[0] ?? ''] : command;
    console.log(topic?.usage ?? USAGE);
    return;
  }
  if (!command) throw new ConfigError(`unknown command ${JSON.stringify(name)}; commands: ${Object.keys(COMMANDS).join(', ')} (see xengraph --help)`);
  await command.run(rest);
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
