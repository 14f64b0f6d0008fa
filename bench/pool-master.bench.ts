// How long is a pool's event feed dark when its master dies? With HA on, the simulator's pool promotes a
// survivor once the heartbeat times out; xengraph's link meanwhile tries every known member. Timed from the kill to
// the first event.from answered by the new master, split into the pool's own promotion and xengraph's share.
import { performance } from 'node:perf_hooks';
import { startStack } from '../test/helpers/stack.js';
import { waitUntil } from '../test/helpers/wait.js';
import { jsonSession } from '../test/helpers/raw-xapi.js';
import { median, printTable } from './report.js';

const ROUNDS = 3;

async function oneLoss(): Promise<{ promotedMs: number; firstEventMs: number }> {
  const stack = await startStack({ timeScale: 0.02 });
  try {
    // A snapshot: `sim.pools` answers the pools as they are at each read.
    const pool = stack.sim.pools[0]!;
    const link = stack.app.services.pools.list().find((candidate) => candidate.client.masterUrl === new URL(pool.masterUrl).toString())!;
    const xapi = await jsonSession(pool.masterUrl, stack.simPassword);
    const [nfs] = await xapi.call('SR.get_by_name_label', 'NFS shared storage');
    await xapi.call('pool.enable_ha', [nfs], { timeout: '30' });
    const oldMaster = link.client.masterUrl;
    let firstEventAt: number | undefined;
    link.client.on('call', (call) => {
      if (firstEventAt === undefined && call.method === 'event.from' && call.error === undefined && link.client.masterUrl !== oldMaster) {
        firstEventAt = performance.now();
      }
    });
    const killedAt = performance.now();
    stack.sim.killHost('xen-a1');
    const promotedAt = await waitUntil(() => stack.sim.pools[0]!.masterUrl !== pool.masterUrl && performance.now(), 60_000, 'a promotion');
    await waitUntil(() => firstEventAt, 60_000, 'an event from the new master');
    return { promotedMs: promotedAt - killedAt, firstEventMs: firstEventAt! - killedAt };
  } finally {
    await stack.stop();
  }
}

export async function poolMasterBench(): Promise<void> {
  const rounds: { promotedMs: number; firstEventMs: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await oneLoss());
  const promoted = rounds.map((r) => r.promotedMs);
  const firstEvent = rounds.map((r) => r.firstEventMs);
  printTable(`master loss with HA on → first event from the new master (${ROUNDS} rounds, simulator at 0.02× time)`, [
    ['kill → survivor promoted, median (ms)', median(promoted).toFixed(0)],
    ['kill → first event from new master, median (ms)', median(firstEvent).toFixed(0)],
    ["xengraph's share (promotion → event), median (ms)", median(rounds.map((r) => r.firstEventMs - r.promotedMs)).toFixed(0)],
  ]);
}
