// The data sources rrdd keeps for a VM and for a host, named as XAPI names them, each able to give its raw
// reading at any wall instant: cumulative counters (DERIVE) from the guests' activity, gauges (memory) from
// the records. Readings before a source existed are unknown (NaN).
import type { Db } from '../db.js';
import {
  cpuSeconds, domainActivities, guestFreeKib, simulatedSeconds, vbdBytes, vifBytes, type DomainActivity,
} from '../classes/guest-activity.js';
import { NULL_REF } from '../../xapi/datamodel/index.js';
import type { SimPool } from '../world.js';

export type DataSourceType = 'GAUGE' | 'DERIVE' | 'ABSOLUTE';

export interface DataSource {
  readonly name: string;
  readonly type: DataSourceType;
  readonly min: number;
  readonly max: number;
  /** Whether readings are whole numbers (written without decimals in last_ds). */
  readonly integer: boolean;
  /** The raw reading at wall time `t` (ms): a running total for DERIVE, the value for GAUGE; NaN when unknown. */
  reading(t: number): number;
}

/** One RRD: the sources of a VM or a host and the clock they are averaged against. */
export interface RrdSubject {
  readonly kind: 'vm' | 'host';
  readonly uuid: string;
  /** Wall ms from which readings are known. */
  readonly since: number;
  /** Wall ms of the last reading: now, or when a halted VM's domain went away. */
  readonly until: number;
  /** Seconds of simulated time in a wall interval, so rates are per simulated second. */
  simulated(fromMs: number, toMs: number): number;
  readonly sources: readonly DataSource[];
}

const derive = (name: string, reading: (t: number) => number, options: { max?: number; integer?: boolean } = {}): DataSource => ({
  name, type: 'DERIVE', min: 0, max: options.max ?? Infinity, integer: options.integer ?? false, reading,
});

const gauge = (name: string, reading: (t: number) => number, integer = true): DataSource => ({
  name, type: 'GAUGE', min: 0, max: Infinity, integer, reading,
});

/** A reading that is unknown outside [from, to]; a running total stays at its last value after `to`. */
function within(activity: DomainActivity, read: (t: number) => number): (t: number) => number {
  return (t) => (t < activity.startedAt ? Number.NaN : read(Math.min(t, activity.endedAt ?? t)));
}

/** The VM's sources in rrdd's order: vCPUs, memory, then VIFs and disks by device. */
function vmSources(db: Db, activity: DomainActivity): DataSource[] {
  const vm = db.get('VM', activity.vm);
  const metrics = db.find('VM_metrics', vm.metrics);
  const vcpus = Number(metrics?.VCPUs_number) || Number(vm.VCPUs_at_startup) || 1;
  const memory = Number(metrics?.memory_actual) || Number(vm.memory_dynamic_max);
  const sources: DataSource[] = [];
  for (let n = 0; n < vcpus; n++) sources.push(derive(`cpu${n}`, within(activity, (t) => cpuSeconds(activity, n, t)), { max: 1 }));
  sources.push(gauge('memory', within(activity, () => memory)));
  sources.push(gauge('memory_target', within(activity, () => Number(vm.memory_target) || memory)));
  // Only guests whose tools run report their free memory.
  if (vm.guest_metrics !== NULL_REF) sources.push(gauge('memory_internal_free', within(activity, (t) => guestFreeKib(activity, memory, t))));
  const vifs = (vm.VIFs as string[]).map((ref) => db.find('VIF', ref)).filter((vif) => vif !== undefined)
    .map((vif) => String(vif.device)).sort((a, b) => Number(a) - Number(b));
  for (const device of vifs) {
    for (const direction of ['rx', 'tx'] as const) {
      sources.push(derive(`vif_${device}_${direction}`, within(activity, (t) => vifBytes(activity, device, direction, t)), { integer: true }));
    }
  }
  const disks = (vm.VBDs as string[]).map((ref) => db.find('VBD', ref))
    .filter((vbd) => vbd !== undefined && vbd.device && !vbd.empty)
    .map((vbd) => String(vbd!.device)).sort();
  for (const device of disks) {
    for (const direction of ['read', 'write'] as const) {
      sources.push(derive(`vbd_${device}_${direction}`, within(activity, (t) => vbdBytes(activity, device, direction, t)), { integer: true }));
    }
  }
  return sources;
}

