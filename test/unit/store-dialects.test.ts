// The repository contract on both store dialects: what SQLite and PostgreSQL must answer alike (constraint
// failures as domain errors, binary text order, JSON and text filters, large numbers, transactions that roll back
// and that do not interleave). Starts its own throwaway PostgreSQL unless the run provides one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ActiveOperationExistsError, DuplicateIdempotencyKeyError, NoFreeAddressError, type Store,
} from '../../src/store/index.js';
import { DIALECTS, openTestStore } from '../helpers/store.js';

for (const dialect of DIALECTS) {
  describe(`store on ${dialect}`, () => {
    let store: Store;
    before(async () => { store = await openTestStore(dialect); });
    after(() => store.close());

    test('unique constraints surface as the same domain errors', async () => {
      const instance = await store.instances.create({ name: 'uniq' });
      const first = await store.operations.create({ kind: 'reboot', instanceId: instance.id, requestedBy: 'alice', idempotencyKey: 'k' });
      await assert.rejects(store.operations.create({ kind: 'stop', instanceId: instance.id, requestedBy: 'alice' }), ActiveOperationExistsError);
      await store.operations.update(first.id, { status: 'SUCCEEDED' });
      await assert.rejects(
        store.operations.create({ kind: 'reboot', instanceId: instance.id, requestedBy: 'alice', idempotencyKey: 'k' }),
        DuplicateIdempotencyKeyError,
      );
      assert.equal(await store.operations.count({ instanceId: instance.id }), 1, 'the refused creates left nothing behind');
    });

    test('an ended operation is final: later progress and status writes leave it as it ended', async () => {
      const instance = await store.instances.create({ name: 'ended' });
      const operation = await store.operations.create({ kind: 'reboot', instanceId: instance.id, requestedBy: 'alice' });
      assert.equal((await store.operations.update(operation.id, { progress: { percent: 40, phase: 'rebooting', message: null } }))?.progress.percent, 40);
      const ended = await store.operations.update(operation.id, { status: 'SUCCEEDED', progress: { percent: 100, phase: 'done', message: null } });
      assert.equal(ended?.status, 'SUCCEEDED');
      assert.equal(await store.operations.update(operation.id, { progress: { percent: 80, phase: 'rebooting', message: 'late' } }), null);
      assert.equal(await store.operations.update(operation.id, { status: 'CANCELLING' }), null);
      const now = await store.operations.get(operation.id);
      assert.deepEqual([now?.status, now?.progress.percent, now?.progress.phase], ['SUCCEEDED', 100, 'done']);
    });

    test('names sort in binary order, as keyset cursors assume', async () => {
      for (const name of ['bin-b', 'bin-B', 'bin-_', 'bin-a', 'bin-A']) await store.images.create({ name, diskFormat: 'vhd' });
      const page = await store.images.list({}, { limit: 100, inverted: false });
      assert.deepEqual(page.map((image) => image.name).filter((name) => name.startsWith('bin-')), ['bin-A', 'bin-B', 'bin-_', 'bin-a', 'bin-b']);
      const afterB = await store.images.list({}, { limit: 100, inverted: false, after: store.images.cursorOf(page.find((i) => i.name === 'bin-B')!) });
      assert.deepEqual(afterB.map((image) => image.name), ['bin-_', 'bin-a', 'bin-b']);
    });

    test('JSON, text and boolean filters, timestamps and large numbers come back as written', async () => {
      const tagged = await store.instances.create({ name: 'Web 100%', managed: false, systemMetadata: { role: 'web' } });
      await store.instances.create({ name: 'web 1000', systemMetadata: { role: 'db' } });
      const byRole = await store.instances.list({ systemMetadata: { key: 'role', value: 'web' } }, { field: 'NAME', direction: 'ASC' }, { limit: 10, inverted: false });
      assert.deepEqual(byRole.map((i) => i.id), [tagged.id]);
      const byText = await store.instances.list({ nameContains: '0%' }, { field: 'NAME', direction: 'ASC' }, { limit: 10, inverted: false });
      assert.deepEqual(byText.map((i) => i.id), [tagged.id], "'%' means itself");
      assert.equal(await store.instances.count({ managed: false, nameContains: 'WEB' }), 1);
      const read = await store.instances.get(tagged.id);
      assert.equal(read?.createdAt.getTime(), tagged.createdAt.getTime());
      assert.deepEqual(read?.systemMetadata, { role: 'web' });

      const pool = await store.pools.upsert({ uuid: `pool-${dialect}`, name: 'p', masterUrl: 'http://p' });
      const sixtyFourGiB = 64 * 1024 ** 3;
      const { host } = await store.hosts.upsertFromXapi({
        uuid: `host-${dialect}`, poolId: pool.id, name: 'h', address: '10.0.0.1', enabled: true, live: true,
        memoryTotal: sixtyFourGiB, memoryFree: sixtyFourGiB - 1, cpuCount: 32,
      });
      assert.equal((await store.hosts.get(host.id))?.memoryTotal, sixtyFourGiB);
    });

    test('a transaction that throws changes nothing', async () => {
      const network = await store.networks.create({ name: 'tiny', bridge: `xenbr-${dialect}` });
      await store.vifs.createSubnet({ networkId: network.id, cidr: '10.9.0.0/30', gateway: '10.9.0.1' });
      const owner = await store.instances.create({ name: 'vif-owner' });
      const vif = await store.vifs.allocate({ instanceId: owner.id, networkId: network.id, device: 0 });
      assert.equal(vif.ip, '10.9.0.2');
      await assert.rejects(store.vifs.allocate({ instanceId: owner.id, networkId: network.id, device: 1 }), NoFreeAddressError);
      assert.deepEqual((await store.vifs.listForInstance(owner.id)).map((v) => v.id), [vif.id]);
    });

    test('concurrent creates each take their own serial', async () => {
      const created = await Promise.all(Array.from({ length: 12 }, (_, i) => store.instances.create({ name: `burst-${i}` })));
      assert.equal(new Set(created.map((i) => i.serial)).size, created.length);
    });

    test('counts the statements it runs', async () => {
      const before = store.queryCount();
      await store.flavors.count();
      assert.equal(store.queryCount(), before + 1);
    });
  });
}
