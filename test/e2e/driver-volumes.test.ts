// Volumes end to end: iSCSI volumes attached to and detached from instances through the API, checked on XAPI
// (SR introduced under Nova's uuid, PBD plugged, VBD at the mountpoint's device with osvol, SR forgotten with
// its last volume) and in what the API reports (Instance.volumes, Instance.disks, Host.volumeConnector).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  AttachVolumeDocument, DestroyInstanceDocument, DetachVolumeDocument, InstanceVolumesDocument, PowerOffInstanceDocument,
  PowerOnInstanceDocument, VolumeConnectorsDocument, VolumeOperationDocument,
  type InstanceVolumesQuery, type VolumeConnectionInput, type VolumeOperationQuery,
} from '../generated/graphql.js';
import { accepted, finished, spawnChoices, spawnRunning, xapiSession } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { storedContents } from '../helpers/store.js';
import { INSTANCE_ACTIONS } from '../../src/driver/actions/index.js';
import { connectVolumesOnHost, disconnectVolumesFromHost } from '../../src/driver/volume-hosts.js';
import { recoverInterruptedOperations } from '../../src/operations/recovery.js';
import { iscsiTargets, type IscsiTarget } from '../../src/simulator/classes/iscsi.js';

type Xapi = Awaited<ReturnType<typeof xapiSession>>;
type VolumesView = Extract<NonNullable<InstanceVolumesQuery['node']>, { volumes: unknown }>;
type OperationView = Extract<NonNullable<VolumeOperationQuery['node']>, { status: unknown }>;

const GiB = 1024 ** 3;
/** uuid5(3cca4135-a809-5bb3-af62-275fbfe87178, "10.0.1.30/3260/<pool-a's IQN>"), computed with Python's uuid. */
const POOL_A_TARGET_SR_UUID = '667943a9-f868-5139-8c9f-232fcb33c4a3';

let stack: Stack;
let xapi: Xapi;
let operator: string;
let target: IscsiTarget;
let instanceId: string;
let vmRef: string;

before(async () => {
  stack = await startStack();
  operator = await stack.tokenFor('operator');
  xapi = await xapiSession(stack, 0);
  target = iscsiTargets(stack.sim.world).find((t) => t.iqn.endsWith(':pool-a'))!;
  const choices = await spawnChoices(stack);
  const spawned = await spawnRunning(stack, choices, { name: 'volume-test', flavor: 'm1.tiny', hostId: choices.host('xen-a1') });
  instanceId = spawned.instance!.id;
  [vmRef] = await xapi.call('VM.get_by_name_label', await vmName());
});
after(async () => {
  await stack?.stop();
});

async function vmName(): Promise<string> {
  const { data } = await stack.request('query($id: ID!) { node(id: $id) { ... on Instance { vmName } } }', { id: instanceId }, operator);
  return (data as { node: { vmName: string } }).node.vmName;
}

function connection(lun: number, password = target.chap!.secret, volumeId = `vol-${lun}`): VolumeConnectionInput {
  return {
    driverVolumeType: 'iscsi', targetPortal: `${target.address}:${target.port}`, targetIqn: target.iqn, targetLun: lun,
    authMethod: 'CHAP', authUsername: target.chap!.user, authPassword: password, volumeId,
  };
}

async function operation(id: string): Promise<OperationView> {
  const { data } = await stack.request(VolumeOperationDocument, { id }, operator);
  return data!.node as OperationView;
}

/** Submits an attach and waits for it; returns the finished operation. */
async function attach(lun: number, mountpoint: string, expected = 'SUCCEEDED', password?: string): Promise<OperationView> {
  const payload = accepted(await stack.request(AttachVolumeDocument, { input: { id: instanceId, connectionInfo: connection(lun, password), mountpoint } }, operator));
  const state = await finished(stack, payload.operation.id);
  assert.equal(state.status, expected, JSON.stringify(state.error));
  return operation(payload.operation.id);
}

async function detach(input: { volumeAttachmentId?: string; mountpoint?: string }): Promise<OperationView> {
  const payload = accepted(await stack.request(DetachVolumeDocument, { input: { id: instanceId, ...input } }, operator));
  const state = await finished(stack, payload.operation.id);
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
  return operation(payload.operation.id);
}

