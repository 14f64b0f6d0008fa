// Instances booted PV from a kernel and ramdisk in dom0 (an AMI naming AKI/ARI images) that move: a resize,
// a cold migration within the pool or to another pool, a live migration. The files are host-local, so the
// destination must get its own copies and the moved VM keep booting from them; the source's go once the move is
// final, and a revert boots from them again. What XAPI holds, the dom0 files of every host and what the guest
// printed when it booted are read back from the simulator.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  ConfirmResizeDocument, DestroyInstanceDocument, DiagnosticsConsoleOutputDocument, LiveMigrateInstanceDocument, LiveMigrationCheckDocument,
  MigrateInstanceDocument, RebootInstanceDocument, ResizeInstanceDocument, RevertResizeDocument, SpawnInstanceDocument,
} from '../generated/graphql.js';
import { addBootImages, dom0KernelFiles, KERNEL_VERSION, runningConsole, type BootImageIds } from '../helpers/boot-images.js';
import { accepted, finished, spawnChoices, xapiSession, type OperationState, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

type Record_ = Record<string, any>;

let stack: Stack;
let choices: SpawnChoices;
let images: BootImageIds;
let operator: string;
before(async () => {
  stack = await startStack({ timeScale: 0.02 });
  choices = await spawnChoices(stack);
  images = await addBootImages(stack);
  operator = await stack.tokenFor('operator');
});
after(async () => {
  await stack?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action mutation's generated document
async function act(document: any, input: Record<string, unknown>): Promise<OperationState> {
  const state = await finished(stack, accepted(await stack.request(document, { input }, operator)).operation.id, 60_000);
  return state;
}

async function succeeded(document: unknown, input: Record<string, unknown>): Promise<OperationState> {
  const state = await act(document, input);
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
  return state;
}

async function spawnPvDirect(name: string): Promise<string> {
  const state = await succeeded(SpawnInstanceDocument, {
    name, flavorId: choices.flavor('m1.small'), imageId: images.ami, networkIds: [choices.network('eth0')], metadata: {}, hostId: choices.host('xen-a1'),
  });
  return state.instance!.id;
}

/** The instance's VM named as the instance, in whichever pool it is, with the name of the host it runs on. */
async function instanceVm(id: string): Promise<{ vm: Record_; host: string | null }> {
  const instance = (await stack.app.services.store.instances.get(decodeGlobalID(id).id))!;
  for (const pool of [0, 1]) {
    const xapi = await xapiSession(stack, pool);
    const found = Object.values(await xapi.call('VM.get_all_records') as Record<string, Record_>)
      .find((vm) => vm.other_config.nova_uuid === instance.uuid && !vm.name_label.endsWith('-orig') && !vm.is_a_snapshot);
    if (!found) continue;
    const host = found.resident_on === 'OpaqueRef:NULL' ? null : await xapi.call('host.get_name_label', found.resident_on) as string;
    return { vm: found, host };
  }
  return assert.fail(`no VM for ${instance.name}`);
}

/** The dom0 files a VM boots from, as dom0KernelFiles names them. */
function bootFiles(host: string, vm: Record_): string[] {
  return [`${host}:${vm.PV_kernel}`, `${host}:${vm.PV_ramdisk}`].sort();
}

/** Boots PV from dom0 files on the host it runs on, not through pygrub nor the BIOS. */
function assertBootsFromDom0(vm: Record_): void {
  assert.match(vm.PV_kernel, /^\/boot\/guest\/[0-9a-f-]{36}$/);
  assert.match(vm.PV_ramdisk, /^\/boot\/guest\/[0-9a-f-]{36}$/);
  assert.deepEqual([vm.PV_bootloader, vm.PV_args, vm.HVM_boot_policy], ['', 'root=/dev/xvda1', '']);
}

/** The guest's console of its last boot once it shows the kernel's version line. */
async function bootedKernel(instanceId: string): Promise<void> {
  let last = '';
  await waitUntil(async () => {
    const { data } = await stack.request(DiagnosticsConsoleOutputDocument, { id: instanceId }, operator);
    last = (data?.node as { consoleOutput?: { text?: string } } | null)?.consoleOutput?.text ?? '';
    return last.includes(`Linux version ${KERNEL_VERSION}`);
  }, 10_000, 'the guest to boot its dom0 kernel').catch(() => assert.fail(`console: ${last}`));
}

const withoutBefore = (before: readonly string[]) => dom0KernelFiles(stack).filter((file) => !before.includes(file)).sort();

describe('a cold migration of an instance booted from a dom0 kernel', () => {
  it('boots the moved VM from copies in the destination\'s dom0, keeps the source\'s until confirm, which removes them', async () => {
    const before = dom0KernelFiles(stack);
    const id = await spawnPvDirect('pv-cold');
    const original = await instanceVm(id);
    const sourceFiles = bootFiles('xen-a1', original.vm);

    await succeeded(MigrateInstanceDocument, { id, hostId: choices.host('xen-a2') });
    const moved = await instanceVm(id);
    assert.equal(moved.host, 'xen-a2');
    assertBootsFromDom0(moved.vm);
    assert.deepEqual(withoutBefore(before), [...sourceFiles, ...bootFiles('xen-a2', moved.vm)].sort());
    await bootedKernel(id);

    await succeeded(ConfirmResizeDocument, { id });
    assert.deepEqual(withoutBefore(before), bootFiles('xen-a2', moved.vm));
    await succeeded(DestroyInstanceDocument, { id });
    assert.deepEqual(dom0KernelFiles(stack), before);
  });

  it('moves to another pool the same way, its files placed on the destination there', async () => {
    const before = dom0KernelFiles(stack);
    const id = await spawnPvDirect('pv-emigrant');
    await succeeded(MigrateInstanceDocument, { id, hostId: choices.host('xen-b1') });
    const moved = await instanceVm(id);
    assert.equal(moved.host, 'xen-b1');
    assertBootsFromDom0(moved.vm);
    await bootedKernel(id);
    await succeeded(ConfirmResizeDocument, { id });
    assert.deepEqual(withoutBefore(before), bootFiles('xen-b1', moved.vm));
    await succeeded(DestroyInstanceDocument, { id });
    assert.deepEqual(dom0KernelFiles(stack), before);
  });

  it('rolls back when the kernel cannot be placed on the destination: no file left there, the instance runs on its source', async () => {
    const id = await spawnPvDirect('pv-stuck');
    const before = dom0KernelFiles(stack);
    stack.sim.faults.add({ method: 'host.call_plugin', error: ['XENAPI_PLUGIN_FAILURE', 'copy_vdi', 'IOError', 'No space left on device'] });
    const state = await act(MigrateInstanceDocument, { id, hostId: choices.host('xen-a2') });
    stack.sim.faults.clear();
    assert.deepEqual([state.status, state.error?.xapiCode], ['FAILED', 'XENAPI_PLUGIN_FAILURE']);
    assert.deepEqual(dom0KernelFiles(stack), before);
    const after = await instanceVm(id);
    assert.deepEqual([after.host, after.vm.power_state], ['xen-a1', 'Running']);
    assertBootsFromDom0(after.vm);
    await succeeded(DestroyInstanceDocument, { id });
  });
});

describe('a resize of an instance booted from a dom0 kernel, reverted', () => {
  it('removes the new VM\'s copies and boots the original again from the files it kept', async () => {
    const before = dom0KernelFiles(stack);
    const id = await spawnPvDirect('pv-grown');
    const original = await instanceVm(id);
    await succeeded(ResizeInstanceDocument, { id, flavorId: choices.flavor('m1.medium') });
    const resized = await instanceVm(id);
    assertBootsFromDom0(resized.vm);
    assert.notEqual(resized.vm.PV_kernel, original.vm.PV_kernel);
    assert.equal(withoutBefore(before).length, 4);

    await succeeded(RevertResizeDocument, { id });
    const reverted = await instanceVm(id);
    assert.equal(reverted.vm.uuid, original.vm.uuid);
    assert.deepEqual(withoutBefore(before), bootFiles('xen-a1', original.vm));
    assert.equal(reverted.vm.PV_kernel, original.vm.PV_kernel);
    await bootedKernel(id);
    await succeeded(DestroyInstanceDocument, { id });
    assert.deepEqual(dom0KernelFiles(stack), before);
  });
});

describe('a live migration of an instance booted from a dom0 kernel', () => {
  it('switches the VM to copies on the destination and removes the source\'s, within the pool and to another pool', async () => {
    const before = dom0KernelFiles(stack);
    const id = await spawnPvDirect('pv-live');
    await succeeded(LiveMigrateInstanceDocument, { id, hostId: choices.host('xen-a2') });
    const inPool = await instanceVm(id);
    assert.equal(inPool.host, 'xen-a2');
    assertBootsFromDom0(inPool.vm);
    assert.deepEqual(withoutBefore(before), bootFiles('xen-a2', inPool.vm));
    // Its next boot, on the destination, finds the kernel there.
    await succeeded(RebootInstanceDocument, { id, type: 'HARD' });
    await waitUntil(() => runningConsole(stack, inPool.vm.uuid).includes(`Linux version ${KERNEL_VERSION}`), 10_000, 'the rebooted guest to boot its kernel')
      .catch(() => assert.fail(`console: ${runningConsole(stack, inPool.vm.uuid)}`));

    await succeeded(LiveMigrateInstanceDocument, { id, hostId: choices.host('xen-b1') });
    const abroad = await instanceVm(id);
    assert.equal(abroad.host, 'xen-b1');
    assertBootsFromDom0(abroad.vm);
    assert.deepEqual(withoutBefore(before), bootFiles('xen-b1', abroad.vm));
    await succeeded(DestroyInstanceDocument, { id });
    assert.deepEqual(dom0KernelFiles(stack), before);
  });

  it('leaves no copy on the destination when the move fails, and the VM still boots from the source\'s files', async () => {
    const id = await spawnPvDirect('pv-live-stuck');
    const original = await instanceVm(id);
    const before = dom0KernelFiles(stack);
    stack.sim.faults.add({ method: 'Async.VM.pool_migrate', error: ['VM_MIGRATE_FAILED', 'x', 'y', 'z', 'broken'] });
    const state = await act(LiveMigrateInstanceDocument, { id, hostId: choices.host('xen-a2') });
    stack.sim.faults.clear();
    assert.equal(state.status, 'FAILED');
    assert.deepEqual(dom0KernelFiles(stack), before);
    const after = await instanceVm(id);
    assert.deepEqual([after.host, after.vm.PV_kernel], ['xen-a1', original.vm.PV_kernel]);
    await succeeded(DestroyInstanceDocument, { id });
  });
});

describe('an instance booted from a dom0 kernel whose kernel image is gone', () => {
  it('is refused a move up front, with the reason, and nothing changes', async () => {
    const id = await spawnPvDirect('pv-orphan');
    const { store } = stack.app.services;
    await store.images.update(images.kernelStoreId, { status: 'deleted' });
    try {
      const before = await instanceVm(id);
      const refused = await stack.request(MigrateInstanceDocument, { input: { id, hostId: choices.host('xen-a2') } }, operator);
      const payload = refused.data?.instanceMigrate as Record_;
      assert.equal(payload.__typename, 'InvalidStateError', JSON.stringify(refused));
      assert.match(payload.message, /kernel and ramdisk in dom0 whose images are no longer available/);
      const { data } = await stack.request(LiveMigrationCheckDocument, { instanceId: id, hostId: choices.host('xen-a2') }, operator);
      const verdict = data!.liveMigrationCheck as { possible: boolean; reason: string };
      assert.equal(verdict.possible, false);
      assert.match(verdict.reason, /images are no longer available/);
      const after = await instanceVm(id);
      assert.deepEqual([after.host, after.vm.uuid], [before.host, before.vm.uuid]);
    } finally {
      await store.images.update(images.kernelStoreId, { status: 'active' });
    }
    await succeeded(DestroyInstanceDocument, { id });
  });
});
