// `xengraph simulator`: serves a simulated XenServer world until interrupted.
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { startSimulator } from '../simulator/index.js';
import { loadTopology } from '../simulator/topology.js';

export async function runSimulatorCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8080' },
      user: { type: 'string', default: 'root' },
      password: { type: 'string', default: 'xengraph' },
      topology: { type: 'string' },
      'time-scale': { type: 'string', default: '1' },
      'state-file': { type: 'string' },
    },
  });
  const port = Number(values.port);
  const timeScale = Number(values['time-scale']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be a port number, got ${values.port}`);
  if (!(timeScale >= 0)) throw new ConfigError(`--time-scale must be a non-negative number, got ${values['time-scale']}`);
  const sim = await startSimulator({
    port, user: values.user, password: values.password, timeScale,
    topology: values.topology ? loadTopology(values.topology) : undefined,
    stateFile: values['state-file'],
  });
  for (const pool of sim.pools) {
    console.log(`pool ${pool.name}: master ${pool.masterUrl} (hosts ${pool.hostUrls.join(' ')})`);
  }
  console.log(`XAPI simulator ready; log in as ${values.user} / ${values.password}`);
  const stop = async () => {
    await sim.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
