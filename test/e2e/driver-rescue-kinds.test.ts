// Rescue beyond a plain disk image, end to end through GraphQL: a volume-backed instance lends its boot volume
// to the rescue VM, an ISO rescue image boots from a CD after the original's disks, and a rescue image naming a
// kernel and ramdisk boots PV from files placed in dom0. Each is rescued, read back from XAPI (and dom0 from the
// simulator), unrescued, and rolled back with nothing left when the rescue VM cannot start.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { RescueInstanceDocument, SpawnInstanceDocument, UnrescueInstanceDocument, type InstanceSpawnInput } from '../generated/graphql.js';
import { accepted, finished, spawnChoices, vmNamed, xapiSession, type OperationState, type SpawnChoices } from '../helpers/driver.js';
import { addBootImages, dom0KernelFiles, INSTALLER_LABEL, KERNEL_VERSION, runningConsole, type BootImageIds } from '../helpers/boot-images.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { iscsiTargets, type IscsiTarget } from '../../src/simulator/classes/iscsi.js';

type Record_ = Record<string, any>;

let stack: Stack;
let choices: SpawnChoices;
let operator: string;
let xapi: Awaited<ReturnType<typeof xapiSession>>;
let target: IscsiTarget;
let images: BootImageIds;

before(async () => {
  stack = await startStack({ timeScale: 0.02 });
  choices = await spawnChoices(stack);
  operator = await stack.tokenFor('operator');
  xapi = await xapiSession(stack);
  target = iscsiTargets(stack.sim.world).find((t) => t.iqn.endsWith(':pool-a'))!;
  images = await addBootImages(stack);
});
after(async () => {
  await stack?.stop();
});

async function spawned(name: string, input: Partial<InstanceSpawnInput>): Promise<OperationState> {
  const state = await finished(stack, accepted(await stack.request(SpawnInstanceDocument, {
    input: { name, flavorId: choices.flavor('m1.small'), networkIds: [choices.network('eth0')], hostId: choices.host('xen-a1'), ...input },
  }, operator)).operation.id);
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
  return state;
}

async function rescue(instanceId: string, imageId: string | null, expected = 'SUCCEEDED'): Promise<OperationState> {
  const state = await finished(stack, accepted(await stack.request(RescueInstanceDocument, { input: { id: instanceId, imageId } }, operator)).operation.id);
  assert.equal(state.status, expected, JSON.stringify(state.error));
  return state;
}

async function unrescue(instanceId: string): Promise<void> {
  const state = await finished(stack, accepted(await stack.request(UnrescueInstanceDocument, { input: { id: instanceId } }, operator)).operation.id);
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
}

/** The instance's VM and its rescue twin (null when there is none), by name. */
async function vmsOf(state: OperationState): Promise<{ original: string; rescue: string | null }> {
  const vmName = await xapi.call('VM.get_name_label', (await xapi.call('VM.get_by_uuid', await vmUuidOf(state))));
  return { original: (await vmNamed(xapi, vmName))!, rescue: await vmNamed(xapi, `${vmName}-rescue`) };
}

async function vmUuidOf(state: OperationState): Promise<string> {
  const instance = await stack.app.services.store.instances.get(decodeGlobalID(state.instance!.id).id);
  return instance!.vmUuid!;
}

async function vbdsByDevice(vm: string): Promise<Record<string, Record_>> {
  const byDevice: Record<string, Record_> = {};
  for (const vbd of await xapi.call('VM.get_VBDs', vm) as string[]) {
    const record = await xapi.call('VBD.get_record', vbd) as Record_;
    byDevice[record.userdevice] = record;
  }
  return byDevice;
}

/**
 * Every disk on XAPI, by ref: what a rolled-back or undone rescue must leave as it found. Left out: hidden VHD
 * parents (managed false), which the SR's garbage collector removes in its own time, and an image's cached
 * base disk (other_config image-id), which a rescue image's first use adds and later ones reuse.
 */
async function allVdis(): Promise<string[]> {
  const records = await xapi.call('VDI.get_all_records') as Record<string, Record_>;
  return Object.entries(records).filter(([, vdi]) => vdi.managed && !vdi.other_config['image-id']).map(([ref]) => ref).sort();
}

/** The original VM is running again, unblocked, with exactly the VBDs it had. */
async function assertOriginalRestored(original: string, vbdsBefore: Record<string, Record_>): Promise<void> {
  const record = await xapi.call('VM.get_record', original) as Record_;
  assert.deepEqual([record.power_state, 'start' in record.blocked_operations], ['Running', false]);
  const vbds = await vbdsByDevice(original);
  assert.deepEqual(Object.entries(vbds).map(([device, vbd]) => [device, vbd.VDI]), Object.entries(vbdsBefore).map(([device, vbd]) => [device, vbd.VDI]));
}

