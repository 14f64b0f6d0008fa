// Volumes at spawn and boot from volume, end to end: instanceSpawn with iSCSI volumes, checked on XAPI (VBDs at
// their devices, attached with the domain rather than hot-plugged, a root VBD on the LUN and no local root disk)
// and through the API, and a volume-backed instance that survives stop/start, a resize and a live migration,
// then is destroyed with its volumes reported for deletion as asked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  ConfirmResizeDocument, DestroyInstanceDocument, InstanceVolumesDocument, LiveMigrateInstanceDocument, MigrateInstanceDocument,
  PowerOffInstanceDocument, PowerOnInstanceDocument, ResizeInstanceDocument, RevertResizeDocument, SnapshotInstanceDocument,
  SpawnInstanceDocument, VolumeOperationDocument,
  type InstanceSpawnInput, type InstanceVolumesQuery, type VolumeConnectionInput, type VolumeOperationQuery,
} from '../generated/graphql.js';
import { accepted, finished, spawnChoices, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { iscsiTargets, type IscsiTarget } from '../../src/simulator/classes/iscsi.js';

type Xapi = Awaited<ReturnType<typeof xapiSession>>;
type VolumesView = Extract<NonNullable<InstanceVolumesQuery['node']>, { volumes: unknown }>;
type OperationView = Extract<NonNullable<VolumeOperationQuery['node']>, { status: unknown }>;

const GiB = 1024 ** 3;

let stack: Stack;
let xapi: Xapi;
let operator: string;
let choices: SpawnChoices;
let target: IscsiTarget;

before(async () => {
  stack = await startStack();
  operator = await stack.tokenFor('operator');
  xapi = await xapiSession(stack, 0);
  choices = await spawnChoices(stack);
  target = iscsiTargets(stack.sim.world).find((t) => t.iqn.endsWith(':pool-a'))!;
});
after(async () => {
  await stack?.stop();
});

function connection(lun: number, volumeId = `vol-${lun}`): VolumeConnectionInput {
  return {
    driverVolumeType: 'iscsi', targetPortal: `${target.address}:${target.port}`, targetIqn: target.iqn, targetLun: lun,
    authMethod: 'CHAP', authUsername: target.chap!.user, authPassword: target.chap!.secret, volumeId,
  };
}

async function operation(id: string): Promise<OperationView> {
  const { data } = await stack.request(VolumeOperationDocument, { id }, operator);
  return data!.node as OperationView;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action's own generated document
async function act(document: any, input: Record<string, unknown>, expected = 'SUCCEEDED'): Promise<OperationView> {
  const payload = accepted(await stack.request(document, { input }, operator));
  const state = await finished(stack, payload.operation.id);
  assert.equal(state.status, expected, JSON.stringify(state.error));
  return operation(payload.operation.id);
}

async function spawn(input: Partial<InstanceSpawnInput>): Promise<{ instanceId: string; op: OperationView }> {
  const payload = accepted(await stack.request(SpawnInstanceDocument, {
    input: { name: 'with-volumes', flavorId: choices.flavor('m1.small'), networkIds: [choices.network('eth0')], hostId: choices.host('xen-a1'), ...input },
  }, operator));
  const state = await finished(stack, payload.operation.id);
  return { instanceId: payload.instance!.id, op: { ...(await operation(payload.operation.id)), status: state.status } };
}

async function volumesOf(instanceId: string): Promise<VolumesView> {
  const { data, errors } = await stack.request(InstanceVolumesDocument, { id: instanceId, includeDetached: true }, operator);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data!.node as VolumesView;
}

/** The instance's VM on pool-a, by the nova_uuid its record carries (not an -orig twin). */
async function vmOf(instanceId: string): Promise<string> {
  const { data } = await stack.request('query($id: ID!) { node(id: $id) { ... on Instance { vmName } } }', { id: instanceId }, operator);
  const [vm] = await xapi.call('VM.get_by_name_label', (data as { node: { vmName: string } }).node.vmName);
  assert.ok(vm, 'the instance has a VM');
  return vm;
}

async function vbdsOf(vm: string): Promise<Record<string, any>[]> {
  const records = await Promise.all((await xapi.call('VM.get_VBDs', vm)).map((vbd: string) => xapi.call('VBD.get_record', vbd)));
  return records.sort((a, b) => Number(a.userdevice) - Number(b.userdevice));
}

/** XAPI calls xengraph made so far of these methods. */
function callsOf(...methods: string[]): number {
  let calls = 0;
  for (const link of stack.app.services.pools.list()) for (const method of methods) calls += link.client.callCountByMethod.get(method) ?? 0;
  return calls;
}

/** The generation pool-a's database was at when a row was made: the order XAPI did things in. */
function createdAt(ref: string): number {
  const row = stack.sim.world.pools.find((pool) => pool.name === 'pool-a')!.db.row(ref);
  assert.ok(row, `${ref} is in pool-a's database`);
  return row.created;
}

function messagesAbout(vmUuid: string, name: string): string[] {
  const db = stack.sim.world.pools.find((pool) => pool.name === 'pool-a')!.db;
  return db.select('message', (m) => m.obj_uuid === vmUuid && m.name === name).map(([ref]) => ref);
}

async function srOf(vdi: string): Promise<string> {
  return xapi.call('VDI.get_SR', vdi);
}

async function srGone(uuid: string): Promise<boolean> {
  return xapi.call('SR.get_by_uuid', uuid).then(() => false, (error: { code: string }) => error.code === 'UUID_INVALID');
}

describe('volumes at spawn', () => {
  it('plugs two volumes at their devices with the domain, before the guest boots, and records them', async () => {
    const plugsBefore = callsOf('VBD.plug', 'Async.VBD.plug');
    const { instanceId, op } = await spawn({
      name: 'two-volumes', imageId: choices.image('cirros'),
      volumes: [
        { connectionInfo: connection(1), mountpoint: '/dev/xvdb', deleteOnTermination: true },
        { connectionInfo: connection(2), mountpoint: '/dev/xvdc' },
      ],
    });
    assert.equal(op.status, 'SUCCEEDED', JSON.stringify(op.error));
    const vm = await vmOf(instanceId);
    const vbds = await vbdsOf(vm);
    const volumes = vbds.filter((vbd) => vbd.other_config.osvol === 'True');
    assert.deepEqual(volumes.map((vbd) => [vbd.userdevice, vbd.device, vbd.currently_attached, vbd.bootable]),
      [['1', 'xvdb', true, false], ['2', 'xvdc', true, false]]);
    assert.deepEqual(await Promise.all(volumes.map(async (vbd) => (await xapi.call('VDI.get_record', vbd.VDI)).sm_config.LUNid)), ['1', '2']);
    const root = vbds.find((vbd) => vbd.userdevice === '0')!;
    assert.equal(root.other_config.osvol, undefined, 'the root disk is the image\'s');
    // Attached with the domain: the VBDs were made before the VM started, and nothing was hot-plugged.
    const vmUuid = await xapi.call('VM.get_uuid', vm);
    const [started] = messagesAbout(vmUuid, 'VM_STARTED');
    assert.ok(started, 'the VM started');
    for (const vbd of await xapi.call('VM.get_VBDs', vm)) assert.ok(createdAt(vbd) < createdAt(started), 'every VBD existed before VM_STARTED');
    assert.equal(callsOf('VBD.plug', 'Async.VBD.plug'), plugsBefore, 'no VBD was hot-plugged');
    assert.equal(await xapi.call('VM.get_power_state', vm), 'Running');

    const view = await volumesOf(instanceId);
    assert.deepEqual(view.volumes.map((v) => [v.volumeId, v.mountpoint, v.device, v.deleteOnTermination, v.detachedAt]),
      [['vol-1', '/dev/xvdb', '1', true, null], ['vol-2', '/dev/xvdc', '2', false, null]]);
    assert.ok(view.disks!.filter((d) => d.type === 'VOLUME').every((d) => d.volume !== null && d.attached));
    const srUuid = view.volumes[0]!.srUuid!;
    assert.equal(view.volumes[1]!.srUuid, srUuid, 'one SR for the target');

    const destroyed = await act(DestroyInstanceDocument, { id: instanceId });
    const result = destroyed.result as Record<string, unknown>;
    assert.deepEqual([result.volumesDetached, result.volumesMarkedForDeletion], [['vol-1', 'vol-2'], ['vol-1']]);
    assert.ok(await srGone(srUuid), 'the SR is forgotten; the LUNs keep their data');
    assert.deepEqual((await volumesOf(instanceId)).volumes.map((v) => v.detachedAt !== null), [true, true]);
  });

  it('refuses volumes that collide, before anything is recorded', async () => {
    const cases: [Partial<InstanceSpawnInput>, string[]][] = [
      [{ imageId: choices.image('cirros'), volumes: [{ connectionInfo: connection(1), mountpoint: '/dev/xvdb' }, { connectionInfo: connection(2), mountpoint: '/dev/xvdb' }] },
        ['input', 'volumes', '1', 'mountpoint']],
      [{ imageId: choices.image('cirros'), volumes: [{ connectionInfo: connection(1), mountpoint: '/dev/xvdb' }, { connectionInfo: connection(2, 'vol-1'), mountpoint: '/dev/xvdc' }] },
        ['input', 'volumes', '1', 'connectionInfo', 'volumeId']],
      [{ imageId: choices.image('cirros'), configDrive: true, volumes: [{ connectionInfo: connection(1), mountpoint: '/dev/xvdd' }] },
        ['input', 'volumes', '0', 'mountpoint']],
      [{ volumes: [{ connectionInfo: connection(1), mountpoint: '/dev/xvdb' }] }, ['input', 'imageId']],
      [{ volumes: [{ connectionInfo: connection(1), bootIndex: 0, mountpoint: '/dev/xvdb' }] }, ['input', 'volumes', '0', 'mountpoint']],
      [{ imageId: choices.image('cirros'), volumes: [{ connectionInfo: { ...connection(1), authPassword: null }, mountpoint: '/dev/xvdb' }] },
        ['input', 'volumes', '0', 'connectionInfo', 'authPassword']],
    ];
    for (const [input, path] of cases) {
      const { data, errors } = await stack.request(SpawnInstanceDocument, {
        input: { name: 'refused', flavorId: choices.flavor('m1.small'), networkIds: [], ...input },
      }, operator);
      assert.equal(errors, undefined, JSON.stringify(errors));
      const payload = data!.instanceSpawn as { __typename: string; path?: string[] };
      assert.equal(payload.__typename, 'InvalidInputError', JSON.stringify(payload));
      assert.deepEqual(payload.path, path);
    }
    assert.equal(await stack.app.services.store.instances.getByName('refused'), null, 'no instance was recorded');
  });
});

describe('boot from volume', () => {
  let instanceId: string;
  let lunVdiUuid: string;

  it('boots from a volume on /dev/xvda with no local root disk', async () => {
    const { instanceId: id, op } = await spawn({
      name: 'volume-backed', volumes: [{ connectionInfo: connection(3), bootIndex: 0, deleteOnTermination: true }],
    });
    assert.equal(op.status, 'SUCCEEDED', JSON.stringify(op.error));
    instanceId = id;
    const vm = await vmOf(instanceId);
    const [root, ...others] = await vbdsOf(vm);
    assert.deepEqual([root!.userdevice, root!.bootable, root!.currently_attached, root!.other_config.osvol], ['0', true, true, 'True']);
    assert.deepEqual(others.map((vbd) => vbd.userdevice), [], 'm1.small has no swap or ephemeral disk');
    const vdi = await xapi.call('VDI.get_record', root!.VDI);
    lunVdiUuid = vdi.uuid;
    assert.deepEqual([vdi.sm_config.LUNid, Number(vdi.virtual_size)], ['3', 100 * GiB]);
    assert.equal((await xapi.call('SR.get_record', await srOf(root!.VDI))).type, 'iscsi');
    const instanceUuid = (await stack.app.services.store.instances.get(decodeGlobalID(instanceId).id))!.uuid;
    const ownDisks = Object.values(await xapi.call('VDI.get_all_records') as Record<string, { other_config: Record<string, string> }>)
      .filter((record) => record.other_config.nova_instance_uuid === instanceUuid);
    assert.deepEqual(ownDisks, [], 'no disk of the instance\'s own on XAPI');
    const view = await volumesOf(instanceId);
    assert.deepEqual(view.disks!.map((d) => [d.device, d.type, d.bootable]), [['0', 'VOLUME', true]]);
    assert.deepEqual(view.volumes.map((v) => [v.mountpoint, v.device]), [['/dev/xvda', '0']]);
  });

  it('stops and starts again from its volume', async () => {
    await act(PowerOffInstanceDocument, { id: instanceId });
    const vm = await vmOf(instanceId);
    assert.equal(await xapi.call('VM.get_power_state', vm), 'Halted');
    await act(PowerOnInstanceDocument, { id: instanceId });
    assert.equal(await xapi.call('VM.get_power_state', vm), 'Running');
    const [root] = await vbdsOf(vm);
    assert.deepEqual([root!.currently_attached, await xapi.call('VDI.get_uuid', root!.VDI)], [true, lunVdiUuid]);
  });

  it('is resized to more memory with its volume carried to the new VM, not copied', async () => {
    const vdisBefore = new Set(await xapi.call('VDI.get_all') as string[]);
    await act(ResizeInstanceDocument, { id: instanceId, flavorId: choices.flavor('m1.medium') });
    const vm = await vmOf(instanceId);
    assert.equal(Number(await xapi.call('VM.get_memory_static_max', vm)), 4096 * 1024 * 1024);
    const [root] = await vbdsOf(vm);
    assert.deepEqual([root!.userdevice, root!.bootable, root!.other_config.osvol, await xapi.call('VDI.get_uuid', root!.VDI)],
      ['0', true, 'True', lunVdiUuid]);
    // Compared as sets: an SR an earlier test's destroy forgets may still be leaving meanwhile.
    assert.deepEqual((await xapi.call('VDI.get_all') as string[]).filter((vdi) => !vdisBefore.has(vdi)), [], 'no disk was copied or made');
    await act(ConfirmResizeDocument, { id: instanceId });
    assert.equal(await xapi.call('VM.get_power_state', vm), 'Running');
    assert.equal(await xapi.call('VDI.get_uuid', (await vbdsOf(vm))[0]!.VDI), lunVdiUuid, 'confirming kept the volume');
  });

  it('moves live to another host of the pool, its volume\'s SR plugged there', async () => {
    const vm = await vmOf(instanceId);
    await act(LiveMigrateInstanceDocument, { id: instanceId, hostId: choices.host('xen-a2') });
    assert.equal(await xapi.call('host.get_name_label', await xapi.call('VM.get_resident_on', vm)), 'xen-a2');
    const [root] = await vbdsOf(vm);
    assert.deepEqual([root!.currently_attached, await xapi.call('VDI.get_uuid', root!.VDI)], [true, lunVdiUuid]);
    const pbds = await Promise.all((await xapi.call('SR.get_PBDs', await srOf(root!.VDI))).map((pbd: string) => xapi.call('PBD.get_record', pbd)));
    const hosts = await Promise.all(pbds.filter((pbd) => pbd.currently_attached).map((pbd) => xapi.call('host.get_name_label', pbd.host)));
    assert.deepEqual(hosts, ['xen-a2']);
  });

  /** The hosts whose PBD of the volume's SR is plugged, by name, sorted. */
  async function hostsSeeingVolume(): Promise<string[]> {
    const [root] = await vbdsOf(await vmOf(instanceId));
    const pbds = await Promise.all((await xapi.call('SR.get_PBDs', await srOf(root!.VDI))).map((pbd: string) => xapi.call('PBD.get_record', pbd)));
    return (await Promise.all(pbds.filter((pbd) => pbd.currently_attached).map((pbd) => xapi.call('host.get_name_label', pbd.host) as Promise<string>))).sort();
  }

  it('migrates cold to another host of the pool, its volume\'s SR plugged there first; confirm unplugs it from the host it left', async () => {
    await act(MigrateInstanceDocument, { id: instanceId, hostId: choices.host('xen-a1') });
    const vm = await vmOf(instanceId);
    assert.equal(await xapi.call('host.get_name_label', await xapi.call('VM.get_resident_on', vm)), 'xen-a1');
    const [root] = await vbdsOf(vm);
    assert.deepEqual([root!.currently_attached, root!.other_config.osvol, await xapi.call('VDI.get_uuid', root!.VDI)], [true, 'True', lunVdiUuid]);
    // -orig, halted on xen-a2, still reaches its volume for a revert.
    assert.deepEqual(await hostsSeeingVolume(), ['xen-a1', 'xen-a2']);
    await act(ConfirmResizeDocument, { id: instanceId });
    assert.deepEqual(await hostsSeeingVolume(), ['xen-a1']);
  });

  it('has a reverted cold migration unplug the SR from the destination, running on its source again', async () => {
    await act(MigrateInstanceDocument, { id: instanceId, hostId: choices.host('xen-a2') });
    assert.deepEqual(await hostsSeeingVolume(), ['xen-a1', 'xen-a2']);
    await act(RevertResizeDocument, { id: instanceId });
    const vm = await vmOf(instanceId);
    assert.equal(await xapi.call('host.get_name_label', await xapi.call('VM.get_resident_on', vm)), 'xen-a1');
    assert.deepEqual(await hostsSeeingVolume(), ['xen-a1']);
  });

  it('rolls a cold migration back when the SR cannot be plugged on the destination: nothing plugged there, running on its source', async () => {
    stack.sim.faults.add({ method: 'PBD.plug', error: ['SR_BACKEND_FAILURE_47', '', 'The SR is not available'] });
    const failed = await act(MigrateInstanceDocument, { id: instanceId, hostId: choices.host('xen-a2') }, 'FAILED');
    stack.sim.faults.clear();
    assert.equal(failed.error?.xapiCode, 'SR_BACKEND_FAILURE_47');
    const vm = await vmOf(instanceId);
    assert.deepEqual([await xapi.call('VM.get_power_state', vm), await xapi.call('host.get_name_label', await xapi.call('VM.get_resident_on', vm))],
      ['Running', 'xen-a1']);
    assert.deepEqual(await hostsSeeingVolume(), ['xen-a1']);
    // The PBD made for xen-a2 went too, not only its plug.
    const [root] = await vbdsOf(vm);
    assert.equal((await xapi.call('SR.get_PBDs', await srOf(root!.VDI))).length, 1);
  });

  it('refuses a snapshot with a typed error, since the LUN\'s SR cannot snapshot it, and calls nothing', async () => {
    const calls = callsOf('VM.snapshot', 'Async.VM.snapshot', 'VDI.snapshot');
    const { data } = await stack.request(SnapshotInstanceDocument, { input: { id: instanceId, name: 'of a volume' } }, operator);
    const payload = data!.instanceSnapshot as { __typename: string; message: string };
    assert.equal(payload.__typename, 'InvalidStateError', JSON.stringify(payload));
    assert.match(payload.message, /boots from a volume: snapshot the volume through the block storage service/);
    assert.equal(callsOf('VM.snapshot', 'Async.VM.snapshot', 'VDI.snapshot'), calls);
  });

  it('is destroyed with its volume detached and reported for deletion, the LUN untouched', async () => {
    const srUuid = (await volumesOf(instanceId)).volumes[0]!.srUuid!;
    const destroyed = await act(DestroyInstanceDocument, { id: instanceId });
    assert.deepEqual((destroyed.result as Record<string, unknown>).volumesMarkedForDeletion, ['vol-3']);
    await waitUntil(() => srGone(srUuid), 5000, 'the SR to be forgotten');
    assert.ok(target.luns.some((lun) => lun.vdiUuid === lunVdiUuid), 'the LUN is still on the target');
  });
});
