// What instances cost a host: the memory each running one holds (Nova's get_per_instance_usage, read from the
// pool's event-fed cache) and the memory Xen needs beyond a flavor's own (estimate_instance_overhead).
import type { Flavor } from '../store/index.js';
import type { ObjectCache } from '../xapi/index.js';

const MiB = 1024 * 1024;

export interface InstanceUsage {
  /** The nova_uuid the VM carries in other_config. */
  readonly uuid: string;
  /** memory_static_max in MiB. */
  readonly memoryMb: number;
}

/**
 * Running and paused VMs resident on the host that carry a nova_uuid, one entry per uuid (a rescue twin
 * carries its instance's, and runs while the original is halted).
 */
export function perInstanceUsage(cache: ObjectCache, hostRef: string): InstanceUsage[] {
  const usage = new Map<string, InstanceUsage>();
  for (const vm of cache.all('VM').values()) {
    if (vm.resident_on !== hostRef || vm.is_control_domain || vm.is_a_template) continue;
    if (vm.power_state !== 'Running' && vm.power_state !== 'Paused') continue;
    const uuid = ((vm.other_config ?? {}) as Record<string, string>).nova_uuid;
    if (uuid) usage.set(uuid, { uuid, memoryMb: Math.floor(Number(vm.memory_static_max) / MiB) });
  }
  return [...usage.values()].sort((a, b) => a.uuid.localeCompare(b.uuid));
}

/** Xen's memory overhead for a guest of this size, in MiB: about 0.8 % of its memory, 1.5 MiB per vCPU, 3 MiB more. */
export function estimateOverheadMemoryMb(flavor: Pick<Flavor, 'memoryMb' | 'vcpus'>): number {
  return Math.ceil(flavor.memoryMb * 0.00781 + (flavor.vcpus || 1) * 1.5 + 3);
}
