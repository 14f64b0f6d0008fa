// Reads a dynamic or differencing VHD as a forward-only stream, the way XAPI's vhd-tool takes an upload:
// footer copy, dynamic header, BAT, then the allocated blocks in the order they sit in the file, then the
// trailing footer found from the total length. Only sectors marked in a block's bitmap are handed on.
import { ForwardReader } from './forward-reader.js';
import {
  DYNAMIC_HEADER_SIZE, FOOTER_SIZE, SECTOR, UNALLOCATED, validateVhdDynamicHeader, validateVhdFooter, VhdFormatError,
  type VhdDynamicHeader, type VhdFooter,
} from './format.js';

export interface VhdStreamSink {
  /** `data` belongs at byte `offset` of the disk. Throwing stops the import. */
  write(offset: number, data: Buffer): void;
  /** Fraction of the allocated blocks read so far. */
  progress?(fraction: number): void;
}

export interface VhdStreamSummary {
  readonly footer: VhdFooter;
  readonly header: VhdDynamicHeader;
  /** Allocated blocks read. */
  readonly blocks: number;
}

/** Data of a block is read in pieces of this size, so a huge block size never sits in memory at once. */
const PIECE = 1024 * 1024;

const roundUp = (n: number, unit: number): number => Math.ceil(n / unit) * unit;

const sectorPresent = (bitmap: Buffer, sector: number): boolean => ((bitmap[sector >> 3] >> (7 - (sector & 7))) & 1) === 1;

/** Hands the marked sectors of one piece of a block on as runs of consecutive sectors. */
function writeMarkedRuns(sink: VhdStreamSink, bitmap: Buffer, piece: Buffer, firstSector: number, diskOffset: number): void {
  const sectors = piece.length / SECTOR;
  let runStart = -1;
  for (let s = 0; s <= sectors; s++) {
    const present = s < sectors && sectorPresent(bitmap, firstSector + s);
    if (present && runStart < 0) runStart = s;
    if (!present && runStart >= 0) {
      sink.write(diskOffset + runStart * SECTOR, piece.subarray(runStart * SECTOR, s * SECTOR));
      runStart = -1;
    }
  }
}

/**
 * Parses the VHD in `reader` (`totalLength` bytes in all, which locates the trailing footer) and writes its
 * data through `sink`. Throws VhdFormatError for a malformed image, StreamEndError when the stream is short,
 * BackwardSeekError when a structure lies behind what was already read (overlaps, BAT after the data).
 */
export async function readVhdStream(reader: ForwardReader, totalLength: number, sink: VhdStreamSink): Promise<VhdStreamSummary> {
  const footer = validateVhdFooter(await reader.read(FOOTER_SIZE));
  if (footer.diskType === 'fixed' || footer.dataOffset === null) {
    throw new VhdFormatError('Fixed VHDs cannot be streamed: expected a dynamic or differencing disk');
  }
  await reader.skipTo(footer.dataOffset);
  const header = validateVhdDynamicHeader(await reader.read(DYNAMIC_HEADER_SIZE));

  await reader.skipTo(header.tableOffset);
  const bat = await reader.read(roundUp(header.maxTableEntries * 4, SECTOR));
  const allocated: { block: number; offset: number }[] = [];
  for (let block = 0; block < header.maxTableEntries; block++) {
    const sector = bat.readUInt32BE(block * 4);
    if (sector !== UNALLOCATED) allocated.push({ block, offset: sector * SECTOR });
  }
  allocated.sort((a, b) => a.offset - b.offset);

  const { blockSize } = header;
  const bitmapBytes = roundUp(blockSize / SECTOR / 8, SECTOR);
  for (const [i, { block, offset }] of allocated.entries()) {
    await reader.skipTo(offset);
    const bitmap = await reader.read(bitmapBytes);
    for (let done = 0; done < blockSize; done += PIECE) {
      const piece = await reader.read(Math.min(PIECE, blockSize - done));
      writeMarkedRuns(sink, bitmap, piece, done / SECTOR, block * blockSize + done);
    }
    sink.progress?.((i + 1) / allocated.length);
  }

  await reader.skipTo(Math.floor((totalLength - 1) / SECTOR) * SECTOR);
  validateVhdFooter(await reader.read(FOOTER_SIZE));
  return { footer, header, blocks: allocated.length };
}
