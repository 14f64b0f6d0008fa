import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Host, type Pool, type Store, type VmObservation } from '../../src/store/index.js';
import { openTestStore } from '../helpers/store.js';

let store: Store;
let pool: Pool;
let host1: Host;
let host2: Host;

const hostFacts = { enabled: true, live: true, memoryTotal: 64 * 2 ** 30, memoryFree: 60 * 2 ** 30, cpuCount: 16 };

before(async () => {
  store = await openTestStore();
  pool = await store.pools.upsert({ uuid: 'pool-uuid', name: 'pool-a', masterUrl: 'http://127.0.0.11' });
  host1 = (await store.hosts.upsertFromXapi({ uuid: 'host-1', poolId: pool.id, name: 'xen-a1', address: '127.0.0.11', ...hostFacts })).host;
  host2 = (await store.hosts.upsertFromXapi({ uuid: 'host-2', poolId: pool.id, name: 'xen-a2', address: '127.0.0.12', ...hostFacts })).host;
});
after(() => store.close());

const vm = (over: Partial<VmObservation> = {}): VmObservation => ({
  vmUuid: 'vm-1', name: 'found-on-xapi', poolId: pool.id, hostId: host1.id, powerState: 'RUNNING', vcpus: 2, memoryMb: 1024,
  ...over,
});

describe('pools and hosts', () => {
  test('upsert keeps the id and reports what changed', async () => {
    const again = await store.pools.upsert({ uuid: 'pool-uuid', name: 'pool-a', masterUrl: 'http://127.0.0.12' });
    assert.equal(again.id, pool.id);
    assert.equal(again.masterUrl, 'http://127.0.0.12');
    assert.equal((await store.pools.getByUuid('pool-uuid'))?.id, pool.id);

    const same = await store.hosts.upsertFromXapi({ uuid: 'host-1', poolId: pool.id, name: 'xen-a1', address: '127.0.0.11', ...hostFacts });
    assert.equal(same.changed, false);
    assert.equal(same.host.id, host1.id);
    const freer = await store.hosts.upsertFromXapi({
      uuid: 'host-1', poolId: pool.id, name: 'xen-a1', address: '127.0.0.11', ...hostFacts, memoryFree: 1,
    });
    assert.equal(freer.changed, true);
    assert.equal(freer.host.memoryFree, 1);
    assert.equal(freer.host.maintenance, 'NONE');

    const disabled = await store.hosts.update(host2.id, { enabled: false, disabledReason: 'maintenance window' });
    assert.equal(disabled?.enabled, false);
    assert.deepEqual((await store.hosts.getMany([host2.id, 'nope', host1.id])).map((h) => h?.name ?? null), ['xen-a2', null, 'xen-a1']);
    assert.equal(await store.hosts.count({ poolId: pool.id }), 2);
  });

  test('aggregate membership filters hosts', async () => {
    const aggregate = await store.aggregates.create({ name: 'az-1', availabilityZone: 'nova-1', metadata: { ssd: 'true' } });
    assert.equal(await store.aggregates.addHost(aggregate.id, host2.id), true);
    assert.equal(await store.aggregates.addHost(aggregate.id, host2.id), false);
    assert.deepEqual(await store.aggregates.hostIds(aggregate.id), [host2.id]);
    const members = await store.hosts.list({ aggregateId: aggregate.id }, { limit: 10, inverted: false });
    assert.deepEqual(members.map((h) => h.id), [host2.id]);
    assert.deepEqual((await store.aggregates.list({ hostId: host2.id }, { limit: 10, inverted: false })).map((a) => a.metadata), [{ ssd: 'true' }]);
  });
});

