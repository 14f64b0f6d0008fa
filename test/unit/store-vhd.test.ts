import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createEmptyDynamicVhd, readVhdDynamicHeader, readVhdFooter, vhdGeometry, VhdFormatError } from '../../src/store/vhd.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
// The reference test vector: creator "tap\0", host OS 0, timestamp 0, unique id 00 01 … 0F, 4 MiB.
const vectorOptions = { uniqueId: Buffer.from([...Array(16).keys()]), timestamp: new Date(Date.UTC(2000, 0, 1)) };

describe('VHD', () => {
  test('geometry follows the VHD specification', () => {
    const chs = (size: number) => Object.values(vhdGeometry(size));
    assert.deepEqual(chs(1 * MiB), [30, 4, 17]);
    assert.deepEqual(chs(4 * MiB), [120, 4, 17]);
    assert.deepEqual(chs(10 * MiB), [301, 4, 17]);
    assert.deepEqual(chs(64 * MiB), [963, 8, 17]);
    assert.deepEqual(chs(1 * GiB), [2080, 16, 63]);
    assert.deepEqual(chs(3 * 1024 * GiB), [65535, 16, 255]);
  });

  test('an empty 4 MiB dynamic disk matches the reference checksums and layout', () => {
    const vhd = createEmptyDynamicVhd(4 * MiB, vectorOptions);
    assert.equal(vhd.length, 3072);
    assert.equal(vhd.readUInt32BE(64), 0xfffff9cc, 'footer checksum');
    assert.equal(vhd.readUInt32BE(512 + 36), 0xfffff473, 'dynamic header checksum');
    assert.deepEqual(vhd.subarray(0, 512), vhd.subarray(vhd.length - 512), 'footer copy at both ends');
    assert.equal(vhd.toString('latin1', 0, 8), 'conectix');
    assert.equal(vhd.toString('latin1', 512, 520), 'cxsparse');
    assert.ok(vhd.subarray(1536, 2048).every((b) => b === 0));
    assert.ok(vhd.subarray(2048, 2560).every((b) => b === 0xff), 'BAT entries unallocated');

    const footer = readVhdFooter(vhd);
    assert.equal(footer.checksumOk, true);
    assert.equal(footer.diskType, 'dynamic');
    assert.equal(footer.virtualSize, 4 * MiB);
    assert.equal(footer.originalSize, 4 * MiB);
    assert.equal(footer.dataOffset, 512);
    assert.equal(footer.creatorApplication, 'tap\0');
    assert.deepEqual(footer.geometry, { cylinders: 120, heads: 4, sectorsPerTrack: 17 });
    assert.deepEqual(footer.uniqueId, vectorOptions.uniqueId);
    assert.deepEqual(readVhdDynamicHeader(vhd, 512), { tableOffset: 2048, maxTableEntries: 2, blockSize: 2 * MiB, checksumOk: true });
  });

  test('large virtual sizes stay small on disk', () => {
    const vhd = createEmptyDynamicVhd(10 * GiB);
    // 5120 BAT entries × 4 bytes = 20 KiB of BAT.
    assert.equal(vhd.length, 2048 + 5120 * 4 + 512);
    const footer = readVhdFooter(vhd);
    assert.equal(footer.virtualSize, 10 * GiB);
    assert.equal(footer.checksumOk, true);
    assert.equal(readVhdDynamicHeader(vhd, footer.dataOffset!).maxTableEntries, 5120);
    assert.notDeepEqual(footer.uniqueId, readVhdFooter(createEmptyDynamicVhd(10 * GiB)).uniqueId, 'random unique ids');
  });

  test('a damaged footer fails its checksum; something else is not a VHD', () => {
    const vhd = createEmptyDynamicVhd(4 * MiB, vectorOptions);
    vhd[vhd.length - 512 + 100] ^= 1;
    assert.equal(readVhdFooter(vhd).checksumOk, false);
    assert.throws(() => readVhdFooter(Buffer.alloc(512)), VhdFormatError);
    assert.throws(() => readVhdFooter(Buffer.alloc(10)), VhdFormatError);
    assert.throws(() => createEmptyDynamicVhd(1000), RangeError);
  });
});
