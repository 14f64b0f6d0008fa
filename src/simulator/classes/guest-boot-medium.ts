// What a starting guest boots from. An HVM guest follows its BIOS order (HVM_boot_params.order, 'c' disk,
// 'd' CD): a CD drive with a disc comes before the disk when 'd' does. A PV guest with PV_kernel boots the
// kernel (and ramdisk) dom0 holds at those paths; otherwise its bootloader reads the disk.
import type { Db, Rec } from '../db.js';
import { readDom0File } from '../dom0/files.js';
import { NULL_REF } from '../../xapi/datamodel/index.js';
import { visibleVdiContent } from './vdi-content.js';

export type BootMedium =
  | { readonly kind: 'disk' }
  | { readonly kind: 'cd'; readonly label: string }
  | { readonly kind: 'kernel'; readonly path: string; readonly version: string | null; readonly ramdiskBytes: number | null };

/** ISO 9660: the primary volume descriptor at sector 16, its identifier "CD001", the volume label at 40. */
const PVD_OFFSET = 16 * 2048;

function isoVolumeLabel(bytes: Buffer | undefined): string | null {
  if (!bytes || bytes.length < PVD_OFFSET + 72 || bytes.toString('latin1', PVD_OFFSET + 1, PVD_OFFSET + 6) !== 'CD001') return null;
  return bytes.toString('latin1', PVD_OFFSET + 40, PVD_OFFSET + 72).trim() || null;
}

function insertedCd(db: Db, vm: Rec): Rec | undefined {
  return (vm.VBDs as string[]).map((ref) => db.find('VBD', ref))
    .find((vbd): vbd is Rec => vbd?.type === 'CD' && !vbd.empty && vbd.VDI !== NULL_REF && db.has(vbd.VDI));
}

export function bootMediumOf(db: Db, vm: Rec, hostRef: string, hvm: boolean): BootMedium {
  if (hvm) {
    const order = String(vm.HVM_boot_params?.order ?? 'cd');
    const cd = insertedCd(db, vm);
    if (cd && order.includes('d') && (!order.includes('c') || order.indexOf('d') < order.indexOf('c'))) {
      // The guest knows the disc by its volume label; a disc too big for the simulator to keep by its VDI's name.
      const label = isoVolumeLabel(visibleVdiContent(db, cd.VDI)?.bytes) ?? String(db.get('VDI', cd.VDI).name_label);
      return { kind: 'cd', label };
    }
    return { kind: 'disk' };
  }
  const path = String(vm.PV_kernel ?? '');
  if (!path) return { kind: 'disk' };
  const kernel = readDom0File(db, hostRef, path);
  const version = kernel ? /Linux version (\S+)/.exec(kernel.head.toString('latin1'))?.[1] ?? null : null;
  const ramdisk = vm.PV_ramdisk ? readDom0File(db, hostRef, String(vm.PV_ramdisk)) : undefined;
  return { kind: 'kernel', path, version, ramdiskBytes: ramdisk?.size ?? null };
}
