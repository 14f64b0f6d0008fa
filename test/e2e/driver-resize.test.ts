// Resize and cold migration end to end: instances spawned through the API on pool-a, resized or migrated,
// then confirmed or reverted; each step checked on XAPI (VMs, where they run, memory, VCPUs, disks and their
// SRs, MACs) and in what the API reports (instance, Operation progress, Migration).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  AttachVolumeDocument, ConfirmResizeDocument, DestroyInstanceDocument, MigrateInstanceDocument, MigrationDetailDocument, SpawnChoicesDocument, ResizedInstanceDocument,
  ResizeInstanceDocument, ResizeOperationDocument, OperationProgressFeedDocument, RevertResizeDocument, SpawnInstanceDocument,
  type MigrationDetailQuery, type ResizedInstanceQuery, type ResizeOperationQuery,
} from '../generated/graphql.js';
import { actionRunner, assertProgressThroughSteps, vdiExists as vdiExistsOn, vmNamed as vmNamedOn } from '../helpers/driver.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { INSTANCE_ACTIONS } from '../../src/driver/actions/index.js';
import { iscsiTargets } from '../../src/simulator/classes/iscsi.js';
import { recoverInterruptedOperations } from '../../src/operations/recovery.js';

type Operation = Extract<NonNullable<ResizeOperationQuery['node']>, { kind: string }>;
type InstanceView = Extract<NonNullable<ResizedInstanceQuery['node']>, { vmName: string }>;
type MigrationView = Extract<NonNullable<MigrationDetailQuery['node']>, { type: string }>;
type Xapi = Awaited<ReturnType<typeof jsonSession>>;
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

let stack: Stack;
let xapi: Xapi;
let operator: string;
let flavors: Map<string, string>;
let hosts: Map<string, string>;
let imageId: string;
let networkId: string;

before(async () => {
  stack = await startStack();
  xapi = await jsonSession(stack.sim.pools[0].masterUrl, stack.simPassword);
  operator = await stack.tokenFor('operator');
  const { data } = await stack.request(SpawnChoicesDocument, {}, operator);
  flavors = new Map(data!.flavors.edges.map((e) => [e.node.name, e.node.id]));
  hosts = new Map(data!.hosts.edges.map((e) => [e.node.name, e.node.id]));
  imageId = data!.images.edges.find((e) => e.node.name.startsWith('cirros'))!.node.id;
  networkId = data!.networks.edges[0]!.node.id;
});
after(async () => {
  await stack?.stop();
});

// ---------------------------------------------------------------------------------------------------------
// What a user does

const { submit, finished, act } = actionRunner<Operation>(() => stack, () => operator, ResizeOperationDocument);

async function instance(id: string): Promise<InstanceView> {
  const { data } = await stack.request(ResizedInstanceDocument, { id }, operator);
  return data!.node as InstanceView;
}

async function migrationOf(operation: Operation): Promise<MigrationView> {
  const { migrationId } = operation.result as { migrationId: string };
  const { data } = await stack.request(MigrationDetailDocument, { id: encodeGlobalID('Migration', migrationId) }, operator);
  return data!.node as MigrationView;
}

async function spawn(name: string, flavor: string, host: string): Promise<InstanceView> {
  const input = { name, flavorId: flavors.get(flavor), imageId, networkIds: [networkId], hostId: hosts.get(host) };
  await act(SpawnInstanceDocument, input);
  const { data } = await stack.request(`query($name: String) { instance(name: $name) { id } }`, { name }, operator);
  return instance((data as { instance: { id: string } }).instance.id);
}

// ---------------------------------------------------------------------------------------------------------
// What XAPI shows

const vmNamed = (name: string) => vmNamedOn(xapi, name);

async function residentHost(vm: string): Promise<string | null> {
  const host: string = await xapi.call('VM.get_resident_on', vm);
  return host === 'OpaqueRef:NULL' ? null : xapi.call('host.get_name_label', host);
}

async function diskOn(vm: string, device: string): Promise<string> {
  for (const vbd of await xapi.call('VM.get_VBDs', vm) as string[]) {
    const record = await xapi.call('VBD.get_record', vbd);
    if (record.userdevice === device) return record.VDI;
  }
  throw new Error(`no disk on device ${device}`);
}

async function macsOf(vm: string): Promise<string[]> {
  const vifs: string[] = await xapi.call('VM.get_VIFs', vm);
  return (await Promise.all(vifs.map((vif) => xapi.call('VIF.get_MAC', vif)))).sort();
}

const vdiExists = (vdi: string) => vdiExistsOn(xapi, vdi);

async function srName(vdi: string): Promise<string> {
  return xapi.call('SR.get_name_label', await xapi.call('VDI.get_SR', vdi));
}

/** Counts XAPI calls made by xengraph while `work` runs. */
async function xapiCallsDuring(work: () => Promise<void>): Promise<number> {
  const calls = stack.app.services.pools.xapiCallCount();
  await work();
  return stack.app.services.pools.xapiCallCount() - calls;
}

