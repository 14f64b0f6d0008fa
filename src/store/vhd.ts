// Just enough of the VHD format to make empty dynamic disks (demo images) and to read a footer back (the
// simulator validates uploads with it). All integers are big-endian; structures carry a ones'-complement sum.
import { randomBytes } from 'node:crypto';

const SECTOR = 512;
const FOOTER_SIZE = 512;
const DYNAMIC_HEADER_SIZE = 1024;
/** vhd-tool's block size, and what XAPI writes. */
export const VHD_BLOCK_SIZE = 2 * 1024 * 1024;
// vhd-tool's layout: footer copy, dynamic header, one empty sector, then the BAT.
const HEADER_OFFSET = FOOTER_SIZE;
const BAT_OFFSET = 2048;
const UNALLOCATED = 0xffffffff;
const NO_OFFSET = 0xffffffffffffffffn;
const FORMAT_VERSION = 0x00010000;
/** VHD timestamps count seconds from 2000-01-01T00:00:00Z. */
const VHD_EPOCH_MS = Date.UTC(2000, 0, 1);

export type VhdDiskType = 'fixed' | 'dynamic' | 'differencing';
const DISK_TYPES: Record<number, VhdDiskType> = { 2: 'fixed', 3: 'dynamic', 4: 'differencing' };
const DISK_TYPE_CODES: Record<VhdDiskType, number> = { fixed: 2, dynamic: 3, differencing: 4 };

export class VhdFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VhdFormatError';
  }
}

export interface VhdGeometry {
  readonly cylinders: number;
  readonly heads: number;
  readonly sectorsPerTrack: number;
}

export interface VhdFooter {
  readonly virtualSize: number;
  readonly originalSize: number;
  readonly diskType: VhdDiskType;
  /** Where the dynamic header starts; null for fixed disks. */
  readonly dataOffset: number | null;
  readonly geometry: VhdGeometry;
  readonly creatorApplication: string;
  readonly uniqueId: Buffer;
  readonly checksumOk: boolean;
}

export interface VhdDynamicHeader {
  readonly tableOffset: number;
  readonly maxTableEntries: number;
  readonly blockSize: number;
  readonly checksumOk: boolean;
}

export interface EmptyVhdOptions {
  /** 16 bytes; random unless given (give it for reproducible files). */
  readonly uniqueId?: Buffer;
  /** Defaults to now. */
  readonly timestamp?: Date;
}

/** CHS geometry from the total sector count, as the VHD specification computes it. */
export function vhdGeometry(virtualSize: number): VhdGeometry {
  const total = Math.min(Math.floor(virtualSize / SECTOR), 65535 * 16 * 255);
  let sectorsPerTrack: number;
  let heads: number;
  let cylinderTimesHeads: number;
  if (total >= 65535 * 16 * 63) {
    sectorsPerTrack = 255;
    heads = 16;
    cylinderTimesHeads = Math.floor(total / sectorsPerTrack);
  } else {
    sectorsPerTrack = 17;
    cylinderTimesHeads = Math.floor(total / sectorsPerTrack);
    heads = Math.max(Math.floor((cylinderTimesHeads + 1023) / 1024), 4);
    if (cylinderTimesHeads >= heads * 1024 || heads > 16) {
      sectorsPerTrack = 31;
      heads = 16;
      cylinderTimesHeads = Math.floor(total / sectorsPerTrack);
    }
    if (cylinderTimesHeads >= heads * 1024) {
      sectorsPerTrack = 63;
      heads = 16;
      cylinderTimesHeads = Math.floor(total / sectorsPerTrack);
    }
  }
  return { cylinders: Math.floor(cylinderTimesHeads / heads), heads, sectorsPerTrack };
}

/** Ones' complement of the byte sum, with the checksum field itself counted as zero. */
function vhdChecksum(structure: Buffer, checksumOffset: number): number {
  let sum = 0;
  for (let i = 0; i < structure.length; i++) {
    if (i < checksumOffset || i >= checksumOffset + 4) sum += structure[i];
  }
  return ~sum >>> 0;
}

function vhdTimestamp(date: Date): number {
  return Math.max(0, Math.floor((date.getTime() - VHD_EPOCH_MS) / 1000)) >>> 0;
}

function writeFooter(virtualSize: number, diskType: VhdDiskType, dataOffset: bigint, options: EmptyVhdOptions): Buffer {
  const footer = Buffer.alloc(FOOTER_SIZE);
  footer.write('conectix', 0, 'latin1');
  footer.writeUInt32BE(0x00000002, 8);
  footer.writeUInt32BE(FORMAT_VERSION, 12);
  footer.writeBigUInt64BE(dataOffset, 16);
  footer.writeUInt32BE(vhdTimestamp(options.timestamp ?? new Date()), 24);
  // blktap's creator tag: qemu reads the size from the footer rather than from CHS for it.
  footer.write('tap\0', 28, 'latin1');
  footer.writeUInt32BE(0x00010003, 32);
  footer.writeUInt32BE(0, 36);
  footer.writeBigUInt64BE(BigInt(virtualSize), 40);
  footer.writeBigUInt64BE(BigInt(virtualSize), 48);
  const geometry = vhdGeometry(virtualSize);
  footer.writeUInt16BE(geometry.cylinders, 56);
  footer.writeUInt8(geometry.heads, 58);
  footer.writeUInt8(geometry.sectorsPerTrack, 59);
  footer.writeUInt32BE(DISK_TYPE_CODES[diskType], 60);
  const uniqueId = options.uniqueId ?? randomBytes(16);
  if (uniqueId.length !== 16) throw new RangeError('VHD unique id must be 16 bytes');
  uniqueId.copy(footer, 68);
  footer.writeUInt32BE(vhdChecksum(footer, 64), 64);
  return footer;
}

