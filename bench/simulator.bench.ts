// Simulator scale: VM.get_all_records and event.from latency with 10,000 VMs, over both transports.
import { performance } from 'node:perf_hooks';
import { startSimulator } from '../src/simulator/index.js';
import { jsonRpc, postXml } from '../test/helpers/raw-xapi.js';
import { addGuestVms } from '../test/helpers/sim-vms.js';
import { median, printTable } from './report.js';

const VMS = Number(process.env.BENCH_VMS ?? 10_000);
const ROUNDS = 5;

export async function simulatorBench(): Promise<void> {
  const sim = await startSimulator({ port: 0, password: 'bench', timeScale: 0 });
  try {
    // Populated in-process: the benchmark measures reads and events, not 10,000 creation round trips.
    addGuestVms(sim.world.pools[0], VMS, 'bench');
    const call = jsonRpc(sim.pools[0].masterUrl);
    const session: string = await call('session.login_with_password', 'root', 'bench');

    const jsonTimes: number[] = [];
    const xmlTimes: number[] = [];
    let count = 0;
    const xmlBody = `<?xml version="1.0"?><methodCall><methodName>VM.get_all_records</methodName><params><param><value>${session}</value></param></params></methodCall>`;
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now();
      count = Object.keys(await call('VM.get_all_records', session)).length;
      jsonTimes.push(performance.now() - t);
      t = performance.now();
      await postXml(sim.pools[0].masterUrl, xmlBody);
      xmlTimes.push(performance.now() - t);
    }

    const latencies: number[] = [];
    const [vm] = (await call('VM.get_all', session)) as string[];
    let token: string = (await call('event.from', session, ['vm'], '', 0)).token;
    for (let i = 0; i < 20; i++) {
      const waiting = call('event.from', session, ['vm'], token, 30);
      await new Promise((r) => setTimeout(r, 20));
      const t = performance.now();
      await call('VM.set_name_description', session, vm, `round ${i}`);
      const batch = await waiting;
      latencies.push(performance.now() - t);
      token = batch.token;
    }

    printTable(`simulator with ${count} VM records`, [
      ['VM.get_all_records, JSON-RPC (ms, median)', median(jsonTimes).toFixed(1)],
      ['VM.get_all_records, XML-RPC (ms, median)', median(xmlTimes).toFixed(1)],
      ['XML-RPC / JSON-RPC', (median(xmlTimes) / median(jsonTimes)).toFixed(2)],
      ['event.from latency for one change (ms, median of 20)', median(latencies).toFixed(2)],
    ]);
  } finally {
    await sim.stop();
  }
}
