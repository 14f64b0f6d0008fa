// Live progress of a migration, from the XAPI task's progress to the Migration row and its subscribers.
// XAPI reports one fraction for the whole task; the memory and disk figures are derived from it: a block
// migration copies the disks first, then the memory, each share in proportion to its bytes.
import type { DriverServices } from '../../operations/action.js';
import type { Migration, MigrationPatch, TransferProgress } from '../../store/index.js';

export interface TransferSizes {
  readonly memoryBytes: number;
  /** Zero when the disks stay where they are (shared storage). */
  readonly diskBytes: number;
}

function transfer(total: number, fraction: number): TransferProgress {
  const processed = Math.round(total * Math.min(1, Math.max(0, fraction)));
  return { total, processed, remaining: total - processed };
}

export function progressPatch(sizes: TransferSizes, fraction: number): MigrationPatch {
  const all = sizes.memoryBytes + sizes.diskBytes;
  const diskShare = all === 0 ? 0 : sizes.diskBytes / all;
  const diskFraction = diskShare === 0 ? 1 : Math.min(1, fraction / diskShare);
  const memoryFraction = diskShare === 1 ? 1 : Math.max(0, (fraction - diskShare) / (1 - diskShare));
  return {
    progressPercent: Math.round(fraction * 100),
    memory: transfer(sizes.memoryBytes, memoryFraction),
    disk: sizes.diskBytes > 0 ? transfer(sizes.diskBytes, diskFraction) : null,
  };
}

/** Saves a migration's change and tells migrationUpdated and instanceEvents subscribers. */
export async function updateMigration(services: DriverServices, id: string, patch: MigrationPatch): Promise<Migration | null> {
  const migration = await services.store.migrations.update(id, patch);
  if (!migration) return null;
  services.pubsub.publish('migration:changed', id, migration);
  const instance = patch.progressPercent !== undefined ? await services.store.instances.get(migration.instanceId) : null;
  if (instance) {
    const event = {
      kind: 'MIGRATION_PROGRESSED' as const, instanceId: instance.id, instance, at: new Date(),
      migrationId: migration.id, percent: migration.progressPercent,
    };
    // Only the event feed: the instance itself has not changed, so instanceUpdated stays quiet.
    services.pubsub.publish('instance:events', event);
  }
  return migration;
}