/**
 * An all-zero dynamic VHD of `virtualSize` bytes: footer copy, dynamic header, empty sector, a BAT with every
 * block unallocated, footer. About 2 KiB plus 4 bytes per 2 MiB of virtual size.
 */
export function createEmptyDynamicVhd(virtualSize: number, options: EmptyVhdOptions = {}): Buffer {
  if (!Number.isSafeInteger(virtualSize) || virtualSize <= 0 || virtualSize % SECTOR !== 0) {
    throw new RangeError(`VHD virtual size must be a positive multiple of ${SECTOR} bytes, got ${virtualSize}`);
  }
  const entries = Math.ceil(virtualSize / VHD_BLOCK_SIZE);
  const batBytes = Math.ceil((entries * 4) / SECTOR) * SECTOR;
  const footer = writeFooter(virtualSize, 'dynamic', BigInt(HEADER_OFFSET), options);

  const header = Buffer.alloc(DYNAMIC_HEADER_SIZE);
  header.write('cxsparse', 0, 'latin1');
  header.writeBigUInt64BE(NO_OFFSET, 8);
  header.writeBigUInt64BE(BigInt(BAT_OFFSET), 16);
  header.writeUInt32BE(FORMAT_VERSION, 24);
  header.writeUInt32BE(entries, 28);
  header.writeUInt32BE(VHD_BLOCK_SIZE, 32);
  header.writeUInt32BE(vhdChecksum(header, 36), 36);

  const file = Buffer.alloc(BAT_OFFSET + batBytes + FOOTER_SIZE);
  footer.copy(file, 0);
  header.copy(file, HEADER_OFFSET);
  // Unallocated entries and the BAT's padding are all 0xFF.
  file.fill(UNALLOCATED & 0xff, BAT_OFFSET, BAT_OFFSET + batBytes);
  footer.copy(file, BAT_OFFSET + batBytes);
  return file;
}

/**
 * Reads the footer in the last 512 bytes of `buf` (a whole VHD file, or just a footer). Throws VhdFormatError
 * for what is not a VHD footer at all; a wrong checksum is reported, not thrown, so callers choose the message.
 */
export function readVhdFooter(buf: Buffer): VhdFooter {
  if (buf.length < FOOTER_SIZE) throw new VhdFormatError(`VHD too short: ${buf.length} bytes`);
  const footer = buf.subarray(buf.length - FOOTER_SIZE);
  const cookie = footer.toString('latin1', 0, 8);
  if (cookie !== 'conectix') throw new VhdFormatError(`Unsupported footer cookie: expected conectix, got ${JSON.stringify(cookie)}`);
  const version = footer.readUInt32BE(12);
  if (version !== FORMAT_VERSION) throw new VhdFormatError(`Unsupported VHD version 0x${version.toString(16)}`);
  const typeCode = footer.readUInt32BE(60);
  const diskType = DISK_TYPES[typeCode];
  if (!diskType) throw new VhdFormatError(`Unsupported VHD disk type ${typeCode}`);
  const dataOffset = footer.readBigUInt64BE(16);
  return {
    virtualSize: Number(footer.readBigUInt64BE(48)),
    originalSize: Number(footer.readBigUInt64BE(40)),
    diskType,
    dataOffset: dataOffset === NO_OFFSET ? null : Number(dataOffset),
    geometry: { cylinders: footer.readUInt16BE(56), heads: footer.readUInt8(58), sectorsPerTrack: footer.readUInt8(59) },
    creatorApplication: footer.toString('latin1', 28, 32),
    uniqueId: Buffer.from(footer.subarray(68, 84)),
    checksumOk: footer.readUInt32BE(64) === vhdChecksum(footer, 64),
  };
}

/** Reads the dynamic-disk header at `offset` (the footer's dataOffset). */
export function readVhdDynamicHeader(buf: Buffer, offset: number): VhdDynamicHeader {
  if (buf.length < offset + DYNAMIC_HEADER_SIZE) throw new VhdFormatError('VHD too short for its dynamic header');
  const header = buf.subarray(offset, offset + DYNAMIC_HEADER_SIZE);
  const cookie = header.toString('latin1', 0, 8);
  if (cookie !== 'cxsparse') throw new VhdFormatError(`Unsupported header cookie: expected cxsparse, got ${JSON.stringify(cookie)}`);
  return {
    tableOffset: Number(header.readBigUInt64BE(16)),
    maxTableEntries: header.readUInt32BE(28),
    blockSize: header.readUInt32BE(32),
    checksumOk: header.readUInt32BE(36) === vhdChecksum(header, 36),
  };
}