describe('instances.syncFromXapi', () => {
  test('creates an unmanaged instance for a VM it has never seen', async () => {
    const result = await store.instances.syncFromXapi(vm());
    assert.equal(result.created, true);
    assert.equal(result.previous, null);
    assert.deepEqual(result.changed, []);
    const instance = result.instance;
    assert.equal(instance.managed, false);
    assert.equal(instance.uuid, 'vm-1');
    assert.equal(instance.vmUuid, 'vm-1');
    assert.equal(instance.vmState, 'ACTIVE');
    assert.equal(instance.powerState, 'RUNNING');
    assert.equal(instance.hostId, host1.id);
    assert.deepEqual(instance.metadata, {});
    assert.ok(instance.createdAt instanceof Date);
  });

  test('derives the vmState of new unmanaged instances from the power state', async () => {
    const cases = [['SHUTDOWN', 'STOPPED'], ['PAUSED', 'PAUSED'], ['SUSPENDED', 'SUSPENDED']] as const;
    for (const [powerState, vmState] of cases) {
      const { instance } = await store.instances.syncFromXapi(vm({ vmUuid: `vm-${powerState}`, name: `vm-${powerState}`, powerState, hostId: null }));
      assert.equal(instance.vmState, vmState, powerState);
    }
  });

  test('reports no change when nothing changed, and exactly the fields that did', async () => {
    const unchanged = await store.instances.syncFromXapi(vm());
    assert.equal(unchanged.created, false);
    assert.deepEqual(unchanged.changed, []);

    const moved = await store.instances.syncFromXapi(vm({ hostId: host2.id, powerState: 'PAUSED', name: 'renamed' }));
    assert.deepEqual([...moved.changed].sort(), ['hostId', 'name', 'powerState', 'vmState']);
    assert.equal(moved.previous?.powerState, 'RUNNING');
    assert.equal(moved.previous?.hostId, host1.id);
    assert.equal(moved.instance.hostId, host2.id);
    assert.equal(moved.instance.vmState, 'PAUSED');
    assert.equal(moved.instance.name, 'renamed');
    assert.ok(moved.instance.updatedAt.getTime() >= unchanged.instance.updatedAt.getTime());
  });

  test('links the VM of a managed instance by the nova uuid, and never renames it or touches its vmState', async () => {
    const managed = await store.instances.create({
      name: 'web-1', vmState: 'BUILDING', taskState: 'spawning', vcpus: 1, memoryMb: 512, metadata: { role: 'web' },
    });
    const linked = await store.instances.syncFromXapi(vm({ vmUuid: 'vm-web-1', name: 'instance-00000001', novaUuid: managed.uuid }));
    assert.equal(linked.created, false);
    assert.equal(linked.instance.id, managed.id);
    assert.deepEqual([...linked.changed].sort(), ['hostId', 'memoryMb', 'poolId', 'powerState', 'vcpus', 'vmUuid']);
    assert.equal(linked.instance.name, 'web-1');
    assert.equal(linked.instance.vmState, 'BUILDING');
    assert.equal(linked.instance.taskState, 'spawning');

    const stopped = await store.instances.syncFromXapi(vm({ vmUuid: 'vm-web-1', name: 'instance-00000001', powerState: 'SHUTDOWN', hostId: null }));
    assert.deepEqual([...stopped.changed].sort(), ['hostId', 'powerState']);
    assert.equal(stopped.instance.vmState, 'BUILDING');

    // A second VM carrying the same nova uuid (a rescue VM) neither steals the link nor becomes an instance;
    // only where it runs is kept, for the hosts' packet filters.
    const rescue = await store.instances.syncFromXapi(vm({ vmUuid: 'vm-web-1-rescue', name: 'instance-00000001-rescue', novaUuid: managed.uuid }));
    assert.deepEqual([rescue.created, rescue.companion, rescue.changed], [false, true, ['companionHostId']]);
    assert.equal(rescue.instance.vmUuid, 'vm-web-1');
    assert.equal(rescue.instance.companionHostId, host1.id);
    assert.equal(await store.instances.getByVmUuid('vm-web-1-rescue'), null);
    const halted = await store.instances.syncFromXapi(vm({ vmUuid: 'vm-web-1-rescue', name: 'instance-00000001-rescue', novaUuid: managed.uuid, powerState: 'SHUTDOWN' }));
    assert.deepEqual([halted.changed, halted.instance.companionHostId], [['companionHostId'], null]);
    const again = await store.instances.syncFromXapi(vm({ vmUuid: 'vm-web-1-rescue', name: 'instance-00000001-rescue', novaUuid: managed.uuid }));
    assert.notEqual(again.instance.companionHostId, null);
    const gone = await store.instances.companionGone(managed.id);
    assert.deepEqual([gone?.changed, gone?.instance.companionHostId], [['companionHostId'], null]);
  });

  test('markVmGone soft-deletes unmanaged instances and keeps managed ones', async () => {
    const gone = await store.instances.markVmGone('vm-1');
    assert.equal(gone?.vmState, 'DELETED');
    assert.equal(gone?.powerState, 'NOSTATE');
    assert.ok(gone?.deletedAt instanceof Date);
    assert.equal(await store.instances.markVmGone('vm-1'), null, 'already gone');
    assert.equal(await store.instances.markVmGone('never-seen'), null);

    const managed = await store.instances.getByVmUuid('vm-web-1');
    const kept = await store.instances.markVmGone('vm-web-1');
    assert.equal(kept?.id, managed?.id);
    assert.equal(kept?.vmState, 'BUILDING');
    assert.equal(kept?.powerState, 'NOSTATE');
    assert.equal(kept?.deletedAt, null);
    assert.equal(kept?.vmUuid, null);
    // A re-created VM with the instance's uuid links to it again.
    const relinked = await store.instances.syncFromXapi(vm({ vmUuid: 'vm-web-1-new', novaUuid: managed?.uuid }));
    assert.equal(relinked.instance.id, managed?.id);
    assert.equal(relinked.instance.vmUuid, 'vm-web-1-new');
  });

  test('a vanished unmanaged VM that comes back is un-deleted', async () => {
    const back = await store.instances.syncFromXapi(vm({ powerState: 'RUNNING' }));
    assert.equal(back.created, false);
    assert.ok(back.changed.includes('deletedAt'));
    assert.equal(back.instance.deletedAt, null);
    assert.equal(back.instance.vmState, 'ACTIVE');
  });
});

