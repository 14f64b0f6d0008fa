// Carrying an instance's disks to the host a resize or cold migration lands on, through XAPI alone (Nova
// staged VHD chains in dom0 and rsynced them over ssh). Per disk, by whether the destination host sees its
// SR (an attached PBD there):
//  * seen, and the resize leaves the disk as it is: kept, so both VMs name the same VDI and only one of them
//    ever runs (shared storage needs no copy, as with XAPI's own pool_migrate);
//  * seen, but the disk grows: cloned on its SR first (a cheap VHD child), so the `-orig` VM keeps the disk
//    as it was for a revert;
//  * not seen: VDI.copy to an SR the destination sees (the pool's default SR, else the roomiest one it has).
// Swap is not carried when the flavor changes its size: a fresh disk of the new size replaces it, as Nova
// generated swap anew on the destination.
import { BaseUserError } from '../errors.js';
import type { ActionRun } from '../operations/action.js';
import type { Flavor, Instance } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';
import { createVdi, ephemeralDiskSizesGb, ephemeralLabel, FIRST_EPHEMERAL_DEVICE, ROOT_DEVICE, SWAP_DEVICE, type DiskRole } from './devices.js';
import { defaultSr } from './spawn/build-vm.js';
import type { UndoStack } from './undo.js';
import { VOLUME_VBD_KEY } from './volume-storage.js';

const NULL_REF = 'OpaqueRef:NULL';
/** other_config key on every disk a resize made, naming its Operation, so crash recovery finds its leftovers. */
const MADE_BY_KEY = 'xengraph_resize_operation';
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** One disk of a VM as the resize sees it. */
export interface VmDisk {
  readonly vdi: string;
  readonly device: string;
  readonly bootable: boolean;
  readonly readOnly: boolean;
  /** Nova's nova_disk_type, or `volume` for a block-storage volume (VBD other_config osvol). */
  readonly role: DiskRole | 'volume' | 'other';
  readonly sr: string;
  readonly virtualSize: number;
}

/** A disk as the new VM gets it, and whether it is the new VM's alone (so a revert removes it). */
export interface CarriedDisk {
  readonly vdi: string;
  readonly device: string;
  readonly bootable: boolean;
  readonly readOnly: boolean;
  readonly owned: boolean;
  /** A block-storage volume: its VBD keeps the osvol mark that volume detach and destroy look for. */
  readonly volume: boolean;
}

interface VbdRecord { VDI: string; type: string; userdevice: string; bootable: boolean; mode: string; other_config: Record<string, string> }
interface VdiRecord { SR: string; virtual_size: number | string; other_config: Record<string, string> }

export async function vmDisks(client: XapiClient, vm: string): Promise<VmDisk[]> {
  const disks: VmDisk[] = [];
  for (const vbd of await client.call<string[]>('VM.get_VBDs', vm)) {
    const record = await client.call<VbdRecord>('VBD.get_record', vbd);
    if (record.type.toLowerCase() === 'cd' || record.VDI === NULL_REF) continue;
    const vdi = await client.call<VdiRecord>('VDI.get_record', record.VDI);
    const role = record.other_config?.[VOLUME_VBD_KEY] ? 'volume' : (vdi.other_config?.nova_disk_type as DiskRole | undefined) ?? 'other';
    disks.push({
      vdi: record.VDI, device: record.userdevice, bootable: record.bootable, readOnly: record.mode === 'RO',
      role, sr: vdi.SR, virtualSize: Number(vdi.virtual_size),
    });
  }
  return disks.sort((a, b) => Number(a.device) - Number(b.device));
}

/** The VDIs a VM's VBDs point at, so destroying another VM can spare the ones both use. */
export async function vdisOf(client: XapiClient, vm: string): Promise<Set<string>> {
  return new Set((await vmDisks(client, vm)).map((disk) => disk.vdi));
}

/** Nova's refusals, before anything moves: no ephemeral shrink, no root shrink (XAPI cannot shrink a VHD). */
export class ResizeError extends BaseUserError {
  override readonly code = 'RESIZE_ERROR';
  constructor(message: string) {
    super(message, { path: ['input', 'flavorId'] });
  }
}

