// 50 spawns requested at once through the API against the simulator (no simulated delays): how long until
// all run, how many XAPI calls each costs, and the peak memory of the process (API and simulator together).
import { performance } from 'node:perf_hooks';
import { accepted, finished, requestSpawn, spawnChoices } from '../test/helpers/driver.js';
import { startStack } from '../test/helpers/stack.js';
import { printTable } from './report.js';

const SPAWNS = Number(process.env.BENCH_SPAWNS ?? 50);

export async function spawnBench(): Promise<void> {
  const stack = await startStack({ timeScale: 0 });
  try {
    const choices = await spawnChoices(stack);
    // One spawn first, so the base image upload (once per image and SR) is not part of the figures.
    await finished(stack, accepted(await requestSpawn(stack, choices, { name: 'warm-up' })).operation.id);
    const calls = stack.app.services.pools.xapiCallCount();
    const started = performance.now();
    const operations = await Promise.all(Array.from({ length: SPAWNS }, (_, i) => requestSpawn(stack, choices, { name: `bench-${i}` })
      .then((result) => accepted(result).operation.id)));
    const accepting = performance.now() - started;
    const states = await Promise.all(operations.map((id) => finished(stack, id, 120_000)));
    const wall = performance.now() - started;
    const failed = states.filter((s) => s.status !== 'SUCCEEDED').length;
    const xapiCalls = stack.app.services.pools.xapiCallCount() - calls;
    printTable(`${SPAWNS} concurrent spawns (simulator without delays)`, [
      ['all accepted (ms)', accepting.toFixed(0)],
      ['all running (ms, wall)', wall.toFixed(0)],
      ['per spawn (ms, wall / spawns)', (wall / SPAWNS).toFixed(1)],
      ['failed', String(failed)],
      ['XAPI calls per spawn (event.* polls excluded)', (xapiCalls / SPAWNS).toFixed(1)],
      ['peak RSS, API + simulator (MiB)', (process.resourceUsage().maxRSS / 1024).toFixed(0)],
    ]);
  } finally {
    await stack.stop();
  }
}
