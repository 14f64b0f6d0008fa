// What was written into VDIs over HTTP, kept beside the database: a digest of every upload and, for small
// images, the bytes themselves, so an export gives them back. Content follows the VHD chain: a snapshot or
// clone leaves it in the base copy both children read through, as the real chain does.
import type { Db } from '../db.js';

export interface VdiContent {
  /** SHA-256 (hex) of the last upload's body as it arrived. */
  readonly uploadSha256: string;
  readonly uploadFormat: 'raw' | 'vhd';
  /** The disk's first bytes (zeros after them), when the written data is small enough to keep. */
  readonly bytes?: Buffer;
}

/** Larger images keep only their digest: the simulator holds no disk-sized buffers. */
export const KEPT_CONTENT_LIMIT = 1024 * 1024;

const contents = new WeakMap<Db, Map<string, VdiContent>>();

function table(db: Db): Map<string, VdiContent> {
  let map = contents.get(db);
  if (!map) contents.set(db, (map = new Map()));
  return map;
}

export function setVdiContent(db: Db, ref: string, content: VdiContent): void {
  table(db).set(ref, content);
}

/** The content a VDI's own VHD holds (not its ancestors'). */
export function ownVdiContent(db: Db, ref: string): VdiContent | undefined {
  return contents.get(db)?.get(ref);
}

/** What the guest sees: the newest content along the VHD chain from `ref` up. */
export function visibleVdiContent(db: Db, ref: string): VdiContent | undefined {
  let current: string | undefined = ref;
  for (let depth = 0; current && depth < 256; depth++) {
    const own = ownVdiContent(db, current);
    if (own) return own;
    const parent = db.find('VDI', current)?.sm_config?.['vhd-parent'] as string | undefined;
    current = parent ? db.refByUuid('VDI', parent) : undefined;
  }
  return undefined;
}

/** Snapshot, clone and coalesce move data between VHDs of a chain. */
export function moveVdiContent(db: Db, from: string, to: string): void {
  const content = ownVdiContent(db, from);
  if (!content) return;
  table(db).delete(from);
  table(db).set(to, content);
}

export function forgetVdiContent(db: Db, ref: string): void {
  contents.get(db)?.delete(ref);
}
