// Resize and cold migration (Nova's migrate_disk_and_power_off then finish_migration, as one Operation), and
// their confirm and revert. The instance's VM is renamed <name>-orig (20 %) and stopped (40 %); its root disk
// (60 %) and its other disks (80 %) are made available on the destination host (resize-disks.ts); a new VM
// named <name> is then built there with the new flavor's memory and VCPUs, the same disk devices and the
// same MACs, and started if the instance ran (100 %). The instance is RESIZED until confirmed (the -orig VM
// is destroyed) or reverted (the new VM is destroyed and -orig takes its name back). Every step registers
// its undo; a failure unwinds newest first, ending with the source VM renamed back and started if it ran.
// After a crash, resize-recovery.ts settles the move from what XAPI shows.
import { InvalidStateError } from '../../errors.js';
import type { ActionRun, InstanceAction } from '../../operations/action.js';
import type { DriverServices } from '../../operations/action.js';
import type { Instance } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { destroyVmAndDisks, ROOT_DEVICE } from '../devices.js';
import { destroyWithKernelFiles } from '../kernel-files.js';
import { kernelImagesToMove, placeKernelFilesOn } from '../kernel-moves.js';
import { updateMigration } from '../live-migration/progress.js';
import { forgetVolumesInPoolLeft } from '../live-migration/volumes-across-pools.js';
import { connectVolumesOnHost, disconnectVolumesFromHost } from '../volume-hosts.js';
import { origNameOf, vmNameOf } from '../naming.js';
import { claimFlavorPciDevices } from '../pci-passthrough.js';
import { requireLiveVm, requireVmState } from '../preconditions.js';
import {
  copyDisksToPool, giveVolumesBack, lendVolumesForCopy, volumesOnDestination, volumeVdisOf, type LentVolume,
} from '../resize-across-pools.js';
import { assertDisksFit, DiskCarrier, vdisOf, vmDisks, type CarriedDisk, type VmDisk } from '../resize-disks.js';
import {
  cachedVm, moveSides, oldVmState, pendingMigration, planMove, sourcePoolOf, withOldVmState, withoutOldVmState, type MoveRequest,
} from '../resize-plan.js';
import {
  buildMovedVm, residentHostId, restoreSource, settleFromPowerState, stopForMove, type SourceVmRecord,
} from '../resize-vm.js';
import { UndoStack } from '../undo.js';
import { requireVm, vmByName } from '../vm-lookup.js';
import { settle, vmTask, xapiPowerStateOf } from '../vm-power.js';
import { hostRef, instanceClient, poolClient } from '../xapi-access.js';
import { refreshInstanceFilters } from '../firewall/apply.js';
import { reconcileMove } from '../resize-recovery.js';

type NoInput = Record<string, never>;

export interface ResizeInput {
  readonly flavorId: string;
}

export interface MigrateInput {
  /** Null lets the scheduler pick another host of the pool. */
  readonly hostId: string | null;
}

export const resizeAction: InstanceAction<ResizeInput> = {
  kind: 'instance.resize',
  taskState: 'resize_migrating',
  async check(instance, { flavorId }, services) {
    await planMove(services, instance, { type: 'resize', flavorId });
  },
  run: (run, { flavorId }) => moveInstance(run, { type: 'resize', flavorId }),
  onFailure: settleAfterFailedMove,
  reconcile: (run, { flavorId }) => reconcileMove(run, { type: 'resize', flavorId }),
};

/** Nova ran a cold migration as a resize to the same flavor, task states included. */
export const migrateAction: InstanceAction<MigrateInput> = {
  kind: 'instance.migrate',
  taskState: 'resize_migrating',
  async check(instance, { hostId }, services) {
    await planMove(services, instance, { type: 'migration', hostId });
  },
  run: (run, { hostId }) => moveInstance(run, { type: 'migration', hostId }),
  onFailure: settleAfterFailedMove,
  reconcile: (run, { hostId }) => reconcileMove(run, { type: 'migration', hostId }),
};

export const confirmResizeAction: InstanceAction<NoInput> = {
  kind: 'instance.confirmResize',
  taskState: 'resize_confirming',
  check(instance) {
    requireLiveVm(instance, 'confirm a resize of');
    requireResized(instance);
  },
  run: (run) => confirmMove(run),
  onFailure: settleAfterFailedSettlement,
  async reconcile(run) {
    await confirmMove(run);
    return 'SUCCEEDED';
  },
};

