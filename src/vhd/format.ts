// The VHD on-disk structures: footer and dynamic-disk header, their checksums and CHS geometry.
// All integers are big-endian; both structures carry a ones'-complement byte sum.

export const SECTOR = 512;
export const FOOTER_SIZE = 512;
export const DYNAMIC_HEADER_SIZE = 1024;
/** vhd-tool's block size, and what XAPI writes. */
export const VHD_BLOCK_SIZE = 2 * 1024 * 1024;
export const FORMAT_VERSION = 0x00010000;
export const NO_OFFSET = 0xffffffffffffffffn;
export const UNALLOCATED = 0xffffffff;
/** VHD timestamps count seconds from 2000-01-01T00:00:00Z. */
export const VHD_EPOCH_MS = Date.UTC(2000, 0, 1);

export type VhdDiskType = 'fixed' | 'dynamic' | 'differencing';
const DISK_TYPES: Record<number, VhdDiskType> = { 2: 'fixed', 3: 'dynamic', 4: 'differencing' };
export const DISK_TYPE_CODES: Record<VhdDiskType, number> = { fixed: 2, dynamic: 3, differencing: 4 };

/** Parent locator platform codes vhd-tool knows (0 = unused slot). */
const LOCATOR_CODES = new Set([0, 0x5732_6b75 /* W2ku */, 0x5732_7275 /* W2ru */, 0x4d61_6358 /* MacX */]);

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
export function vhdChecksum(structure: Buffer, checksumOffset: number): number {
  let sum = 0;
  for (let i = 0; i < structure.length; i++) {
    if (i < checksumOffset || i >= checksumOffset + 4) sum += structure[i];
  }
  return ~sum >>> 0;
}

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

/** Decodes a 512-byte footer. Throws for what is not a footer at all; a bad checksum is only reported. */
export function parseVhdFooter(footer: Buffer): VhdFooter {
  if (footer.length !== FOOTER_SIZE) throw new VhdFormatError(`VHD footer must be ${FOOTER_SIZE} bytes, got ${footer.length}`);
  const cookie = footer.toString('latin1', 0, 8);
  if (cookie !== 'conectix') throw new VhdFormatError(`Unsupported footer cookie: expected conectix, got ${JSON.stringify(cookie)}`);
  const version = footer.readUInt32BE(12);
  if (version !== FORMAT_VERSION) throw new VhdFormatError(`Unsupported VHD version ${hex(version)}`);
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

/** A footer as vhd-tool accepts it: everything parseVhdFooter checks, plus the checksum. */
export function validateVhdFooter(footer: Buffer): VhdFooter {
  const parsed = parseVhdFooter(footer);
  if (!parsed.checksumOk) {
    throw new VhdFormatError(`Invalid checksum. Expected ${hex(vhdChecksum(footer, 64))} got ${hex(footer.readUInt32BE(64))}`);
  }
  return parsed;
}

/**
 * Reads the footer in the last 512 bytes of `buf` (a whole VHD file, or just a footer). Throws VhdFormatError
 * for what is not a VHD footer at all; a wrong checksum is reported, not thrown, so callers choose the message.
 */
export function readVhdFooter(buf: Buffer): VhdFooter {
  if (buf.length < FOOTER_SIZE) throw new VhdFormatError(`VHD too short: ${buf.length} bytes`);
  return parseVhdFooter(buf.subarray(buf.length - FOOTER_SIZE));
}

function parseHeader(header: Buffer): VhdDynamicHeader {
  const cookie = header.toString('latin1', 0, 8);
  if (cookie !== 'cxsparse') throw new VhdFormatError(`Unsupported header cookie: expected cxsparse, got ${JSON.stringify(cookie)}`);
  return {
    tableOffset: Number(header.readBigUInt64BE(16)),
    maxTableEntries: header.readUInt32BE(28),
    blockSize: header.readUInt32BE(32),
    checksumOk: header.readUInt32BE(36) === vhdChecksum(header, 36),
  };
}

/** Reads the dynamic-disk header at `offset` (the footer's dataOffset). */
export function readVhdDynamicHeader(buf: Buffer, offset: number): VhdDynamicHeader {
  if (buf.length < offset + DYNAMIC_HEADER_SIZE) throw new VhdFormatError('VHD too short for its dynamic header');
  return parseHeader(buf.subarray(offset, offset + DYNAMIC_HEADER_SIZE));
}

/** The parent's name is UTF-16 big-endian, zero padded; unpaired surrogates make it unreadable. */
function assertParentName(field: Buffer): void {
  for (let i = 0; i < field.length; i += 2) {
    const unit = field.readUInt16BE(i);
    if (unit === 0) return;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 2 < field.length ? field.readUInt16BE(i + 2) : 0;
      if (next < 0xdc00 || next > 0xdfff) throw new VhdFormatError('Invalid UTF-16 in the parent unicode name');
      i += 2;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw new VhdFormatError('Invalid UTF-16 in the parent unicode name');
    }
  }
}

/** A 1024-byte dynamic-disk header as vhd-tool accepts it (every check of its header reader). */
export function validateVhdDynamicHeader(header: Buffer): VhdDynamicHeader {
  if (header.length !== DYNAMIC_HEADER_SIZE) throw new VhdFormatError(`VHD dynamic header must be ${DYNAMIC_HEADER_SIZE} bytes`);
  const parsed = parseHeader(header);
  if (header.readBigUInt64BE(8) !== NO_OFFSET) throw new VhdFormatError('Expected header data_offset to be 0xffffffffffffffff');
  const version = header.readUInt32BE(24);
  if (version !== FORMAT_VERSION) throw new VhdFormatError(`Unsupported header version ${hex(version)}`);
  const { blockSize } = parsed;
  if (blockSize === 0 || (blockSize & (blockSize - 1)) !== 0) throw new VhdFormatError(`Block size ${blockSize} is not a power of 2`);
  assertParentName(header.subarray(64, 576));
  for (let i = 0; i < 8; i++) {
    const code = header.readUInt32BE(576 + i * 24);
    if (!LOCATOR_CODES.has(code)) throw new VhdFormatError(`Unknown parent locator platform code ${hex(code)}`);
  }
  if (!parsed.checksumOk) {
    throw new VhdFormatError(`Invalid checksum. Expected ${hex(vhdChecksum(header, 36))} got ${hex(header.readUInt32BE(36))}`);
  }
  return parsed;
}
