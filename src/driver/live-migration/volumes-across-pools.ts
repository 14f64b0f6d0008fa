// Volumes that follow an instance into another pool (Nova's block migration with volumes: their SRs
// introduced on the destination in pre_live_migration, mapped in migrate_send's vdi map, forgotten on the source
// after; a cold move across pools connects them the same way for the VM it builds there). The CHAP secret is never stored: it is read, at migration time, from the device_config of the PBD
// that connects the source pool to the target, and goes to the destination pool's PBD only.
import type { ActionRun, DriverServices } from '../../operations/action.js';
import type { Host, Instance } from '../../store/index.js';
import { StorageError, type VolumeConnectionInput } from '../volume-connection.js';
import type { UndoStack } from '../undo.js';
import { connectVolumesOnHost, disconnectVolumesFromHost, type VolumeOnHost } from '../volume-hosts.js';
import { pluggedDeviceConfig, purgeSrIfUnused, srByUuid } from '../volume-storage.js';
import { instanceClient, poolClient } from '../xapi-access.js';

/** Per volume id, its connection as the source pool's PBD holds it, secret included. */
async function connectionsFromSource(services: DriverServices, instance: Instance): Promise<Map<string, VolumeConnectionInput>> {
  const source = instanceClient(services, instance);
  const connections = new Map<string, VolumeConnectionInput>();
  for (const attachment of await services.store.volumeAttachments.listForInstance(instance.id)) {
    const sr = attachment.srUuid ? await srByUuid(source, attachment.srUuid) : null;
    const config = sr ? await pluggedDeviceConfig(source, sr) : null;
    if (!config) throw new StorageError(`Volume ${attachment.volumeId}: its SR ${attachment.srUuid} is not plugged on the source pool to read the connection from`);
    const stored = attachment.connectionInfo as unknown as VolumeConnectionInput;
    connections.set(attachment.volumeId, {
      ...stored,
      volumeId: attachment.volumeId,
      authMethod: config.chapuser ? 'CHAP' : null,
      authUsername: config.chapuser ?? null,
      authPassword: config.chappassword ?? null,
    });
  }
  return connections;
}

/**
 * Introduces and plugs every volume's SR on `destination` (a host of another pool). Returns, per volume VDI
 * of the source pool, the destination SR that holds the same LUN, for migrate_send's vdi map.
 */
export async function connectVolumesInOtherPool(services: DriverServices, instance: Instance, destination: Host): Promise<Map<string, string>> {
  const attachments = await services.store.volumeAttachments.listForInstance(instance.id);
  if (attachments.length === 0) return new Map();
  const source = instanceClient(services, instance);
  const target = poolClient(services, destination.poolId);
  const connected = await connectVolumesOnHost(services, instance, destination, await connectionsFromSource(services, instance));
  const srs = new Map<string, string>();
  try {
    for (const volume of connected) {
      srs.set(await source.call<string>('VDI.get_by_uuid', volume.vdiUuid), await target.call<string>('SR.get_by_uuid', volume.srUuid));
    }
  } catch (error) {
    await disconnectVolumesFromHost(services, instance, destination);
    throw error;
  }
  return srs;
}

/**
 * For a cold move into another pool: every volume connected on `destination` (introduced and plugged there), with
 * the connection read from the source pool; what this makes is registered on `undo`, which the move unwinds.
 */
export async function connectVolumesForColdMove(
  services: DriverServices, instance: Instance, destination: Host, undo: UndoStack,
): Promise<VolumeOnHost[]> {
  return connectVolumesOnHost(services, instance, destination, await connectionsFromSource(services, instance), undo);
}

/**
 * After the move: the source pool forgets the volumes' SRs (Nova's post-migration forget on the source; a
 * reverted cold move passes the destination's pool). The guest has moved whatever happens here, so a failure is reported on the operation, not turned into a failed move.
 */
export async function forgetVolumesInPoolLeft(run: ActionRun, poolId: string): Promise<void> {
  const { services, instance } = run;
  try {
    const client = poolClient(services, poolId);
    for (const attachment of await services.store.volumeAttachments.listForInstance(instance.id)) {
      const sr = attachment.srUuid ? await srByUuid(client, attachment.srUuid) : null;
      if (sr) await purgeSrIfUnused(client, sr);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await run.progress(run.percent, run.operation.progress.phase ?? 'migrating', `the pool left behind still knows the volumes' SRs: ${reason}`);
  }
}
