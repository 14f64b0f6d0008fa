// Writes VHD images: dynamic disks (empty, or holding a small image) for demo images, tests and the
// simulator's exports, and fixed disks for tests of what XAPI refuses.
import { randomBytes } from 'node:crypto';
import {
  DISK_TYPE_CODES, DYNAMIC_HEADER_SIZE, FOOTER_SIZE, FORMAT_VERSION, NO_OFFSET, SECTOR, UNALLOCATED, VHD_BLOCK_SIZE,
  VHD_EPOCH_MS, vhdChecksum, vhdGeometry, type VhdDiskType,
} from './format.js';

// vhd-tool's layout: footer copy, dynamic header, one empty sector, then the BAT.
const HEADER_OFFSET = FOOTER_SIZE;
const BAT_OFFSET = 2048;
/** One bitmap sector covers the 4096 sectors of a 2 MiB block. */
const BITMAP_SIZE = SECTOR;

export interface VhdOptions {
  /** 16 bytes; random unless given (give it for reproducible files). */
  readonly uniqueId?: Buffer;
  /** Defaults to now. */
  readonly timestamp?: Date;
  /** Four characters; blktap's `tap\0` by default (qemu then reads the size from the footer, not from CHS). */
  readonly creatorApplication?: string;
  readonly creatorVersion?: number;
}

function vhdTimestamp(date: Date): number {
  return Math.max(0, Math.floor((date.getTime() - VHD_EPOCH_MS) / 1000)) >>> 0;
}

function assertVirtualSize(virtualSize: number): void {
  if (!Number.isSafeInteger(virtualSize) || virtualSize <= 0 || virtualSize % SECTOR !== 0) {
    throw new RangeError(`VHD virtual size must be a positive multiple of ${SECTOR} bytes, got ${virtualSize}`);
  }
}

function writeFooter(virtualSize: number, diskType: VhdDiskType, dataOffset: bigint, options: VhdOptions): Buffer {
  const footer = Buffer.alloc(FOOTER_SIZE);
  footer.write('conectix', 0, 'latin1');
  footer.writeUInt32BE(0x00000002, 8);
  footer.writeUInt32BE(FORMAT_VERSION, 12);
  footer.writeBigUInt64BE(dataOffset, 16);
  footer.writeUInt32BE(vhdTimestamp(options.timestamp ?? new Date()), 24);
  const creator = options.creatorApplication ?? 'tap\0';
  if (Buffer.byteLength(creator, 'latin1') !== 4) throw new RangeError('VHD creator application must be 4 characters');
  footer.write(creator, 28, 'latin1');
  footer.writeUInt32BE(options.creatorVersion ?? 0x00010003, 32);
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

function isZero(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/**
 * A dynamic VHD of `virtualSize` bytes whose content is `data` from offset 0 (zeros beyond it): footer copy,
 * dynamic header, empty sector, BAT, then a fully-mapped bitmap and the data of each block that holds a
 * non-zero byte, footer. Built in memory, so `data` should be small; the BAT costs 4 bytes per 2 MiB.
 */
export function createDynamicVhd(virtualSize: number, data: Buffer = Buffer.alloc(0), options: VhdOptions = {}): Buffer {
  assertVirtualSize(virtualSize);
  if (data.length > virtualSize) throw new RangeError(`VHD data (${data.length} bytes) exceeds the virtual size`);
  const entries = Math.ceil(virtualSize / VHD_BLOCK_SIZE);
  const batBytes = Math.ceil((entries * 4) / SECTOR) * SECTOR;
  const used: number[] = [];
  for (let block = 0; block * VHD_BLOCK_SIZE < data.length; block++) {
    if (!isZero(data.subarray(block * VHD_BLOCK_SIZE, (block + 1) * VHD_BLOCK_SIZE))) used.push(block);
  }
  const firstBlock = BAT_OFFSET + batBytes;
  const blockBytes = BITMAP_SIZE + VHD_BLOCK_SIZE;
  const footer = writeFooter(virtualSize, 'dynamic', BigInt(HEADER_OFFSET), options);

  const header = Buffer.alloc(DYNAMIC_HEADER_SIZE);
  header.write('cxsparse', 0, 'latin1');
  header.writeBigUInt64BE(NO_OFFSET, 8);
  header.writeBigUInt64BE(BigInt(BAT_OFFSET), 16);
  header.writeUInt32BE(FORMAT_VERSION, 24);
  header.writeUInt32BE(entries, 28);
  header.writeUInt32BE(VHD_BLOCK_SIZE, 32);
  header.writeUInt32BE(vhdChecksum(header, 36), 36);

  const file = Buffer.alloc(firstBlock + used.length * blockBytes + FOOTER_SIZE);
  footer.copy(file, 0);
  header.copy(file, HEADER_OFFSET);
  // Unallocated entries and the BAT's padding are all 0xFF.
  file.fill(UNALLOCATED & 0xff, BAT_OFFSET, firstBlock);
  for (const [i, block] of used.entries()) {
    const start = firstBlock + i * blockBytes;
    file.writeUInt32BE(start / SECTOR, BAT_OFFSET + block * 4);
    file.fill(0xff, start, start + BITMAP_SIZE);
    data.copy(file, start + BITMAP_SIZE, block * VHD_BLOCK_SIZE, Math.min(data.length, (block + 1) * VHD_BLOCK_SIZE));
  }
  footer.copy(file, file.length - FOOTER_SIZE);
  return file;
}

/** An all-zero dynamic VHD of `virtualSize` bytes: about 2 KiB plus 4 bytes per 2 MiB of virtual size. */
export function createEmptyDynamicVhd(virtualSize: number, options: VhdOptions = {}): Buffer {
  return createDynamicVhd(virtualSize, undefined, options);
}

/** A fixed VHD: the raw image followed by a footer. Readable by most tools, refused by XAPI's VHD import. */
export function createFixedVhd(data: Buffer, options: VhdOptions = {}): Buffer {
  assertVirtualSize(data.length);
  return Buffer.concat([data, writeFooter(data.length, 'fixed', NO_OFFSET, options)]);
}