/** Throws ResizeError when the new flavor would need a disk to shrink; `rootBytes` is the root's size now. */
export function assertDisksFit(oldFlavor: Flavor, newFlavor: Flavor, rootBytes: number | null): void {
  if (newFlavor.ephemeralGb < oldFlavor.ephemeralGb) {
    throw new ResizeError(`Ephemeral disks cannot shrink (${oldFlavor.ephemeralGb} GiB to ${newFlavor.ephemeralGb} GiB)`);
  }
  if (newFlavor.rootGb === 0) {
    if (oldFlavor.rootGb !== 0) throw new ResizeError('Cannot resize to a flavor with no root disk size from one with a root disk');
    return;
  }
  const current = rootBytes ?? oldFlavor.rootGb * GiB;
  if (newFlavor.rootGb * GiB < current) {
    throw new ResizeError(`The root disk is ${Math.ceil(current / GiB)} GiB and cannot shrink to ${newFlavor.rootGb} GiB: `
      + 'XAPI has no way to shrink a disk, and the guest\'s data would not survive it');
  }
}

export async function srVisibleFrom(client: XapiClient, sr: string, host: string): Promise<boolean> {
  const pbds = await client.call<Record<string, { currently_attached: boolean }>>(
    'PBD.get_all_records_where', `field "host"="${host}" and field "SR"="${sr}"`,
  );
  return Object.values(pbds).some((pbd) => pbd.currently_attached);
}

/** Where disks the destination cannot reach go: the pool's default SR if it sees it, else the roomiest SR it sees. */
export async function destinationSr(client: XapiClient, host: string): Promise<string> {
  const preferred = await defaultSr(client).catch(() => null);
  if (preferred && await srVisibleFrom(client, preferred, host)) return preferred;
  let best: { sr: string; free: number } | null = null;
  for (const pbd of await client.call<string[]>('host.get_PBDs', host)) {
    const record = await client.call<{ SR: string; currently_attached: boolean }>('PBD.get_record', pbd);
    if (!record.currently_attached) continue;
    const sr = await client.call<{ content_type: string; type: string; physical_size: number; physical_utilisation: number }>('SR.get_record', record.SR);
    if (sr.content_type === 'iso' || sr.type === 'iso' || sr.type === 'udev') continue;
    const free = Number(sr.physical_size) - Number(sr.physical_utilisation);
    if (!best || free > best.free) best = { sr: record.SR, free };
  }
  if (!best) throw new BaseUserError('The destination host has no storage for the instance\'s disks');
  return best.sr;
}

export interface CarryPlan {
  readonly instance: Instance;
  readonly vmName: string;
  readonly newFlavor: Flavor;
  /** The destination host's XAPI ref. */
  readonly host: string;
}

/**
 * The size a disk must have under the new flavor, or null when the flavor says nothing about it. Each ephemeral
 * disk takes the size of its chunk of the new flavor's ephemeral space (device 4 the first, 5 the second, …).
 */
function wantedSize(disk: VmDisk, flavor: Flavor): number | null {
  if (disk.device === ROOT_DEVICE && disk.role !== 'volume') return flavor.rootGb > 0 ? flavor.rootGb * GiB : null;
  if (disk.role !== 'ephemeral') return null;
  const chunk = ephemeralDiskSizesGb(flavor.ephemeralGb)[Number(disk.device) - FIRST_EPHEMERAL_DEVICE];
  return chunk === undefined ? null : chunk * GiB;
}

/**
 * Gives the destination every disk the new VM needs, with what it creates pushed on `undo`. The source VM's
 * own disks are never changed.
 */
export class DiskCarrier {
  private targetSr: string | null = null;

  constructor(private readonly run: ActionRun, private readonly client: XapiClient, private readonly plan: CarryPlan, private readonly undo: UndoStack) {}

  async carry(disk: VmDisk): Promise<CarriedDisk | null> {
    const { client, plan } = this;
    const flavor = plan.newFlavor;
    if (disk.role === 'volume') return { ...this.shape(disk), owned: false, volume: true };
    if (disk.device === SWAP_DEVICE && disk.role === 'swap' && disk.virtualSize !== flavor.swapMb * MiB) {
      return flavor.swapMb > 0 ? this.freshDisk(SWAP_DEVICE, 'swap', `${plan.vmName} swap`, flavor.swapMb * MiB) : null;
    }
    const wanted = wantedSize(disk, flavor);
    const grows = wanted !== null && wanted > disk.virtualSize;
    const visible = await srVisibleFrom(client, disk.sr, plan.host);
    if (visible && !grows) return { ...this.shape(disk), owned: false, volume: false };
    const copy = visible
      ? await client.callAsync<string>('VDI.clone', [disk.vdi, {}], { signal: this.run.signal })
      : await client.callAsync<string>('VDI.copy', [disk.vdi, await this.sr(), NULL_REF, NULL_REF], { signal: this.run.signal });
    this.undo.push(`copy of disk ${disk.device}`, () => client.call('VDI.destroy', copy).then(() => undefined));
    await this.tag(copy);
    if (grows) await client.call('VDI.resize', copy, String(wanted));
    return { ...this.shape(disk), vdi: copy, owned: true, volume: false };
  }