export const revertResizeAction: InstanceAction<NoInput> = {
  kind: 'instance.revertResize',
  taskState: 'resize_reverting',
  async check(instance, _input, services) {
    requireLiveVm(instance, 'revert a resize of');
    requireResized(instance);
    if (!await pendingMigration(services.store, instance.id)) {
      throw new InvalidStateError(`Instance ${instance.name} has no resize or migration to revert`, instance.vmState);
    }
    if (!cachedVm(services, instance, origNameOf(instance)!, sourcePoolOf(instance))) throw origGone(instance);
  },
  run: (run) => revertMove(run, false),
  onFailure: settleAfterFailedSettlement,
  async reconcile(run) {
    await revertMove(run, true);
    return 'SUCCEEDED';
  },
};

function requireResized(instance: Instance): void {
  requireVmState(instance, 'confirm or revert a resize of', ['RESIZED']);
  if (vmNameOf(instance) === null) throw new InvalidStateError('Only instances xengraph built can be resized', 'UNMANAGED');
}

function origGone(instance: Instance): InvalidStateError {
  return new InvalidStateError(`The original VM ${origNameOf(instance)} is gone; the resize can only be confirmed`, instance.vmState, ['RESIZED']);
}

// ---------------------------------------------------------------------------------------------------------
// migrate_disk_and_power_off + finish_migration

async function moveInstance(run: ActionRun, request: MoveRequest): Promise<Record<string, unknown>> {
  const { services, instance } = run;
  const { store } = services;
  const plan = await planMove(services, instance, request);
  const client = instanceClient(services, instance);
  const vmName = vmNameOf(instance)!;
  const origName = origNameOf(instance)!;
  const vm = await requireVm(client, instance);
  if (await vmByName(client, origName)) throw new InvalidStateError(`An earlier resize of ${instance.name} was neither confirmed nor reverted`, instance.vmState);
  const disks = await vmDisks(client, vm);
  const root = disks.find((disk) => disk.device === ROOT_DEVICE && disk.role !== 'volume');
  assertDisksFit(plan.oldFlavor, plan.newFlavor, root?.virtualSize ?? null);
  const source = await client.call<SourceVmRecord>('VM.get_record', vm);
  const kernelImages = await kernelImagesToMove(store, instance, source);
  // Leaving the pool, everything from the disks on is made with the destination pool's client.
  const target = plan.crossPool ? poolClient(services, plan.destination.poolId) : client;
  const destination = hostRef(target, plan.destination);
  const sourceHost = plan.source ? client.cache.refByUuid('host', plan.source.uuid) ?? null : null;
  const running = (await xapiPowerStateOf(client, vm)) === 'Running';

  const migration = await store.migrations.create({
    instanceId: instance.id, operationId: run.operation.id, type: plan.type, status: 'migrating',
    sourceHostId: plan.source?.id ?? null, destHostId: plan.destination.id, oldFlavorId: plan.oldFlavor.id, newFlavorId: plan.newFlavor.id,
  });
  await run.updateInstance({ progress: 0, systemMetadata: withOldVmState(instance, running) });
  const step = async (percent: number, phase: string, work: () => Promise<void>) => {
    await work();
    await run.progress(percent, phase);
    await run.updateInstance({ progress: percent });
    await updateMigration(services, migration.id, { progressPercent: percent });
  };
  const undo = new UndoStack();
  try {
    await step(20, `renaming the VM to ${origName}`, async () => {
      await client.call('VM.set_name_label', vm, origName);
      // Undone last: whatever else failed, the instance ends on its own VM again, running if it ran.
      undo.push('source VM', () => restoreSource(client, vm, vmName, running ? sourceHost : undefined));
    });
    await step(40, 'stopping the source VM', () => stopForMove(run, client, vm, 'stopping the source VM'));
    const carrier = new DiskCarrier(run, target, { instance, vmName, newFlavor: plan.newFlavor, host: destination }, undo);
    const carried: CarriedDisk[] = [];
    const keep = (disk: CarriedDisk | null) => void (disk && carried.push(disk));
    let lent: LentVolume[] = [];
    if (plan.crossPool) {
      let copies: VmDisk[] = [];
      await step(60, `copying the disks to ${plan.destination.name}'s pool`, async () => {
        lent = await lendVolumesForCopy(client, vm, undo);
        copies = await copyDisksToPool(run, client, target, vm, plan.destination, carrier, undo);
      });
      await step(80, 'fitting the disks to the new flavor', async () => {
        for (const disk of copies) keep(await carrier.fit(disk));
        carried.push(...await carrier.missing(copies));
        await updateMigration(services, migration.id, { status: 'post-migrating' });
      });
    } else {
      await step(60, 'moving the root disk', async () => {
        if (root) keep(await carrier.carry(root));
      });
      await step(80, 'moving the other disks', async () => {
        for (const disk of disks) if (disk !== root) keep(await carrier.carry(disk));
        carried.push(...await carrier.missing(disks));
        await updateMigration(services, migration.id, { status: 'post-migrating' });
      });
    }

    // Nova's pre-migration connect: the new VM finds its volumes' SRs plugged on its host (the source keeps
    // its own for a revert until confirm); in another pool they are connected there first.
    if (plan.crossPool) {
      carried.push(...await volumesOnDestination(services, instance, plan.destination, lent, undo));
    } else if (plan.destination.id !== plan.source?.id) {
      await connectVolumesOnHost(services, instance, plan.destination, new Map(), undo);
    }
    // Nova's resize claim: the new flavor's devices on the destination, checked again now that the disks are
    // there; -orig keeps naming its own for a revert, so they are free again only once it is destroyed.
    const pciAddresses = claimFlavorPciDevices(services, target, plan.destination, plan.newFlavor, instance.uuid);
    // The source's dom0 files stay for a revert; the new VM boots from copies on its own host.
    const kernel = kernelImages ? await placeKernelFilesOn(run, target, destination, kernelImages, undo) : undefined;
    const moved = await buildMovedVm(run, target, {
      instance, vmName, flavor: plan.newFlavor, host: destination, source, disks: carried, powerOn: running, kernel, pciAddresses,
    }, undo);
    // The instance follows the new VM, into its pool; the event pumps of both pools agree once they catch up.
    await run.updateInstance({
      vmUuid: await target.call<string>('VM.get_uuid', moved), poolId: plan.destination.poolId, flavorId: plan.newFlavor.id,
      hostId: running ? plan.destination.id : null, vcpus: plan.newFlavor.vcpus, memoryMb: plan.newFlavor.memoryMb, progress: 100,
    });
    undo.push('instance link', async () => void await run.updateInstance({ vmUuid: instance.vmUuid, poolId: instance.poolId, hostId: instance.hostId }));
    await settle(run, target, moved, 'RESIZED');
    // Its security-group chains follow it: set up on the destination, gone from the source.
    await refreshInstanceFilters(services, run.instance, [instance.hostId, plan.destination.id]);
    await run.progress(100, 'finished on the destination');
    await updateMigration(services, migration.id, { status: 'finished', progressPercent: 100 });
    return {
      migrationId: migration.id, origVmName: origName, destinationHostId: plan.destination.id,
      disksCopied: carried.filter((disk) => disk.owned).length, disksShared: carried.filter((disk) => !disk.owned).length,
    };
  } catch (error) {
    await undo.rollBack(run.services.log, `${plan.type} of ${instance.id}`);
    await updateMigration(services, migration.id, { status: 'error' });
    throw error;
  }
}

