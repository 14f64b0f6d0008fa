// A resize or cold migration that leaves its pool. Disks cannot be cloned or copied between pools (VDI.copy
// stays within one), so XAPI's storage motion carries them: host.migrate_receive on the destination's pool,
// then VM.migrate_send of the halted source, not live, with `copy` set, so the source VM and its disks stay as
// they are for a revert (Nova kept -orig the same way). The copied VM's record is dropped at once: only its
// disks are kept, and the new VM is built on them as for a move within the pool, with the new flavor.
// Volumes are not copied: in copy mode every VDI of the map gets a new VDI on its mapped SR, which an iSCSI LUN
// SR cannot hold for its LUN. -orig lends them instead (their VBDs taken off it for the copy, its SRs left
// plugged for a revert), the destination pool connects them as a live move does, and the new VM gets the LUNs'
// VDIs there at the same devices; a revert gives them back to -orig, a confirm has the source pool forget them.
import type { ActionRun, DriverServices } from '../operations/action.js';
import type { Host, Instance } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';
import { createDiskVbd, ROOT_DEVICE } from './devices.js';
import { migrateReceive } from './live-migration/check.js';
import { connectVolumesForColdMove, forgetVolumesInPoolLeft } from './live-migration/volumes-across-pools.js';
import { destinationSr, vmDisks, type CarriedDisk, type DiskCarrier, type VmDisk } from './resize-disks.js';
import type { UndoStack } from './undo.js';
import { deviceNumberOf, StorageError } from './volume-connection.js';
import { markVolumeVbd, volumeVbds } from './volume-storage.js';
import { hostRef } from './xapi-access.js';

const NULL_REF = 'OpaqueRef:NULL';

/** Destroys a VDI unless it is already gone (a disk the move replaced itself). */
async function destroyVdiIfPresent(client: XapiClient, vdi: string): Promise<void> {
  if (await client.call('VDI.get_uuid', vdi).then(() => true, () => false)) await client.call('VDI.destroy', vdi);
}

/**
 * Copies the halted source VM's disks to the destination's pool; returns them as the destination's disks (same
 * devices), each tagged as this move's and registered on `undo`.
 */
export async function copyDisksToPool(
  run: ActionRun, source: XapiClient, target: XapiClient, vm: string, destination: Host, carrier: DiskCarrier, undo: UndoStack,
): Promise<VmDisk[]> {
  const token = await migrateReceive(target, destination);
  const sr = await destinationSr(target, hostRef(target, destination));
  const vdiMap: Record<string, string> = {};
  for (const disk of await vmDisks(source, vm)) vdiMap[disk.vdi] = sr;
  const copy = await source.callAsync<string>('VM.migrate_send', [vm, token, false, vdiMap, {}, { copy: 'true' }], { signal: run.signal });
  undo.push('copied VM', async () => {
    if (await target.call('VM.get_uuid', copy).then(() => true, () => false)) await target.call('VM.destroy', copy);
  });
  const disks = await vmDisks(target, copy);
  for (const disk of disks) {
    undo.push(`copy of disk ${disk.device}`, () => destroyVdiIfPresent(target, disk.vdi));
    await carrier.tag(disk.vdi);
  }
  // Only the disks are wanted: VM.destroy leaves them (the copy's VBDs go with it).
  await target.call('VM.destroy', copy);
  return disks.filter((disk) => disk.vdi !== NULL_REF);
}

/** A volume -orig lends the new VM for the move: its VBD as it was, and the LUN's VDI uuid (the same in every pool). */
export interface LentVolume {
  readonly disk: VmDisk;
  readonly vdiUuid: string;
}

async function attachVolumeVbd(client: XapiClient, vm: string, disk: Pick<VmDisk, 'vdi' | 'device' | 'bootable' | 'readOnly'>): Promise<void> {
  const vbd = await createDiskVbd(client, vm, disk.vdi, disk.device, { bootable: disk.bootable, readOnly: disk.readOnly });
  await markVolumeVbd(client, vbd);
}

/**
 * Takes the volume VBDs off the halted source VM, so the copy leaves the LUNs out; `undo` puts each back as it was.
 * The SRs stay plugged in the source pool: a revert needs them, and their PBDs hold the CHAP secret to read.
 */
export async function lendVolumesForCopy(client: XapiClient, vm: string, undo: UndoStack): Promise<LentVolume[]> {
  const disks = await vmDisks(client, vm);
  const lent: LentVolume[] = [];
  for (const { vbd, userdevice } of await volumeVbds(client, vm)) {
    const disk = disks.find((candidate) => candidate.device === userdevice && candidate.role === 'volume');
    if (!disk) continue;
    const vdiUuid = await client.call<string>('VDI.get_uuid', disk.vdi);
    await client.call('VBD.destroy', vbd);
    undo.push(`volume on device ${userdevice} of the source VM`, () => attachVolumeVbd(client, vm, disk));
    lent.push({ disk, vdiUuid });
  }
  return lent;
}

/**
 * Connects the lent volumes on `destination` (its pool introduces and plugs their SRs, registered on `undo`) and
 * returns them as the new VM's disks: the LUNs' VDIs in that pool, at the devices they had.
 */
export async function volumesOnDestination(
  services: DriverServices, instance: Instance, destination: Host, lent: readonly LentVolume[], undo: UndoStack,
): Promise<CarriedDisk[]> {
  if (lent.length === 0) return [];
  const connected = await connectVolumesForColdMove(services, instance, destination, undo);
  return lent.map(({ disk, vdiUuid }) => {
    const there = connected.find((volume) => volume.vdiUuid === vdiUuid);
    if (!there) throw new StorageError(`The volume on device ${disk.device} has no attachment to connect it on ${destination.name} with`);
    return { vdi: there.vdi, device: disk.device, bootable: disk.bootable, readOnly: disk.readOnly, owned: false, volume: true };
  });
}

/** The VDIs of a VM's volumes, which destroying the VM across pools must leave alone (they are the LUNs). */
export async function volumeVdisOf(client: XapiClient, vm: string): Promise<Set<string>> {
  return new Set((await vmDisks(client, vm)).filter((disk) => disk.role === 'volume').map((disk) => disk.vdi));
}

/**
 * Revert, or the rollback of an interrupted move: the destination's pool forgets the volumes' SRs (the new VM is
 * gone), and `orig` gets each volume back at its device, from the attachment rows; devices it still has are kept.
 */
export async function giveVolumesBack(run: ActionRun, source: XapiClient, orig: string, targetPoolId: string): Promise<void> {
  await forgetVolumesInPoolLeft(run, targetPoolId);
  const present = new Set((await volumeVbds(source, orig)).map((volume) => volume.userdevice));
  for (const attachment of await run.services.store.volumeAttachments.listForInstance(run.instance.id)) {
    const device = String(attachment.deviceNumber ?? deviceNumberOf(attachment.mountpoint));
    if (present.has(device) || !attachment.vdiUuid) continue;
    const vdi = await source.call<string>('VDI.get_by_uuid', attachment.vdiUuid);
    // Volumes are attached read-write; the one on device 0 is the boot volume.
    await attachVolumeVbd(source, orig, { vdi, device, bootable: device === ROOT_DEVICE, readOnly: false });
  }
}
