// A resize or cold migration that leaves its pool. Disks cannot be cloned or copied between pools (VDI.copy
// stays within one), so XAPI's storage motion carries them: host.migrate_receive on the destination's pool,
// then VM.migrate_send of the halted source, not live, with `copy` set, so the source VM and its disks stay as
// they are for a revert (Nova kept -orig the same way). The copied VM's record is dropped at once: only its
// disks are kept, and the new VM is built on them as for a move within the pool, with the new flavor.
import type { ActionRun } from '../operations/action.js';
import type { Host } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';
import { migrateReceive } from './live-migration/check.js';
import { destinationSr, vmDisks, type DiskCarrier, type VmDisk } from './resize-disks.js';
import type { UndoStack } from './undo.js';
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
