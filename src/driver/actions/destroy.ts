// Destroy (Nova's destroy): first the VMs beside the instance's own (a rescue twin, an unconfirmed resize's
// -orig), with their own disks only; then the instance's VM, forced off, with its disks unless asked to keep
// them (its VIFs go with it); then the instance's addresses, and the instance is marked DELETED. A VM that is
// already gone is no error, as in Nova, so an instance whose spawn failed can be destroyed and a destroy cut
// short by a restart is finished by running it again.
import { InvalidStateError } from '../../errors.js';
import { powerStateFromXapi } from '../../events/pool-sync.js';
import { publishInstanceEvent } from '../../events/pubsub.js';
import type { ActionRun, InstanceAction } from '../../operations/action.js';
import { vmStateForPowerState, type VolumeAttachment } from '../../store/index.js';
import { destroyVm, destroyVmAndDisks } from '../devices.js';
import { unfilterInstance } from '../firewall/apply.js';
import { destroyWithKernelFiles } from '../kernel-files.js';
import { instanceVm, rescueVm, vmByName } from '../vm-lookup.js';
import { origNameOf } from '../naming.js';
import { vdisOf } from '../resize-disks.js';
import { pendingMigration, sourcePoolOf } from '../resize-plan.js';
import { updateMigration } from '../live-migration/progress.js';
import type { XapiClient } from '../../xapi/index.js';
import { vmTask, xapiPowerStateOf } from '../vm-power.js';
import { instanceClient, poolClient } from '../xapi-access.js';
import { releaseInstanceVolumes } from './volumes.js';
import { removeSnapshotLeftovers } from '../snapshot-leftovers.js';

export interface DestroyInput {
  /** Destroy the instance's disks too (Nova's destroy_disks); false keeps its VDIs on the SR. */
  readonly deleteDisks: boolean;
}

export const destroyAction: InstanceAction<DestroyInput> = {
  kind: 'instance.destroy',
  taskState: 'deleting',
  check(instance) {
    if (instance.deletedAt || instance.vmState === 'DELETED') throw new InvalidStateError('The instance is already deleted', 'DELETED');
  },
  async run(run, input) {
    return destroyInstance(run, input);
  },
  async onFailure(run) {
    // Whatever is left on XAPI decides: no VM any more is an error state, otherwise the VM's power state.
    const client = instanceClient(run.services, run.instance);
    const vm = await instanceVm(client, run.instance);
    if (!vm) {
      await run.updateInstance({ vmState: 'ERROR', powerState: 'NOSTATE', vmUuid: null });
      return;
    }
    const powerState = powerStateFromXapi(await xapiPowerStateOf(client, vm));
    const rescued = (await rescueVm(client, run.instance)) !== null;
    await run.updateInstance({ powerState, vmState: rescued ? 'RESCUED' : vmStateForPowerState(powerState) });
  },
  async reconcile(run, input) {
    await destroyInstance(run, input);
    return 'SUCCEEDED';
  },
};

