// Reads back ISO 9660 images like the ones iso9660.ts writes, checking as it goes what a strict reader
// would reject: both-endian fields that disagree, L and M path tables that differ, records straddling
// sectors, extents outside the volume. Names come from Rock Ridge NM entries when the root announces them.
import {
  DESCRIPTOR_PRIMARY, DESCRIPTOR_TERMINATOR, FIRST_DESCRIPTOR_SECTOR, FLAG_DIRECTORY, RECORD_HEADER_SIZE, SECTOR_SIZE, STANDARD_ID,
} from './iso9660.js';

export class IsoFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IsoFormatError';
  }
}

export interface IsoEntry {
  /** Slash-separated from the root, using Rock Ridge names when present. */
  readonly path: string;
  /** The ISO 9660 file identifier, e.g. `META_DAT.JSO;1`. */
  readonly isoIdentifier: string;
  readonly directory: boolean;
  readonly extent: number;
  readonly size: number;
  readonly recordedAt: Date;
  /** From the Rock Ridge PX entry; null without one. */
  readonly mode: number | null;
}

export interface IsoPathTableRecord {
  readonly identifier: string;
  readonly extent: number;
  readonly parent: number;
}

export interface IsoVolume {
  readonly volumeLabel: string;
  readonly volumeSectors: number;
  readonly rockRidge: boolean;
  readonly createdAt: string;
  readonly pathTable: readonly IsoPathTableRecord[];
  /** Every file and directory below the root, depth first in record order. */
  readonly entries: readonly IsoEntry[];
  readFile(path: string): Buffer;
}

export function readIsoImage(image: Buffer): IsoVolume {
  if (image.length % SECTOR_SIZE !== 0) throw new IsoFormatError(`image length ${image.length} is not a whole number of sectors`);
  const pvd = primaryDescriptor(image);
  const volumeSectors = both32(pvd, 80, 'volume space size');
  if (volumeSectors * SECTOR_SIZE > image.length) throw new IsoFormatError('volume space size exceeds the image');
  if (both16(pvd, 128, 'logical block size') !== SECTOR_SIZE) throw new IsoFormatError('logical block size is not 2048');
  both16(pvd, 120, 'volume set size');
  both16(pvd, 124, 'volume sequence number');

  const pathTableSize = both32(pvd, 132, 'path table size');
  const lTable = readPathTable(image, pvd.readUInt32LE(140), pathTableSize, 'LE');
  const mTable = readPathTable(image, pvd.readUInt32BE(148), pathTableSize, 'BE');
  if (JSON.stringify(lTable) !== JSON.stringify(mTable)) throw new IsoFormatError('L and M path tables differ');

  const volume = { image, volumeSectors };
  const root = parseRecord(pvd.subarray(156, 156 + pvd[156]), 'root record');
  const rootRecords = readDirectory(volume, root);
  const rockRidge = rootRecords[0].systemUse.toString('latin1', 0, 2) === 'SP';
  const entries: IsoEntry[] = [];
  walk(volume, root, '', rockRidge, entries);

  const directories = [root.extent, ...entries.filter((e) => e.directory).map((e) => e.extent)].sort((a, b) => a - b);
  const tableExtents = lTable.map((r) => r.extent).sort((a, b) => a - b);
  if (JSON.stringify(directories) !== JSON.stringify(tableExtents)) throw new IsoFormatError('path table does not list the directories of the tree');

  return {
    volumeLabel: pvd.toString('latin1', 40, 72).trimEnd(),
    volumeSectors,
    rockRidge,
    createdAt: pvd.toString('latin1', 813, 829),
    pathTable: lTable,
    entries,
    readFile(path: string): Buffer {
      const entry = entries.find((e) => e.path === path && !e.directory);
      if (!entry) throw new IsoFormatError(`no file ${path}`);
      return image.subarray(entry.extent * SECTOR_SIZE, entry.extent * SECTOR_SIZE + entry.size);
    },
  };
}

function primaryDescriptor(image: Buffer): Buffer {
  let primary: Buffer | null = null;
  for (let sector = FIRST_DESCRIPTOR_SECTOR; (sector + 1) * SECTOR_SIZE <= image.length; sector += 1) {
    const descriptor = image.subarray(sector * SECTOR_SIZE, (sector + 1) * SECTOR_SIZE);
    if (descriptor.toString('latin1', 1, 6) !== STANDARD_ID || descriptor[6] !== 1) {
      throw new IsoFormatError(`sector ${sector} is not a volume descriptor`);
    }
    if (descriptor[0] === DESCRIPTOR_TERMINATOR) {
      if (!primary) throw new IsoFormatError('no primary volume descriptor');
      return primary;
    }
    if (descriptor[0] === DESCRIPTOR_PRIMARY) primary = descriptor;
  }
  throw new IsoFormatError('no volume descriptor set terminator');
}

function readPathTable(image: Buffer, sector: number, size: number, order: 'LE' | 'BE'): IsoPathTableRecord[] {
  const table = image.subarray(sector * SECTOR_SIZE, sector * SECTOR_SIZE + size);
  if (table.length !== size) throw new IsoFormatError('path table runs past the image');
  const records: IsoPathTableRecord[] = [];
  for (let offset = 0; offset < size;) {
    const length = table[offset];
    if (length === 0) throw new IsoFormatError('empty path table record');
    records.push({
      identifier: table.toString('latin1', offset + 8, offset + 8 + length),
      extent: order === 'LE' ? table.readUInt32LE(offset + 2) : table.readUInt32BE(offset + 2),
      parent: order === 'LE' ? table.readUInt16LE(offset + 6) : table.readUInt16BE(offset + 6),
    });
    offset += 8 + length + (length % 2);
  }
  return records;
}