async function volumes(includeDetached = false): Promise<VolumesView> {
  const { data, errors } = await stack.request(InstanceVolumesDocument, { id: instanceId, includeDetached }, operator);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data!.node as VolumesView;
}

async function vbdAt(device: string): Promise<Record<string, any> | undefined> {
  for (const vbd of await xapi.call('VM.get_VBDs', vmRef)) {
    const record = await xapi.call('VBD.get_record', vbd);
    if (record.userdevice === device) return record;
  }
  return undefined;
}

async function targetSr(): Promise<string | null> {
  try {
    return await xapi.call('SR.get_by_uuid', POOL_A_TARGET_SR_UUID);
  } catch (error) {
    assert.equal((error as { code: string }).code, 'UUID_INVALID');
    return null;
  }
}

async function pbdsOf(sr: string): Promise<Record<string, any>[]> {
  return Promise.all((await xapi.call('SR.get_PBDs', sr)).map((pbd: string) => xapi.call('PBD.get_record', pbd)));
}

async function powerAction(document: typeof PowerOffInstanceDocument | typeof PowerOnInstanceDocument): Promise<void> {
  const payload = accepted(await stack.request(document, { input: { id: instanceId } }, operator));
  assert.equal((await finished(stack, payload.operation.id)).status, 'SUCCEEDED');
}

