// Writes the small read-only ISO 9660 images config drives are: a handful of files in a few directories.
// Rock Ridge (RRIP 1.10, one tree) over Level 1 names, as Linux isofs, the BSDs and cloud-init read names from it; Joliet would need a second tree.
// Layout: 16 empty system sectors, primary descriptor, terminator, L then M path table, directories in path-table
// order, then file contents. Every sector is written once, so the same input gives the same bytes.

export const SECTOR_SIZE = 2048;
export const FIRST_DESCRIPTOR_SECTOR = 16;
export const DESCRIPTOR_PRIMARY = 1;
export const DESCRIPTOR_TERMINATOR = 255;
export const STANDARD_ID = 'CD001';
export const FLAG_DIRECTORY = 0x02;
/** Offset of the file identifier in a directory record; everything before it is fixed-size. */
export const RECORD_HEADER_SIZE = 33;
/** Signature and id of the Rock Ridge version written (the ER entry in the root's "." record). */
export const ROCK_RIDGE_ID = 'RRIP_1991A';

const PATH_TABLE_SECTOR = FIRST_DESCRIPTOR_SECTOR + 2;
const MAX_RECORD_SIZE = 255;
const MODE_DIRECTORY = 0o040555;
const MODE_FILE = 0o100444;
const ROCK_RIDGE_DESCRIPTION = 'ROCK RIDGE 1.10: POSIX NAMES AND MODES';
const ROCK_RIDGE_SOURCE = 'IEEE P1282';

export interface IsoFile {
  /** Slash-separated, relative: `openstack/latest/meta_data.json`. Directories are implied. */
  readonly path: string;
  readonly data: Buffer;
}

export interface IsoImageInput {
  /** Written as given (config drives use lowercase `config-2`, which blkid and cloud-init look for). */
  readonly volumeLabel: string;
  readonly files: readonly IsoFile[];
  /** Recording date of the volume and of every record; defaults to now. */
  readonly recordedAt?: Date;
}

export class IsoInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IsoInputError';
  }
}

interface FileNode {
  readonly kind: 'file';
  readonly name: string;
  isoName: string;
  readonly data: Buffer;
  extent: number;
}

interface DirectoryNode {
  readonly kind: 'directory';
  readonly name: string;
  isoName: string;
  readonly parent: DirectoryNode | null;
  readonly children: (DirectoryNode | FileNode)[];
  /** 1-based position in the path table. */
  number: number;
  extent: number;
  sectors: number;
}

/** Builds the image; its length is a whole number of 2048-byte sectors. */
export function buildIsoImage(input: IsoImageInput): Buffer {
  const label = Buffer.from(input.volumeLabel, 'latin1');
  if (label.length === 0 || label.length > 32 || !/^[\x21-\x7e]+$/.test(input.volumeLabel)) {
    throw new IsoInputError(`volume label must be 1 to 32 printable ASCII characters, got ${JSON.stringify(input.volumeLabel)}`);
  }
  const date = input.recordedAt ?? new Date();
  const root = buildTree(input.files);
  const directories = pathTableOrder(root);

  const pathTableSize = directories.reduce((sum, dir) => sum + pathTableRecordSize(dir), 0);
  const pathTableSectors = Math.ceil(pathTableSize / SECTOR_SIZE);
  let next = PATH_TABLE_SECTOR + 2 * pathTableSectors;
  for (const dir of directories) {
    dir.sectors = packedSectors(directoryRecords(dir).map(recordSize));
    dir.extent = next;
    next += dir.sectors;
  }
  for (const dir of directories) {
    for (const child of dir.children) {
      if (child.kind !== 'file') continue;
      // Empty files take no sectors; extent 0 is what other writers record for them.
      child.extent = child.data.length === 0 ? 0 : next;
      next += Math.ceil(child.data.length / SECTOR_SIZE);
    }
  }

  const image = Buffer.alloc(next * SECTOR_SIZE);
  const lTable = PATH_TABLE_SECTOR;
  const mTable = PATH_TABLE_SECTOR + pathTableSectors;
  writePrimaryDescriptor(image.subarray(FIRST_DESCRIPTOR_SECTOR * SECTOR_SIZE), {
    label, date, volumeSectors: next, pathTableSize, lTable, mTable, root,
  });
  writeDescriptorHeader(image.subarray((FIRST_DESCRIPTOR_SECTOR + 1) * SECTOR_SIZE), DESCRIPTOR_TERMINATOR);
  writePathTable(image.subarray(lTable * SECTOR_SIZE), directories, 'LE');
  writePathTable(image.subarray(mTable * SECTOR_SIZE), directories, 'BE');
  for (const dir of directories) {
    writeDirectory(image.subarray(dir.extent * SECTOR_SIZE, (dir.extent + dir.sectors) * SECTOR_SIZE), dir, date);
    for (const child of dir.children) {
      if (child.kind === 'file') child.data.copy(image, child.extent * SECTOR_SIZE);
    }
  }
  return image;
}