interface DirectoryRecord {
  readonly extent: number;
  readonly size: number;
  readonly directory: boolean;
  readonly identifier: Buffer;
  readonly recordedAt: Date;
  readonly systemUse: Buffer;
}

function parseRecord(record: Buffer, what: string): DirectoryRecord {
  if (record.length < RECORD_HEADER_SIZE + 1 || record.length % 2 !== 0) throw new IsoFormatError(`${what}: bad length ${record.length}`);
  const idLength = record[32];
  const suStart = RECORD_HEADER_SIZE + idLength + (idLength % 2 === 0 ? 1 : 0);
  if (suStart > record.length) throw new IsoFormatError(`${what}: identifier overruns the record`);
  both16(record, 28, `${what} volume sequence number`);
  const [year, month, day, hour, minute, second] = record.subarray(18, 24);
  return {
    extent: both32(record, 2, `${what} extent`),
    size: both32(record, 10, `${what} data length`),
    directory: (record[25] & FLAG_DIRECTORY) !== 0,
    identifier: record.subarray(RECORD_HEADER_SIZE, RECORD_HEADER_SIZE + idLength),
    recordedAt: new Date(Date.UTC(1900 + year, month - 1, day, hour, minute, second) - (record.readInt8(24) * 15 * 60_000)),
    systemUse: record.subarray(suStart),
  };
}

interface Volume {
  readonly image: Buffer;
  readonly volumeSectors: number;
}

function readDirectory(volume: Volume, dir: DirectoryRecord): DirectoryRecord[] {
  checkExtent(volume, dir, 'directory');
  const data = volume.image.subarray(dir.extent * SECTOR_SIZE, dir.extent * SECTOR_SIZE + dir.size);
  const records: DirectoryRecord[] = [];
  for (let offset = 0; offset < data.length;) {
    const length = data[offset];
    if (length === 0) {
      offset += SECTOR_SIZE - (offset % SECTOR_SIZE);
      continue;
    }
    if ((offset % SECTOR_SIZE) + length > SECTOR_SIZE) throw new IsoFormatError(`record at ${dir.extent}:${offset} straddles a sector`);
    records.push(parseRecord(data.subarray(offset, offset + length), `record at ${dir.extent}:${offset}`));
    offset += length;
  }
  if (records.length < 2 || records[0].identifier[0] !== 0 || records[1].identifier[0] !== 1) {
    throw new IsoFormatError(`directory at ${dir.extent} does not start with "." and ".."`);
  }
  if (records[0].extent !== dir.extent) throw new IsoFormatError(`"." at ${dir.extent} points elsewhere`);
  return records;
}

function walk(volume: Volume, dir: DirectoryRecord, prefix: string, rockRidge: boolean, entries: IsoEntry[]): void {
  for (const record of readDirectory(volume, dir).slice(2)) {
    const entriesFound = rockRidge ? suspEntries(record.systemUse) : new Map<string, Buffer>();
    const isoIdentifier = record.identifier.toString('latin1');
    const name = entriesFound.get('NM')?.subarray(1).toString('utf8') ?? isoIdentifier.replace(/;1$/, '').replace(/\.$/, '').toLowerCase();
    const px = entriesFound.get('PX');
    const path = prefix + name;
    if (!record.directory) checkExtent(volume, record, path);
    entries.push({
      path, isoIdentifier, directory: record.directory, extent: record.extent, size: record.size, recordedAt: record.recordedAt,
      mode: px ? both32(px, 0, `${path} PX mode`) : null,
    });
    if (record.directory) walk(volume, record, `${path}/`, rockRidge, entries);
  }
}

/** SUSP entries by signature (bodies after the 4-byte header); one of each is all these images carry. */
function suspEntries(area: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (let offset = 0; offset + 4 <= area.length;) {
    const length = area[offset + 2];
    if (length < 4 || offset + length > area.length) throw new IsoFormatError('malformed system use entry');
    found.set(area.toString('latin1', offset, offset + 2), area.subarray(offset + 4, offset + length));
    offset += length;
  }
  return found;
}

function checkExtent(volume: Volume, record: DirectoryRecord, what: string): void {
  if (record.size === 0) return;
  const end = record.extent * SECTOR_SIZE + record.size;
  if (record.extent < FIRST_DESCRIPTOR_SECTOR + 2 || end > volume.volumeSectors * SECTOR_SIZE) {
    throw new IsoFormatError(`${what}: extent ${record.extent}+${record.size} is outside the volume`);
  }
}

function both16(buffer: Buffer, offset: number, what: string): number {
  const little = buffer.readUInt16LE(offset);
  if (little !== buffer.readUInt16BE(offset + 2)) throw new IsoFormatError(`${what}: little- and big-endian halves differ`);
  return little;
}

function both32(buffer: Buffer, offset: number, what: string): number {
  const little = buffer.readUInt32LE(offset);
  if (little !== buffer.readUInt32BE(offset + 4)) throw new IsoFormatError(`${what}: little- and big-endian halves differ`);
  return little;
}
