// An instance's diagnostics (Nova's get_diagnostics and get_instance_diagnostics in one): the VM's RRD from
// XAPI's `GET /vm_rrd?uuid=` — the newest 5-second averages and the running totals behind them — laid out
// per vCPU, interface and disk as Nova's Diagnostics object shaped them, with the devices, MACs and memory
// limits from the pool's event-fed cache.
import type { DriverServices } from '../operations/action.js';
import type { Instance, PowerState } from '../store/index.js';
import {
  fetchVmRrd, isTransportError, latestValues, parseXapiDate, RrdFormatError, type ObjectCache, type Rrd, type XapiRecord,
} from '../xapi/index.js';
import { instanceDiskInfo } from './disk-info.js';

const MiB = 1024 * 1024;

export interface CpuDiagnostics {
  readonly id: number;
  /** Fraction of the vCPU used over the last interval (0–1). */
  readonly utilisation: number | null;
  /** CPU seconds used since the domain started. */
  readonly timeSeconds: number | null;
}

export interface NicDiagnostics {
  /** The VIF device number. */
  readonly device: string;
  readonly macAddress: string;
  /** Bytes per second over the last interval, from the guest's side. */
  readonly rxRate: number | null;
  readonly txRate: number | null;
  /** Bytes since the domain started. */
  readonly rxOctets: number | null;
  readonly txOctets: number | null;
}

export interface DiskDiagnostics {
  /** The name the guest sees (xvda…). */
  readonly device: string;
  /** The VBD userdevice. */
  readonly userdevice: string;
  readonly readRate: number | null;
  readonly writeRate: number | null;
  readonly readBytes: number | null;
  readonly writeBytes: number | null;
}

export interface MemoryDiagnostics {
  /** memory_dynamic_max, as Nova's memory_details.maximum. */
  readonly maximumMb: number;
  /** What the domain has (the RRD's memory). */
  readonly usedMb: number | null;
  readonly targetMb: number | null;
  /** What the guest's tools report free; null without them. */
  readonly guestFreeMb: number | null;
}

export interface InstanceDiagnostics {
  /** Nova's power state name: running, paused, shutdown, crashed, suspended or pending. */
  readonly state: string;
  readonly driver: string;
  readonly hypervisor: string;
  readonly configDrive: boolean;
  readonly uptimeSeconds: number | null;
  /** When rrdd last sampled the VM; null when XAPI had no metrics for it. */
  readonly lastUpdate: Date | null;
  /** Why the figures are missing, when they are. */
  readonly unavailableReason: string | null;
  readonly cpus: readonly CpuDiagnostics[];
  readonly memory: MemoryDiagnostics;
  readonly nics: readonly NicDiagnostics[];
  readonly disks: readonly DiskDiagnostics[];
  /** Nova's flat get_diagnostics: each data source's newest value by name. */
  readonly dataSources: readonly { readonly name: string; readonly value: number | null }[];
}

const STATE_NAMES: Readonly<Record<PowerState, string>> = {
  NOSTATE: 'pending', RUNNING: 'running', PAUSED: 'paused', SHUTDOWN: 'shutdown', CRASHED: 'crashed', SUSPENDED: 'suspended',
};

const known = (value: number | undefined): number | null => (value === undefined || Number.isNaN(value) ? null : value);

/** Null when the instance has no VM on a connected pool. */
export async function instanceDiagnostics(services: DriverServices, instance: Instance): Promise<InstanceDiagnostics | null> {
  const client = instance.poolId ? services.pools.get(instance.poolId)?.client : undefined;
  const found = client && instance.vmUuid ? client.cache.getByUuid('VM', instance.vmUuid) : undefined;
  if (!client || !found) return null;
  const { cache } = client;
  const vm = found.record;

  let rrd: Rrd | null = null;
  let unavailableReason: string | null = null;
  try {
    rrd = await fetchVmRrd(client, String(vm.uuid));
  } catch (error) {
    if (isTransportError(error) && error.code === 'HTTP_404') unavailableReason = 'XAPI keeps no metrics for the VM: it has not run';
    else if (isTransportError(error) || error instanceof RrdFormatError) unavailableReason = `The VM's metrics could not be read: ${error.message}`;
    else throw error;
  }
  const latest = rrd ? latestValues(rrd) : new Map<string, number>();
  const totals = new Map((rrd?.dataSources ?? []).map((ds) => [ds.name, ds.lastReading]));
  const value = (name: string) => known(latest.get(name));
  const total = (name: string) => known(totals.get(name));

  const vcpus = Number(vm.VCPUs_max) || 1;
  const cpus = Array.from({ length: vcpus }, (_, id) => ({ id, utilisation: value(`cpu${id}`), timeSeconds: total(`cpu${id}`) }));
  const nics = ((vm.VIFs ?? []) as string[]).map((ref) => cache.get('VIF', ref)).filter((vif) => vif !== undefined)
    .sort((a, b) => Number(a.device) - Number(b.device))
    .map((vif) => {
      const d = String(vif.device);
      return {
        device: d, macAddress: String(vif.MAC), rxRate: value(`vif_${d}_rx`), txRate: value(`vif_${d}_tx`),
        rxOctets: total(`vif_${d}_rx`), txOctets: total(`vif_${d}_tx`),
      };
    });
  const disks = instanceDiskInfo(cache, instance, vm).filter((disk) => disk.guestDevice !== null).map((disk) => {
    const d = disk.guestDevice!;
    return {
      device: d, userdevice: disk.device, readRate: value(`vbd_${d}_read`), writeRate: value(`vbd_${d}_write`),
      readBytes: total(`vbd_${d}_read`), writeBytes: total(`vbd_${d}_write`),
    };
  });
  const megabytes = (bytes: number | null) => (bytes === null ? null : bytes / MiB);
  const guestFreeKib = value('memory_internal_free');

  return {
    state: STATE_NAMES[instance.powerState],
    driver: 'xenapi',
    hypervisor: 'xen',
    configDrive: instanceDiskInfo(cache, instance, vm).some((disk) => disk.type === 'CONFIGDRIVE'),
    uptimeSeconds: uptimeOf(cache, vm),
    lastUpdate: rrd ? new Date(rrd.lastUpdate * 1000) : null,
    unavailableReason,
    cpus,
    memory: {
      maximumMb: Math.floor(Number(vm.memory_dynamic_max) / MiB),
      usedMb: megabytes(value('memory')),
      targetMb: megabytes(value('memory_target')),
      guestFreeMb: guestFreeKib === null ? null : guestFreeKib / 1024,
    },
    nics,
    disks,
    dataSources: [...latest].map(([name, v]) => ({ name, value: known(v) })),
  };
}

/** Seconds since the domain started, while it has one. */
function uptimeOf(cache: ObjectCache, vm: XapiRecord): number | null {
  if (vm.power_state !== 'Running' && vm.power_state !== 'Paused') return null;
  const started = cache.get('VM_metrics', String(vm.metrics))?.start_time;
  if (typeof started !== 'string' || started === '') return null;
  const seconds = Math.floor((Date.now() - parseXapiDate(started).getTime()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : null;
}