async function destroyInstance(run: ActionRun, { deleteDisks }: DestroyInput): Promise<Record<string, unknown>> {
  const { instance } = run;
  let vmDestroyed = false;
  let released: VolumeAttachment[] = [];
  // An instance whose spawn failed before placement never reached a pool: nothing to remove on XAPI.
  if (instance.poolId) {
    const client = instanceClient(run.services, instance);
    const vm = await instanceVm(client, instance);
    await removeCompanionVms(run, client, vm);
    if (vm) {
      if ((await xapiPowerStateOf(client, vm)) !== 'Halted') {
        await run.progress(20, 'stopping');
        await vmTask(run, client, 'hard_shutdown', [vm], 'stopping', { withinStep: true });
      }
      // Volumes are not the instance's disks: their VBDs go first, so no VDI.destroy can reach a volume.
      released = await releaseInstanceVolumes(run.services, client, instance, vm);
      // Nova only logged a failed VM.destroy; here it fails the operation, since an instance marked deleted
      // over a VM that still carries its uuid would be linked to that VM again by the event pump.
      // Snapshots an interrupted instanceSnapshot left behind would otherwise outlive the instance.
      if (deleteDisks && managed(instance)) {
        await run.progress(50, 'removing leftover snapshots');
        await removeSnapshotLeftovers(client, vm);
      }
      await run.progress(60, deleteDisks ? 'destroying the VM and its disks' : 'destroying the VM');
      // Kernel files go whether or not the disks are kept (Nova removed them with the disks only).
      await destroyWithKernelFiles(client, vm, () => (deleteDisks ? destroyVmAndDisks(client, vm) : destroyVm(client, vm)));
      vmDestroyed = true;
    } else {
      released = await releaseInstanceVolumes(run.services, client, instance, null);
    }
  }
  await run.progress(90, 'releasing addresses');
  const { store, pubsub } = run.services;
  const vifs = await store.vifs.listForInstance(instance.id);
  await store.vifs.release(vifs.map((vif) => vif.id));
  // The event pump may have seen an unmanaged VM vanish and deleted its instance first; announce it once.
  const alreadyDeleted = (await store.instances.get(instance.id))?.deletedAt ?? null;
  const deleted = await run.updateInstance({ vmState: 'DELETED', powerState: 'NOSTATE', vmUuid: null, deletedAt: alreadyDeleted ?? new Date() });
  await unfilterInstance(run.services, instance);
  if (!alreadyDeleted) publishInstanceEvent(pubsub, { kind: 'INSTANCE_DELETED', instanceId: instance.id, instance: deleted, at: new Date() });
  return {
    vmDestroyed, disksDestroyed: vmDestroyed && deleteDisks, addressesReleased: vifs.length,
    // XAPI cannot delete a LUN: as Nova left it to Cinder, deleting these is the block storage service's job.
    volumesDetached: released.map((a) => a.volumeId),
    volumesMarkedForDeletion: released.filter((a) => a.deleteOnTermination).map((a) => a.volumeId),
  };
}

/**
 * The VMs beside the instance's own that carry its uuid: a rescue twin, the -orig VM of a resize not yet
 * confirmed (Nova's API confirmed it before deleting), or one left by an interrupted action. Each goes with its
 * disks, never with those the instance's VM uses (the rescue VM has the original's attached, a cold migration
 * on shared storage kept its disks in place). Snapshots are the snapshot cleanup's.
 */
async function removeCompanionVms(run: ActionRun, client: XapiClient, vm: string | null): Promise<void> {
  const { instance, services } = run;
  const named = [await rescueVm(client, instance), ...(managed(instance) ? [await vmByName(client, origNameOf(instance)!)] : [])];
  const tagged = [...client.cache.all('VM')].flatMap(([ref, record]) =>
    !record.is_a_snapshot && !record.is_a_template && (record.other_config as Record<string, string> | undefined)?.nova_uuid === instance.uuid ? [ref] : []);
  const companions = [...new Set([...named, ...tagged])].filter((ref): ref is string => ref !== null && ref !== vm);
  if (companions.length === 0 && sourcePoolOf(instance) === instance.poolId) return;
  await run.progress(10, `removing ${companions.length === 1 ? 'the VM' : 'the VMs'} beside the instance's own`);
  const keep = vm ? await vdisOf(client, vm) : new Set<string>();
  // -orig still boots from its own dom0 files on the host it left: they go with it.
  for (const companion of companions) await destroyWithKernelFiles(client, companion, () => destroyVmAndDisks(client, companion, keep));
  // A move to another pool left -orig behind in the pool it came from, with disks of its own.
  const sourcePool = sourcePoolOf(instance);
  if (managed(instance) && sourcePool && sourcePool !== instance.poolId) {
    const source = poolClient(services, sourcePool);
    const orig = await vmByName(source, origNameOf(instance)!);
    if (orig) await destroyWithKernelFiles(source, orig, () => destroyVmAndDisks(source, orig));
  }
  const pending = await pendingMigration(services.store, instance.id);
  if (pending) await updateMigration(services, pending.id, { status: 'confirmed' });
}

/** Only instances xengraph built carry its snapshot naming. */
function managed(instance: ActionRun['instance']): boolean {
  return instance.serial !== null;
}
