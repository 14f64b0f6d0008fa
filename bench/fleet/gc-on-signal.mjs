// Preloaded into benchmarked processes only: SIGUSR2 runs a full GC (node --expose-gc), and another 2 s later
// (the first leaves freed pages and the buffers of a big fetch still held, as an idle process's memory reducer
// would not), waits for the resident size to settle (V8 hands freed pages back to the system from a background
// thread, within a few hundred ms of a collection), then says so on stderr with where the memory is (MiB:
// resident after the first GC, right after the second and once settled, V8 heap committed and used, each heap
// space committed, off-heap), so memory can be read "after GC" from outside the process and its resident size
// explained.
import { getHeapSpaceStatistics } from 'node:v8';

const mib = (bytes) => Math.round(bytes / 1048576);
let round = 0;
process.on('SIGUSR2', async () => {
  globalThis.gc?.();
  const first = mib(process.memoryUsage().rss);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  globalThis.gc?.();
  const atSecond = mib(process.memoryUsage().rss);
  const settled = await settledRss();
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics()
    .filter((space) => space.space_size > 1048576)
    .map((space) => [space.space_name.replace(/_space$/, ''), mib(space.space_size)]));
  const where = { firstRss: first, rssAtGc: atSecond, rss: settled, heapTotal: mib(usage.heapTotal), heapUsed: mib(usage.heapUsed), external: mib(usage.external), spaces };
  process.stderr.write(`gc-done ${++round} ${JSON.stringify(where)}\n`);
});

/** Resident size once three samples 200 ms apart agree within 1 MiB (or after 5 s), MiB. */
async function settledRss() {
  const samples = [mib(process.memoryUsage().rss)];
  for (let waited = 0; waited < 5000; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    samples.push(mib(process.memoryUsage().rss));
    const last = samples.slice(-3);
    if (last.length === 3 && Math.max(...last) - Math.min(...last) <= 1) break;
  }
  return samples.at(-1);
}