// ---------------------------------------------------------------------------------------------------------

describe('resize up, then confirm', () => {
  let view: InstanceView;
  let operation: Operation;
  let orig: string;
  let origRoot: string;

  before(async () => {
    view = await spawn('grow-me', 'm1.tiny', 'xen-a1');
    orig = (await vmNamed(view.vmName))!;
    origRoot = await diskOn(orig, '0');
  });

  it('reports 20, 40, 60, 80 then 100 and leaves a bigger VM running on the same host, the source halted as -orig', async () => {
    const macs = await macsOf(orig);
    // Held back a moment so the progress feed is attached before the first step ends.
    stack.sim.faults.add({ method: 'VM.get_by_name_label', latencyMs: 300 });
    const payload = await submit(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('m1.medium') });
    assert.equal(payload.__typename, 'ActionPayload', JSON.stringify(payload));
    assert.equal(payload.instance.taskState, 'RESIZE_MIGRATING');
    const feed = stack.subscribe(OperationProgressFeedDocument, { id: payload.operation.id }, operator);
    const percents: number[] = [];
    for await (const result of feed) {
      const { percent } = result.data!.operationUpdated.progress;
      if (percents.at(-1) !== percent) percents.push(percent);
    }
    assertProgressThroughSteps(percents, [0, 20, 40, 60, 80, 100]);
    operation = await finished(payload.operation.id);
    assert.equal(operation.status, 'SUCCEEDED', JSON.stringify(operation.error));

    const moved = (await vmNamed(view.vmName))!;
    assert.notEqual(moved, orig, 'a new VM carries the instance\'s name');
    const record = await xapi.call('VM.get_record', moved);
    assert.equal(record.power_state, 'Running');
    assert.equal(Number(record.memory_static_max), 4096 * MiB);
    assert.equal(Number(record.VCPUs_max), 2);
    assert.equal(record.other_config.nova_uuid, view.uuid);
    assert.equal(await residentHost(moved), 'xen-a1', 'the resize stays on its host when the flavor fits');
    assert.deepEqual(await macsOf(moved), macs, 'same interfaces, same MACs');
    const root = await diskOn(moved, '0');
    assert.notEqual(root, origRoot, 'the grown root is a copy: -orig keeps its disk for a revert');
    assert.equal(Number(await xapi.call('VDI.get_virtual_size', root)), 40 * GiB);
    assert.equal(Number(await xapi.call('VDI.get_virtual_size', origRoot)), 1 * GiB);

    assert.equal(await vmNamed(`${view.vmName}-orig`), orig);
    assert.equal(await xapi.call('VM.get_power_state', orig), 'Halted');

    const now = await instance(view.id);
    assert.deepEqual(
      [now.vmState, now.taskState, now.powerState, now.progress, now.vcpus, now.memoryMb, now.flavor?.name, now.host?.name],
      ['RESIZED', null, 'RUNNING', 100, 2, 4096, 'm1.medium', 'xen-a1'],
    );
    const migration = await migrationOf(operation);
    assert.deepEqual(
      [migration.type, migration.status, migration.sourceHost?.name, migration.destHost?.name, migration.oldFlavor?.name, migration.newFlavor?.name, migration.progress.percent],
      ['RESIZE', 'FINISHED', 'xen-a1', 'xen-a1', 'm1.tiny', 'm1.medium', 100],
    );
  });

  it('refuses to resize again before the first one is confirmed', async () => {
    const refused = await submit(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('m1.large') });
    assert.deepEqual([refused.__typename, refused.code], ['InvalidStateError', 'INVALID_STATE']);
  });

  it('confirm destroys -orig and its disk, keeps the new VM\'s, and makes the instance ACTIVE', async () => {
    const moved = (await vmNamed(view.vmName))!;
    const root = await diskOn(moved, '0');
    const confirmed = await act(ConfirmResizeDocument, { id: view.id });
    assert.equal((confirmed.result as { origDestroyed: boolean }).origDestroyed, true);
    assert.equal(await vmNamed(`${view.vmName}-orig`), null);
    assert.equal(await vdiExists(origRoot), false, 'the old root went with -orig');
    assert.equal(await vdiExists(root), true);
    assert.equal(await xapi.call('VM.get_power_state', moved), 'Running');
    const now = await instance(view.id);
    assert.deepEqual([now.vmState, now.powerState, now.flavor?.name], ['ACTIVE', 'RUNNING', 'm1.medium']);
    assert.equal((await migrationOf(operation)).status, 'CONFIRMED');
  });

  it('refuses a resize down that would shrink the root disk, before any XAPI call and with nothing changed', async () => {
    let refused: Record<string, unknown> = {};
    const calls = await xapiCallsDuring(async () => {
      refused = await submit(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('m1.small') });
    });
    assert.deepEqual([refused.__typename, refused.code, refused.path], ['ResizeError', 'RESIZE_ERROR', ['input', 'flavorId']]);
    assert.match(String(refused.message), /40 GiB and cannot shrink to 20 GiB/);
    assert.equal(calls, 0);
    const now = await instance(view.id);
    assert.deepEqual([now.vmState, now.taskState, now.flavor?.name], ['ACTIVE', null, 'm1.medium']);
    assert.equal(await vmNamed(`${view.vmName}-orig`), null);
  });

  it('refuses confirm and revert on an ACTIVE instance, and a resize to its own flavor, with typed errors and no XAPI call', async () => {
    const calls = await xapiCallsDuring(async () => {
      for (const document of [ConfirmResizeDocument, RevertResizeDocument]) {
        const refused = await submit(document, { id: view.id });
        assert.deepEqual([refused.__typename, refused.currentState, refused.allowedStates], ['InvalidStateError', 'ACTIVE', ['RESIZED']]);
      }
      const same = await submit(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('m1.medium') });
      assert.deepEqual([same.__typename, same.path], ['InvalidInputError', ['input', 'flavorId']]);
    });
    assert.equal(calls, 0);
  });
});