describe('attach and detach on a running instance', () => {
  it('hot-plugs a volume at the device its mountpoint names, on an SR introduced under Nova\'s uuid', async () => {
    const op = await attach(1, '/dev/xvdb');
    const result = op.result as Record<string, unknown>;
    assert.deepEqual({ device: result.device, srUuid: result.srUuid, srIntroduced: result.srIntroduced, plugged: result.plugged },
      { device: '1', srUuid: POOL_A_TARGET_SR_UUID, srIntroduced: true, plugged: true });

    const vbd = await vbdAt('1');
    assert.ok(vbd, 'a VBD on userdevice 1');
    assert.equal(vbd.currently_attached, true);
    assert.equal(vbd.device, 'xvdb');
    assert.equal(vbd.other_config.osvol, 'True');
    assert.equal(vbd.mode, 'RW');
    const vdi = await xapi.call('VDI.get_record', vbd.VDI);
    assert.equal(vdi.sm_config.LUNid, '1');
    assert.equal(Number(vdi.virtual_size), 20 * GiB);

    const sr = await targetSr();
    assert.ok(sr);
    const srRecord = await xapi.call('SR.get_record', sr);
    assert.equal(vdi.SR, sr);
    assert.deepEqual([srRecord.type, srRecord.name_label, srRecord.name_description],
      ['iscsi', `tempSR-${POOL_A_TARGET_SR_UUID}`, `Disk-for:${await vmName()}`]);
    assert.deepEqual(srRecord.sm_config, {}, 'the CHAP secret stays off the SR record');
    const [pbd, ...others] = await pbdsOf(sr);
    assert.equal(others.length, 0);
    assert.equal(pbd!.currently_attached, true);
    assert.equal(pbd!.host, await xapi.call('VM.get_resident_on', vmRef));
    assert.deepEqual([pbd!.device_config.target, pbd!.device_config.port, pbd!.device_config.targetIQN, pbd!.device_config.chapuser],
      [target.address, '3260', target.iqn, target.chap!.user]);

    const view = await volumes();
    assert.equal(view.volumes.length, 1);
    const [attachment] = view.volumes;
    assert.equal(decodeGlobalID(attachment!.id).id, result.volumeAttachmentId);
    assert.deepEqual({ ...attachment, id: undefined, attachedAt: undefined }, {
      id: undefined, attachedAt: undefined, volumeId: 'vol-1', mountpoint: '/dev/xvdb', device: '1', srUuid: POOL_A_TARGET_SR_UUID,
      vdiUuid: vdi.uuid, detachedAt: null, instance: { id: instanceId }, deleteOnTermination: false,
      connectionInfo: {
        driverVolumeType: 'iscsi', targetPortal: `${target.address}:3260`, targetIqn: target.iqn, targetLun: 1,
        authMethod: 'CHAP', authUsername: target.chap!.user,
      },
    });
  });

  it('puts a second volume of the same target on the same SR', async () => {
    const op = await attach(4, '/dev/sdh');
    const result = op.result as Record<string, unknown>;
    assert.equal(result.device, '7');
    assert.equal(result.srIntroduced, false);
    const vbd = await vbdAt('7');
    assert.equal(vbd?.currently_attached, true);
    assert.equal(vbd?.other_config.osvol, 'True');
    const sr = await targetSr();
    assert.equal((await xapi.call('VDI.get_record', vbd!.VDI)).SR, sr);
    assert.equal((await pbdsOf(sr!)).length, 1, 'still one PBD');
  });

  it('connects the volumes on another host for a live migration, and lets them go again', async () => {
    const { store } = stack.app.services;
    const instance = (await store.instances.get(decodeGlobalID(instanceId).id))!;
    const hosts = await store.hosts.list({}, { limit: 10, inverted: false });
    const other = hosts.find((host) => host.name === 'xen-a2')!;
    const otherRef = (await xapi.call('host.get_by_name_label', 'xen-a2'))[0];
    const sr = (await targetSr())!;

    const connected = await connectVolumesOnHost(stack.app.services, instance, other);
    assert.deepEqual(connected.map((volume) => volume.volumeId), ['vol-1', 'vol-4']);
    assert.equal(connected[0]!.vdi, (await vbdAt('1'))!.VDI);
    const onOther = (await pbdsOf(sr)).filter((pbd) => pbd.host === otherRef);
    assert.deepEqual(onOther.map((pbd) => [pbd.currently_attached, pbd.device_config.targetIQN]), [[true, target.iqn]]);
    assert.equal(await xapi.call('SR.get_shared', sr), true, 'a second host makes the SR shared');

    await disconnectVolumesFromHost(stack.app.services, instance, other);
    assert.deepEqual((await pbdsOf(sr)).filter((pbd) => pbd.host === otherRef), []);
    assert.equal((await pbdsOf(sr)).length, 1, 'the VM\'s own host keeps its PBD');
  });

  it('lists the root disk and the volumes in Instance.disks', async () => {
    const view = await volumes();
    const byDevice = new Map(view.disks!.map((disk) => [disk.device, disk]));
    assert.equal(byDevice.get('0')?.type, 'ROOT');
    assert.equal(byDevice.get('0')?.bootable, true);
    const first = byDevice.get('1');
    assert.deepEqual([first?.type, first?.sizeBytes, first?.guestDevice, first?.attached, first?.volume?.volumeId],
      ['VOLUME', 20 * GiB, 'xvdb', true, 'vol-1']);
    assert.deepEqual([byDevice.get('7')?.type, byDevice.get('7')?.sizeBytes, byDevice.get('7')?.volume?.volumeId], ['VOLUME', 1 * GiB, 'vol-4']);
    assert.ok(view.disks!.every((disk) => ['ROOT', 'VOLUME', 'SWAP', 'EPHEMERAL', 'CONFIGDRIVE'].includes(disk.type)));
  });

  it('refuses a mountpoint whose device is taken, or that names no device, before recording anything', async () => {
    for (const [mountpoint, lun] of [['/dev/xvda', 2], ['/mnt/data', 2], ['/dev/xvdb', 3]] as const) {
      const { data } = await stack.request(AttachVolumeDocument, { input: { id: instanceId, connectionInfo: connection(lun), mountpoint } }, operator);
      const refused = data!.instanceAttachVolume as { __typename: string; code: string };
      assert.deepEqual([refused.__typename, refused.code], ['InvalidInputError', 'INVALID_INPUT'], mountpoint);
    }
    const { data } = await stack.request(AttachVolumeDocument, {
      input: { id: instanceId, connectionInfo: { ...connection(2), driverVolumeType: 'rbd' }, mountpoint: '/dev/xvdc' },
    }, operator);
    assert.equal((data!.instanceAttachVolume as { __typename: string }).__typename, 'InvalidInputError');
  });

  it('detaches one volume (retrying an unplug the guest rejects) and keeps the SR another volume uses', async () => {
    stack.sim.faults.add({ method: 'VBD.unplug', error: ['DEVICE_DETACH_REJECTED', 'VBD', 'OpaqueRef:x', 'device in use'] });
    const op = await detach({ mountpoint: '/dev/xvdb' });
    assert.deepEqual(op.result, { volumeAttachmentId: (op.result as { volumeAttachmentId: string }).volumeAttachmentId, vbdRemoved: true, srForgotten: false });
    assert.equal(await vbdAt('1'), undefined);
    assert.ok(await vbdAt('7'));
    const sr = await targetSr();
    assert.ok(sr, 'the SR stays while vol-4 uses it');
    assert.equal((await pbdsOf(sr)).every((pbd) => pbd.currently_attached), true);
    const view = await volumes(true);
    assert.deepEqual(view.volumes.map((v) => [v.volumeId, v.detachedAt !== null]), [['vol-1', true], ['vol-4', false]]);
  });

  it('forgets the SR with its last volume', async () => {
    const [last] = (await volumes()).volumes;
    const op = await detach({ volumeAttachmentId: last!.id });
    assert.equal((op.result as { srForgotten: boolean }).srForgotten, true);
    assert.equal(await vbdAt('7'), undefined);
    assert.equal(await targetSr(), null);
    const pbds = Object.values(await xapi.call('PBD.get_all_records') as Record<string, { device_config: Record<string, string> }>);
    assert.equal(pbds.filter((pbd) => pbd.device_config.targetIQN === target.iqn).length, 0);
    const view = await volumes();
    assert.deepEqual(view.volumes, []);
    assert.deepEqual(view.disks!.filter((disk) => disk.type === 'VOLUME'), []);
  });

  it('fails with the SM\'s error code on a wrong CHAP secret and leaves nothing behind', async () => {
    const vbdsBefore = (await xapi.call('VM.get_VBDs', vmRef)).length;
    const op = await attach(2, '/dev/xvdc', 'FAILED', 'not-the-secret');
    assert.equal(op.error?.xapiCode, 'SR_BACKEND_FAILURE_68');
    assert.equal(op.error?.code, 'XAPI_ERROR');
    assert.equal(await targetSr(), null);
    const pbds = Object.values(await xapi.call('PBD.get_all_records') as Record<string, { device_config: Record<string, string> }>);
    assert.equal(pbds.filter((pbd) => pbd.device_config.targetIQN === target.iqn).length, 0);
    assert.equal((await xapi.call('VM.get_VBDs', vmRef)).length, vbdsBefore);
    assert.deepEqual((await volumes()).volumes, []);
  });
});

