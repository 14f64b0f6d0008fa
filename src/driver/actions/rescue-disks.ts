// The original's disks a rescue VM borrows (Nova's step 7b): its root on device 1, whether a local disk or
// the boot volume it was spawned on, its swap on 2 and its ephemerals on their own devices (4 and up). Other
// volumes stay with the original: they are the block storage service's to lend, not the instance's.
import { NotFoundError } from '../../errors.js';
import type { XapiClient } from '../../xapi/index.js';
import { CONFIG_DRIVE_DEVICE, createDiskVbd, FIRST_EPHEMERAL_DEVICE, RESCUE_ORIGINAL_ROOT_DEVICE, ROOT_DEVICE, SWAP_DEVICE } from '../devices.js';
import { VOLUME_VBD_KEY } from '../volume-storage.js';

const NULL_REF = 'OpaqueRef:NULL';

/** The original's disks by the device each takes on the rescue VM. */
export interface LentDisks {
  readonly byRescueDevice: ReadonlyMap<string, string>;
  /** The first device after every disk of the original (its config drive's included): where a rescue CD goes. */
  readonly firstFreeDevice: string;
}

interface VbdRecord {
  readonly VDI: string;
  readonly type: string;
  readonly userdevice: string;
  readonly other_config: Record<string, string>;
}

/** Reads which of the original's disks the rescue VM gets, and where; refused when it has no root to lend. */
export async function disksToLend(client: XapiClient, original: string): Promise<LentDisks> {
  const disks = new Map<string, string>();
  let hasConfigDrive = false;
  for (const vbd of await client.call<string[]>('VM.get_VBDs', original)) {
    const record = await client.call<VbdRecord>('VBD.get_record', vbd);
    if (record.type.toLowerCase() === 'cd' || record.VDI === NULL_REF) continue;
    // A boot volume is the instance's root; any other volume is not its disk to lend.
    if (VOLUME_VBD_KEY in (record.other_config ?? {}) && record.userdevice !== ROOT_DEVICE) continue;
    if (record.userdevice === CONFIG_DRIVE_DEVICE) hasConfigDrive = true;
    else disks.set(record.userdevice, record.VDI);
  }
  const root = disks.get(ROOT_DEVICE);
  if (!root) throw new NotFoundError('Root disk of VM', original);
  const byRescueDevice = new Map([[RESCUE_ORIGINAL_ROOT_DEVICE, root]]);
  const swap = disks.get(SWAP_DEVICE);
  if (swap) byRescueDevice.set(SWAP_DEVICE, swap);
  // Compared as numbers: Nova compared strings with '4', which skipped devices 10 and up.
  for (const [device, vdi] of disks) if (Number(device) >= FIRST_EPHEMERAL_DEVICE) byRescueDevice.set(device, vdi);
  const taken = [...byRescueDevice.keys(), ...(hasConfigDrive ? [CONFIG_DRIVE_DEVICE] : [])].map(Number);
  return { byRescueDevice, firstFreeDevice: String(Math.max(...taken) + 1) };
}

/** Attaches the lent disks to the rescue VM before it starts; they go with its VBDs when it is destroyed. */
export async function attachLentDisks(client: XapiClient, rescue: string, lent: LentDisks): Promise<void> {
  for (const [device, vdi] of lent.byRescueDevice) await createDiskVbd(client, rescue, vdi, device);
}
