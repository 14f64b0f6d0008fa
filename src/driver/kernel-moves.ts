// Instances booted from a dom0 kernel that move (resize, cold and live migration). The files live in one host's
// control domain, so the destination gets copies of its own, made from the instance's kernel and ramdisk images
// before the guest lands there (Nova's post_live_migration_at_destination re-created them the same way), and
// the source's go once the move is final: at confirm, or as soon as a live move ends. A revert boots again from
// the source's, which stayed.
import { InvalidStateError } from '../errors.js';
import type { ActionRun } from '../operations/action.js';
import type { Instance, Store } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';
import { dropScratchDisks, placeKernelAndRamdisk, removeFromDom0, type KernelImages } from './kernel-files.js';
import { vmNameOf } from './naming.js';
import { destinationSr } from './resize-disks.js';
import type { UndoStack } from './undo.js';
import type { KernelFiles } from './vm-record.js';

/** Where the kernel plugin puts the files; a PV_kernel elsewhere belongs to a domain's own disk or to dom0's. */
const DOM0_KERNEL_DIR = '/boot/guest/';

export interface BootRecord {
  readonly PV_kernel?: string;
  readonly PV_ramdisk?: string;
}

export function bootsFromDom0(record: BootRecord): boolean {
  return (record.PV_kernel ?? '').startsWith(DOM0_KERNEL_DIR);
}

/**
 * The images whose files a VM booted from dom0 needs on another host (the instance keeps its image's
 * kernel_id / ramdisk_id in system metadata), or null for a VM that boots otherwise. Refused when they are
 * gone: the files could not be made again, and the moved guest would not boot.
 */
export async function kernelImagesToMove(store: Store, instance: Instance, record: BootRecord): Promise<KernelImages | null> {
  if (!bootsFromDom0(record)) return null;
  const { image_kernel_id: kernelId, image_ramdisk_id: ramdiskId } = instance.systemMetadata;
  const [kernel, ramdisk] = await Promise.all([kernelId, ramdiskId].map((id) => (id ? store.images.get(id) : null)));
  if (!kernel || kernel.status !== 'active' || !ramdisk || ramdisk.status !== 'active') {
    throw new InvalidStateError(
      `Instance ${instance.name} boots from a kernel and ramdisk in dom0 whose images are no longer available, `
      + 'so they cannot be placed on another host', instance.vmState,
    );
  }
  return { kernel, ramdisk };
}

/** Places the images' files in dom0 of `host` (a ref of `client`'s pool); undone through `undo`. */
export async function placeKernelFilesOn(
  run: ActionRun, client: XapiClient, host: string, images: KernelImages, undo: UndoStack,
): Promise<KernelFiles> {
  const { instance } = run;
  return placeKernelAndRamdisk({
    client, host, sr: await destinationSr(client, host), dataDir: run.services.dataDir,
    vmName: vmNameOf(instance) ?? instance.name, instance, signal: run.signal,
  }, images, undo);
}

/** A live move of a VM booted from dom0: the copies made on the destination, and the files it leaves behind. */
export interface LiveKernelMove {
  readonly placed: KernelFiles;
  readonly sourceHost: string;
  readonly left: KernelFiles;
}

/** Before a live move (Nova's pre_live_migration): the destination gets its files; null for a VM that needs none. */
export async function kernelFilesBeforeLiveMove(
  run: ActionRun, source: XapiClient, vm: string, target: XapiClient, destination: string, undo: UndoStack,
): Promise<LiveKernelMove | null> {
  const record = await source.call<Required<BootRecord> & { resident_on: string }>('VM.get_record', vm);
  const images = await kernelImagesToMove(run.services.store, run.instance, record);
  if (!images) return null;
  const placed = await placeKernelFilesOn(run, target, destination, images, undo);
  return { placed, sourceHost: record.resident_on, left: { kernel: record.PV_kernel, ramdisk: record.PV_ramdisk } };
}

/**
 * After the live move: the VM boots from the destination's files from its next start on, and the source's go.
 * The guest has moved whatever happens here, so a failure is reported on the operation, and the source's files
 * stay while the VM may still name them.
 */
export async function kernelFilesAfterLiveMove(run: ActionRun, source: XapiClient, target: XapiClient, vm: string, move: LiveKernelMove): Promise<void> {
  try {
    await target.call('VM.set_PV_kernel', vm, move.placed.kernel);
    await target.call('VM.set_PV_ramdisk', vm, move.placed.ramdisk);
    await dropScratchDisks(target, move.placed);
    await removeFromDom0(source, move.sourceHost, [move.left.kernel, move.left.ramdisk]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await run.progress(run.percent, run.operation.progress.phase ?? 'migrating', `its kernel and ramdisk could not be switched to the destination's copies: ${reason}`);
  }
}