describe('instances queries', () => {
  const page = { limit: 100, inverted: false } as const;
  const byName = { field: 'NAME', direction: 'ASC' } as const;

  test('filters', async () => {
    await store.instances.markVmGone('vm-SHUTDOWN');
    const names = async (filter: Parameters<Store['instances']['list']>[0]) =>
      (await store.instances.list(filter, byName, page)).map((i) => i.name);

    assert.equal(await store.instances.count({}), 4);
    assert.equal(await store.instances.count({ includeDeleted: true }), 5);
    assert.deepEqual(await names({ managed: true }), ['web-1']);
    assert.deepEqual(await names({ hostId: host1.id }), ['found-on-xapi', 'web-1']);
    assert.deepEqual(await names({ powerState: 'PAUSED' }), ['vm-PAUSED']);
    assert.equal(await store.instances.count({ vmState: 'SUSPENDED' }), 1);
    assert.deepEqual(await names({ nameContains: 'WEB' }), ['web-1']);
    assert.deepEqual(await names({ nameContains: '%' }), []);
    assert.equal(await store.instances.count({ poolId: pool.id }), 4);

    const aggregate = await store.aggregates.create({ name: 'az-2' });
    await store.aggregates.addHost(aggregate.id, host1.id);
    assert.deepEqual(await names({ aggregateId: aggregate.id }), ['found-on-xapi', 'web-1']);
    await store.aggregates.removeHost(aggregate.id, host1.id);
    assert.deepEqual(await names({ aggregateId: aggregate.id }), []);
  });

  test('lookups by name and the VMs a pool should have', async () => {
    assert.equal((await store.instances.getByName('web-1'))?.managed, true);
    assert.equal(await store.instances.getByName('vm-SHUTDOWN'), null, 'soft-deleted');
    assert.deepEqual((await store.instances.vmUuidsInPool(pool.id)).sort(), ['vm-1', 'vm-PAUSED', 'vm-SUSPENDED', 'vm-web-1-new']);
  });

  test('getMany answers in input order with nulls, in one query', async () => {
    const [a, b] = await store.instances.list({}, byName, { limit: 2, inverted: false });
    const before = store.queryCount();
    const many = await store.instances.getMany([b.id, 'missing', a.id, b.id]);
    assert.equal(store.queryCount(), before + 1);
    assert.deepEqual(many.map((i) => i?.id ?? null), [b.id, null, a.id, b.id]);
    assert.deepEqual(await store.instances.getMany([]), []);
  });

  test('a listed instance is the one read by id, every kind of field decoded alike', async () => {
    // Listings decode rows their own way (row-decoder.ts); a lookup by id goes through drizzle's mapping.
    const made = await store.instances.create({
      name: 'decoded-alike', hostId: host2.id, poolId: pool.id, managed: true, metadata: { role: 'db', 'a.b': 'c' },
      systemMetadata: { image_base_image_ref: 'img-1' }, taskState: 'spawning', vcpus: 4, memoryMb: 4096,
    });
    await store.instances.update(made.id, { launchedAt: new Date(1_700_000_000_123), progress: 42 });
    const [listed] = await store.instances.list({ nameContains: 'decoded-alike' }, byName, page);
    const read = await store.instances.get(made.id);
    assert.deepEqual(listed, read);
    assert.ok(listed?.createdAt instanceof Date && listed.launchedAt instanceof Date);
    assert.deepEqual([listed.managed, listed.deletedAt, listed.serial === null], [true, null, false]);
    const [unmanaged] = await store.instances.list({ managed: false, nameContains: 'found-on-xapi' }, byName, page);
    assert.deepEqual(unmanaged, await store.instances.get(unmanaged!.id));
    assert.equal(unmanaged?.managed, false);
  });

  test('update patches only what it is given', async () => {
    const instance = await store.instances.getByVmUuid('vm-web-1-new');
    assert.ok(instance);
    const updated = await store.instances.update(instance.id, { vmState: 'ACTIVE', taskState: null, progress: 100, launchedAt: new Date(0) });
    assert.equal(updated?.vmState, 'ACTIVE');
    assert.equal(updated?.taskState, null);
    assert.equal(updated?.name, 'web-1');
    assert.deepEqual(updated?.metadata, { role: 'web' });
    assert.equal(updated?.launchedAt?.getTime(), 0);
    assert.equal(await store.instances.update('missing', { name: 'x' }), null);
  });

  test('instance actions record who did what, newest first', async () => {
    const instance = await store.instances.getByVmUuid('vm-web-1-new');
    assert.ok(instance);
    const first = await store.instanceActions.record({ instanceId: instance.id, action: 'reboot', requestedBy: 'alice' });
    const second = await store.instanceActions.record({ instanceId: instance.id, action: 'stop', requestedBy: 'bob' });
    const finished = await store.instanceActions.finish(first.id, 'FAILED', 'VM_BAD_POWER_STATE');
    assert.equal(finished?.result, 'FAILED');
    assert.ok(finished?.finishedAt instanceof Date);
    const listed = await store.instanceActions.listForInstance(instance.id);
    assert.deepEqual(listed.map((a) => a.id), [second.id, first.id]);
  });
});

