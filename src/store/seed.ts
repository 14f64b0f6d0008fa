// First-start data from db/seed.json: Nova's classic flavors and small demo images. Safe to run at every start:
// it adds only what is missing, and rewrites a demo image's file if DATA_DIR lost it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { createEmptyDynamicVhd } from '../vhd/index.js';
import { imageFilePath } from './image-files.js';
import type { Store } from './index.js';
import type { Image } from './types.js';
import { projectFile } from '../project-files.js';

const SEED_FILE = projectFile('db', 'seed.json');
const GiB = 1024 ** 3;

const seedFile = z.object({
  flavors: z.array(z.object({
    name: z.string().min(1),
    vcpus: z.number().int().positive(),
    memoryMb: z.number().int().positive(),
    rootGb: z.number().int().nonnegative(),
    extraSpecs: z.record(z.string(), z.string()).optional(),
  })),
  demoImages: z.array(z.object({
    name: z.string().min(1),
    virtualSizeGiB: z.number().int().positive(),
    properties: z.record(z.string(), z.string()),
  })),
});

export type SeedData = z.infer<typeof seedFile>;

export function loadSeedData(path = SEED_FILE): SeedData {
  return seedFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export interface SeedResult {
  readonly flavorsCreated: number;
  readonly imagesCreated: number;
  readonly imageFilesWritten: number;
}

export async function seedStore(store: Store, options: { dataDir: string; data?: SeedData }): Promise<SeedResult> {
  const data = options.data ?? loadSeedData();
  let flavorsCreated = 0;
  for (const flavor of data.flavors) {
    if (await store.flavors.getByName(flavor.name)) continue;
    await store.flavors.create(flavor);
    flavorsCreated += 1;
  }

  let imagesCreated = 0;
  let imageFilesWritten = 0;
  for (const demo of data.demoImages) {
    const bytes = demoImageBytes(demo.name, demo.virtualSizeGiB * GiB);
    let [image]: (Image | undefined)[] = await store.images.list({ name: demo.name }, { limit: 1, inverted: false });
    if (!image) {
      image = await store.images.create({
        name: demo.name, diskFormat: 'vhd', containerFormat: 'bare', status: 'active',
        sizeBytes: bytes.length, checksum: sha256(bytes), properties: demo.properties,
      });
      imagesCreated += 1;
    }
    const path = imageFilePath(options.dataDir, image);
    if (!existsSync(path)) {
      writeFileAtomically(path, bytes);
      imageFilesWritten += 1;
    }
  }
  return { flavorsCreated, imagesCreated, imageFilesWritten };
}

/**
 * The same bytes every time for the same image (unique id from the name, timestamp at the VHD epoch), so a
 * file rewritten after DATA_DIR was wiped still matches the checksum recorded at first start.
 */
function demoImageBytes(name: string, virtualSize: number): Buffer {
  const uniqueId = createHash('sha256').update(`xengraph demo image ${name}`).digest().subarray(0, 16);
  return createEmptyDynamicVhd(virtualSize, { uniqueId, timestamp: new Date(Date.UTC(2000, 0, 1)) });
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function writeFileAtomically(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
}
