// The live xenstore of each running domain (/local/domain/<domid>/… in its host's dom0), which XAPI's database
// does not hold: seeded from VM.xenstore_data when the domain is built, gone when it dies.
import type { Db, Rec } from '../db.js';

const normalise = (path: string): string => path.split('/').filter(Boolean).join('/');

/** One domain's subtree. Every node has a value ('' for directories), as in xenstored. */
export class XenstoreTree {
  private readonly nodes = new Map<string, string>();

  read(path: string): string | undefined {
    return this.nodes.get(normalise(path));
  }

  /** Writes a node, creating missing parents with empty values as xenstore-write does. */
  write(path: string, value: string): void {
    const parts = normalise(path).split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!this.nodes.has(parent)) this.nodes.set(parent, '');
    }
    this.nodes.set(parts.join('/'), value);
  }

  /** Removes a node with everything below it; false when there was nothing. */
  remove(path: string): boolean {
    const target = normalise(path);
    let removed = false;
    for (const key of [...this.nodes.keys()]) {
      if (target === '' || key === target || key.startsWith(`${target}/`)) removed = this.nodes.delete(key) || removed;
    }
    return removed;
  }

  exists(path: string): boolean {
    const target = normalise(path);
    return target === '' || this.nodes.has(target);
  }

  /** Every node below `path` (at any depth) with its path relative to `path`. */
  list(path: string): [string, string][] {
    const base = normalise(path);
    const prefix = base === '' ? '' : `${base}/`;
    return [...this.nodes].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]);
  }
}

export interface LiveDomain {
  readonly vmRef: string;
  readonly hostRef: string;
  readonly domid: number;
  readonly xenstore: XenstoreTree;
}

const domains = new WeakMap<Db, Map<string, LiveDomain>>();
const keyOf = (hostRef: string, domid: number): string => `${hostRef}/${domid}`;

function registry(db: Db): Map<string, LiveDomain> {
  let map = domains.get(db);
  if (!map) domains.set(db, (map = new Map()));
  return map;
}

/** What the toolstack writes when it builds the domain, then the VM's parameter xenstore on top. */
function seeded(vm: Rec, domid: number): XenstoreTree {
  const tree = new XenstoreTree();
  tree.write('name', vm.name_label as string);
  tree.write('domid', String(domid));
  tree.write('vm', `/vm/${vm.uuid as string}`);
  for (const [key, value] of Object.entries(vm.xenstore_data as Record<string, string>)) tree.write(key, value);
  return tree;
}

/** A fresh domain: its xenstore starts from the VM's xenstore_data. */
export function buildLiveDomain(db: Db, vmRef: string, hostRef: string, domid: number): LiveDomain {
  const domain = { vmRef, hostRef, domid, xenstore: seeded(db.get('VM', vmRef), domid) };
  registry(db).set(keyOf(hostRef, domid), domain);
  return domain;
}

export function destroyLiveDomain(db: Db, hostRef: string, domid: number): void {
  registry(db).delete(keyOf(hostRef, domid));
}

/**
 * The domain `domid` running on `hostRef`, if any. Domains the database says are running but that this
 * process never built (a restarted simulator, rows written directly by tests) get their xenstore rebuilt.
 */
export function liveDomain(db: Db, hostRef: string, domid: number): LiveDomain | undefined {
  const host = db.find('host', hostRef);
  const vmRef = (host?.resident_VMs as string[] | undefined)?.find((ref) => {
    const vm = db.find('VM', ref);
    return vm?.domid === domid && (vm.power_state === 'Running' || vm.power_state === 'Paused');
  });
  const key = keyOf(hostRef, domid);
  const known = registry(db).get(key);
  if (!vmRef) {
    registry(db).delete(key);
    return undefined;
  }
  if (known?.vmRef === vmRef) return known;
  return buildLiveDomain(db, vmRef, hostRef, domid);
}
