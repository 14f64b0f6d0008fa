// Leases: of several processes sharing the database only one holds a periodic task's lease at a time; the
// holder renews it, and anyone may take it over once it has expired.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { openTestStore } from '../helpers/store.js';

describe('leases', () => {
  test('one holder at a time, renewed by its holder, taken over once expired, released early', async () => {
    const store = await openTestStore();
    try {
      const { leases } = store;
      assert.equal(await leases.acquire('power-state-sync', 'replica-a', 60_000), true);
      assert.equal(await leases.acquire('power-state-sync', 'replica-b', 60_000), false, 'another holder is refused');
      assert.equal(await leases.acquire('poll-rebooting-instances', 'replica-b', 60_000), true, 'leases are per task');
      assert.equal(await leases.acquire('power-state-sync', 'replica-a', 20), true, 'the holder renews');
      await sleep(40);
      assert.equal(await leases.acquire('power-state-sync', 'replica-b', 60_000), true, 'an expired lease is taken over');
      assert.equal(await leases.acquire('power-state-sync', 'replica-a', 60_000), false);

      await leases.release('power-state-sync', 'replica-a');
      assert.equal(await leases.acquire('power-state-sync', 'replica-a', 60_000), false, 'only the holder releases');
      await leases.release('power-state-sync', 'replica-b');
      assert.equal(await leases.acquire('power-state-sync', 'replica-a', 60_000), true);
    } finally {
      await store.close();
    }
  });

  test("a replica's heartbeat renews every lease it holds at once, but not one it has already lost", async () => {
    const store = await openTestStore();
    try {
      const { leases } = store;
      assert.equal(await leases.acquire('operation:1', 'replica-a', 50), true);
      assert.equal(await leases.acquire('pool-feed:1', 'replica-a', 50), true);
      assert.equal(await leases.acquire('operation:2', 'replica-b', 50), true);
      assert.equal(await leases.acquire('operation:3', 'replica-a', 10), true);
      await sleep(25);
      await leases.renewAll('replica-a', 60_000);
      await sleep(50);
      assert.equal(await leases.acquire('operation:1', 'replica-c', 60_000), false, 'renewed');
      assert.equal(await leases.acquire('pool-feed:1', 'replica-c', 60_000), false, 'renewed too');
      assert.equal(await leases.acquire('operation:2', 'replica-c', 60_000), true, "another holder's lease is not renewed");
      assert.equal(await leases.acquire('operation:3', 'replica-c', 60_000), true, 'a lease expired before the beat stays lost');
    } finally {
      await store.close();
    }
  });
});
