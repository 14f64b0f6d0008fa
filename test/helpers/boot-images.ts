// Images that boot other than from a plain disk, as an operator would upload them: an installer ISO, and an
// AMI-style root disk naming a kernel (container format aki) and a ramdisk (ari) through its properties.
// Their files are tiny, generated here: the kernel carries the version string a real bzImage does.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildIsoImage } from '../../src/configdrive/iso9660.js';
import { imageFilePath } from '../../src/store/image-files.js';
import type { NewImage, Store } from '../../src/store/index.js';
import { consoleLog } from '../../src/simulator/dom0/console-log.js';
import { listDom0Files } from '../../src/simulator/dom0/files.js';
import type { Stack } from './stack.js';

export const INSTALLER_LABEL = 'XG_INSTALLER';
export const KERNEL_VERSION = '6.6.0-xengraph-pv';
export const RAMDISK_BYTES = 8192;

export interface BootImageIds {
  /** Global ids. */
  readonly iso: string;
  readonly ami: string;
  readonly kernel: string;
  readonly ramdisk: string;
  /** Store ids of the kernel and ramdisk, as image properties name them. */
  readonly kernelStoreId: string;
  readonly ramdiskStoreId: string;
}

/** Where images go: a running stack's store, or the store and data directory of a `xengraph serve` child. */
export type ImageHome = Stack | { readonly store: Store; readonly dataDir: string };

export async function addImage(home: ImageHome, image: NewImage, bytes: Buffer): Promise<{ id: string; storeId: string }> {
  const store = 'app' in home ? home.app.services.store : home.store;
  const created = await store.images.create({
    ...image, status: 'active', sizeBytes: bytes.length, checksum: createHash('sha256').update(bytes).digest('hex'),
  });
  const path = imageFilePath(home.dataDir, created);
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, bytes);
  return { id: Buffer.from(`Image:${created.id}`).toString('base64'), storeId: created.id };
}

export async function addBootImages(stack: ImageHome): Promise<BootImageIds> {
  const iso = await addImage(stack, { name: 'xengraph installer (iso)', diskFormat: 'iso' }, buildIsoImage({
    volumeLabel: INSTALLER_LABEL, files: [{ path: 'install/README', data: Buffer.from('Simulated installer\n') }],
  }));
  const kernelBytes = Buffer.alloc(4096);
  kernelBytes.write(`HdrS Linux version ${KERNEL_VERSION} (builder@xengraph) #1 SMP`, 512, 'latin1');
  const kernel = await addImage(stack, { name: 'xengraph pv kernel (aki)', diskFormat: 'raw', containerFormat: 'aki' }, kernelBytes);
  const ramdisk = await addImage(stack, { name: 'xengraph pv ramdisk (ari)', diskFormat: 'raw', containerFormat: 'ari' },
    Buffer.alloc(RAMDISK_BYTES, 0x42));
  const ami = await addImage(stack, {
    name: 'xengraph pv root (ami)', diskFormat: 'raw', containerFormat: 'ami',
    properties: { os_type: 'linux', kernel_id: kernel.storeId, ramdisk_id: ramdisk.storeId },
  }, Buffer.alloc(1024 * 1024));
  return {
    iso: iso.id, ami: ami.id, kernel: kernel.id, ramdisk: ramdisk.id, kernelStoreId: kernel.storeId, ramdiskStoreId: ramdisk.storeId,
  };
}

/** Every kernel or ramdisk file in the dom0 of every simulated host, as `<host name>:<path>`. */
export function dom0KernelFiles(stack: { readonly sim: Pick<Stack['sim'], 'world'> }): string[] {
  return stack.sim.world.pools.flatMap((pool) => [...pool.db.table('host').entries()].flatMap(([ref, row]) =>
    listDom0Files(pool.db, ref, '/boot/guest').map((path) => `${row.record.name_label as string}:${path}`)));
}

/** What the domain a VM runs as now printed on its console (read in dom0 of its host); '' while it does not run. */
export function runningConsole(stack: Stack, vmUuid: string): string {
  for (const pool of stack.sim.world.pools) {
    const row = [...pool.db.table('VM').values()].find((candidate) => candidate.record.uuid === vmUuid);
    if (!row) continue;
    const { resident_on: host, domid } = row.record as { resident_on: string; domid: number };
    return consoleLog(pool.db, host, Number(domid))?.toString('utf8') ?? '';
  }
  return '';
}