export function vmRrd(pool: SimPool, activity: DomainActivity, now = Date.now()): RrdSubject {
  return {
    kind: 'vm', uuid: activity.vmUuid, since: activity.startedAt, until: activity.endedAt ?? now,
    simulated: (from, to) => simulatedSeconds(activity, from, to), sources: vmSources(pool.db, activity),
  };
}

/** dom0's own share of each physical CPU, as a fraction. */
const DOM0_LOAD = 0.02;

/**
 * The host's sources: physical CPUs carry dom0's load plus the guests' spread over them, each PIF carries the
 * traffic of the guest VIFs on its network, memory comes from host_metrics.
 */
export function hostRrd(pool: SimPool, hostRef: string, now = Date.now()): RrdSubject {
  const { db } = pool;
  const host = db.get('host', hostRef);
  const timeScale = pool.world.config.timeScale;
  const agentStart = Number((host.other_config as Record<string, string>).agent_start_time) * 1000;
  const since = Number.isFinite(agentStart) && agentStart > 0 ? Math.min(agentStart, now) : now;
  const residents = domainActivities(pool, now).filter((activity) => activity.host === hostRef);
  const cpus = Math.max(1, Number((host.cpu_info as Record<string, string>).cpu_count) || 1);
  const known = (read: (t: number) => number) => (t: number) => (t < since ? Number.NaN : read(t));

  const guestCpu = (t: number): number => {
    let seconds = 0;
    for (const activity of residents) {
      if (t < activity.startedAt) continue;
      const vm = db.find('VM', activity.vm);
      const vcpus = Number(db.find('VM_metrics', vm?.metrics)?.VCPUs_number) || 1;
      for (let n = 0; n < vcpus; n++) seconds += cpuSeconds(activity, n, Math.min(t, activity.endedAt ?? t));
    }
    return seconds;
  };
  // Every physical CPU reads the same total at the same instant; it is worked out once per instant.
  const totals = new Map<number, number>();
  const cpuTotal = (t: number): number => {
    let total = totals.get(t);
    if (total === undefined) totals.set(t, (total = DOM0_LOAD * simulatedSeconds({ timeScale }, since, t) + guestCpu(t) / cpus));
    return total;
  };

  const sources: DataSource[] = [];
  for (let n = 0; n < cpus; n++) sources.push(derive(`cpu${n}`, known(cpuTotal), { max: 1 }));
  sources.push(derive('cpu_avg', known(cpuTotal), { max: 1 }));
  sources.push(gauge('loadavg', known((t) => {
    const window = 5000;
    return cpus * (cpuTotal(t) - cpuTotal(t - window)) / simulatedSeconds({ timeScale }, t - window, t);
  }), false));
  const metrics = db.find('host_metrics', host.metrics);
  sources.push(gauge('memory_total_kib', known(() => Math.floor(Number(metrics?.memory_total ?? 0) / 1024))));
  sources.push(gauge('memory_free_kib', known(() => Math.floor(Number(metrics?.memory_free ?? 0) / 1024))));

  const pifs = (host.PIFs as string[]).map((ref) => db.find('PIF', ref)).filter((pif) => pif !== undefined);
  const trafficOn = (network: string, direction: 'rx' | 'tx') => (t: number): number => {
    let bytes = 0;
    for (const activity of residents) {
      if (t < activity.startedAt) continue;
      for (const ref of db.find('VM', activity.vm)?.VIFs ?? []) {
        const vif = db.find('VIF', ref);
        if (vif?.network === network) bytes += vifBytes(activity, String(vif.device), direction, Math.min(t, activity.endedAt ?? t));
      }
    }
    return bytes;
  };
  for (const pif of pifs) {
    for (const direction of ['rx', 'tx'] as const) {
      sources.push(derive(`pif_${pif.device}_${direction}`, known(trafficOn(pif.network as string, direction)), { integer: true }));
    }
  }
  for (const direction of ['rx', 'tx'] as const) {
    const each = pifs.map((pif) => trafficOn(pif.network as string, direction));
    sources.push(derive(`pif_aggr_${direction}`, known((t) => each.reduce((sum, read) => sum + read(t), 0)), { integer: true }));
  }
  return {
    kind: 'host', uuid: String(host.uuid), since, until: now,
    simulated: (from, to) => simulatedSeconds({ timeScale }, from, to), sources,
  };
}