describe('after a restart in the middle of an attach', () => {
  /** Records an attach as a process that died under it would have left it, and runs start-up recovery. */
  async function interruptedAttach(lun: number, mountpoint: string): Promise<OperationView> {
    const { store, operations } = stack.app.services;
    const input = { instanceId: decodeGlobalID(instanceId).id, connectionInfo: { ...connection(lun), authPassword: null }, mountpoint };
    const recorded = await store.operations.create({ kind: 'instance.attachVolume', requestedBy: 'test', instanceId: input.instanceId, input });
    await store.operations.update(recorded.id, { status: 'RUNNING', startedAt: new Date() });
    await recoverInterruptedOperations(stack.app.services, operations, INSTANCE_ACTIONS);
    return operation(encodeGlobalID('Operation', recorded.id));
  }

  /** What the first steps of an attach leave: the target's SR introduced, plugged on the VM's host, scanned. */
  async function connectTargetByHand(): Promise<string> {
    const sr = await xapi.call('SR.introduce', POOL_A_TARGET_SR_UUID, 'tempSR', '', 'iscsi', '', false, {});
    const pbd = await xapi.call('PBD.create', {
      host: await xapi.call('VM.get_resident_on', vmRef), SR: sr, other_config: {},
      device_config: { target: target.address, port: '3260', targetIQN: target.iqn, chapuser: target.chap!.user, chappassword: target.chap!.secret },
    });
    await xapi.call('PBD.plug', pbd);
    await xapi.call('SR.scan', sr);
    return sr;
  }

  it('forgets the SR of an attach that died before its VBD existed', async () => {
    await connectTargetByHand();
    const op = await interruptedAttach(3, '/dev/xvdf');
    assert.equal(op.status, 'FAILED');
    assert.equal(await targetSr(), null);
    assert.deepEqual((await volumes()).volumes, []);
  });

  it('records an attach that died after its VBD was made, and plugs it', async () => {
    const sr = await connectTargetByHand();
    const [vdi] = Object.keys(await xapi.call('VDI.get_all_records_where', `field "location"="${target.luns[3]!.scsiId}"`));
    const vbd = await xapi.call('VBD.create', {
      VM: vmRef, VDI: vdi, userdevice: '5', bootable: false, mode: 'RW', type: 'Disk', unpluggable: true, empty: false,
      other_config: { osvol: 'True' }, qos_algorithm_type: '', qos_algorithm_params: {}, qos_supported_algorithms: [],
    });
    const op = await interruptedAttach(3, '/dev/xvdf');
    assert.equal(op.status, 'SUCCEEDED');
    assert.equal(await xapi.call('VBD.get_currently_attached', vbd), true);
    const [attachment] = (await volumes()).volumes;
    assert.deepEqual([attachment?.volumeId, attachment?.device, attachment?.srUuid], ['vol-3', '5', POOL_A_TARGET_SR_UUID]);
    await detach({ mountpoint: '/dev/xvdf' });
    assert.equal(await xapi.call('SR.get_uuid', sr).catch((error: { code: string }) => error.code), 'HANDLE_INVALID');
  });
});