describe('resize up, then revert', () => {
  it('destroys the new VM and its copied disk and brings the original back under its name, flavor and host', async () => {
    const view = await spawn('grow-and-undo', 'm1.tiny', 'xen-a2');
    const orig = (await vmNamed(view.vmName))!;
    const origRoot = await diskOn(orig, '0');
    const resized = await act(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('m1.medium') });
    const moved = (await vmNamed(view.vmName))!;
    const copy = await diskOn(moved, '0');

    const reverted = await act(RevertResizeDocument, { id: view.id });
    assert.equal(reverted.kind, 'INSTANCE_REVERT_RESIZE');
    assert.equal(await vmNamed(view.vmName), orig, 'the original VM has its name back');
    assert.equal(await vmNamed(`${view.vmName}-orig`), null);
    assert.equal(await xapi.call('VM.get_uuid', moved).then(() => true, () => false), false, 'the new VM is gone');
    assert.equal(await vdiExists(copy), false, 'and so is its copied root');
    assert.equal(await diskOn(orig, '0'), origRoot);
    assert.equal(Number(await xapi.call('VDI.get_virtual_size', origRoot)), 1 * GiB);
    const record = await xapi.call('VM.get_record', orig);
    assert.deepEqual([record.power_state, Number(record.memory_static_max), Number(record.VCPUs_max)], ['Running', 512 * MiB, 1]);
    assert.equal(await residentHost(orig), 'xen-a2');
    const now = await instance(view.id);
    assert.deepEqual(
      [now.vmState, now.powerState, now.flavor?.name, now.vcpus, now.memoryMb, now.host?.name],
      ['ACTIVE', 'RUNNING', 'm1.tiny', 1, 512, 'xen-a2'],
    );
    assert.equal((await migrationOf(resized)).status, 'REVERTED');
  });
});

describe('destroy while RESIZED', () => {
  it('confirms the resize first and leaves no -orig VM, nor any disk of the instance, on XAPI', async () => {
    const view = await spawn('destroyed-resized', 'm1.small', 'xen-a1');
    const operation = await act(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('m1.medium') });
    assert.equal((await instance(view.id)).vmState, 'RESIZED');
    const orig = (await vmNamed(`${view.vmName}-orig`))!;
    assert.ok(orig, 'the resize kept -orig');
    const origDisks = await Promise.all((await xapi.call('VM.get_VBDs', orig) as string[]).map((vbd) => xapi.call('VBD.get_VDI', vbd)));

    await act(DestroyInstanceDocument, { id: view.id });
    assert.equal(await vmNamed(`${view.vmName}-orig`), null, '-orig is gone');
    assert.equal(await vmNamed(view.vmName), null);
    for (const vdi of origDisks) assert.equal(await vdiExists(vdi), false, `-orig's disk ${vdi} is gone`);
    const vdis = await xapi.call('VDI.get_all_records') as Record<string, { other_config: Record<string, string> }>;
    assert.deepEqual(Object.values(vdis).filter((vdi) => vdi.other_config?.nova_instance_uuid === view.uuid), [], 'no disk of the instance is left');
    assert.equal((await migrationOf(operation)).status, 'CONFIRMED');
  });
});

