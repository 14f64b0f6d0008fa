// Kernels and ramdisks in dom0, as Nova's create_kernel_image placed them for PV guests booted without
// pygrub: the image goes into a scratch VDI, the `kernel` plugin's copy_vdi copies it to /boot/guest/<vdi
// uuid> in the control domain of the host the VM starts on, and the VDI goes. The files outlive the VM unless
// removed (remove_kernel_ramdisk), so spawn's rollback and destroy remove them. Nova's per-image dom0 cache
// (create_kernel_ramdisk) is left out: cached files would stay in dom0 for ever.
//
// Unlike Nova, the scratch VDI (tagged with the host whose dom0 got the copy) stays until a VM names the file:
// it is the record, on XAPI, of a file placed by a process that may die before its VM exists, from which crash
// recovery finds and removes files no VM uses (removeStrayKernelFiles).
import type { Image, Instance } from '../store/index.js';
import { imageFilePath } from '../store/image-files.js';
import { importVdiContent, XapiError, type XapiClient } from '../xapi/index.js';
import { createVdi } from './devices.js';
import type { UndoStack } from './undo.js';
import type { KernelFiles } from './vm-record.js';

const KERNEL_PLUGIN = 'kernel';
/** Where copy_vdi puts a scratch VDI's bytes: the file is named after the VDI's uuid. */
const DOM0_KERNEL_DIR = '/boot/guest/';
/** The scratch VDI's other_config key naming (by uuid) the host whose dom0 got its copy. */
const DOM0_HOST_KEY = 'dom0_host';

export interface KernelPlacement {
  readonly client: XapiClient;
  /** The host whose dom0 gets the files: the one the VM will start on. */
  readonly host: string;
  /** Where the scratch VDIs go. */
  readonly sr: string;
  readonly dataDir: string;
  readonly vmName: string;
  readonly instance: Instance;
  readonly signal?: AbortSignal;
}

/** The kernel and ramdisk images a PV guest boots from dom0. */
export interface KernelImages {
  readonly kernel: Image;
  readonly ramdisk: Image;
}

/** What placing a file made, told as soon as it exists so the caller's rollback can remove it. */
interface PlacementTracker {
  scratchVdi(vdi: string): void;
  dom0File(path: string): void;
}

/**
 * Places the kernel, then the ramdisk, in dom0 of the placement's host; the scratch disks and the files are on
 * `undo` as soon as they exist, until the caller settles.
 */
export async function placeKernelAndRamdisk(placement: KernelPlacement, images: KernelImages, undo: UndoStack): Promise<KernelFiles> {
  const { client, host } = placement;
  const placed: string[] = [];
  undo.push('kernel and ramdisk in dom0', () => removeFromDom0(client, host, placed));
  const track: PlacementTracker = {
    scratchVdi: (vdi) => undo.push('scratch disk', () => removeScratchVdi(client, vdi)),
    dom0File: (path) => void placed.push(path),
  };
  return {
    kernel: await placeInDom0(placement, images.kernel, 'kernel', track),
    ramdisk: await placeInDom0(placement, images.ramdisk, 'ramdisk', track),
  };
}

/**
 * Copies one kernel or ramdisk image into dom0 and returns its path there; its scratch VDI stays until
 * dropScratchDisks, once a VM names the file.
 */
async function placeInDom0(placement: KernelPlacement, image: Image, role: 'kernel' | 'ramdisk', track: PlacementTracker): Promise<string> {
  const { client, sr, instance, vmName } = placement;
  const hostUuid = String(client.cache.get('host', placement.host)?.uuid ?? await client.call<string>('host.get_uuid', placement.host));
  const vdi = await createVdi(client, sr, { label: vmName, role, sizeBytes: image.sizeBytes, instance, otherConfig: { [DOM0_HOST_KEY]: hostUuid } });
  track.scratchVdi(vdi);
  await importVdiContent(client, { vdi, filePath: imageFilePath(placement.dataDir, image), format: 'raw', signal: placement.signal });
  const path = await client.call<string>('host.call_plugin', placement.host, KERNEL_PLUGIN, 'copy_vdi', {
    'vdi-ref': vdi, 'image-size': String(image.sizeBytes),
  });
  track.dom0File(path);
  return path;
}

