// instanceLiveMigrate: the instance keeps running while it moves. Within a pool on shared storage only the
// memory moves (VM.pool_migrate); a block migration also copies the disks, and is how an instance leaves
// its pool (host.migrate_receive + VM.migrate_send). Unlike Nova, the XAPI task's progress is streamed into
// a Migration with memory and disk figures as it goes, and a failure leaves the VM running on the source.
import { BaseUserError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { ActionRun, DriverServices, InstanceAction, ReconcileOutcome } from '../../operations/action.js';
import type { Host, Instance, Migration } from '../../store/index.js';
import { isCancellation } from '../../operations/outcome.js';
import { claimHome } from '../home-host.js';
import { refreshInstanceFilters } from '../firewall/apply.js';
import { hostRef, instanceClient, poolClient } from '../xapi-access.js';
import { requireVm } from '../vm-lookup.js';
import { connectVolumesOnHost, disconnectVolumesFromHost } from '../volume-hosts.js';
import { removeStrayKernelFiles } from '../kernel-files.js';
import { kernelFilesAfterLiveMove, kernelFilesBeforeLiveMove } from '../kernel-moves.js';
import { UndoStack } from '../undo.js';
import { checkLiveMigration, prepareBlockMigration } from './check.js';
import { connectVolumesInOtherPool, forgetVolumesInPoolLeft } from './volumes-across-pools.js';
import { progressPatch, updateMigration, type TransferSizes } from './progress.js';

const MiB = 1024 * 1024;

export interface LiveMigrateInput {
  readonly hostId: string;
  readonly blockMigration: boolean | null;
}

/** The checks said no: the reason says why, and nothing was moved. */
export class MigrationRefusedError extends BaseUserError {
  override readonly code = 'MIGRATION_REFUSED';
  constructor(readonly reason: string) {
    super(`The instance cannot move there: ${reason}`);
  }
}

async function destinationOf(services: DriverServices, hostId: string): Promise<Host> {
  const host = await services.store.hosts.get(hostId);
  if (!host) throw new NotFoundError('Host', hostId, { path: ['input', 'hostId'] });
  return host;
}

async function migrationOf(run: ActionRun): Promise<Migration | undefined> {
  const [migration] = await run.services.store.migrations.list({ operationId: run.operation.id }, { limit: 1, inverted: false });
  return migration;
}

export const liveMigrateAction: InstanceAction<LiveMigrateInput> = {
  kind: 'instance.liveMigrate',
  taskState: 'migrating',
  cancellable: true,
  async check(instance, input, services) {
    const verdict = await checkLiveMigration(services, instance, await destinationOf(services, input.hostId), input);
    if (!verdict.possible) throw new MigrationRefusedError(verdict.reason);
  },
  async run(run, input) {
    const { services } = run;
    const destination = await destinationOf(services, input.hostId);
    const instance = run.instance;
    // The state may have moved since the request was accepted; XAPI's own check comes with the preparation.
    const verdict = await checkLiveMigration(services, instance, destination, { ...input, skipDryRun: true });
    if (!verdict.possible) throw new MigrationRefusedError(verdict.reason);
    const source = instanceClient(services, instance);
    const migration = await services.store.migrations.create({
      instanceId: instance.id, operationId: run.operation.id, type: 'live-migration', status: 'preparing',
      sourceHostId: instance.hostId, destHostId: destination.id,
    });
    services.pubsub.publish('migration:changed', migration.id, migration);
    const kernelUndo = new UndoStack();
    let moved = false;
    try {
      const vm = await requireVm(source, instance);
      const arrivedOn = poolClient(services, destination.poolId);
      // A guest booted from dom0 files finds copies on the destination when it next boots there.
      const kernelMove = await kernelFilesBeforeLiveMove(run, source, vm, arrivedOn, hostRef(arrivedOn, destination), kernelUndo);
      let currentSizes: TransferSizes = { memoryBytes: instance.memoryMb * MiB, diskBytes: 0 };
      const onProgress = (fraction: number) => {
        const patch = progressPatch(currentSizes, fraction);
        void updateMigration(services, migration.id, patch).catch(() => undefined);
        void run.progress(patch.progressPercent ?? 0, 'migrating').catch(() => undefined);
      };
      if (verdict.blockMigration) {
        // Volumes reach the destination pool first; their VDIs are mapped onto the SRs introduced there.
        const volumeSrs = verdict.samePool ? new Map<string, string>() : await connectVolumesInOtherPool(services, instance, destination);
        try {
          const plan = await prepareBlockMigration(services, instance, destination, volumeSrs);
          const copied = Object.keys(plan.vdiMap).filter((vdi) => !volumeSrs.has(vdi));
          currentSizes = { ...currentSizes, diskBytes: await diskBytes(source, copied) };
          await updateMigration(services, migration.id, { status: 'running', ...progressPatch(currentSizes, 0) });
          await source.callAsync('VM.migrate_send', [vm, plan.token, true, plan.vdiMap, {}, {}], { signal: run.signal, onProgress });
        } catch (error) {
          if (volumeSrs.size > 0) await disconnectVolumesFromHost(services, instance, destination).catch(() => undefined);
          throw error;
        }
        if (volumeSrs.size > 0) await forgetVolumesInPoolLeft(run, instance.poolId!);
      } else {
        // Nova's pre_live_migration: the volumes' SRs are plugged on the destination before the guest moves.
        await connectVolumesOnHost(services, instance, destination);
        try {
          await updateMigration(services, migration.id, { status: 'running', ...progressPatch(currentSizes, 0) });
          const target = hostRef(poolClient(services, destination.poolId), destination);
          await source.callAsync('VM.pool_migrate', [vm, target, { live: 'true' }], { signal: run.signal, onProgress });
        } catch (error) {
          await disconnectVolumesFromHost(services, instance, destination).catch(() => undefined);
          throw error;
        }
        // post_live_migration at the source: its connections to the volumes go.
        const sourceHost = instance.hostId ? await services.store.hosts.get(instance.hostId) : null;
        if (sourceHost) await disconnectVolumesFromHost(services, instance, sourceHost);
      }
      // The guest is on the destination: from here on its copies of the dom0 files are its own.
      moved = true;
      await updateMigration(services, migration.id, { status: 'completed', ...progressPatch(currentSizes, 1) });
      // The instance now belongs to the destination (a VM that changed pools has another ref there).
      const movedVm = async () => verdict.blockMigration ? arrivedOn.call<string>('VM.get_by_uuid', instance.vmUuid) : vm;
      await claimHome(run, arrivedOn, destination, movedVm);
      if (kernelMove) await kernelFilesAfterLiveMove(run, source, arrivedOn, await movedVm(), kernelMove);
      // The VM keeps its uuid across pools; the event pumps of both pools agree with this once they catch up.
      await run.updateInstance({
        hostId: destination.id, poolId: destination.poolId, vmUuid: instance.vmUuid, vmState: 'ACTIVE', powerState: 'RUNNING',
      });
      // post_live_migration_at_destination filters it there; the source drops its chain (the instance left it).
      await refreshInstanceFilters(services, instance, [instance.hostId, destination.id]);
      return { migrationId: migration.id, blockMigration: verdict.blockMigration };
    } catch (error) {
      if (!moved) await kernelUndo.rollBack(services.log, `live migration of ${instance.id}`);
      await updateMigration(services, migration.id, { status: run.signal.aborted && isCancellation(error) ? 'cancelled' : 'error' });
      throw error;
    }
  },
  async reconcile(run, input) {
    // Done if XAPI shows the VM resident on the destination, in whichever pool it now is.
    const destination = await destinationOf(run.services, input.hostId);
    const target = poolClient(run.services, destination.poolId);
    const vm = run.instance.vmUuid ? await target.call<string>('VM.get_by_uuid', run.instance.vmUuid).catch(() => null) : null;
    const arrived = vm !== null && await target.call<string>('VM.get_resident_on', vm) === hostRef(target, destination);
    const migration = await migrationOf(run);
    if (migration) await updateMigration(run.services, migration.id, { status: arrived ? 'completed' : 'error' });
    if (arrived) await run.updateInstance({ hostId: destination.id, poolId: destination.poolId, vmState: 'ACTIVE' });
    // The guest stayed: the copies of its dom0 files placed on the destination serve nothing.
    else await removeStrayKernelFiles(target, run.instance);
    return (arrived ? 'SUCCEEDED' : 'FAILED') satisfies ReconcileOutcome;
  },
};

async function diskBytes(client: ReturnType<typeof instanceClient>, vdis: readonly string[]): Promise<number> {
  let total = 0;
  for (const vdi of vdis) total += Number(await client.call('VDI.get_physical_utilisation', vdi));
  return total;
}

/** For the check query: resolves the destination, or says it does not exist. */
export async function liveMigrationVerdict(services: DriverServices, instance: Instance, hostId: string, blockMigration: boolean | null) {
  if (instance.deletedAt) throw new InvalidInputError('The instance is deleted');
  return checkLiveMigration(services, instance, await destinationOf(services, hostId), { blockMigration });
}