describe('resize with swap and ephemeral disks', () => {
  it('grows the ephemeral disk on a copy, replaces the swap with one of the new size, and confirm removes the old ones', async () => {
    const { flavors: store } = stack.app.services.store;
    const small = await store.create({ name: 'disks.small', vcpus: 1, memoryMb: 512, rootGb: 1, ephemeralGb: 1, swapMb: 64 });
    const large = await store.create({ name: 'disks.large', vcpus: 1, memoryMb: 512, rootGb: 2, ephemeralGb: 2, swapMb: 128 });
    flavors.set(small.name, encodeGlobalID('Flavor', small.id));
    flavors.set(large.name, encodeGlobalID('Flavor', large.id));
    const view = await spawn('with-disks', 'disks.small', 'xen-a1');
    const orig = (await vmNamed(view.vmName))!;
    const before = { swap: await diskOn(orig, '2'), ephemeral: await diskOn(orig, '4') };

    await act(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('disks.large') });
    const moved = (await vmNamed(view.vmName))!;
    const after = { root: await diskOn(moved, '0'), swap: await diskOn(moved, '2'), ephemeral: await diskOn(moved, '4') };
    const size = async (vdi: string) => Number(await xapi.call('VDI.get_virtual_size', vdi));
    assert.deepEqual(
      [await size(after.root), await size(after.swap), await size(after.ephemeral)],
      [2 * GiB, 128 * MiB, 2 * GiB],
    );
    assert.notEqual(after.swap, before.swap);
    assert.notEqual(after.ephemeral, before.ephemeral);
    assert.equal(await size(before.ephemeral), 1 * GiB, '-orig keeps its disks as they were');

    await act(ConfirmResizeDocument, { id: view.id });
    assert.deepEqual([await vdiExists(before.swap), await vdiExists(before.ephemeral)], [false, false]);
    assert.deepEqual([await vdiExists(after.swap), await vdiExists(after.ephemeral)], [true, true]);
  });
});

describe('resize with two ephemeral disks', () => {
  it('splits the ephemeral space as Nova did, grows every ephemeral disk, not only the first, and keeps -orig\'s as they were', async () => {
    const { flavors: store } = stack.app.services.store;
    // 2048 GiB is two 1024 GiB disks (devices 4 and 5); 4000 GiB is two of 2000 GiB.
    const two = await store.create({ name: 'ephemeral.two', vcpus: 1, memoryMb: 512, rootGb: 1, ephemeralGb: 2048 });
    const grown = await store.create({ name: 'ephemeral.grown', vcpus: 1, memoryMb: 512, rootGb: 1, ephemeralGb: 4000 });
    flavors.set(two.name, encodeGlobalID('Flavor', two.id));
    flavors.set(grown.name, encodeGlobalID('Flavor', grown.id));
    const view = await spawn('two-ephemerals', 'ephemeral.two', 'xen-a1');
    const orig = (await vmNamed(view.vmName))!;
    const size = async (vdi: string) => Number(await xapi.call('VDI.get_virtual_size', vdi));
    const before = [await diskOn(orig, '4'), await diskOn(orig, '5')];
    assert.deepEqual(await Promise.all(before.map(size)), [1024 * GiB, 1024 * GiB]);

    await act(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('ephemeral.grown') });
    const moved = (await vmNamed(view.vmName))!;
    const after = [await diskOn(moved, '4'), await diskOn(moved, '5')];
    assert.deepEqual(await Promise.all(after.map(size)), [2000 * GiB, 2000 * GiB], 'both ephemeral disks grew');
    assert.deepEqual(await Promise.all(before.map(size)), [1024 * GiB, 1024 * GiB], '-orig keeps its disks as they were');
    assert.equal(await xapi.call('VDI.get_name_label', after[1]), `${view.vmName} ephemeral (1)`);
    await act(ConfirmResizeDocument, { id: view.id });
    assert.deepEqual(await Promise.all(before.map(vdiExists)), [false, false]);
  });
});

