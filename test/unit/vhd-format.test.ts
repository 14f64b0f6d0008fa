import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BackwardSeekError, createDynamicVhd, createEmptyDynamicVhd, createFixedVhd, ForwardReader, readVhdDynamicHeader, readVhdFooter,
  readVhdStream, StreamEndError, vhdChecksum, vhdGeometry, VhdFormatError,
} from '../../src/vhd/index.js';

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

  describe('as a forward-only stream, the way XAPI takes an upload', () => {
    /** Feeds `bytes` in small uneven chunks, as a socket would. */
    async function* chunks(bytes: Buffer) {
      for (let at = 0, size = 1; at < bytes.length; at += size, size = (size * 7) % 4093 + 1) yield bytes.subarray(at, at + size);
    }
    const stream = async (bytes: Buffer) => {
      const writes: [number, Buffer][] = [];
      const progress: number[] = [];
      const summary = await readVhdStream(new ForwardReader(chunks(bytes)), bytes.length, {
        write: (offset, data) => writes.push([offset, Buffer.from(data)]),
        progress: (fraction) => progress.push(fraction),
      });
      return { summary, writes, progress };
    };
    /** Rewrites a structure's checksum after a deliberate change, so only the change is wrong. */
    const resum = (vhd: Buffer, at: number, size: number, checksumAt: number) => {
      const structure = vhd.subarray(at, at + size);
      structure.writeUInt32BE(vhdChecksum(structure, checksumAt), checksumAt);
    };

    test('hands on exactly the data of the allocated blocks', async () => {
      const data = Buffer.alloc(5 * MiB);
      data.write('first block', 100);
      data.write('third block', 4 * MiB + 7);
      const { summary, writes, progress } = await stream(createDynamicVhd(8 * MiB, data, vectorOptions));
      assert.equal(summary.blocks, 2);
      assert.equal(summary.footer.virtualSize, 8 * MiB);
      const image = Buffer.alloc(8 * MiB);
      for (const [offset, bytes] of writes) bytes.copy(image, offset);
      assert.deepEqual(image.subarray(0, data.length), data);
      assert.deepEqual(writes.map(([offset, bytes]) => [offset, bytes.length]), [[0, MiB], [MiB, MiB], [4 * MiB, MiB], [5 * MiB, MiB]]);
      assert.deepEqual(progress, [0.5, 1]);
    });

    test('reads an empty disk as no writes at all', async () => {
      const { summary, writes } = await stream(createEmptyDynamicVhd(4 * MiB));
      assert.equal(summary.blocks, 0);
      assert.deepEqual(writes, []);
    });

    test('refuses what vhd-tool refuses', async () => {
      const good = createDynamicVhd(4 * MiB, Buffer.from('data'), vectorOptions);
      const damaged = (change: (vhd: Buffer) => void) => {
        const copy = Buffer.from(good);
        change(copy);
        return copy;
      };
      const cases: [string, Buffer, new (...args: any[]) => Error, RegExp?][] = [
        ['bad footer checksum', damaged((v) => { v[40] ^= 1; }), VhdFormatError, /^Invalid checksum\. Expected 0x[0-9a-f]{8} got 0xfffff9cc$/],
        ['wrong cookie', damaged((v) => { v.write('conectiy', 0, 'latin1'); }), VhdFormatError, /footer cookie/],
        // A fixed disk has no footer copy up front: the stream starts with its data.
        ['a fixed disk', createFixedVhd(Buffer.alloc(MiB)), VhdFormatError, /footer cookie/],
        ['block size not a power of 2', damaged((v) => { v.writeUInt32BE(3 * MiB, 512 + 32); resum(v, 512, 1024, 36); }), VhdFormatError, /power of 2/],
        ['header data offset set', damaged((v) => { v.writeBigUInt64BE(0n, 512 + 8); resum(v, 512, 1024, 36); }), VhdFormatError, /data_offset/],
        ['unknown parent locator', damaged((v) => { v.write('Wi2k', 512 + 576, 'latin1'); resum(v, 512, 1024, 36); }), VhdFormatError, /locator/],
        ['bad header checksum', damaged((v) => { v[512 + 100] ^= 1; }), VhdFormatError, /Invalid checksum/],
        ['BAT behind the header', damaged((v) => { v.writeBigUInt64BE(512n, 512 + 16); resum(v, 512, 1024, 36); }), BackwardSeekError],
        ['bad trailing footer', damaged((v) => { v[v.length - 1] ^= 1; }), VhdFormatError, /Invalid checksum/],
        ['cut short', good.subarray(0, good.length - 100), StreamEndError],
      ];
      for (const [what, bytes, type, message] of cases) {
        await assert.rejects(stream(bytes), (error: Error) => {
          assert.ok(error instanceof type, `${what}: ${error}`);
          if (message) assert.match(error.message, message, what);
          return true;
        });
      }
    });

    test('the reader never goes back', async () => {
      const reader = new ForwardReader(chunks(Buffer.from('0123456789')));
      assert.equal((await reader.read(3)).toString(), '012');
      await reader.skipTo(5);
      assert.equal((await reader.read(2)).toString(), '56');
      await assert.rejects(reader.skipTo(4), BackwardSeekError);
      await assert.rejects(reader.read(10), StreamEndError);
    });
  });
});