/** After the rollback: back on its own VM, or in ERROR when the -orig VM could not be put back. */
async function settleAfterFailedMove(run: ActionRun): Promise<void> {
  const client = instanceClient(run.services, run.instance);
  const current = await vmByName(client, vmNameOf(run.instance)!);
  const orig = await vmByName(client, origNameOf(run.instance)!);
  if (current && !orig) {
    await run.updateInstance({ systemMetadata: withoutOldVmState(run.instance) });
    await settleFromPowerState(run, client, current);
  } else {
    await run.updateInstance({ vmState: 'ERROR' });
  }
}

// ---------------------------------------------------------------------------------------------------------
// confirm_migration and finish_revert_migration

/**
 * Destroys the -orig VM with the disks the new VM does not use. Nova's confirm_migration failed with a
 * TypeError when -orig was already gone; here that simply means there is nothing left to remove.
 */
async function confirmMove(run: ActionRun): Promise<Record<string, unknown>> {
  const { services, instance } = run;
  const migration = await pendingMigration(services.store, instance.id);
  const { source, target, sourcePoolId, disksShared } = await moveSides(services, instance, migration);
  const vm = await requireVm(target, instance);
  const origName = origNameOf(instance)!;
  const orig = await vmByName(source, origName);
  if (orig) {
    await run.progress(30, `destroying ${origName}`);
    const keep = disksShared ? await vdisOf(target, vm) : new Set<string>();
    // The move is final: the dom0 files -orig booted from go with it.
    await destroyWithKernelFiles(source, orig, () => destroyVmAndDisks(source, orig, keep));
  }
  if (disksShared) await disconnectVolumesLeftBehind(services, instance, migration?.sourceHostId, migration?.destHostId);
  else if (sourcePoolId) await forgetVolumesInPoolLeft(run, sourcePoolId);
  if (migration) await updateMigration(services, migration.id, { status: 'confirmed' });
  await run.updateInstance({ systemMetadata: withoutOldVmState(run.instance) });
  await settleFromPowerState(run, target, vm);
  return { origDestroyed: orig !== null, migrationId: migration?.id ?? null };
}

