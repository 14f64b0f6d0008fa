// Where an import's writes land: bounds-checked against the VDI, counted in 2 MiB blocks that received data
// (what the VHD file then stores), and kept byte for byte only while they stay within the first MiB.
import { KEPT_CONTENT_LIMIT } from '../classes/vdi-content.js';
import { VHD_BLOCK_SIZE } from '../../vhd/index.js';

export class VdiWriteError extends Error {
  override name = 'VdiWriteError';
}

const ZEROS = Buffer.alloc(64 * 1024);

function isAllZero(bytes: Buffer): boolean {
  for (let at = 0; at < bytes.length; at += ZEROS.length) {
    const piece = bytes.subarray(at, at + ZEROS.length);
    if (!piece.equals(ZEROS.subarray(0, piece.length))) return false;
  }
  return true;
}

export class UploadRecorder {
  private readonly blocks = new Set<number>();
  private kept: Buffer | undefined;
  private keptLength: number;
  private keepable: boolean;

  /**
   * `previous` is what the disk held before: its kept bytes, null when it held data too big to keep (then
   * nothing can be kept, as the result would be a mix), undefined when it is blank.
   */
  constructor(private readonly virtualSize: number, private readonly previous: Buffer | null | undefined) {
    this.keepable = previous !== null;
    this.keptLength = previous?.length ?? 0;
  }

  write(offset: number, data: Buffer): void {
    const end = offset + data.length;
    if (end > this.virtualSize) throw new VdiWriteError(`write of ${data.length} bytes at ${offset} beyond the disk's ${this.virtualSize} bytes`);
    for (let block = Math.floor(offset / VHD_BLOCK_SIZE); block * VHD_BLOCK_SIZE < end; block++) {
      if (this.blocks.has(block)) continue;
      const from = Math.max(offset, block * VHD_BLOCK_SIZE) - offset;
      const to = Math.min(end, (block + 1) * VHD_BLOCK_SIZE) - offset;
      if (!isAllZero(data.subarray(from, to))) this.blocks.add(block);
    }
    this.keep(offset, data);
  }

  /** Zeros past the limit cost nothing to remember (a VHD block is written whole, mostly zeros). */
  private keep(offset: number, data: Buffer): void {
    if (!this.keepable) return;
    const within = Math.max(0, Math.min(data.length, KEPT_CONTENT_LIMIT - offset));
    if (!isAllZero(data.subarray(within))) {
      this.keepable = false;
      this.kept = undefined;
      return;
    }
    if (within === 0) return;
    if (!this.kept) {
      this.kept = Buffer.alloc(KEPT_CONTENT_LIMIT);
      this.previous?.copy(this.kept);
    }
    data.copy(this.kept, offset, 0, within);
    this.keptLength = Math.max(this.keptLength, offset + within);
  }

  /** Bytes of data the disk's VHD now stores for this upload: whole blocks that received non-zero data. */
  get dataBytes(): number {
    return this.blocks.size * VHD_BLOCK_SIZE;
  }

  /** The disk's first bytes after the upload, or undefined when they are too many to keep. */
  keptBytes(): Buffer | undefined {
    if (!this.keepable) return undefined;
    if (!this.kept) return this.previous ?? Buffer.alloc(0);
    let length = this.keptLength;
    while (length > 0 && this.kept[length - 1] === 0) length--;
    return Buffer.from(this.kept.subarray(0, length));
  }
}
