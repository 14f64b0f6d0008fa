// Image bytes reach XAPI once per image per SR: the first spawn uploads the file into a base VDI labelled
// "Glance Image <id>" (Nova's convention, so caches made by either are shared); each instance disk is then a
// copy-on-write clone of it.
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import type { Image } from '../../store/index.js';
import { imageFilePath } from '../../store/image-files.js';
import { FOOTER_SIZE, readVhdFooter } from '../../vhd/index.js';
import { importVdiContent, type XapiClient } from '../../xapi/index.js';

const inFlight = new Map<string, Promise<string>>();

export function baseImageLabel(image: Image): string {
  return `Glance Image ${image.id}`;
}

/** The cached base VDI of `image` on `sr`, uploading it first when this SR has none. */
export function ensureBaseVdi(client: XapiClient, sr: string, image: Image, dataDir: string): Promise<string> {
  // One upload per image and SR at a time; concurrent spawns of the same image wait for it.
  const key = `${image.id}@${sr}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = findOrUpload(client, sr, image, dataDir).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function findOrUpload(client: XapiClient, sr: string, image: Image, dataDir: string): Promise<string> {
  const label = baseImageLabel(image);
  const existing = await client.call<Record<string, { SR: string; other_config: Record<string, string> }>>(
    'VDI.get_all_records_where', `field "name__label"="${label}"`,
  );
  // The tag too: an instance clone interrupted before it was renamed keeps the label but has lost the tag.
  const cached = Object.entries(existing).find(([, vdi]) => vdi.SR === sr && vdi.other_config['image-id'] === image.id);
  if (cached) return cached[0];

  const vdi = await client.call<string>('VDI.create', {
    name_label: `${label} (uploading)`, name_description: 'root', SR: sr, virtual_size: String(imageVirtualSize(dataDir, image)),
    type: 'user', sharable: false, read_only: false, xenstore_data: {}, other_config: {}, sm_config: {}, tags: [],
  });
  try {
    await importVdiContent(client, { vdi, filePath: imageFilePath(dataDir, image), format: image.diskFormat === 'vhd' ? 'vhd' : 'raw' });
    // Labelled only once complete, so a half-uploaded VDI is never taken for the cache.
    await client.call('VDI.set_name_label', vdi, label);
    await client.call('VDI.add_to_other_config', vdi, 'image-id', image.id);
    return vdi;
  } catch (error) {
    await client.call('VDI.destroy', vdi).catch(() => undefined);
    throw error;
  }
}

/** A VHD says how big a disk it holds; a raw image is as big as its file. */
export function imageVirtualSize(dataDir: string, image: Image): number {
  const filePath = imageFilePath(dataDir, image);
  const size = statSync(filePath).size;
  if (image.diskFormat !== 'vhd') return size;
  const footer = Buffer.alloc(FOOTER_SIZE);
  const fd = openSync(filePath, 'r');
  try {
    readSync(fd, footer, 0, FOOTER_SIZE, size - FOOTER_SIZE);
  } finally {
    closeSync(fd);
  }
  return readVhdFooter(footer).virtualSize;
}

const cloneQueues = new Map<string, Promise<unknown>>();

/**
 * An instance's own root disk: a clone of the base, stripped of the cache's marks. XAPI runs one operation
 * on a VDI at a time (OTHER_OPERATION_IN_PROGRESS), so clones of one base wait their turn, as Nova's
 * per-image lock made them.
 */
export async function cloneForInstance(client: XapiClient, base: string): Promise<string> {
  const previous = cloneQueues.get(base) ?? Promise.resolve();
  const clone = previous.catch(() => undefined).then(() => client.call<string>('VDI.clone', base, {}));
  cloneQueues.set(base, clone);
  void clone.finally(() => {
    if (cloneQueues.get(base) === clone) cloneQueues.delete(base);
  }).catch(() => undefined);
  const vdi = await clone;
  try {
    // The cache's tag goes first: a clone still labelled and tagged as the base would be taken for the cache.
    await client.call('VDI.remove_from_other_config', vdi, 'image-id');
    await client.call('VDI.set_name_label', vdi, '');
    await client.call('VDI.set_name_description', vdi, '');
  } catch (error) {
    await client.call('VDI.destroy', vdi).catch(() => undefined);
    throw error;
  }
  return vdi;
}
