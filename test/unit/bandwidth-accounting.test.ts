// Bandwidth accounting against a real (in-memory) store: how polled running totals become each period's
// traffic, and the lease that lets one process at a time run the poll.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodStartOf, recordBandwidth } from '../../src/driver/bandwidth.js';
import { PeriodicTask } from '../../src/operations/periodic-task.js';
import { type Store } from '../../src/store/index.js';
import { openTestStore } from '../helpers/store.js';

let store: Store;
let instanceId: string;
const MAC = 'fa:16:3e:00:00:01';
const at = (iso: string) => new Date(iso);

before(async () => {
  store = await openTestStore();
  instanceId = (await store.instances.create({ name: 'metered' })).id;
});
after(() => store.close());

const sample = (bytesIn: number, bytesOut: number) => [{ instanceId, mac: MAC, bytesIn, bytesOut }];
const row = (period: string) => store.bandwidthUsage.get(instanceId, MAC, at(period));

describe('recordBandwidth', () => {
  it('puts a moment in its calendar month, UTC', () => {
    assert.equal(periodStartOf(at('2024-03-31T23:59:59Z')).toISOString(), '2024-03-01T00:00:00.000Z');
  });

  it('counts all a new interface shows, then what moved since each poll, and all again after a reset', async () => {
    await recordBandwidth(store, sample(1000, 100), at('2024-03-10T00:00:00Z'));
    assert.deepEqual([(await row('2024-03-01'))?.bytesIn, (await row('2024-03-01'))?.bytesOut], [1000, 100]);
    await recordBandwidth(store, sample(1500, 160), at('2024-03-10T00:01:00Z'));
    assert.deepEqual([(await row('2024-03-01'))?.bytesIn, (await row('2024-03-01'))?.bytesOut], [1500, 160]);
    // The domain restarted: its counters began again from zero.
    await recordBandwidth(store, sample(300, 40), at('2024-03-10T00:02:00Z'));
    const march = (await row('2024-03-01'))!;
    assert.deepEqual([march.bytesIn, march.bytesOut, march.lastCounterIn, march.lastCounterOut], [1800, 200, 300, 40]);
    assert.equal(march.lastRefreshed.toISOString(), '2024-03-10T00:02:00.000Z');
  });

  it('starts a new period from the last counters of the previous one', async () => {
    await recordBandwidth(store, sample(700, 90), at('2024-04-01T00:00:30Z'));
    const april = (await row('2024-04-01'))!;
    assert.deepEqual([april.bytesIn, april.bytesOut], [400, 50]);
    assert.equal((await row('2024-03-01'))?.bytesIn, 1800, 'the closed period is left as it was');
    assert.deepEqual((await store.bandwidthUsage.listForInstances([instanceId], at('2024-04-01'))).map((u) => u.mac), [MAC]);
  });
});

describe('PeriodicTask', () => {
  it('runs in one process at a time, and hands over when the holder stops', async () => {
    const runs: string[] = [];
    const task = (name: string) => new PeriodicTask({
      name: 'test-poll', intervalMs: 60_000, leases: store.leases, onError: (message, error) => assert.fail(`${message}: ${String(error)}`),
      run: async () => { runs.push(name); },
    });
    const first = task('first');
    const second = task('second');
    assert.equal(await first.runNow(), true);
    assert.equal(await second.runNow(), false, 'the lease is the first one\'s');
    assert.equal(await first.runNow(), true, 'its holder renews it');
    await first.stop();
    assert.equal(await second.runNow(), true);
    await second.stop();
    assert.deepEqual(runs, ['first', 'first', 'second']);
  });
});
