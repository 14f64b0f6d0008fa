// How late does a subscriber learn of a live migration's progress? Each time the simulator's XAPI task
// moves, the moment is noted in-process; each migrationUpdated message is timed as it arrives over
// graphql-ws. The difference covers the event stream, the store, pubsub and the WebSocket.
import { performance } from 'node:perf_hooks';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { MigrationProgressFeedDocument, OperationMigrationDocument, LiveMigrateInstanceDocument } from '../test/generated/graphql.js';
import { accepted, spawnChoices, spawnRunning } from '../test/helpers/driver.js';
import { startStack } from '../test/helpers/stack.js';
import { waitUntil } from '../test/helpers/wait.js';
import { median, printTable } from './report.js';

export async function migrationProgressBench(): Promise<void> {
  // A slow migration (about 8 s for a 2 GiB guest) so there are many progress steps to time.
  const stack = await startStack({ timeScale: 1 });
  try {
    const choices = await spawnChoices(stack);
    const spawned = await spawnRunning(stack, choices, { name: 'bench-mover' });
    const current = (await stack.app.services.store.instances.getByUuid(spawned.instance!.uuid))!;
    const target = (await stack.app.services.store.hosts.list({ poolId: current.poolId! }, { limit: 10, inverted: false }))
      .find((host) => host.id !== current.hostId)!;
    const db = stack.sim.world.pools[0]!.db;
    const changedAt = new Map<number, number>();
    const watch = setInterval(() => {
      for (const [, task] of db.select('task', (t) => String(t.name_label).includes('pool_migrate'))) {
        const percent = Math.round(Number(task.progress) * 100);
        if (!changedAt.has(percent)) changedAt.set(percent, performance.now());
      }
    }, 1);
    const payload = accepted(await stack.request(LiveMigrateInstanceDocument, { input: { id: spawned.instance!.id, hostId: encodeGlobalID('Host', target.id) } }, stack.adminToken));
    const migrationId = await waitUntil(async () => {
      const { data } = await stack.request(OperationMigrationDocument, { id: payload.operation.id }, stack.adminToken);
      return (data?.node as { migration: { id: string } | null }).migration?.id;
    }, 10_000, 'the migration');
    const latencies: number[] = [];
    for await (const result of stack.subscribe(MigrationProgressFeedDocument, { id: migrationId }, stack.adminToken)) {
      const received = performance.now();
      const percent = result.data!.migrationUpdated.progress.percent;
      const at = changedAt.get(percent);
      if (at !== undefined && percent > 0 && percent < 100) latencies.push(received - at);
    }
    clearInterval(watch);
    const sorted = [...latencies].sort((a, b) => a - b);
    printTable(`live migration progress, XAPI task → migrationUpdated subscriber (${latencies.length} updates)`, [
      ['median latency (ms)', median(latencies).toFixed(1)],
      ['95th percentile (ms)', (sorted[Math.floor(sorted.length * 0.95)] ?? NaN).toFixed(1)],
      ['max (ms)', (sorted.at(-1) ?? NaN).toFixed(1)],
    ]);
  } finally {
    await stack.stop();
  }
}
