// The ISO 9660 writer, read back with our own strict reader (and with blkid, isoinfo or xorriso when installed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildIsoImage, IsoInputError, SECTOR_SIZE, type IsoFile } from '../../src/configdrive/iso9660.js';
import { IsoFormatError, readIsoImage } from '../../src/configdrive/iso9660-read.js';

const recordedAt = new Date(Date.UTC(2013, 9, 17, 12, 34, 56, 780));
const bytes = (length: number, seed: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff));

const files: IsoFile[] = [
  { path: 'openstack/latest/meta_data.json', data: Buffer.from('{"uuid":"x"}') },
  { path: 'openstack/latest/network_data.json', data: Buffer.from('{}') },
  { path: 'openstack/latest/user_data', data: bytes(5000, 1) },
  { path: 'openstack/2013-10-17/meta_data.json', data: Buffer.from('{"uuid":"x"}') },
  { path: 'openstack/2013-10-18/meta_data.json', data: Buffer.from('{"uuid":"y"}') },
  { path: 'openstack/content/0000', data: Buffer.alloc(0) },
  { path: 'openstack/content/0001', data: bytes(SECTOR_SIZE, 2) },
  { path: 'README.TXT', data: Buffer.from('top level\n') },
];

function which(tool: string): boolean {
  return spawnSync('which', [tool]).status === 0;
}

function withImageFile<T>(image: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'configdrive-'));
  try {
    const file = join(dir, 'image.iso');
    writeFileSync(file, image);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('ISO 9660 writer', () => {
  const image = buildIsoImage({ volumeLabel: 'config-2', files, recordedAt });
  const volume = readIsoImage(image);

  test('round-trips every path and byte, with the real lowercase names', () => {
    for (const file of files) assert.deepEqual(volume.readFile(file.path), file.data, file.path);
    assert.deepEqual(
      volume.entries.filter((e) => !e.directory).map((e) => e.path).sort(),
      files.map((f) => f.path).sort(),
    );
    assert.deepEqual(
      volume.entries.filter((e) => e.directory).map((e) => e.path).sort(),
      ['openstack', 'openstack/2013-10-17', 'openstack/2013-10-18', 'openstack/content', 'openstack/latest'],
    );
  });

  test('is whole sectors, with the primary descriptor, terminator and label where readers look', () => {
    assert.equal(image.length % SECTOR_SIZE, 0);
    assert.equal(volume.volumeSectors * SECTOR_SIZE, image.length);
    assert.ok(image.subarray(0, 16 * SECTOR_SIZE).every((b) => b === 0), 'system area is empty');
    const pvd = image.subarray(16 * SECTOR_SIZE, 17 * SECTOR_SIZE);
    assert.deepEqual([pvd[0], pvd.toString('latin1', 1, 6), pvd[6]], [1, 'CD001', 1]);
    assert.equal(pvd.toString('latin1', 40, 72), 'config-2'.padEnd(32, ' '));
    assert.equal(pvd[881], 1, 'file structure version');
    const terminator = image.subarray(17 * SECTOR_SIZE, 18 * SECTOR_SIZE);
    assert.deepEqual([terminator[0], terminator.toString('latin1', 1, 6), terminator[6]], [255, 'CD001', 1]);
    assert.equal(volume.volumeLabel, 'config-2');
  });

  test('records the given date in the descriptor and in every record', () => {
    assert.equal(volume.createdAt, '2013101712345678');
    for (const entry of volume.entries) assert.equal(entry.recordedAt.getTime(), Date.UTC(2013, 9, 17, 12, 34, 56), entry.path);
  });

  test('path tables list directories breadth first, parents before children, L and M alike', () => {
    assert.deepEqual(volume.pathTable.map((r) => [r.identifier, r.parent]), [
      ['\0', 1], ['OPENSTAC', 1], ['2013_10_', 2], ['2013_1_1', 2], ['CONTENT', 2], ['LATEST', 2],
    ]);
    const lTable = image.readUInt32LE(16 * SECTOR_SIZE + 140);
    const mTable = image.readUInt32BE(16 * SECTOR_SIZE + 148);
    const size = image.readUInt32LE(16 * SECTOR_SIZE + 132);
    assert.equal(image.readUInt32LE(lTable * SECTOR_SIZE + 2), volume.pathTable[0].extent);
    assert.equal(image.readUInt32BE(mTable * SECTOR_SIZE + 2), volume.pathTable[0].extent);
    assert.equal(size, volume.pathTable.reduce((sum, r) => sum + 8 + r.identifier.length + (r.identifier.length % 2), 0));
  });

  test('gives every name a unique Level 1 identifier and keeps ECMA-119 order', () => {
    const isoNames = (dir: string) => volume.entries.filter((e) => e.path.startsWith(`${dir}/`) && !e.path.slice(dir.length + 1).includes('/'))
      .map((e) => e.isoIdentifier);
    assert.deepEqual(isoNames('openstack/latest'), ['META_DAT.JSO;1', 'NETWORK_.JSO;1', 'USER_DAT.;1']);
    assert.deepEqual(isoNames('openstack'), ['2013_10_', '2013_1_1', 'CONTENT', 'LATEST']);
    for (const entry of volume.entries) assert.match(entry.isoIdentifier, /^[A-Z0-9_]{1,8}(\.[A-Z0-9_]{0,3};1)?$/);
  });

  test('announces Rock Ridge in the root and gives POSIX modes', () => {
    assert.equal(volume.rockRidge, true);
    const root = image.subarray(volume.pathTable[0].extent * SECTOR_SIZE);
    const systemUse = root.subarray(34, root[0]);
    assert.equal(systemUse.toString('latin1', 0, 7), 'SP\x07\x01\xbe\xef\x00');
    assert.equal(systemUse.toString('latin1', 7, 9), 'ER');
    assert.equal(systemUse.toString('latin1', 7 + 8, 7 + 8 + systemUse[7 + 4]), 'RRIP_1991A');
    for (const entry of volume.entries) assert.equal(entry.mode, entry.directory ? 0o040555 : 0o100444, entry.path);
  });

  test('packs large directories into whole sectors without splitting a record', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ path: `dir/a-rather-long-file-name-number-${i}.json`, data: Buffer.from(String(i)) }));
    const big = readIsoImage(buildIsoImage({ volumeLabel: 'config-2', files: many, recordedAt }));
    const dir = big.entries.find((e) => e.path === 'dir');
    assert.ok(dir && dir.size > SECTOR_SIZE && dir.size % SECTOR_SIZE === 0, 'directory spans several sectors');
    for (const file of many) assert.equal(big.readFile(file.path).toString(), file.data.toString());
    assert.equal(new Set(big.entries.map((e) => e.isoIdentifier)).size, big.entries.length);
  });

  test('gives the same bytes for the same input', () => {
    assert.deepEqual(buildIsoImage({ volumeLabel: 'config-2', files, recordedAt }), image);
  });

  test('the reader notices both-endian fields and path tables that disagree', () => {
    const badSize = Buffer.from(image);
    badSize.writeUInt32BE(volume.volumeSectors + 1, 16 * SECTOR_SIZE + 84);
    assert.throws(() => readIsoImage(badSize), (e: unknown) => e instanceof IsoFormatError && /volume space size/.test(e.message));

    const badRecord = Buffer.from(image);
    const rootExtent = volume.pathTable[0].extent;
    // The big-endian data length of the root's "." record.
    badRecord.writeUInt32BE(12345, rootExtent * SECTOR_SIZE + 14);
    assert.throws(() => readIsoImage(badRecord), /little- and big-endian halves differ/);

    const badTable = Buffer.from(image);
    badTable.writeUInt32BE(999, image.readUInt32BE(16 * SECTOR_SIZE + 148) * SECTOR_SIZE + 2);
    assert.throws(() => readIsoImage(badTable), /L and M path tables differ/);
  });

  test('refuses paths and labels it cannot write', () => {
    const build = (paths: string[], volumeLabel = 'config-2') =>
      () => buildIsoImage({ volumeLabel, files: paths.map((path) => ({ path, data: Buffer.alloc(1) })) });
    assert.throws(build(['/abs']), IsoInputError);
    assert.throws(build(['a/../b']), IsoInputError);
    assert.throws(build(['a/b', 'a/b']), /duplicate path/);
    assert.throws(build(['a', 'a/b']), /runs through a file/);
    assert.throws(build(['a'], ''), /volume label/);
    assert.throws(build(['a'], 'x'.repeat(33)), /volume label/);
    assert.throws(build([`${'n'.repeat(151)}`]), /name too long/);
  });
});