// --- the tree -------------------------------------------------------------------------------------------

function buildTree(files: readonly IsoFile[]): DirectoryNode {
  const root = newDirectory('', null);
  for (const file of files) {
    const parts = file.path.split('/');
    for (const part of parts) {
      if (part === '' || part === '.' || part === '..') throw new IsoInputError(`invalid path ${JSON.stringify(file.path)}`);
      // The NM entry shares the 255-byte record with the header, the ISO name and PX.
      if (Buffer.byteLength(part) > 150) throw new IsoInputError(`name too long in ${JSON.stringify(file.path)}`);
    }
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      const existing = dir.children.find((child) => child.name === part);
      if (existing?.kind === 'file') throw new IsoInputError(`${JSON.stringify(file.path)} runs through a file`);
      dir = existing ?? addChild(dir, newDirectory(part, dir));
    }
    const name = parts[parts.length - 1];
    if (dir.children.some((child) => child.name === name)) throw new IsoInputError(`duplicate path ${JSON.stringify(file.path)}`);
    dir.children.push({ kind: 'file', name, isoName: '', data: file.data, extent: 0 });
  }
  assignIsoNames(root);
  return root;
}

function newDirectory(name: string, parent: DirectoryNode | null): DirectoryNode {
  return { kind: 'directory', name, isoName: '', parent, children: [], number: 0, extent: 0, sectors: 0 };
}

function addChild(parent: DirectoryNode, child: DirectoryNode): DirectoryNode {
  parent.children.push(child);
  return child;
}

/** Level 1 names (8.3 d-characters, `;1` on files), made unique per directory; then ECMA-119 record order. */
function assignIsoNames(dir: DirectoryNode): void {
  const taken = new Set<string>();
  for (const child of [...dir.children].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    child.isoName = uniqueIsoName(child, taken);
    taken.add(child.isoName);
    if (child.kind === 'directory') assignIsoNames(child);
  }
  dir.children.sort((a, b) => compareIsoNames(a.isoName, b.isoName));
}

function uniqueIsoName(node: DirectoryNode | FileNode, taken: Set<string>): string {
  const dChars = (text: string, max: number) => text.toUpperCase().replace(/[^A-Z0-9_]/g, '_').slice(0, max);
  const dot = node.name.lastIndexOf('.');
  const split = node.kind === 'file' && dot > 0;
  const stem = dChars(split ? node.name.slice(0, dot) : node.name, 8) || '_';
  const extension = node.kind === 'file' ? `.${split ? dChars(node.name.slice(dot + 1), 3) : ''};1` : '';
  let isoName = stem + extension;
  for (let n = 1; taken.has(isoName); n += 1) isoName = `${stem.slice(0, 7 - String(n).length)}_${n}${extension}`;
  return isoName;
}

/** ECMA-119 9.3: by name, then extension, each as if padded with spaces (shorter sorts first). */
function compareIsoNames(a: string, b: string): number {
  const [aName, aExt = ''] = a.split(';')[0].split('.');
  const [bName, bExt = ''] = b.split(';')[0].split('.');
  if (aName !== bName) return aName < bName ? -1 : 1;
  if (aExt !== bExt) return aExt < bExt ? -1 : 1;
  return 0;
}

/** Breadth first, children in record order: the order ECMA-119 6.9.1 wants path table records in. */
function pathTableOrder(root: DirectoryNode): DirectoryNode[] {
  const order = [root];
  for (let i = 0; i < order.length; i += 1) {
    order[i].number = i + 1;
    for (const child of order[i].children) if (child.kind === 'directory') order.push(child);
  }
  return order;
}

// --- path tables ----------------------------------------------------------------------------------------

function pathTableIdentifier(dir: DirectoryNode): Buffer {
  return dir.parent === null ? Buffer.from([0]) : Buffer.from(dir.isoName, 'latin1');
}

