// Volumes and hosts, for live migration (Nova's pre_live_migration connect, post-migration and rollback
// cleanup): an instance's volumes made reachable from another host, and let go of one again.
import { InvalidStateError } from '../errors.js';
import type { DriverServices } from '../operations/action.js';
import type { Host, Instance } from '../store/index.js';
import { vmNameOf } from './naming.js';
import { UndoStack } from './undo.js';
import { parseIscsiConnection, StorageError, type VolumeConnectionInput } from './volume-connection.js';
import { connectVolume, pluggedDeviceConfig, plugSrOnHost, purgeSrIfUnused, srByUuid } from './volume-storage.js';
import { hostRef, instanceClient, poolClient } from './xapi-access.js';

/** One attached volume as seen from a host it was connected on. */
export interface VolumeOnHost {
  readonly volumeAttachmentId: string;
  readonly volumeId: string;
  readonly srUuid: string;
  /** The volume's VDI on the host's pool (its uuid is the same on every pool: the LUN's). */
  readonly vdi: string;
  readonly vdiUuid: string;
}

/**
 * For live migration (Nova's pre_live_migration connect): makes every volume of the instance reachable from
 * `host`. In the instance's pool the SR gets a PBD on `host` plugged with the device_config it already has
 * there (shared on the way), so `VM.pool_migrate` finds it (VM_REQUIRES_SR otherwise). On a host of another
 * pool the SR is introduced there as at attach time, which needs the connection again when the target asks
 * for CHAP: pass it in `connections` by volume id (the password is never stored). On failure whatever this
 * call plugged is undone, unless the caller passes its own `undo`, which then holds it until the caller settles.
 * Returns each volume's VDI on the destination, for `VM.migrate_send`'s vdi map.
 */
export async function connectVolumesOnHost(
  services: DriverServices, instance: Instance, host: Host,
  connections: ReadonlyMap<string, VolumeConnectionInput> = new Map(), callersUndo?: UndoStack,
): Promise<VolumeOnHost[]> {
  const source = instanceClient(services, instance);
  const target = poolClient(services, host.poolId);
  const destination = hostRef(target, host);
  const undo = callersUndo ?? new UndoStack();
  const connected: VolumeOnHost[] = [];
  try {
    for (const attachment of await services.store.volumeAttachments.listForInstance(instance.id)) {
      const srUuid = attachment.srUuid ?? '';
      const fresh = connections.get(attachment.volumeId);
      if (host.poolId === instance.poolId && !fresh) {
        const sr = await srByUuid(source, srUuid);
        const config = sr ? await pluggedDeviceConfig(source, sr) : null;
        if (!sr || !config) throw new StorageError(`Volume ${attachment.volumeId}: its SR ${srUuid} is not plugged anywhere to copy from`);
        await plugSrOnHost(source, sr, destination, config, undo);
        const vdi = await source.call<string>('VDI.get_by_uuid', attachment.vdiUuid);
        connected.push({ volumeAttachmentId: attachment.id, volumeId: attachment.volumeId, srUuid, vdi, vdiUuid: attachment.vdiUuid ?? '' });
        continue;
      }
      const stored = attachment.connectionInfo as unknown as VolumeConnectionInput;
      if (!fresh && stored.authMethod) {
        throw new InvalidStateError(`Volume ${attachment.volumeId} needs its CHAP credentials again to be connected on another pool`, 'CREDENTIALS_NEEDED');
      }
      const connection = parseIscsiConnection(fresh ?? { ...stored, authPassword: null, volumeId: attachment.volumeId });
      const volume = await connectVolume(target, destination, connection, `Disk-for:${vmNameOf(instance) ?? instance.name}`, undo);
      connected.push({ volumeAttachmentId: attachment.id, volumeId: attachment.volumeId, srUuid: volume.srUuid, vdi: volume.vdi, vdiUuid: volume.vdiUuid });
    }
  } catch (error) {
    if (!callersUndo) await undo.rollBack(services.log, `connecting volumes of ${instance.id} on ${host.name}`);
    throw error;
  }
  return connected;
}

/**
 * The other half, for after a migration (on the host left behind) or its rollback (on the destination): each
 * volume SR of the instance lets go of `host` — its PBD there unplugged and destroyed, or, in another pool, the
 * SR forgotten once no VBD uses it. XAPI refuses while a VM on that host still uses the disk; that SR is kept.
 */
export async function disconnectVolumesFromHost(services: DriverServices, instance: Instance, host: Host): Promise<void> {
  const client = poolClient(services, host.poolId);
  const ref = hostRef(client, host);
  for (const attachment of await services.store.volumeAttachments.listForInstance(instance.id)) {
    const sr = attachment.srUuid ? await srByUuid(client, attachment.srUuid) : null;
    if (!sr) continue;
    try {
      if (host.poolId !== instance.poolId) {
        await purgeSrIfUnused(client, sr);
        continue;
      }
      for (const pbd of await client.call<string[]>('SR.get_PBDs', sr)) {
        if ((await client.call<string>('PBD.get_host', pbd)) !== ref) continue;
        await client.call('PBD.unplug', pbd);
        await client.call('PBD.destroy', pbd);
      }
    } catch (error) {
      services.log.error({ err: error, instanceId: instance.id, volumeId: attachment.volumeId, host: host.name }, 'could not disconnect a volume from a host');
    }
  }
}