/**
 * Destroys the new VM with the disks made for it, gives -orig its name back with the old flavor and starts
 * it on the source host if it ran. `resumed`: after a crash, a missing -orig means it was already renamed.
 */
async function revertMove(run: ActionRun, resumed: boolean): Promise<Record<string, unknown>> {
  const { services, instance } = run;
  const { store } = services;
  const vmName = vmNameOf(instance)!;
  const origName = origNameOf(instance)!;
  const migration = await pendingMigration(store, instance.id);
  if (!migration) throw new InvalidStateError(`Instance ${instance.name} has no resize or migration to revert`, instance.vmState);
  const { source, target, sourcePoolId, targetPoolId, disksShared } = await moveSides(services, instance, migration);
  const orig = await vmByName(source, origName);
  const current = await vmByName(target, vmName);
  let vm: string;
  if (orig) {
    // The instance follows the original from here on (back in its pool), so removing the new VM does not unlink it.
    await run.updateInstance({ vmUuid: await source.call<string>('VM.get_uuid', orig), poolId: sourcePoolId });
    if (current) {
      await run.progress(30, 'destroying the resized VM');
      const keep = disksShared ? await vdisOf(source, orig) : await volumeVdisOf(target, current);
      await destroyWithKernelFiles(target, current, () => destroyVmAndDisks(target, current, keep));
    }
    await run.progress(60, `renaming ${origName} back to ${vmName}`);
    await source.call('VM.set_name_label', orig, vmName);
    vm = orig;
  } else {
    // After a crash, -orig may already have its name back.
    const renamed = resumed ? await vmByName(source, vmName) : null;
    if (!renamed) throw origGone(instance);
    await run.updateInstance({ vmUuid: await source.call<string>('VM.get_uuid', renamed), poolId: sourcePoolId });
    vm = renamed;
  }
  // Before -orig starts: its volumes come back from the other pool.
  if (!disksShared && targetPoolId) await giveVolumesBack(run, source, vm, targetPoolId);
  const oldFlavor = await store.flavors.get(migration.oldFlavorId ?? '');
  if (oldFlavor) await run.updateInstance({ flavorId: oldFlavor.id, vcpus: oldFlavor.vcpus, memoryMb: oldFlavor.memoryMb });
  if (oldVmState(instance) !== 'stopped' && (await xapiPowerStateOf(source, vm)) === 'Halted') {
    await run.progress(80, 'starting on the source host');
    await startOnSource(run, source, vm, migration.sourceHostId);
  }
  const movedFrom = run.instance.hostId;
  await disconnectVolumesLeftBehind(services, instance, migration.destHostId, migration.sourceHostId);
  await run.updateInstance({ hostId: await residentHostId(source, store, vm), systemMetadata: withoutOldVmState(run.instance) });
  await refreshInstanceFilters(services, run.instance, [movedFrom, run.instance.hostId]);
  await updateMigration(services, migration.id, { status: 'reverted' });
  await settleFromPowerState(run, source, vm);
  return { migrationId: migration.id };
}

/**
 * Once a move within the pool is settled, the host the instance left (`leftId`: the source at confirm, the
 * destination at revert) lets go of its volumes' SRs; nothing to do when it stayed on one host.
 */
async function disconnectVolumesLeftBehind(services: DriverServices, instance: Instance, leftId?: string | null, keptId?: string | null): Promise<void> {
  if (!leftId || leftId === keptId) return;
  const left = await services.store.hosts.get(leftId);
  if (left && left.poolId === sourcePoolOf(instance)) await disconnectVolumesFromHost(services, instance, left);
}

async function startOnSource(run: ActionRun, client: XapiClient, vm: string, sourceHostId: string | null): Promise<void> {
  const source = sourceHostId ? await run.services.store.hosts.get(sourceHostId) : null;
  const ref = source ? client.cache.refByUuid('host', source.uuid) : undefined;
  if (ref) await vmTask(run, client, 'start_on', [vm, ref, false, false], 'starting on the source host', { withinStep: true });
  else await vmTask(run, client, 'start', [vm, false, false], 'starting', { withinStep: true });
}

/** A failed confirm or revert leaves the instance RESIZED while -orig exists, else following its VM. */
async function settleAfterFailedSettlement(run: ActionRun): Promise<void> {
  const client = instanceClient(run.services, run.instance);
  const orig = await vmByName(poolClient(run.services, sourcePoolOf(run.instance)), origNameOf(run.instance)!);
  const current = await vmByName(client, vmNameOf(run.instance)!);
  if (orig) await run.updateInstance({ vmState: 'RESIZED' });
  else if (current) await settleFromPowerState(run, client, current);
  else await run.updateInstance({ vmState: 'ERROR', powerState: 'NOSTATE' });
}