describe('cold migration', () => {
  it('moves the instance to another host, keeping its disks on the shared SR; confirm leaves them in place', async () => {
    const view = await spawn('move-me', 'm1.tiny', 'xen-a1');
    const orig = (await vmNamed(view.vmName))!;
    const root = await diskOn(orig, '0');
    const calls = await xapiCallsDuring(async () => {
      const same = await submit(MigrateInstanceDocument, { id: view.id, hostId: hosts.get('xen-a1') });
      assert.deepEqual([same.__typename, same.path], ['InvalidInputError', ['input', 'hostId']]);
    });
    assert.equal(calls, 0, 'migrating to its own host is refused before any XAPI call');

    const operation = await act(MigrateInstanceDocument, { id: view.id, hostId: hosts.get('xen-a3') });
    assert.deepEqual((operation.result as { disksCopied: number }).disksCopied, 0, JSON.stringify([operation.result, await srName(root)]));
    const moved = (await vmNamed(view.vmName))!;
    assert.notEqual(moved, orig);
    assert.equal(await residentHost(moved), 'xen-a3');
    assert.equal(await diskOn(moved, '0'), root, 'the destination sees the NFS SR: the disk is not copied');
    assert.equal(await srName(root), 'NFS shared storage');
    assert.equal(Number(await xapi.call('VM.get_memory_static_max', moved)), 512 * MiB);
    assert.equal(await xapi.call('VM.get_power_state', orig), 'Halted');
    const now = await instance(view.id);
    assert.deepEqual([now.vmState, now.host?.name, now.flavor?.name], ['RESIZED', 'xen-a3', 'm1.tiny']);
    const migration = await migrationOf(operation);
    assert.deepEqual([migration.type, migration.status, migration.sourceHost?.name, migration.destHost?.name], ['MIGRATION', 'FINISHED', 'xen-a1', 'xen-a3']);

    await act(ConfirmResizeDocument, { id: view.id });
    assert.equal(await vmNamed(`${view.vmName}-orig`), null);
    assert.equal(await vdiExists(root), true, 'the shared disk stays with the new VM');
    assert.equal((await instance(view.id)).vmState, 'ACTIVE');
  });

  it('copies a disk the destination cannot see to an SR it can, and a revert removes the copy', async () => {
    const [pool] = await xapi.call('pool.get_all');
    const shared = await xapi.call('pool.get_default_SR', pool);
    const [local] = await xapi.call('SR.get_by_name_label', 'Local storage on xen-a1');
    await xapi.call('pool.set_default_SR', pool, local);
    let view: InstanceView;
    try {
      view = await spawn('local-disks', 'm1.tiny', 'xen-a1');
    } finally {
      await xapi.call('pool.set_default_SR', pool, shared);
    }
    const orig = (await vmNamed(view.vmName))!;
    const root = await diskOn(orig, '0');
    assert.equal(await srName(root), 'Local storage on xen-a1');

    const operation = await act(MigrateInstanceDocument, { id: view.id, hostId: hosts.get('xen-a2') });
    assert.equal((operation.result as { disksCopied: number }).disksCopied, 1);
    const moved = (await vmNamed(view.vmName))!;
    const copy = await diskOn(moved, '0');
    assert.notEqual(copy, root);
    assert.equal(await srName(copy), 'NFS shared storage', 'xen-a2 cannot see xen-a1\'s disk: copied to the pool\'s default SR');
    assert.equal(await residentHost(moved), 'xen-a2');

    await act(RevertResizeDocument, { id: view.id });
    assert.equal(await vdiExists(copy), false);
    assert.equal(await vmNamed(view.vmName), orig);
    assert.equal(await residentHost(orig), 'xen-a1');
    assert.equal(await diskOn(orig, '0'), root);
  });

  it('rolls a failed migration back: the source VM has its name back and runs again, the copies are gone', async () => {
    const view = await spawn('move-fails', 'm1.tiny', 'xen-a1');
    const orig = (await vmNamed(view.vmName))!;
    // Hidden base copies come and go with VHD garbage collection; the instance's disks are the managed ones.
    const disks = async () => Object.values(await xapi.call('VDI.get_all_records') as Record<string, { managed: boolean }>).filter((v) => v.managed).length;
    const disksBefore = await disks();
    stack.sim.faults.add({ method: 'VM.start_on', error: ['INTERNAL_ERROR', 'injected: the destination will not boot'] });
    const operation = await act(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('m1.small') }, 'FAILED');
    assert.equal(operation.error?.xapiCode, 'INTERNAL_ERROR');
    assert.equal(await vmNamed(view.vmName), orig);
    assert.equal(await vmNamed(`${view.vmName}-orig`), null);
    assert.equal(await xapi.call('VM.get_power_state', orig), 'Running');
    assert.equal(await disks(), disksBefore, 'no disk left behind');
    const now = await instance(view.id);
    assert.deepEqual([now.vmState, now.powerState, now.flavor?.name, now.memoryMb], ['ACTIVE', 'RUNNING', 'm1.tiny', 512]);
    const { data } = await stack.request(`{ migrations(first: 50) { edges { node { status instance { id } } } } }`, {}, operator);
    const mine = (data as { migrations: { edges: { node: { status: string; instance: { id: string } } }[] } }).migrations.edges
      .filter((e) => e.node.instance.id === view.id);
    assert.deepEqual(mine.map((e) => e.node.status), ['ERROR']);
  });

  it('refuses a destination without enough memory with NoValidHostError', async () => {
    const huge = await stack.app.services.store.flavors.create({ name: 'huge', vcpus: 8, memoryMb: 1024 * 1024, rootGb: 40 });
    const view = await spawn('too-big', 'm1.tiny', 'xen-a1');
    const refused = await submit(ResizeInstanceDocument, { id: view.id, flavorId: encodeGlobalID('Flavor', huge.id) });
    assert.deepEqual([refused.__typename, refused.code], ['NoValidHostError', 'NO_VALID_HOST']);
    assert.equal((await instance(view.id)).vmState, 'ACTIVE');
  });
});