describe('instances.syncManyFromXapi', () => {
  test('answers in input order, creates and updates alike, and takes a VM seen twice in one batch as two observations', async () => {
    // A store of its own: the other tests count the instances of theirs.
    const store = await openTestStore();
    const own = await store.pools.upsert({ uuid: 'batch-pool', name: 'pool-b', masterUrl: 'http://127.0.0.21' });
    const host = (await store.hosts.upsertFromXapi({ uuid: 'batch-host', poolId: own.id, name: 'xen-b1', address: '127.0.0.21', ...hostFacts })).host;
    const vm = (over: Partial<VmObservation>): VmObservation => ({
      vmUuid: 'vm', name: 'vm', poolId: own.id, hostId: host.id, powerState: 'RUNNING', vcpus: 2, memoryMb: 1024, ...over,
    });
    await store.instances.syncFromXapi(vm({ vmUuid: 'batch-known', name: 'batch-known' }));
    const results = await store.instances.syncManyFromXapi([
      vm({ vmUuid: 'batch-new', name: 'batch-new' }),
      vm({ vmUuid: 'batch-known', name: 'batch-known', powerState: 'SHUTDOWN', hostId: null }),
      vm({ vmUuid: 'batch-new', name: 'batch-new-renamed' }),
    ]);
    assert.deepEqual(results.map((r) => [r.instance.vmUuid, r.created, [...r.changed].sort()]), [
      ['batch-new', true, []],
      ['batch-known', false, ['hostId', 'powerState', 'vmState']],
      ['batch-new', false, ['name']],
    ]);
    assert.equal(results[2]!.instance.id, results[0]!.instance.id, 'the second sighting updates the row the first created');
    assert.equal((await store.instances.getByVmUuid('batch-new'))?.name, 'batch-new-renamed');
    const created = results[0]!.instance;
    assert.ok(Math.abs(created.createdAt.getTime() - Date.now()) < 60_000, 'a created row carries the time of its insert');
    assert.deepEqual(await store.instances.syncManyFromXapi([]), []);
    await store.close();
  });
});
