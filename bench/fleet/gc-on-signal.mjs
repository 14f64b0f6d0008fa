// Preloaded into benchmarked processes only: SIGUSR2 runs a full GC (node --expose-gc), and another 2 s later
// (the first leaves freed pages and the buffers of a big fetch still held, as an idle process's memory reducer
// would not), then says so on stderr with where the memory is (MiB: resident after the first GC and now, V8 heap
// committed and used, each heap space committed, off-heap), so memory can be read "after GC" from outside the
// process and its resident size explained.
import { getHeapSpaceStatistics } from 'node:v8';

const mib = (bytes) => Math.round(bytes / 1048576);
let round = 0;
process.on('SIGUSR2', async () => {
  globalThis.gc?.();
  const first = mib(process.memoryUsage().rss);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  globalThis.gc?.();
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics()
    .filter((space) => space.space_size > 1048576)
    .map((space) => [space.space_name.replace(/_space$/, ''), mib(space.space_size)]));
  const where = { firstRss: first, rss: mib(usage.rss), heapTotal: mib(usage.heapTotal), heapUsed: mib(usage.heapUsed), external: mib(usage.external), spaces };
  process.stderr.write(`gc-done ${++round} ${JSON.stringify(where)}\n`);
});