describe('ISO 9660 writer, checked by system tools', () => {
  const image = buildIsoImage({ volumeLabel: 'config-2', files, recordedAt });

  test('blkid finds an iso9660 filesystem labelled config-2 (how cloud-init finds the drive)', { skip: !which('blkid') && 'blkid not installed' }, () => {
    withImageFile(image, (file) => {
      const probe = spawnSync('blkid', ['-p', '-o', 'export', file], { encoding: 'utf8' });
      assert.equal(probe.status, 0, probe.stderr);
      assert.match(probe.stdout, /^TYPE=iso9660$/m);
      assert.match(probe.stdout, /^LABEL=config-2$/m);
    });
  });

  test('isoinfo lists and extracts the Rock Ridge names', { skip: !which('isoinfo') && 'isoinfo not installed' }, () => {
    withImageFile(image, (file) => {
      const listing = spawnSync('isoinfo', ['-R', '-f', '-i', file], { encoding: 'utf8' });
      assert.equal(listing.status, 0, listing.stderr);
      for (const f of files) assert.ok(listing.stdout.split('\n').includes(`/${f.path}`), f.path);
      for (const f of files) {
        const extracted = spawnSync('isoinfo', ['-R', '-i', file, '-x', `/${f.path}`]);
        assert.deepEqual(extracted.stdout, f.data, f.path);
      }
    });
  });

  test('xorriso extracts every file intact', { skip: !which('xorriso') && 'xorriso not installed' }, () => {
    withImageFile(image, (file, dir) => {
      const out = join(dir, 'out');
      const run = spawnSync('xorriso', ['-abort_on', 'FAILURE', '-osirrox', 'on', '-indev', file, '-extract', '/', out], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      for (const f of files) assert.deepEqual(readFileSync(join(out, f.path)), f.data, f.path);
    });
  });
});
