// Crash recovery of a resize or cold migration (the reconcile of both actions in actions/resize.ts): from what
// XAPI shows after a restart, a move that got to its end is finished, anything less is rolled back to the
// source VM, as the run's own rollback would have.
import type { ActionRun, ReconcileOutcome } from '../operations/action.js';
import { destroyVmAndDisks } from './devices.js';
import { destroyWithKernelFiles, removeStrayKernelFiles } from './kernel-files.js';
import { removeLeftoverVm, vmIdle } from './leftover-vm.js';
import { updateMigration } from './live-migration/progress.js';
import { origNameOf, vmNameOf } from './naming.js';
import { giveVolumesBack, volumeVdisOf } from './resize-across-pools.js';
import { destroyUnusedCopies, vdisOf } from './resize-disks.js';
import { migrationOfOperation, moveSides, oldVmState, withoutOldVmState, type MoveRequest } from './resize-plan.js';
import { residentHostId, restoreSource, settleFromPowerState } from './resize-vm.js';
import { recordLastDomid, waitUntilRunning } from './spawn/build-vm.js';
import { vmByName } from './vm-lookup.js';
import { settle, xapiPowerStateOf } from './vm-power.js';

/**
 * After a crash: a new VM that runs (or only waited to be unpaused) means finish_migration got to the end;
 * anything less is rolled back, as Nova's revert routine would have, from what XAPI shows.
 */
export async function reconcileMove(run: ActionRun, request: MoveRequest): Promise<ReconcileOutcome> {
  const { services, instance } = run;
  const { store } = services;
  const vmName = vmNameOf(instance)!;
  const origName = origNameOf(instance)!;
  const migration = await migrationOfOperation(store, instance.id, run.operation.id);
  const { source, target, sourcePoolId, targetPoolId, disksShared } = await moveSides(services, instance, migration);
  // Copies placed in the destination's dom0 for a new VM that was never made; the new VM's own go with it below.
  await removeStrayKernelFiles(target, instance);
  const orig = await vmByName(source, origName);
  const current = await vmByName(target, vmName);
  if (orig && current) {
    await vmIdle(target, current);
    if ((await xapiPowerStateOf(target, current)) === 'Paused') {
      await target.call('VM.unpause', current);
      await waitUntilRunning(target, current);
      await recordLastDomid(target, current);
    }
    if ((await xapiPowerStateOf(target, current)) === 'Running') {
      const flavor = await store.flavors.get(migration?.newFlavorId ?? request.flavorId ?? instance.flavorId ?? '');
      await run.updateInstance({
        vmUuid: await target.call<string>('VM.get_uuid', current), poolId: targetPoolId, hostId: await residentHostId(target, store, current), progress: 100,
        ...(flavor ? { flavorId: flavor.id, vcpus: flavor.vcpus, memoryMb: flavor.memoryMb } : {}),
      });
      await settle(run, target, current, 'RESIZED');
      if (migration) await updateMigration(services, migration.id, { status: 'finished', progressPercent: 100 });
      return 'SUCCEEDED';
    }
    const keep = disksShared ? await vdisOf(source, orig) : await volumeVdisOf(target, current);
    await removeLeftoverVm(target, current, () => destroyWithKernelFiles(target, current, () => destroyVmAndDisks(target, current, keep)));
  }
  if (!disksShared) {
    // A copy storage motion made whose record was not yet dropped carries -orig's name in the other pool.
    const copy = await vmByName(target, origName);
    if (copy) await destroyVmAndDisks(target, copy);
  }
  await destroyUnusedCopies(target, run.operation.id);
  const sourceHost = migration?.sourceHostId ? await store.hosts.get(migration.sourceHostId) : null;
  const sourceRef = sourceHost ? source.cache.refByUuid('host', sourceHost.uuid) ?? null : null;
  const restartOn = oldVmState(instance) === 'active' ? sourceRef : undefined;
  const vm = orig ?? (disksShared ? current : await vmByName(source, vmName));
  if (vm && !disksShared && targetPoolId) await giveVolumesBack(run, source, vm, targetPoolId);
  if (vm) await restoreSource(source, vm, vmName, restartOn);
  if (migration) await updateMigration(services, migration.id, { status: 'error' });
  await run.updateInstance({ systemMetadata: withoutOldVmState(run.instance), poolId: sourcePoolId });
  if (vm) {
    await run.updateInstance({ vmUuid: await source.call<string>('VM.get_uuid', vm) });
    await settleFromPowerState(run, source, vm);
  } else {
    await run.updateInstance({ vmState: 'ERROR', powerState: 'NOSTATE', vmUuid: null });
  }
  // The runner re-reads a FAILED instance's power state from the pool's cache: let it see the restart.
  await source.barrier().catch(() => undefined);
  return 'FAILED';
}
