import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { imageFilePath } from '../../src/store/image-files.js';
import { type Store } from '../../src/store/index.js';
import { seedStore } from '../../src/store/seed.js';
import { readVhdDynamicHeader, readVhdFooter } from '../../src/vhd/index.js';
import { openTestStore } from '../helpers/store.js';

const GiB = 1024 ** 3;

describe('seedStore', () => {
  let store: Store;
  let dataDir: string;
  before(async () => {
    store = await openTestStore();
    dataDir = mkdtempSync(join(tmpdir(), 'xengraph-seed-'));
  });
  after(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('creates the classic flavors and demo images with valid VHD files', async () => {
    const result = await seedStore(store, { dataDir });
    assert.deepEqual(result, { flavorsCreated: 6, imagesCreated: 2, imageFilesWritten: 2 });

    const flavors = await store.flavors.list({}, { limit: 10, inverted: false });
    assert.deepEqual(flavors.map((f) => [f.name, f.vcpus, f.memoryMb, f.rootGb]), [
      ['m1.tiny', 1, 512, 1], ['m1.small', 1, 2048, 20], ['g1.small', 2, 3072, 20], ['m1.medium', 2, 4096, 40],
      ['m1.large', 4, 8192, 80], ['m1.xlarge', 8, 16384, 160],
    ]);
    assert.deepEqual(flavors.find((f) => f.name === 'g1.small')?.extraSpecs, { 'pci_passthrough:alias': 'gpu:1' });
    assert.deepEqual(flavors.find((f) => f.name === 'm1.small')?.extraSpecs, {});

    const images = await store.images.list({}, { limit: 10, inverted: false });
    assert.deepEqual(images.map((i) => i.name), ['cirros-0.6 (demo)', 'debian-12 (demo)']);
    assert.deepEqual(images.map((i) => i.properties.xenapi_use_agent).sort(), ['false', 'true']);
    const virtualSizes = { 'cirros-0.6 (demo)': 1 * GiB, 'debian-12 (demo)': 10 * GiB } as Record<string, number>;
    for (const image of images) {
      assert.equal(image.status, 'active');
      assert.equal(image.diskFormat, 'vhd');
      assert.equal(image.properties.os_type, 'linux');
      const path = imageFilePath(dataDir, image);
      assert.equal(path, join(dataDir, 'images', `${image.id}.vhd`));
      const bytes = readFileSync(path);
      assert.equal(image.sizeBytes, bytes.length);
      assert.equal(image.checksum, createHash('sha256').update(bytes).digest('hex'));
      const footer = readVhdFooter(bytes);
      assert.equal(footer.checksumOk, true);
      assert.equal(footer.diskType, 'dynamic');
      assert.equal(footer.virtualSize, virtualSizes[image.name]);
      assert.deepEqual(bytes.subarray(0, 512), bytes.subarray(bytes.length - 512));
      assert.equal(readVhdDynamicHeader(bytes, footer.dataOffset!).checksumOk, true);
    }
  });

  test('is idempotent, and restores a lost image file byte for byte', async () => {
    const [image] = await store.images.list({ name: 'debian-12 (demo)' }, { limit: 1, inverted: false });
    const path = imageFilePath(dataDir, image);
    const mtime = statSync(path).mtimeMs;
    assert.deepEqual(await seedStore(store, { dataDir }), { flavorsCreated: 0, imagesCreated: 0, imageFilesWritten: 0 });
    assert.equal(statSync(path).mtimeMs, mtime);
    assert.equal(await store.flavors.count(), 6);
    assert.equal(await store.images.count({}), 2);

    rmSync(path);
    assert.deepEqual(await seedStore(store, { dataDir }), { flavorsCreated: 0, imagesCreated: 0, imageFilesWritten: 1 });
    assert.equal(createHash('sha256').update(readFileSync(path)).digest('hex'), image.checksum);
  });
});