describe('a volume-backed instance', () => {
  let state: OperationState;

  before(async () => {
    const connectionInfo = {
      driverVolumeType: 'iscsi', targetPortal: `${target.address}:${target.port}`, targetIqn: target.iqn, targetLun: 4,
      authMethod: 'CHAP', authUsername: target.chap!.user, authPassword: target.chap!.secret, volumeId: 'vol-rescue',
    };
    state = await spawned('rescue-volume', { volumes: [{ connectionInfo, bootIndex: 0 }] });
  });

  it('is refused rescue without a rescue image, naming input.imageId, with nothing started', async () => {
    const calls = stack.app.services.pools.xapiCallCount();
    const { data } = await stack.request(RescueInstanceDocument, { input: { id: state.instance!.id } }, operator);
    const payload = data!.instanceRescue as { __typename: string; path?: string[]; message?: string };
    assert.deepEqual([payload.__typename, payload.path], ['InvalidInputError', ['input', 'imageId']], JSON.stringify(payload));
    assert.match(payload.message!, /boots from a volume/);
    assert.equal(stack.app.services.pools.xapiCallCount(), calls, 'refused before any XAPI call');
    const instance = await stack.app.services.store.instances.get(decodeGlobalID(state.instance!.id).id);
    assert.deepEqual([instance!.vmState, instance!.taskState], ['ACTIVE', null]);
    const { original, rescue: twin } = await vmsOf(state);
    assert.equal(twin, null);
    assert.equal(await xapi.call('VM.get_power_state', original), 'Running');
  });

  it('boots the rescue image with the boot volume lent as the original root on device 1, and unrescue gives it back', async () => {
    const { original } = await vmsOf(state);
    const originalVbds = await vbdsByDevice(original);
    const bootVolume = originalVbds['0']!.VDI as string;
    await rescue(state.instance!.id, choices.image('cirros'));

    const { rescue: twin } = await vmsOf(state);
    assert.ok(twin, 'the rescue VM exists');
    assert.equal(await xapi.call('VM.get_power_state', twin), 'Running');
    const vbds = await vbdsByDevice(twin);
    assert.deepEqual(Object.keys(vbds).sort(), ['0', '1']);
    assert.notEqual(vbds['0']!.VDI, bootVolume, 'the rescue VM boots its own disk, cloned from the rescue image');
    assert.equal(vbds['0']!.bootable, true);
    assert.deepEqual([vbds['1']!.VDI, vbds['1']!.bootable, vbds['1']!.currently_attached], [bootVolume, false, true]);
    assert.equal(await xapi.call('VM.get_power_state', original), 'Halted');

    const vdisRescued = await allVdis();
    await unrescue(state.instance!.id);
    assert.equal((await vmsOf(state)).rescue, null);
    await assertOriginalRestored(original, originalVbds);
    assert.equal((await allVdis()).length, vdisRescued.length - 1, 'only the rescue VM\'s own disk went');
    assert.equal(await xapi.call('VDI.get_uuid', bootVolume).then(() => true, () => false), true, 'the boot volume stays');
  });

  it('rolls back a rescue whose VM cannot start: no rescue VM or disk, the boot volume back with the running original', async () => {
    const { original } = await vmsOf(state);
    const originalVbds = await vbdsByDevice(original);
    const vdisBefore = await allVdis();
    stack.sim.faults.add({ method: 'Async.VM.start_on', error: ['HOST_NOT_ENOUGH_FREE_MEMORY', '1', '0'] });
    const failed = await rescue(state.instance!.id, choices.image('cirros'), 'FAILED').finally(() => stack.sim.faults.clear());
    assert.equal(failed.error?.xapiCode, 'HOST_NOT_ENOUGH_FREE_MEMORY');
    assert.equal((await vmsOf(state)).rescue, null);
    assert.deepEqual(await allVdis(), vdisBefore);
    await assertOriginalRestored(original, originalVbds);
  });
});

