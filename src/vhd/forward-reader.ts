// A forward-only cursor over a byte stream (an HTTP request body): reads exact lengths and skips ahead,
// never back, holding only what the current read needs.

export class StreamEndError extends Error {
  constructor(readonly position: number) {
    super(`premature end of stream at byte ${position}`);
    this.name = 'StreamEndError';
  }
}

export class BackwardSeekError extends Error {
  constructor(from: number, to: number) {
    super(`cannot seek backwards from byte ${from} to byte ${to}`);
    this.name = 'BackwardSeekError';
  }
}

/** Skips are read in pieces of this size so a long gap never sits in memory at once. */
const SKIP_PIECE = 1024 * 1024;

export class ForwardReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  private consumed = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Bytes consumed so far: the stream offset the next read starts at. */
  get position(): number {
    return this.consumed;
  }

  private async fill(wanted: number): Promise<boolean> {
    while (this.buffered < wanted && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
      } else if (next.value.length > 0) {
        const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        this.chunks.push(chunk);
        this.buffered += chunk.length;
      }
    }
    return this.buffered >= wanted;
  }

  private take(length: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= length) {
      out = first.subarray(0, length);
      if (first.length === length) this.chunks.shift();
      else this.chunks[0] = first.subarray(length);
    } else {
      out = Buffer.allocUnsafe(length);
      let filled = 0;
      while (filled < length) {
        const chunk = this.chunks[0];
        const n = Math.min(chunk.length, length - filled);
        chunk.copy(out, filled, 0, n);
        filled += n;
        if (n === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(n);
      }
    }
    this.buffered -= length;
    this.consumed += length;
    return out;
  }

  /** Exactly `length` bytes; StreamEndError when the stream ends first. */
  async read(length: number): Promise<Buffer> {
    if (length === 0) return Buffer.alloc(0);
    if (!(await this.fill(length))) throw new StreamEndError(this.consumed + this.buffered);
    return this.take(length);
  }

  /** Up to `max` bytes, whatever is at hand (at least one unless the stream ended: then empty). */
  async readSome(max: number): Promise<Buffer> {
    if (max <= 0 || !(await this.fill(1))) return Buffer.alloc(0);
    return this.take(Math.min(max, this.buffered));
  }

  /** Discards bytes up to stream offset `offset`. */
  async skipTo(offset: number): Promise<void> {
    if (offset < this.consumed) throw new BackwardSeekError(this.consumed, offset);
    while (this.consumed < offset) {
      const piece = await this.readSome(Math.min(offset - this.consumed, SKIP_PIECE));
      if (piece.length === 0) throw new StreamEndError(this.consumed);
    }
  }

  /** Discards everything left. */
  async drain(): Promise<void> {
    while ((await this.readSome(SKIP_PIECE)).length > 0);
  }
}