describe('across pools', () => {
  let xapiB: Xapi;
  before(async () => {
    xapiB = await jsonSession(stack.sim.pools[1].masterUrl, stack.simPassword);
  });

  /** The instance's VMs in a pool, by name, with their power state and host. */
  async function vmsOfInstance(pool: Xapi, uuid: string): Promise<string[]> {
    const vms = Object.values(await pool.call('VM.get_all_records') as Record<string, { name_label: string; power_state: string; resident_on: string; other_config: Record<string, string> }>)
      .filter((vm) => vm.other_config.nova_uuid === uuid);
    return Promise.all(vms.map(async (vm) => `${vm.name_label} ${vm.power_state}${vm.resident_on === 'OpaqueRef:NULL' ? '' : ` on ${await pool.call('host.get_name_label', vm.resident_on)}`}`));
  }

  async function disksOfInstance(pool: Xapi, uuid: string): Promise<number> {
    const vdis = await pool.call('VDI.get_all_records') as Record<string, { managed: boolean; other_config: Record<string, string> }>;
    return Object.values(vdis).filter((vdi) => vdi.managed && vdi.other_config.nova_instance_uuid === uuid).length;
  }

  it('migrates cold to the other pool by storage motion, keeps -orig in the source pool, and confirm removes it', async () => {
    const view = await spawn('pool-leaver', 'm1.tiny', 'xen-a1');
    const operation = await act(MigrateInstanceDocument, { id: view.id, hostId: hosts.get('xen-b1') });
    assert.deepEqual(await vmsOfInstance(xapiB, view.uuid), [`${view.vmName} Running on xen-b1`]);
    assert.deepEqual(await vmsOfInstance(xapi, view.uuid), [`${view.vmName}-orig Halted`]);
    const moved = (await vmNamedOn(xapiB, view.vmName))!;
    assert.equal(Number(await xapiB.call('VM.get_memory_static_max', moved)), 512 * MiB);
    const root = await xapiB.call('VBD.get_VDI', (await xapiB.call('VM.get_VBDs', moved))[0]);
    assert.equal(Number(await xapiB.call('VDI.get_virtual_size', root)), 1 * GiB);
    const now = await instance(view.id);
    assert.deepEqual([now.vmState, now.powerState, now.host?.name], ['RESIZED', 'RUNNING', 'xen-b1']);
    const row = (await stack.app.services.store.instances.get(decodeGlobalID(view.id).id))!;
    assert.equal(row.poolId, (await stack.app.services.store.hosts.get(decodeGlobalID(hosts.get('xen-b1')!).id))!.poolId, 'the store row follows the pool');
    const migration = await migrationOf(operation);
    assert.deepEqual([migration.status, migration.sourceHost?.name, migration.destHost?.name], ['FINISHED', 'xen-a1', 'xen-b1']);

    await act(ConfirmResizeDocument, { id: view.id });
    assert.deepEqual(await vmsOfInstance(xapi, view.uuid), [], 'nothing of the instance is left in pool-a');
    assert.equal(await disksOfInstance(xapi, view.uuid), 0);
    assert.deepEqual(await vmsOfInstance(xapiB, view.uuid), [`${view.vmName} Running on xen-b1`]);
    assert.deepEqual([(await instance(view.id)).vmState, (await instance(view.id)).host?.name], ['ACTIVE', 'xen-b1']);
  });

  it('resizes into the other pool when its own has no room, and revert brings it back on its old flavor, leaving nothing there', async () => {
    const view = await spawn('pool-returner', 'm1.tiny', 'xen-a2');
    const orig = (await vmNamed(view.vmName))!;
    const poolA = await Promise.all(['xen-a1', 'xen-a2', 'xen-a3'].map(async (name) => (await xapi.call('host.get_by_name_label', name))[0]));
    const { store } = stack.app.services;
    const poolAIds = ['xen-a1', 'xen-a2', 'xen-a3'].map((name) => decodeGlobalID(hosts.get(name)!).id);
    const enabledInStore = async (enabled: boolean) => (await Promise.all(poolAIds.map((id) => store.hosts.get(id)))).every((h) => h!.enabled === enabled);
    for (const host of poolA) await xapi.call('host.disable', host);
    try {
      await waitUntil(() => enabledInStore(false), 5000, 'pool-a to look full');
      await act(ResizeInstanceDocument, { id: view.id, flavorId: flavors.get('m1.small') });
    } finally {
      for (const host of poolA) await xapi.call('host.enable', host);
      await waitUntil(() => enabledInStore(true), 5000, 'pool-a back in service');
    }
    assert.deepEqual(await vmsOfInstance(xapiB, view.uuid), [`${view.vmName} Running on xen-b1`]);
    const moved = (await vmNamedOn(xapiB, view.vmName))!;
    assert.equal(Number(await xapiB.call('VM.get_memory_static_max', moved)), 2048 * MiB);
    assert.deepEqual([(await instance(view.id)).flavor?.name, (await instance(view.id)).host?.name], ['m1.small', 'xen-b1']);

    await act(RevertResizeDocument, { id: view.id });
    assert.deepEqual(await vmsOfInstance(xapiB, view.uuid), [], 'nothing of the instance is left in the other pool');
    assert.equal(await disksOfInstance(xapiB, view.uuid), 0);
    assert.equal(await vmNamed(view.vmName), orig, 'the original has its name back');
    assert.deepEqual(await vmsOfInstance(xapi, view.uuid), [`${view.vmName} Running on xen-a2`]);
    assert.equal(Number(await xapi.call('VM.get_memory_static_max', orig)), 512 * MiB);
    const now = await instance(view.id);
    assert.deepEqual([now.vmState, now.powerState, now.flavor?.name, now.host?.name], ['ACTIVE', 'RUNNING', 'm1.tiny', 'xen-a2']);
  });

  describe('with a CHAP volume attached', () => {
    interface VbdView { VDI: string; currently_attached: boolean; other_config: Record<string, string> }

    /** Attaches a LUN of pool-b's target (no other instance here uses it) at /dev/xvdc; returns its uuids. */
    async function attachChapVolume(view: InstanceView, lun: number, volumeId: string) {
      const target = iscsiTargets(stack.sim.world).find((t) => !t.iqn.endsWith(':pool-a'))!;
      await act(AttachVolumeDocument, {
        id: view.id, mountpoint: '/dev/xvdc',
        connectionInfo: {
          driverVolumeType: 'iscsi', targetPortal: `${target.address}:${target.port}`, targetIqn: target.iqn, targetLun: lun,
          authMethod: 'CHAP', authUsername: target.chap!.user, authPassword: target.chap!.secret, volumeId,
        },
      });
      const volume = (await volumeOf(xapi, (await vmNamed(view.vmName))!))!;
      const lunUuid: string = await xapi.call('VDI.get_uuid', volume.VDI);
      const srUuid: string = await xapi.call('SR.get_uuid', await xapi.call('VDI.get_SR', volume.VDI));
      return { lunUuid, srUuid, chap: target.chap! };
    }

    /** The VM's VBD on device 2 (/dev/xvdc), if it has one. */
    async function volumeOf(pool: Xapi, vm: string): Promise<VbdView | undefined> {
      const vbds = await Promise.all((await pool.call('VM.get_VBDs', vm) as string[]).map((ref) => pool.call('VBD.get_record', ref)));
      return vbds.find((vbd: { userdevice: string }) => vbd.userdevice === '2');
    }

    const srKnown = (pool: Xapi, uuid: string) => pool.call('SR.get_by_uuid', uuid).then(() => true, () => false);

    async function assertVolumeOn(pool: Xapi, vm: string, lunUuid: string): Promise<void> {
      const volume = await volumeOf(pool, vm);
      assert.ok(volume, 'a VBD on /dev/xvdc');
      assert.deepEqual([volume.currently_attached, volume.other_config.osvol, await pool.call('VDI.get_uuid', volume.VDI)], [true, 'True', lunUuid]);
    }

    it('migrates with it to xen-b1 (SR introduced there with the CHAP secret read from pool-a); confirm forgets the SR in pool-a', async () => {
      const view = await spawn('volume-leaver', 'm1.tiny', 'xen-a1');
      const { lunUuid, srUuid, chap } = await attachChapVolume(view, 1, 'vol-leaver');
      await act(MigrateInstanceDocument, { id: view.id, hostId: hosts.get('xen-b1') });
      const moved = (await vmNamedOn(xapiB, view.vmName))!;
      await assertVolumeOn(xapiB, moved, lunUuid);
      const [xenB1] = await xapiB.call('host.get_by_name_label', 'xen-b1');
      const srB = await xapiB.call('SR.get_by_uuid', srUuid);
      const pbds = await Promise.all((await xapiB.call('SR.get_PBDs', srB) as string[]).map((ref) => xapiB.call('PBD.get_record', ref)));
      assert.deepEqual(pbds.map((p) => [p.host, p.currently_attached, p.device_config.chapuser]), [[xenB1, true, chap.user]]);
      assert.equal(await volumeOf(xapi, (await vmNamed(`${view.vmName}-orig`))!), undefined, '-orig lends its volume while the move is pending');
      assert.ok(await srKnown(xapi, srUuid), 'pool-a keeps the SR for a revert');
      assert.deepEqual(await vmsOfInstance(xapi, view.uuid), [`${view.vmName}-orig Halted`]);

      await act(ConfirmResizeDocument, { id: view.id });
      assert.equal(await srKnown(xapi, srUuid), false, 'pool-a forgot the SR');
      assert.deepEqual(await vmsOfInstance(xapi, view.uuid), []);
      await assertVolumeOn(xapiB, moved, lunUuid);
      const attachments = await stack.app.services.store.volumeAttachments.listForInstance(decodeGlobalID(view.id).id);
      assert.deepEqual(attachments.map((a) => [a.volumeId, a.deviceNumber, a.srUuid, a.vdiUuid]), [['vol-leaver', 2, srUuid, lunUuid]]);
      assert.ok(!JSON.stringify(attachments).includes(chap.secret), 'the CHAP secret is still not stored');
      // The next tests find the target's SR in neither pool.
      await act(DestroyInstanceDocument, { id: view.id });
      assert.equal(await srKnown(xapiB, srUuid), false);
    });

    /** Nothing of the instance in xen-b1's pool (its SR forgotten there), the original running on xen-a1 with its volume. */
    const assertBackOnOriginal = async (view: InstanceView, orig: string, lunUuid: string, srUuid: string) => {
      assert.deepEqual(await vmsOfInstance(xapiB, view.uuid), []);
      assert.equal(await disksOfInstance(xapiB, view.uuid), 0);
      assert.equal(await srKnown(xapiB, srUuid), false, 'xen-b1\'s pool forgot the SR');
      assert.equal(await vmNamed(view.vmName), orig);
      assert.deepEqual(await vmsOfInstance(xapi, view.uuid), [`${view.vmName} Running on xen-a1`]);
      await assertVolumeOn(xapi, orig, lunUuid);
      const now = await instance(view.id);
      assert.deepEqual([now.vmState, now.powerState, now.host?.name], ['ACTIVE', 'RUNNING', 'xen-a1']);
    };

    it('gives the volume back to the original on revert, and leaves nothing of it in xen-b1\'s pool', async () => {
      const view = await spawn('volume-returner', 'm1.tiny', 'xen-a1');
      const orig = (await vmNamed(view.vmName))!;
      const { lunUuid, srUuid } = await attachChapVolume(view, 2, 'vol-returner');
      await act(MigrateInstanceDocument, { id: view.id, hostId: hosts.get('xen-b1') });
      await assertVolumeOn(xapiB, (await vmNamedOn(xapiB, view.vmName))!, lunUuid);

      await act(RevertResizeDocument, { id: view.id });
      await assertBackOnOriginal(view, orig, lunUuid, srUuid);
      await act(DestroyInstanceDocument, { id: view.id });
      assert.equal(await srKnown(xapi, srUuid), false);
    });

    it('rolls back when the SR cannot be plugged on xen-b1: the volume is the original\'s again, nothing is left in either pool', async () => {
      const view = await spawn('volume-stayer', 'm1.tiny', 'xen-a1');
      const orig = (await vmNamed(view.vmName))!;
      const { lunUuid, srUuid } = await attachChapVolume(view, 3, 'vol-stayer');
      stack.sim.faults.add({ method: 'PBD.plug', error: ['SR_BACKEND_FAILURE_47', '', 'injected: xen-b1 cannot reach the target', ''] });
      const operation = await act(MigrateInstanceDocument, { id: view.id, hostId: hosts.get('xen-b1') }, 'FAILED');
      assert.equal(operation.error?.xapiCode, 'SR_BACKEND_FAILURE_47');
      await assertBackOnOriginal(view, orig, lunUuid, srUuid);
      await act(DestroyInstanceDocument, { id: view.id });
    });
  });
});