function pathTableRecordSize(dir: DirectoryNode): number {
  const length = pathTableIdentifier(dir).length;
  return 8 + length + (length % 2);
}

function writePathTable(target: Buffer, directories: readonly DirectoryNode[], order: 'LE' | 'BE'): void {
  let offset = 0;
  for (const dir of directories) {
    const identifier = pathTableIdentifier(dir);
    target[offset] = identifier.length;
    target[offset + 1] = 0;
    const parentNumber = dir.parent?.number ?? 1;
    if (order === 'LE') {
      target.writeUInt32LE(dir.extent, offset + 2);
      target.writeUInt16LE(parentNumber, offset + 6);
    } else {
      target.writeUInt32BE(dir.extent, offset + 2);
      target.writeUInt16BE(parentNumber, offset + 6);
    }
    identifier.copy(target, offset + 8);
    offset += pathTableRecordSize(dir);
  }
}

// --- directory records ----------------------------------------------------------------------------------

interface RecordSpec {
  readonly identifier: Buffer;
  readonly extent: number;
  readonly size: number;
  readonly directory: boolean;
  readonly systemUse: Buffer;
}

/** ".", "..", then the children, each with its Rock Ridge entries. */
function directoryRecords(dir: DirectoryNode): RecordSpec[] {
  const parent = dir.parent ?? dir;
  const self = (node: DirectoryNode, identifier: number, extra: Buffer[]): RecordSpec => ({
    identifier: Buffer.from([identifier]), extent: node.extent, size: node.sectors * SECTOR_SIZE, directory: true,
    systemUse: Buffer.concat([...extra, posixEntry(MODE_DIRECTORY, directoryLinks(node))]),
  });
  return [
    self(dir, 0, dir.parent === null ? [susp('SP', Buffer.from([0xbe, 0xef, 0])), extensionsEntry()] : []),
    self(parent, 1, []),
    ...dir.children.map((child): RecordSpec => ({
      identifier: Buffer.from(child.isoName, 'latin1'),
      extent: child.extent,
      size: child.kind === 'file' ? child.data.length : child.sectors * SECTOR_SIZE,
      directory: child.kind === 'directory',
      systemUse: Buffer.concat([
        child.kind === 'file' ? posixEntry(MODE_FILE, 1) : posixEntry(MODE_DIRECTORY, directoryLinks(child)),
        susp('NM', Buffer.concat([Buffer.from([0]), Buffer.from(child.name)])),
      ]),
    })),
  ];
}

function directoryLinks(dir: DirectoryNode): number {
  return 2 + dir.children.filter((child) => child.kind === 'directory').length;
}

function recordSize(record: RecordSpec): number {
  const idLength = record.identifier.length;
  const size = RECORD_HEADER_SIZE + idLength + (idLength % 2 === 0 ? 1 : 0) + record.systemUse.length;
  const even = size + (size % 2);
  if (even > MAX_RECORD_SIZE) throw new IsoInputError(`directory record for ${record.identifier.toString('latin1')} is too long`);
  return even;
}

/** Records never straddle a sector boundary (ECMA-119 6.8.1.1). */
function packedSectors(sizes: readonly number[]): number {
  let sectors = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > SECTOR_SIZE) {
      sectors += 1;
      used = 0;
    }
    used += size;
  }
  return sectors;
}

function writeDirectory(target: Buffer, dir: DirectoryNode, date: Date): void {
  let offset = 0;
  for (const record of directoryRecords(dir)) {
    const size = recordSize(record);
    if ((offset % SECTOR_SIZE) + size > SECTOR_SIZE) offset += SECTOR_SIZE - (offset % SECTOR_SIZE);
    writeRecord(target.subarray(offset, offset + size), record, date);
    offset += size;
  }
}

function writeRecord(target: Buffer, record: RecordSpec, date: Date): void {
  target[0] = target.length;
  target[1] = 0;
  writeBoth32(target, 2, record.extent);
  writeBoth32(target, 10, record.size);
  writeRecordDate(target, 18, date);
  target[25] = record.directory ? FLAG_DIRECTORY : 0;
  target[26] = 0;
  target[27] = 0;
  writeBoth16(target, 28, 1);
  target[32] = record.identifier.length;
  record.identifier.copy(target, RECORD_HEADER_SIZE);
  const idLength = record.identifier.length;
  record.systemUse.copy(target, RECORD_HEADER_SIZE + idLength + (idLength % 2 === 0 ? 1 : 0));
}

