// Nova's "determining disk image type": what an image is (a VHD or raw disk, an ISO to install from, or the
// kernel or ramdisk a disk image names through its kernel_id / ramdisk_id properties) and the images an
// instance boots from, all refused up front when they cannot boot. Glance marks kernels and ramdisks with the
// container formats aki / ari; their bytes are stored as raw files.
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { Image, Store } from '../../store/index.js';

export type DiskImageType = 'vhd' | 'raw' | 'iso' | 'kernel' | 'ramdisk';

/** Nova's max_kernel_ramdisk_size: what dom0's /boot/guest takes per file. */
export const MAX_KERNEL_RAMDISK_BYTES = 16 * 1024 * 1024;

const ROOT_TYPES: readonly DiskImageType[] = ['vhd', 'raw', 'iso'];

export function diskImageTypeOf(image: Pick<Image, 'diskFormat' | 'containerFormat'>): DiskImageType | null {
  if (image.containerFormat === 'aki') return 'kernel';
  if (image.containerFormat === 'ari') return 'ramdisk';
  return image.diskFormat === 'vhd' || image.diskFormat === 'raw' || image.diskFormat === 'iso' ? image.diskFormat : null;
}

/** The images a VM boots from: its root (disk or ISO) and, for PV boot from dom0, its kernel and ramdisk. */
export interface BootImages {
  readonly root: Image;
  readonly type: 'vhd' | 'raw' | 'iso';
  readonly kernel: Image | null;
  readonly ramdisk: Image | null;
}

export interface BootImageRules {
  /** Where the refusal points in the mutation's input. */
  readonly path: readonly string[];
}

/** The image's boot images, or a typed refusal naming what is wrong. */
export async function resolveBootImages(store: Store, image: Image, { path }: BootImageRules): Promise<BootImages> {
  requireActive(image, path);
  const type = diskImageTypeOf(image);
  if (type === null || !ROOT_TYPES.includes(type)) {
    const what = type === 'kernel' || type === 'ramdisk' ? `a ${type} image` : `in ${image.diskFormat} format`;
    throw new InvalidInputError(`Image ${image.name} is ${what} and cannot be booted (use vhd, raw or iso)`, { path });
  }
  const { kernel_id: kernelId, ramdisk_id: ramdiskId } = image.properties;
  if (!kernelId && !ramdiskId) return { root: image, type: type as BootImages['type'], kernel: null, ramdisk: null };
  if (type === 'iso') throw new InvalidInputError(`Image ${image.name} is an ISO and cannot name a kernel or ramdisk`, { path });
  // As Nova's destroy refused it: dom0 files are placed and removed as a pair.
  if (!kernelId || !ramdiskId) throw new InvalidInputError(`Image ${image.name} must name both kernel_id and ramdisk_id, or neither`, { path });
  const [kernel, ramdisk] = await Promise.all([
    companionImage(store, kernelId, 'kernel', path), companionImage(store, ramdiskId, 'ramdisk', path),
  ]);
  return { root: image, type: type as BootImages['type'], kernel, ramdisk };
}

async function companionImage(store: Store, id: string, wanted: 'kernel' | 'ramdisk', path: readonly string[]): Promise<Image> {
  const image = await store.images.get(id);
  if (!image) throw new NotFoundError('Image', id, { path });
  requireActive(image, path);
  if (diskImageTypeOf(image) !== wanted) {
    throw new InvalidInputError(`Image ${image.name} is not a ${wanted} image (container format ${wanted === 'kernel' ? 'aki' : 'ari'})`, { path });
  }
  if (image.sizeBytes > MAX_KERNEL_RAMDISK_BYTES) {
    throw new InvalidInputError(`The ${wanted} image ${image.name} is larger than ${MAX_KERNEL_RAMDISK_BYTES / 1024 / 1024} MiB`, { path });
  }
  return image;
}

function requireActive(image: Image, path: readonly string[]): void {
  if (image.status !== 'active') throw new InvalidInputError(`Image ${image.name} is ${image.status}, not active`, { path });
}
