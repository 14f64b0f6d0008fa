// Host memory accounting: what each resident (or incoming) domain takes, and what is left.
import { xapiNow } from '../clock.js';
import type { Db, Rec } from '../db.js';
import { XapiFailure } from '../errors.js';

/** Memory a domain of this VM occupies: its static maximum plus Xen's per-domain overhead. */
export function vmFootprint(vm: Rec): number {
  return (vm.memory_static_max as number) + (vm.memory_overhead as number);
}

/** XAPI's host.compute_free_memory: total minus Xen's reservation and every resident or scheduled VM. */
export function hostFreeMemory(db: Db, hostRef: string): number {
  const host = db.get('host', hostRef);
  const metrics = db.get('host_metrics', host.metrics);
  let used = host.memory_overhead as number;
  for (const row of db.table('VM').values()) {
    const vm = row.record;
    if (vm.resident_on === hostRef || vm.scheduled_to_be_resident_on === hostRef) used += vmFootprint(vm);
  }
  return Math.max(0, (metrics.memory_total as number) - used);
}

export function refreshHostMemory(db: Db, hostRef: string): void {
  const host = db.find('host', hostRef);
  if (!host) return;
  db.update(host.metrics, { memory_free: hostFreeMemory(db, hostRef), last_updated: xapiNow() });
}

export function assertHostHasMemory(db: Db, hostRef: string, vm: Rec): void {
  const needed = vmFootprint(vm);
  const available = hostFreeMemory(db, hostRef);
  if (needed > available) throw new XapiFailure('HOST_NOT_ENOUGH_FREE_MEMORY', needed, available);
}