  /**
   * A disk the move has already copied to the destination (another pool's SR, tagged as this move's): fitted to
   * the new flavor in place (grown, or a swap of another size replaced), since -orig keeps its own.
   */
  async fit(disk: VmDisk): Promise<CarriedDisk | null> {
    const { client, plan } = this;
    const flavor = plan.newFlavor;
    const copied = { ...this.shape(disk), owned: true, volume: false };
    if (disk.device === SWAP_DEVICE && disk.role === 'swap' && disk.virtualSize !== flavor.swapMb * MiB) {
      await client.call('VDI.destroy', disk.vdi);
      return flavor.swapMb > 0 ? this.freshDisk(SWAP_DEVICE, 'swap', `${plan.vmName} swap`, flavor.swapMb * MiB) : null;
    }
    const wanted = wantedSize(disk, flavor);
    if (wanted !== null && wanted > disk.virtualSize) await client.call('VDI.resize', disk.vdi, String(wanted));
    return copied;
  }

  /** Disks the new flavor asks for that the source VM never had (swap, an ephemeral disk). */
  async missing(present: readonly VmDisk[]): Promise<CarriedDisk[]> {
    const { plan } = this;
    const flavor = plan.newFlavor;
    const has = (device: string) => present.some((disk) => disk.device === device);
    const added: CarriedDisk[] = [];
    if (flavor.swapMb > 0 && !has(SWAP_DEVICE)) added.push(await this.freshDisk(SWAP_DEVICE, 'swap', `${plan.vmName} swap`, flavor.swapMb * MiB));
    // Nova made the chunks a bigger flavor adds but never attached them; here each gets its device.
    for (const [index, sizeGb] of ephemeralDiskSizesGb(flavor.ephemeralGb).entries()) {
      const device = String(FIRST_EPHEMERAL_DEVICE + index);
      if (!has(device)) added.push(await this.freshDisk(device, 'ephemeral', ephemeralLabel(plan.vmName, index), sizeGb * GiB));
    }
    return added;
  }

  private async freshDisk(device: string, role: DiskRole, label: string, sizeBytes: number): Promise<CarriedDisk> {
    const { client } = this;
    const vdi = await createVdi(client, await this.sr(), { label, role, sizeBytes, instance: this.plan.instance });
    this.undo.push(`new ${role} disk`, () => client.call('VDI.destroy', vdi).then(() => undefined));
    await this.tag(vdi);
    return { vdi, device, bootable: false, readOnly: false, owned: true, volume: false };
  }

  /** Marks a disk as this move's, so a rollback after a crash finds it. */
  async tag(vdi: string): Promise<void> {
    // A copy of a copy inherits the earlier resize's mark.
    await this.client.call('VDI.remove_from_other_config', vdi, MADE_BY_KEY);
    await this.client.call('VDI.add_to_other_config', vdi, MADE_BY_KEY, this.run.operation.id);
  }

  private async sr(): Promise<string> {
    this.targetSr ??= await destinationSr(this.client, this.plan.host);
    return this.targetSr;
  }

  private shape(disk: VmDisk): Omit<CarriedDisk, 'owned' | 'volume'> {
    return { vdi: disk.vdi, device: disk.device, bootable: disk.bootable, readOnly: disk.readOnly };
  }
}

/** Disks an interrupted resize made that no VM uses; the ones a finished VM uses stay. */
export async function destroyUnusedCopies(client: XapiClient, operationId: string): Promise<number> {
  const vdis = await client.call<Record<string, { VBDs: string[]; other_config: Record<string, string> }>>('VDI.get_all_records');
  let destroyed = 0;
  for (const [ref, vdi] of Object.entries(vdis)) {
    if (vdi.other_config?.[MADE_BY_KEY] !== operationId || vdi.VBDs.length > 0) continue;
    await client.call('VDI.destroy', ref);
    destroyed++;
  }
  return destroyed;
}