describe('an ISO rescue image', () => {
  let state: OperationState;

  before(async () => {
    // Swap on 2 and an ephemeral disk on 4: the CD must come after both.
    const flavor = await stack.app.services.store.flavors.create({ name: 'rescue.disks', vcpus: 1, memoryMb: 512, rootGb: 1, swapMb: 256, ephemeralGb: 1 });
    state = await spawned('rescue-iso', { imageId: choices.image('cirros'), flavorId: Buffer.from(`Flavor:${flavor.id}`).toString('base64') });
  });

  it('boots its CD (order dc) on the first device after the original\'s disks, and unrescue removes the CD\'s copy', async () => {
    const { original } = await vmsOf(state);
    const originalVbds = await vbdsByDevice(original);
    const vdisBefore = await allVdis();
    await rescue(state.instance!.id, images.iso);

    const { rescue: twin } = await vmsOf(state);
    assert.ok(twin, 'the rescue VM exists');
    const record = await xapi.call('VM.get_record', twin) as Record_;
    assert.deepEqual([record.power_state, record.HVM_boot_policy, record.HVM_boot_params], ['Running', 'BIOS order', { order: 'dc' }]);
    const vbds = await vbdsByDevice(twin);
    assert.deepEqual(Object.keys(vbds).sort(), ['0', '1', '2', '4', '5']);
    assert.deepEqual([vbds['1']!.VDI, vbds['2']!.VDI, vbds['4']!.VDI], [originalVbds['0']!.VDI, originalVbds['2']!.VDI, originalVbds['4']!.VDI]);
    assert.deepEqual([vbds['0']!.type, vbds['0']!.bootable], ['Disk', false], 'the blank disk an installer would write to');
    const cd = vbds['5']!;
    assert.deepEqual([cd.type, cd.mode, cd.bootable, cd.currently_attached], ['CD', 'RO', true, true]);
    assert.equal((await xapi.call('VDI.get_other_config', cd.VDI) as Record_).nova_disk_type, 'iso');
    const rescueUuid = record.uuid as string;
    await waitUntil(() => runningConsole(stack, rescueUuid).includes(`Booting from CD: ${INSTALLER_LABEL}`), 10_000, 'the rescue VM to boot its CD');

    await unrescue(state.instance!.id);
    assert.equal((await vmsOf(state)).rescue, null);
    assert.deepEqual(await allVdis(), vdisBefore, 'the blank disk and the ISO\'s copy are gone');
    await assertOriginalRestored(original, originalVbds);
  });

  it('rolls back a rescue whose VM cannot start: no CD copy, blank disk or rescue VM left', async () => {
    const { original } = await vmsOf(state);
    const originalVbds = await vbdsByDevice(original);
    const vdisBefore = await allVdis();
    stack.sim.faults.add({ method: 'Async.VM.start_on', error: ['HOST_NOT_ENOUGH_FREE_MEMORY', '1', '0'] });
    const failed = await rescue(state.instance!.id, images.iso, 'FAILED').finally(() => stack.sim.faults.clear());
    assert.equal(failed.error?.xapiCode, 'HOST_NOT_ENOUGH_FREE_MEMORY');
    assert.equal((await vmsOf(state)).rescue, null);
    assert.deepEqual(await allVdis(), vdisBefore);
    await assertOriginalRestored(original, originalVbds);
  });
});

describe('a rescue image naming a kernel and a ramdisk (AKI/ARI)', () => {
  let state: OperationState;

  before(async () => {
    state = await spawned('rescue-pv', { imageId: choices.image('cirros') });
  });

  it('boots PV from the files placed in dom0 of the instance\'s host, which unrescue removes', async () => {
    const { original } = await vmsOf(state);
    const originalVbds = await vbdsByDevice(original);
    const [filesBefore, vdisBefore] = [dom0KernelFiles(stack), await allVdis()];
    await rescue(state.instance!.id, images.ami);

    const { rescue: twin } = await vmsOf(state);
    assert.ok(twin, 'the rescue VM exists');
    const record = await xapi.call('VM.get_record', twin) as Record_;
    assert.match(record.PV_kernel, /^\/boot\/guest\/[0-9a-f-]{36}$/);
    assert.match(record.PV_ramdisk, /^\/boot\/guest\/[0-9a-f-]{36}$/);
    assert.deepEqual([record.power_state, record.PV_bootloader, record.HVM_boot_policy], ['Running', '', '']);
    assert.equal(await xapi.call('host.get_name_label', record.resident_on), 'xen-a1');
    assert.deepEqual(dom0KernelFiles(stack).filter((file) => !filesBefore.includes(file)).sort(),
      [`xen-a1:${record.PV_kernel}`, `xen-a1:${record.PV_ramdisk}`].sort());
    const vbds = await vbdsByDevice(twin);
    assert.deepEqual([Object.keys(vbds).sort(), vbds['1']!.VDI], [['0', '1'], originalVbds['0']!.VDI]);
    await waitUntil(() => runningConsole(stack, record.uuid).includes(`Linux version ${KERNEL_VERSION}`), 10_000, 'the rescue kernel to boot');
    // The scratch disks the files went through are gone: the rescue root is the only new disk.
    assert.equal((await allVdis()).length, vdisBefore.length + 1);

    await unrescue(state.instance!.id);
    assert.equal((await vmsOf(state)).rescue, null);
    assert.deepEqual(dom0KernelFiles(stack), filesBefore);
    assert.deepEqual(await allVdis(), vdisBefore);
    await assertOriginalRestored(original, originalVbds);
  });

  it('rolls back a rescue whose VM cannot start: nothing left in dom0, no scratch or rescue disk', async () => {
    const { original } = await vmsOf(state);
    const originalVbds = await vbdsByDevice(original);
    const [filesBefore, vdisBefore] = [dom0KernelFiles(stack), await allVdis()];
    stack.sim.faults.add({ method: 'Async.VM.start_on', error: ['HOST_NOT_ENOUGH_FREE_MEMORY', '1', '0'] });
    const failed = await rescue(state.instance!.id, images.ami, 'FAILED').finally(() => stack.sim.faults.clear());
    assert.equal(failed.error?.xapiCode, 'HOST_NOT_ENOUGH_FREE_MEMORY');
    assert.equal((await vmsOf(state)).rescue, null);
    assert.deepEqual(dom0KernelFiles(stack), filesBefore);
    assert.deepEqual(await allVdis(), vdisBefore);
    await assertOriginalRestored(original, originalVbds);
  });
});
