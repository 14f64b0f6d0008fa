// The image a snapshot becomes, kept the way Glance kept Nova's: queued when the snapshot starts, saving while
// its bytes arrive, active with size and checksum once complete, killed when the snapshot fails (its file
// removed). Bytes come from XAPI's VHD export straight into DATA_DIR/images; a partial download never sits
// at the image's own path.
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DriverServices } from '../operations/action.js';
import { imageFilePath } from '../store/image-files.js';
import type { Image, Instance } from '../store/index.js';
import { exportVdiContent, type ExportedContent, type XapiClient } from '../xapi/index.js';

/** Nova's default_os_type, for instances whose image does not say. */
const DEFAULT_OS_TYPE = 'linux';

/** Properties of the base image that describe that image's own upload, not a snapshot of its instances. */
const NOT_INHERITED = new Set(['image_type', 'instance_uuid', 'base_image_ref', 'image_location', 'image_state']);

export async function createSnapshotImage(services: DriverServices, instance: Instance, name: string): Promise<Image> {
  const base = instance.imageId ? await services.store.images.get(instance.imageId) : null;
  const inherited = Object.fromEntries(Object.entries(base?.properties ?? {}).filter(([key]) => !NOT_INHERITED.has(key)));
  return services.store.images.create({
    name, diskFormat: 'vhd', containerFormat: 'bare', status: 'queued',
    properties: {
      ...inherited,
      os_type: base?.properties.os_type ?? DEFAULT_OS_TYPE,
      image_type: 'snapshot',
      instance_uuid: instance.uuid,
      ...(base ? { base_image_ref: base.id } : {}),
    },
  });
}

/** Streams the VDI's content, as a VHD, into the image's file; the image is saving meanwhile. */
export async function uploadIntoImage(
  services: DriverServices, client: XapiClient, vdi: string, image: Image,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<ExportedContent> {
  await services.store.images.update(image.id, { status: 'saving' });
  const path = imageFilePath(services.dataDir, image);
  const partial = `${path}.partial`;
  await mkdir(dirname(path), { recursive: true });
  try {
    const content = await exportVdiContent(client, { vdi, filePath: partial, format: 'vhd', ...options });
    await rename(partial, path);
    return content;
  } finally {
    await rm(partial, { force: true });
  }
}

export async function activateImage(services: DriverServices, image: Image, content: ExportedContent): Promise<Image> {
  const active = await services.store.images.update(image.id, { status: 'active', sizeBytes: content.sizeBytes, checksum: content.sha256 });
  return active ?? image;
}

/** Marks an image that will never be complete as killed and removes whatever of its file exists. */
export async function killImage(services: DriverServices, image: Image): Promise<void> {
  const path = imageFilePath(services.dataDir, image);
  await Promise.all([rm(path, { force: true }), rm(`${path}.partial`, { force: true })]);
  await services.store.images.update(image.id, { status: 'killed', sizeBytes: 0, checksum: null });
}

/**
 * Images of the instance's snapshots that never completed (a crash mid-upload). An instance runs one action
 * at a time, so when none runs, a queued or saving snapshot of it is an orphan.
 */
export async function killUnfinishedSnapshotImages(services: DriverServices, instance: Instance): Promise<number> {
  let killed = 0;
  for (const status of ['queued', 'saving'] as const) {
    for (let after: string | undefined; ;) {
      const page = await services.store.images.list({ status }, { after, limit: 100, inverted: false });
      for (const image of page) {
        if (image.properties.instance_uuid !== instance.uuid || image.properties.image_type !== 'snapshot') continue;
        await killImage(services, image);
        killed++;
      }
      if (page.length < 100) break;
      after = services.store.images.cursorOf(page.at(-1)!);
    }
  }
  return killed;
}
