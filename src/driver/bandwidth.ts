// Bandwidth accounting: Nova's get_all_bw_counters (per host, the `bandwidth` dom0 plugin's running byte
// totals of every guest VIF, tied to instances through the VMs and MACs in the pool's cache) and what Nova's
// compute manager did with them on each poll: add what each interface moved since the last poll to its
// row for the current accounting period.
import type { DriverServices } from '../operations/action.js';
import type { BandwidthUsage, Store } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';

/** One interface's running totals as the hypervisor reports them; "in" is what the guest received. */
export interface VifCounters {
  readonly instanceId: string;
  readonly mac: string;
  readonly bytesIn: number;
  readonly bytesOut: number;
}

type PluginCounters = Record<string, Record<string, { bw_in?: unknown; bw_out?: unknown }>>;

/** The accounting period a moment falls in: its calendar month, UTC (Nova's default audit period). */
export function periodStartOf(moment: Date): Date {
  return new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), 1));
}

/**
 * The counters of the instances resident on one host. The plugin is asked for JSON, not Nova's pickle; VMs
 * with no instance in the store and domains the plugin does not list are left out.
 */
export async function hostBandwidthCounters(store: Store, client: XapiClient, hostRef: string): Promise<VifCounters[]> {
  const raw = await client.call<string>('host.call_plugin', hostRef, 'bandwidth', 'fetch_all_bandwidth', {
    params: JSON.stringify({ args: [], kwargs: {} }),
  });
  const byDomain = JSON.parse(raw) as PluginCounters;
  const counters: VifCounters[] = [];
  for (const vm of client.cache.all('VM').values()) {
    if (vm.resident_on !== hostRef || vm.is_control_domain || vm.is_a_template) continue;
    const domain = byDomain[String(vm.domid)];
    if (!domain) continue;
    // The instance's own VM only: a rescue twin shares its MACs but not its accounting (Nova matched names).
    const instance = await store.instances.getByVmUuid(String(vm.uuid));
    if (!instance || instance.deletedAt) continue;
    for (const ref of (vm.VIFs ?? []) as string[]) {
      const vif = client.cache.get('VIF', ref);
      const figures = vif ? domain[String(vif.device)] : undefined;
      if (!vif || !figures) continue;
      counters.push({ instanceId: instance.id, mac: String(vif.MAC).toLowerCase(), bytesIn: Number(figures.bw_in) || 0, bytesOut: Number(figures.bw_out) || 0 });
    }
  }
  return counters;
}

/**
 * Adds what each interface moved since its last poll to the current period: the difference of the running
 * totals, or the whole total when it went down (the domain restarted, so its counters did too). An interface
 * seen for the first time counts all it shows, as its counters started with its domain.
 */
export async function recordBandwidth(store: Store, counters: readonly VifCounters[], now = new Date()): Promise<void> {
  const periodStart = periodStartOf(now);
  for (const sample of counters) {
    const current = await store.bandwidthUsage.get(sample.instanceId, sample.mac, periodStart);
    const previous = current ?? await store.bandwidthUsage.latestBefore(sample.instanceId, sample.mac, periodStart);
    const moved = (total: number, last: number | null | undefined) => (last === null || last === undefined || total < last ? total : total - last);
    const usage: BandwidthUsage = {
      instanceId: sample.instanceId, mac: sample.mac, periodStart,
      bytesIn: (current?.bytesIn ?? 0) + moved(sample.bytesIn, previous?.lastCounterIn),
      bytesOut: (current?.bytesOut ?? 0) + moved(sample.bytesOut, previous?.lastCounterOut),
      lastCounterIn: sample.bytesIn, lastCounterOut: sample.bytesOut, lastRefreshed: now,
    };
    await store.bandwidthUsage.save(usage);
  }
}

export interface BandwidthPollResult {
  readonly hosts: number;
  readonly interfaces: number;
  /** Hosts whose counters could not be read, with why. */
  readonly failures: readonly { readonly host: string; readonly error: string }[];
}

/** One poll of every live host of every connected pool; a host that fails is skipped, not the whole poll. */
export async function pollBandwidthUsage(services: DriverServices, now = new Date()): Promise<BandwidthPollResult> {
  let hosts = 0;
  let interfaces = 0;
  const failures: { host: string; error: string }[] = [];
  for (const link of services.pools.list()) {
    const { cache } = link.client;
    for (const [hostRef, host] of cache.all('host')) {
      if (cache.get('host_metrics', String(host.metrics))?.live === false) continue;
      try {
        const counters = await hostBandwidthCounters(services.store, link.client, hostRef);
        await recordBandwidth(services.store, counters, now);
        hosts += 1;
        interfaces += counters.length;
      } catch (error) {
        failures.push({ host: String(host.name_label ?? hostRef), error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return { hosts, interfaces, failures };
}