describe('a stopped instance', () => {
  it('gets a VBD that is not plugged, which comes up when the instance starts', async () => {
    await powerAction(PowerOffInstanceDocument);
    const op = await attach(0, '/dev/xvdc');
    assert.equal((op.result as { plugged: boolean }).plugged, false);
    const vbd = await vbdAt('2');
    assert.equal(vbd?.currently_attached, false);
    assert.equal(vbd?.other_config.osvol, 'True');
    await powerAction(PowerOnInstanceDocument);
    assert.equal((await vbdAt('2'))?.currently_attached, true);
  });

  it('has its volumes released when it is destroyed', async () => {
    const payload = accepted(await stack.request(DestroyInstanceDocument, { input: { id: instanceId } }, operator));
    assert.equal((await finished(stack, payload.operation.id)).status, 'SUCCEEDED');
    assert.equal(await targetSr(), null);
    const stored = await stack.app.services.store.volumeAttachments.listForInstance(decodeGlobalID(instanceId).id, { includeDetached: true });
    assert.equal(stored.length, 4, 'vol-1, vol-4, vol-3 and vol-0 (the refused attach left no row)');
    assert.ok(stored.every((a) => a.detachedAt !== null));
    // Forgetting drops the records only: the LUN's VDI is gone from XAPI, its data stays on the array.
    assert.deepEqual(await xapi.call('VDI.get_all_records_where', `field "location"="${target.luns[0]!.scsiId}"`), {});
  });
});

describe('Host.volumeConnector', () => {
  it('gives the host\'s address, iSCSI initiator name and hostname', async () => {
    const { data } = await stack.request(VolumeConnectorsDocument, {}, operator);
    const host = data!.hosts.edges.map((edge) => edge.node).find((node) => node.name === 'xen-a1');
    assert.deepEqual(host?.volumeConnector, { ip: host?.address, initiator: 'iqn.2024-01.org.xengraph:xen-a1', host: 'xen-a1' });
  });
});

describe('secrets', () => {
  it('never writes the CHAP password to the database', async () => {
    const contents = await storedContents(stack.databaseUrl, stack.dataDir);
    assert.ok(contents.some(({ bytes }) => bytes.includes(target.iqn)), 'the attachments are stored and searched');
    for (const { name, bytes } of contents) {
      assert.equal(bytes.includes(target.chap!.secret), false, `${name} holds the CHAP secret`);
      assert.equal(bytes.includes('not-the-secret'), false, `${name} holds the wrong secret`);
    }
    const attaches = await stack.app.services.store.operations.list({ kind: 'instance.attachVolume' }, { limit: 20, inverted: false });
    assert.ok(attaches.length >= 6);
    for (const op of attaches) {
      assert.equal((op.input.connectionInfo as { authPassword: unknown }).authPassword, null);
      assert.equal(JSON.stringify(op).includes('s3cret'), false);
    }
  });
});