describe('confirm and recovery', () => {
  it('confirms when -orig is already gone (Nova failed with a TypeError there)', async () => {
    const view = await spawn('orig-vanished', 'm1.tiny', 'xen-a2');
    await act(MigrateInstanceDocument, { id: view.id });
    const orig = (await vmNamed(`${view.vmName}-orig`))!;
    assert.notEqual(await residentHost((await vmNamed(view.vmName))!), 'xen-a2', 'the scheduler picked another host');
    await xapi.call('VM.destroy', orig);
    const confirmed = await act(ConfirmResizeDocument, { id: view.id });
    assert.equal((confirmed.result as { origDestroyed: boolean }).origDestroyed, false);
    assert.deepEqual([(await instance(view.id)).vmState], ['ACTIVE']);
  });

  it('rolls back a resize interrupted after the rename: -orig takes its name back and runs again', async () => {
    const view = await spawn('resize-interrupted', 'm1.tiny', 'xen-a3');
    const vm = (await vmNamed(view.vmName))!;
    const { store, operations } = stack.app.services;
    const id = decodeGlobalID(view.id).id;
    const current = (await store.instances.get(id))!;
    // What a resize leaves when the process dies after step 40: the source renamed and halted, nothing new yet.
    await store.instances.update(id, { taskState: 'resize_migrating', systemMetadata: { ...current.systemMetadata, old_vm_state: 'active' } });
    await xapi.call('VM.set_name_label', vm, `${view.vmName}-orig`);
    await xapi.call('VM.hard_shutdown', vm);
    const operation = await store.operations.create({ kind: 'instance.resize', requestedBy: 'test', instanceId: id, input: { flavorId: decodeGlobalID(flavors.get('m1.small')!).id } });
    await store.operations.update(operation.id, { status: 'RUNNING', startedAt: new Date() });
    await recoverInterruptedOperations(stack.app.services, operations, INSTANCE_ACTIONS);
    const outcome = await finished(encodeGlobalID('Operation', operation.id));
    assert.equal(outcome.status, 'FAILED');
    assert.equal(await vmNamed(view.vmName), vm);
    assert.equal(await vmNamed(`${view.vmName}-orig`), null);
    assert.equal(await xapi.call('VM.get_power_state', vm), 'Running');
    const now = await instance(view.id);
    assert.deepEqual([now.vmState, now.taskState, now.flavor?.name], ['ACTIVE', null, 'm1.tiny']);
  });
});
