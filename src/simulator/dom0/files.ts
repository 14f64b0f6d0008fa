// Files dom0 plugins write into a host's control domain (the kernels and ramdisks of PV guests under
// /boot/guest), per host. Like the console logs they live in memory only; a file remembers its size and, up
// to a limit, its first bytes, which is all a booting guest reads of it.
import type { Db } from '../db.js';

export interface Dom0File {
  readonly size: number;
  /** The file's first bytes (at most HEAD_LIMIT). */
  readonly head: Buffer;
}

const HEAD_LIMIT = 64 * 1024;

const files = new WeakMap<Db, Map<string, Map<string, Dom0File>>>();

function hostFiles(db: Db, hostRef: string): Map<string, Dom0File> {
  let byHost = files.get(db);
  if (!byHost) files.set(db, (byHost = new Map()));
  let map = byHost.get(hostRef);
  if (!map) byHost.set(hostRef, (map = new Map()));
  return map;
}

export function writeDom0File(db: Db, hostRef: string, path: string, size: number, bytes: Buffer): void {
  hostFiles(db, hostRef).set(path, { size, head: Buffer.from(bytes.subarray(0, Math.min(size, HEAD_LIMIT))) });
}

export function readDom0File(db: Db, hostRef: string, path: string): Dom0File | undefined {
  return files.get(db)?.get(hostRef)?.get(path);
}

/** False when there was no such file. */
export function removeDom0File(db: Db, hostRef: string, path: string): boolean {
  return files.get(db)?.get(hostRef)?.delete(path) ?? false;
}

/** The paths of the host's dom0 files under `directory`, sorted. */
export function listDom0Files(db: Db, hostRef: string, directory: string): string[] {
  const prefix = directory.endsWith('/') ? directory : `${directory}/`;
  return [...(files.get(db)?.get(hostRef)?.keys() ?? [])].filter((path) => path.startsWith(prefix)).sort();
}