/** Once a VM names the files, their scratch disks go (Nova destroyed them right after the copy). */
export async function dropScratchDisks(client: XapiClient, files: KernelFiles): Promise<void> {
  for (const path of [files.kernel, files.ramdisk]) {
    if (!path.startsWith(DOM0_KERNEL_DIR)) continue;
    const uuid = path.slice(DOM0_KERNEL_DIR.length);
    const vdi = client.cache.refByUuid('VDI', uuid) ?? await client.call<string>('VDI.get_by_uuid', uuid).catch(() => null);
    if (vdi) await removeScratchVdi(client, vdi);
  }
}

/**
 * After a crash: the dom0 files the instance's scratch disks were copied to that no VM of the pool boots from
 * are removed (a file never made is no error), and the scratch disks with them. Returns the files removed.
 */
export async function removeStrayKernelFiles(client: XapiClient, instance: Instance): Promise<string[]> {
  const vdis = await client.call<Record<string, { uuid: string; other_config: Record<string, string> }>>('VDI.get_all_records');
  const scratch = Object.entries(vdis).filter(([, vdi]) => vdi.other_config?.nova_instance_uuid === instance.uuid && DOM0_HOST_KEY in vdi.other_config);
  if (scratch.length === 0) return [];
  const vms = await client.call<Record<string, { PV_kernel: string; PV_ramdisk: string }>>('VM.get_all_records');
  const named = new Set(Object.values(vms).flatMap((vm) => [vm.PV_kernel, vm.PV_ramdisk]));
  const removed: string[] = [];
  for (const [ref, vdi] of scratch) {
    const path = `${DOM0_KERNEL_DIR}${vdi.uuid}`;
    if (!named.has(path)) {
      const host = await client.call<string>('host.get_by_uuid', vdi.other_config[DOM0_HOST_KEY]).catch(() => null);
      if (host) {
        await removeFromDom0(client, host, [path]);
        removed.push(path);
      }
    }
    await removeScratchVdi(client, ref);
  }
  return removed;
}

/** Destroys a scratch VDI unless it is already gone. */
async function removeScratchVdi(client: XapiClient, vdi: string): Promise<void> {
  try {
    await client.call('VDI.destroy', vdi);
  } catch (error) {
    if (!(error instanceof XapiError && error.code === 'HANDLE_INVALID')) throw error;
  }
}

/** Removes the files; one already gone is no error, so removal can be repeated after an interruption. */
export async function removeFromDom0(client: XapiClient, host: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    try {
      await client.call('host.call_plugin', host, KERNEL_PLUGIN, 'remove_kernel_ramdisk', { 'kernel-file': path });
    } catch (error) {
      if (!(error instanceof XapiError && error.code === 'XENAPI_PLUGIN_FAILURE' && /No such file/.test(error.params[3] ?? ''))) throw error;
    }
  }
}

/** The dom0 files a VM boots from and the host holding them (where it was placed), or null for none. */
async function kernelFilesOf(client: XapiClient, vm: string): Promise<{ host: string; files: KernelFiles } | null> {
  const record = await client.call<{ PV_kernel: string; PV_ramdisk: string; affinity: string; resident_on: string }>('VM.get_record', vm);
  if (!record.PV_kernel.startsWith('/boot/guest/')) return null;
  const host = record.affinity !== 'OpaqueRef:NULL' && record.affinity ? record.affinity : record.resident_on;
  if (!host || host === 'OpaqueRef:NULL') return null;
  return { host, files: { kernel: record.PV_kernel, ramdisk: record.PV_ramdisk } };
}

/**
 * Destroys the VM through `destroy`, then the dom0 files it booted from, which serve no other VM (read first:
 * the VM's record names them).
 */
export async function destroyWithKernelFiles(client: XapiClient, vm: string, destroy: () => Promise<void>): Promise<void> {
  const found = await kernelFilesOf(client, vm);
  await destroy();
  if (found) await removeFromDom0(client, found.host, [found.files.kernel, found.files.ramdisk].filter(Boolean));
}
