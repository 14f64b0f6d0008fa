// Many guest VMs at once, cloned from a pool's first template without as many XAPI round trips: for topology
// files that describe a loaded pool (`"vms": N`), benchmarks and tests. Each row still produces an XAPI event,
// so a connected client learns of them as it would on a real pool.
import type { SimPool } from './world.js';

export interface GuestFleetOptions {
  /** Running VMs are spread over the pool's hosts in turn; halted ones live nowhere. */
  readonly running?: boolean;
}

/** Adds `count` guest VMs named `${prefix}-${i}` and returns their refs. */
export function addGuestVms(pool: SimPool, count: number, prefix: string, options: GuestFleetOptions = {}): string[] {
  const [, template] = pool.db.select('VM', (vm) => Boolean(vm.is_a_template))[0];
  const hosts = pool.db.select('host').map(([ref]) => ref);
  const refs: string[] = [];
  for (let i = 0; i < count; i++) {
    const metrics = pool.db.create('VM_metrics', {});
    const placement = options.running
      ? { power_state: 'Running', resident_on: hosts[i % hosts.length], domid: 100 + i }
      : {};
    refs.push(pool.db.create('VM', {
      ...structuredClone(template), uuid: undefined, name_label: `${prefix}-${i}`,
      is_a_template: false, is_default_template: false, metrics, ...placement,
    }));
  }
  return refs;
}
