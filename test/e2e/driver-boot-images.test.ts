// instanceSpawn from images that are not plain disks, end to end: an ISO boots its installer from a CD beside
// a blank root disk, and the CD can be ejected; an AMI-style disk naming a kernel and a ramdisk boots PV with
// the files the kernel plugin placed in dom0, which destroy removes. What XAPI and the simulated guest hold
// is read back from the simulator.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  DestroyInstanceDocument, DiagnosticsConsoleOutputDocument, EjectInstanceCdDocument, SpawnInstanceDocument,
} from '../generated/graphql.js';
import {
  addBootImages, addImage, dom0KernelFiles, INSTALLER_LABEL, KERNEL_VERSION, RAMDISK_BYTES, type BootImageIds,
} from '../helpers/boot-images.js';
import { accepted, finished, spawnChoices, xapiSession, type OperationState, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

const GiB = 1024 ** 3;

let stack: Stack;
let choices: SpawnChoices;
let images: BootImageIds;
let operator: string;
let xapi: Awaited<ReturnType<typeof xapiSession>>;
before(async () => {
  stack = await startStack({ timeScale: 0.02 });
  choices = await spawnChoices(stack);
  images = await addBootImages(stack);
  operator = await stack.tokenFor('operator');
  xapi = await xapiSession(stack);
});
after(async () => {
  await stack?.stop();
});

async function spawn(name: string, imageId: string, flavor = 'm1.small') {
  return stack.request(SpawnInstanceDocument, {
    input: { name, flavorId: choices.flavor(flavor), imageId, networkIds: [choices.network('eth0')], metadata: {}, hostId: choices.host('xen-a1') },
  }, operator);
}

async function spawned(name: string, imageId: string): Promise<OperationState> {
  const state = await finished(stack, accepted(await spawn(name, imageId)).operation.id);
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
  return state;
}

async function act(document: typeof EjectInstanceCdDocument | typeof DestroyInstanceDocument, id: string): Promise<OperationState> {
  return finished(stack, accepted(await stack.request(document, { input: { id } }, operator)).operation.id);
}

type Record_ = Record<string, any>;

async function vmOf(state: OperationState): Promise<[string, Record_]> {
  const vms = Object.entries(await xapi.call('VM.get_all_records') as Record<string, Record_>)
    .filter(([, vm]) => vm.other_config.nova_uuid === state.instance!.uuid);
  assert.equal(vms.length, 1);
  return vms[0]!;
}

async function vbdsOf(vm: Record_): Promise<Record<string, Record_>> {
  const byDevice: Record<string, Record_> = {};
  for (const vbd of vm.VBDs as string[]) {
    const record = await xapi.call('VBD.get_record', vbd) as Record_;
    byDevice[record.userdevice] = record;
  }
  return byDevice;
}

/** The guest's console once it holds `text` (the guest boots a moment after the VM runs). */
async function consoleShowing(instanceId: string, text: string): Promise<string> {
  let last = '';
  return waitUntil(async () => {
    const { data } = await stack.request(DiagnosticsConsoleOutputDocument, { id: instanceId }, operator);
    const output = (data?.node as { consoleOutput?: { text?: string } } | null)?.consoleOutput;
    last = output?.text ?? JSON.stringify(output);
    return last.includes(text) && last;
  }, 10_000, `the console to show "${text}"`).catch(() => assert.fail(`console: ${last}`));
}

async function instanceVdis(uuid: string): Promise<Record_[]> {
  return Object.values(await xapi.call('VDI.get_all_records') as Record<string, Record_>)
    .filter((vdi) => vdi.other_config.nova_instance_uuid === uuid);
}

describe('an ISO image', () => {
  it('boots its installer from a CD beside a blank root disk of the flavor\'s size, as Nova\'s DISK_ISO path did', async () => {
    const state = await spawned('installer', images.iso);
    const [, vm] = await vmOf(state);
    assert.deepEqual([vm.HVM_boot_policy, vm.HVM_boot_params, vm.PV_bootloader], ['BIOS order', { order: 'dc' }, '']);

    const vbds = await vbdsOf(vm);
    assert.deepEqual(Object.keys(vbds).sort(), ['0', '1']);
    const root = await xapi.call('VDI.get_record', vbds['0']!.VDI) as Record_;
    assert.deepEqual([vbds['0']!.type, vbds['0']!.bootable, Number(root.virtual_size)], ['Disk', false, 20 * GiB]);
    const cd = vbds['1']!;
    assert.deepEqual([cd.type, cd.mode, cd.bootable, cd.unpluggable, cd.empty, cd.currently_attached], ['CD', 'RO', true, false, false, true]);
    // The copy sits in the local ISO library of the host the VM runs on.
    const iso = await xapi.call('VDI.get_record', cd.VDI) as Record_;
    const isoSr = await xapi.call('SR.get_record', iso.SR) as Record_;
    assert.deepEqual([isoSr.content_type, isoSr.other_config['i18n-key'], iso.other_config.nova_disk_type], ['iso', 'local-storage-iso', 'iso']);
    const pbdHosts = await Promise.all((isoSr.PBDs as string[]).map((pbd) => xapi.call('PBD.get_host', pbd)));
    assert.deepEqual(pbdHosts, [vm.resident_on]);

    const console = await consoleShowing(state.instance!.id, `Booting from CD: ${INSTALLER_LABEL} installer`);
    assert.doesNotMatch(console, /Booting from Hard Disk/);
  });

  it('has its CD ejected by instanceEjectCd: the drive stays, empty, and the ISO\'s copy is removed; a second eject is refused', async () => {
    const state = await spawned('installed', images.iso);
    const [, vm] = await vmOf(state);
    const isoCopy = (await vbdsOf(vm))['1']!.VDI as string;

    const ejected = await act(EjectInstanceCdDocument, state.instance!.id);
    assert.equal(ejected.status, 'SUCCEEDED', JSON.stringify(ejected.error));
    const stored = await stack.app.services.store.operations.get(decodeGlobalID(ejected.id).id);
    assert.deepEqual(stored?.result, { ejected: true, isoRemoved: true });
    const cd = (await vbdsOf(vm))['1']!;
    assert.deepEqual([cd.type, cd.empty, cd.VDI], ['CD', true, 'OpaqueRef:NULL']);
    assert.equal(await xapi.call('VDI.get_all_records_where', `field "uuid"="${isoCopy}"`).then((r) => Object.keys(r as object).length), 0);
    assert.deepEqual((await instanceVdis(state.instance!.uuid)).map((vdi) => vdi.other_config.nova_disk_type), ['root']);

    const again = await stack.request(EjectInstanceCdDocument, { input: { id: state.instance!.id } }, operator);
    assert.equal((again.data?.instanceEjectCd as { __typename: string }).__typename, 'InvalidStateError');

    assert.equal((await act(DestroyInstanceDocument, state.instance!.id)).status, 'SUCCEEDED');
    assert.deepEqual(await instanceVdis(state.instance!.uuid), []);
  });

  it('is destroyed with its instance, the ISO\'s copy included', async () => {
    const state = await spawned('installer-gone', images.iso);
    assert.equal((await instanceVdis(state.instance!.uuid)).length, 2);
    assert.equal((await act(DestroyInstanceDocument, state.instance!.id)).status, 'SUCCEEDED');
    assert.deepEqual(await instanceVdis(state.instance!.uuid), []);
  });
});

describe('an image with a kernel and a ramdisk (AKI/ARI)', () => {
  it('boots PV with the kernel and ramdisk the kernel plugin copied into dom0, which destroy removes', async () => {
    const before = dom0KernelFiles(stack);
    const state = await spawned('pv-direct', images.ami);
    const [, vm] = await vmOf(state);
    assert.match(vm.PV_kernel, /^\/boot\/guest\/[0-9a-f-]{36}$/);
    assert.match(vm.PV_ramdisk, /^\/boot\/guest\/[0-9a-f-]{36}$/);
    assert.deepEqual([vm.PV_bootloader, vm.PV_args, vm.HVM_boot_policy], ['', 'root=/dev/xvda1', '']);
    const hostName = await xapi.call('host.get_name_label', vm.resident_on);
    assert.equal(hostName, 'xen-a1');
    assert.deepEqual(dom0KernelFiles(stack).filter((file) => !before.includes(file)).sort(),
      [`xen-a1:${vm.PV_kernel}`, `xen-a1:${vm.PV_ramdisk}`].sort());
    // The scratch VDIs the images went through are gone: only the root disk is the instance's.
    assert.deepEqual((await instanceVdis(state.instance!.uuid)).map((vdi) => vdi.other_config.nova_disk_type), ['root']);

    const console = await consoleShowing(state.instance!.id, `Linux version ${KERNEL_VERSION}`);
    assert.match(console, new RegExp(`Freeing initrd memory: ${RAMDISK_BYTES / 1024}K`));
    assert.match(console, /Command line: root=\/dev\/xvda1 console=hvc0/);

    assert.equal((await act(DestroyInstanceDocument, state.instance!.id)).status, 'SUCCEEDED');
    assert.deepEqual(dom0KernelFiles(stack), before);
  });

  it('rolls back the files when the VM fails to start, leaving nothing in dom0', async () => {
    const before = dom0KernelFiles(stack);
    stack.sim.faults.add({ method: 'Async.VM.start_on', error: ['HOST_NOT_ENOUGH_FREE_MEMORY', '1', '0'] });
    const state = await finished(stack, accepted(await spawn('pv-failed', images.ami)).operation.id);
    stack.sim.faults.clear();
    assert.deepEqual([state.status, state.error?.xapiCode], ['FAILED', 'HOST_NOT_ENOUGH_FREE_MEMORY']);
    assert.deepEqual(dom0KernelFiles(stack), before);
    assert.deepEqual(await instanceVdis(state.instance!.uuid), []);
  });
});

describe('images that cannot boot', () => {
  it('are refused before anything is recorded, with the input path', async () => {
    const flavor = await stack.app.services.store.flavors.create({ name: 'no-root', vcpus: 1, memoryMb: 512, rootGb: 0 });
    const flavorId = Buffer.from(`Flavor:${flavor.id}`).toString('base64');
    const onlyKernel = await addImage(stack, {
      name: 'half pv (ami)', diskFormat: 'raw', properties: { kernel_id: images.kernelStoreId },
    }, Buffer.alloc(4096));
    const wrongKernel = await addImage(stack, {
      name: 'swapped pv (ami)', diskFormat: 'raw', properties: { kernel_id: images.ramdiskStoreId, ramdisk_id: images.ramdiskStoreId },
    }, Buffer.alloc(4096));
    const cases: [string, Promise<{ data?: unknown; errors?: unknown }>, string, RegExp][] = [
      ['a kernel image as root', spawn('bad-1', images.kernel), 'imageId', /kernel image and cannot be booted/],
      ['only a kernel', spawn('bad-2', onlyKernel.id), 'imageId', /both kernel_id and ramdisk_id/],
      ['a ramdisk as kernel', spawn('bad-3', wrongKernel.id), 'imageId', /not a kernel image/],
      ['an ISO without a root disk', stack.request(SpawnInstanceDocument, {
        input: { name: 'bad-4', flavorId, imageId: images.iso, networkIds: [], metadata: {} },
      }, operator), 'flavorId', /installs onto the flavor's root disk/],
    ];
    const instancesBefore = await stack.app.services.store.instances.count({});
    for (const [what, request, field, message] of cases) {
      const payload = Object.values(((await request).data ?? {}) as Record<string, Record_>)[0]!;
      assert.equal(payload.__typename, 'InvalidInputError', `${what}: ${JSON.stringify(payload)}`);
      assert.deepEqual(payload.path, ['input', field], what);
      assert.match(payload.message, message, what);
    }
    assert.equal(await stack.app.services.store.instances.count({}), instancesBefore);
  });
});