// --- Rock Ridge (SUSP entries) ---------------------------------------------------------------------------

function susp(signature: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(signature, 'latin1'), Buffer.from([4 + body.length, 1]), body]);
}

function posixEntry(mode: number, links: number): Buffer {
  const body = Buffer.alloc(32);
  writeBoth32(body, 0, mode);
  writeBoth32(body, 8, links);
  // uid and gid stay 0, as with genisoimage -r.
  return susp('PX', body);
}

function extensionsEntry(): Buffer {
  const [id, description, source] = [ROCK_RIDGE_ID, ROCK_RIDGE_DESCRIPTION, ROCK_RIDGE_SOURCE].map((s) => Buffer.from(s, 'latin1'));
  return susp('ER', Buffer.concat([Buffer.from([id.length, description.length, source.length, 1]), id, description, source]));
}

// --- volume descriptors -----------------------------------------------------------------------------------

function writeDescriptorHeader(target: Buffer, type: number): void {
  target[0] = type;
  target.write(STANDARD_ID, 1, 'latin1');
  target[6] = 1;
}

interface PrimaryDescriptorFields {
  readonly label: Buffer;
  readonly date: Date;
  readonly volumeSectors: number;
  readonly pathTableSize: number;
  readonly lTable: number;
  readonly mTable: number;
  readonly root: DirectoryNode;
}

/** ECMA-119 8.4; offsets are 0-based here (the standard counts from 1). */
function writePrimaryDescriptor(target: Buffer, fields: PrimaryDescriptorFields): void {
  writeDescriptorHeader(target, DESCRIPTOR_PRIMARY);
  padded(target, 8, 32, '');
  padded(target, 40, 32, fields.label.toString('latin1'));
  writeBoth32(target, 80, fields.volumeSectors);
  writeBoth16(target, 120, 1);
  writeBoth16(target, 124, 1);
  writeBoth16(target, 128, SECTOR_SIZE);
  writeBoth32(target, 132, fields.pathTableSize);
  target.writeUInt32LE(fields.lTable, 140);
  target.writeUInt32BE(fields.mTable, 148);
  const root: RecordSpec = {
    identifier: Buffer.from([0]), extent: fields.root.extent, size: fields.root.sectors * SECTOR_SIZE, directory: true, systemUse: Buffer.alloc(0),
  };
  writeRecord(target.subarray(156, 156 + recordSize(root)), root, fields.date);
  padded(target, 190, 128, '');
  padded(target, 318, 128, '');
  padded(target, 446, 128, '');
  padded(target, 574, 128, 'XENGRAPH');
  padded(target, 702, 37 * 3, '');
  writeVolumeDate(target, 813, fields.date);
  writeVolumeDate(target, 830, fields.date);
  writeVolumeDate(target, 847, null);
  writeVolumeDate(target, 864, null);
  target[881] = 1;
}

function padded(target: Buffer, offset: number, length: number, text: string): void {
  target.fill(0x20, offset, offset + length);
  target.write(text, offset, length, 'latin1');
}

/** 17 bytes: YYYYMMDDHHMMSScc in digits, then the offset from GMT in 15-minute steps; all zero digits when unset. */
function writeVolumeDate(target: Buffer, offset: number, date: Date | null): void {
  const digits = date === null
    ? '0'.repeat(16)
    : date.toISOString().replace(/[-:TZ.]/g, '').slice(0, 16);
  target.write(digits, offset, 16, 'latin1');
  target[offset + 16] = 0;
}

/** 7 bytes: years since 1900, month, day, hour, minute, second, GMT offset; always written in UTC. */
function writeRecordDate(target: Buffer, offset: number, date: Date): void {
  target[offset] = date.getUTCFullYear() - 1900;
  target[offset + 1] = date.getUTCMonth() + 1;
  target[offset + 2] = date.getUTCDate();
  target[offset + 3] = date.getUTCHours();
  target[offset + 4] = date.getUTCMinutes();
  target[offset + 5] = date.getUTCSeconds();
  target[offset + 6] = 0;
}

function writeBoth16(target: Buffer, offset: number, value: number): void {
  target.writeUInt16LE(value, offset);
  target.writeUInt16BE(value, offset + 2);
}

function writeBoth32(target: Buffer, offset: number, value: number): void {
  target.writeUInt32LE(value, offset);
  target.writeUInt32BE(value, offset + 4);
}
