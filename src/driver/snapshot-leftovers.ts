// What an interrupted snapshot leaves on XAPI, and its removal (Nova's post_interrupted_snapshot_cleanup):
// the `<vm>-snapshot` VM taken of the instance's VM, with the VDI snapshots it holds, and VDI snapshots of
// the instance's disks whose VM was destroyed but not they. Snapshots someone else took (another name, or
// disks still attached to a snapshot VM) are left alone.
import { isXapiError, NULL_REF, type XapiClient } from '../xapi/index.js';
import { snapshotNameOf } from './naming.js';
import { scanSr } from './vhd-chain.js';

export interface RemovedLeftovers {
  readonly snapshotVms: number;
  readonly vdis: number;
}

interface VbdView {
  readonly VDI: string;
  readonly type: string;
  readonly userdevice: string;
}

/** The VM's disks (no CDs, no empty drives) by device number. */
export async function disksOf(client: XapiClient, vm: string): Promise<Map<string, string>> {
  const disks = new Map<string, string>();
  for (const vbd of await client.call<string[]>('VM.get_VBDs', vm)) {
    const record = await client.call<VbdView>('VBD.get_record', vbd);
    if (record.type.toLowerCase() === 'disk' && record.VDI !== NULL_REF) disks.set(record.userdevice, record.VDI);
  }
  return disks;
}

const gone = (error: unknown): boolean => isXapiError(error, 'HANDLE_INVALID');

/** Destroys a snapshot VM, then its disks; each SR touched is returned so it can be scanned. */
export async function destroySnapshotVm(client: XapiClient, snapshot: string): Promise<{ vdis: number; srs: Set<string> }> {
  const vdis = [...(await disksOf(client, snapshot)).values()];
  await client.call('VM.destroy', snapshot);
  const srs = new Set<string>();
  for (const vdi of vdis) {
    try {
      srs.add(await client.call<string>('VDI.get_SR', vdi));
      await client.call('VDI.destroy', vdi);
    } catch (error) {
      if (!gone(error)) throw error;
    }
  }
  return { vdis: vdis.length, srs };
}

/**
 * Removes every leftover of xengraph's snapshots of `vm`, then scans the SRs involved so their garbage
 * collector can merge what the snapshots added to the disks' VHD chains. Keeps going past a failure and
 * throws the first one at the end, with everything removable removed.
 */
export async function removeSnapshotLeftovers(client: XapiClient, vm: string): Promise<RemovedLeftovers> {
  const label = snapshotNameOf(await client.call<string>('VM.get_name_label', vm));
  const srs = new Set<string>();
  const failures: unknown[] = [];
  let snapshotVms = 0;
  let vdis = 0;

  for (const snapshot of await client.call<string[]>('VM.get_snapshots', vm)) {
    try {
      if ((await client.call<string>('VM.get_name_label', snapshot)) !== label) continue;
      const removed = await destroySnapshotVm(client, snapshot);
      snapshotVms++;
      vdis += removed.vdis;
      for (const sr of removed.srs) srs.add(sr);
    } catch (error) {
      if (!gone(error)) failures.push(error);
    }
  }

  for (const disk of (await disksOf(client, vm)).values()) {
    for (const orphan of await client.call<string[]>('VDI.get_snapshots', disk)) {
      try {
        const record = await client.call<{ VBDs: string[]; SR: string; other_config: Record<string, string> }>('VDI.get_record', orphan);
        // Attached to a snapshot VM: someone's snapshot, not a leftover. image-id marks Nova's image cache.
        if (record.VBDs.length > 0 || record.other_config?.['image-id']) continue;
        await client.call('VDI.destroy', orphan);
        vdis++;
        srs.add(record.SR);
      } catch (error) {
        if (!gone(error)) failures.push(error);
      }
    }
  }

  for (const sr of srs) await scanSr(client, sr).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
  return { snapshotVms, vdis };
}
