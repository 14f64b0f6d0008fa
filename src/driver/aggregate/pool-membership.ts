// The XAPI side of aggregates as pools: naming a pool after its aggregate, a standalone host joining the
// master's pool, a slave being ejected, and xengraph following each host to the pool it ends up in. Where
// Nova went through its `xenhost` dom0 plugin (which logged into the slave and restarted Nova's own domU),
// these are plain XAPI calls on the pools xengraph is already connected to.
import { setTimeout as sleep } from 'node:timers/promises';
import type { PoolLink } from '../../events/pool-connections.js';
import type { DriverServices, TargetRun } from '../../operations/action.js';
import type { Host } from '../../store/index.js';
import { withHost, type XapiClient } from '../../xapi/index.js';

const MINUTE = 60_000;
/** A joined host shows up in the master's event stream before the join's task ends; this is a generous bound. */
const FOLLOW_JOINED_MS = 2 * MINUTE;
/** An ejected host reboots with a fresh configuration before it answers again. */
const EJECTED_REBOOT_MS = 15 * MINUTE;

export async function namePool(client: XapiClient, name: string): Promise<void> {
  const [pool] = await client.call<string[]>('pool.get_all');
  await client.call('pool.set_name_label', pool, name);
}

/** The name XAPI gives the pool `client` is connected to. */
export function poolNameOf(client: XapiClient): string | undefined {
  const [pool] = client.cache.all('pool').values();
  return pool ? String(pool.name_label) : undefined;
}

/** The XAPI host ref of the pool master, from the event-fed cache. */
export function masterRefOf(client: XapiClient): string | undefined {
  const [pool] = client.cache.all('pool').values();
  return pool ? String(pool.master) : undefined;
}

/**
 * The joining host, through its own pool's link, joins the master's pool with the credentials xengraph uses.
 * Progress follows XAPI's task from `from` to `to` percent.
 */
export async function joinPool(
  run: TargetRun, joiner: XapiClient, master: Host, force: boolean, from: number, to: number,
): Promise<void> {
  const { user, password } = run.services.pools.credentials;
  // Nova asked for pool.join_force (use_join_force, on by default) but its plugin sent the plain join whenever
  // the flag was set; here the flag means what it says.
  await joiner.callAsync(force ? 'pool.join_force' : 'pool.join', [master.address, user, password], {
    signal: run.signal,
    onProgress: (fraction) => void run.progress(Math.round(from + (to - from) * fraction), 'joining').catch(() => undefined),
  });
}

/** The slave leaves the pool; XAPI refuses while VMs run on it. */
export async function ejectFromPool(run: TargetRun, client: XapiClient, hostRef: string, from: number, to: number): Promise<void> {
  await client.callAsync('pool.eject', [hostRef], {
    signal: run.signal,
    onProgress: (fraction) => void run.progress(Math.round(from + (to - from) * fraction), 'ejecting').catch(() => undefined),
  });
}

/** Waits until the store shows the host in `poolId` (the master's event stream brings it); false on timeout. */
export async function followHost(services: DriverServices, hostUuid: string, poolId: string, signal: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + FOLLOW_JOINED_MS;
  while (Date.now() < deadline && !signal.aborted) {
    if ((await services.store.hosts.getByUuid(hostUuid))?.poolId === poolId) return true;
    await sleep(50);
  }
  return false;
}

/**
 * After an eject the host reboots and comes back as the master of a pool of its own, at its own address on the
 * port its old pool used. Links that pool once it answers; null if it did not come back in time.
 */
export async function linkEjectedHost(services: DriverServices, formerPool: PoolLink, host: Host, signal: AbortSignal): Promise<PoolLink | null> {
  const url = withHost(formerPool.client.masterUrl ?? formerPool.status.masterUrl, host.address);
  const deadline = Date.now() + EJECTED_REBOOT_MS;
  let delay = 200;
  while (Date.now() < deadline && !signal.aborted) {
    try {
      const link = await services.pools.connect(url);
      // Until it reboots, the host may still answer as a slave of its former pool.
      if (link.id !== formerPool.id) return link;
    } catch {
      // Rebooting: nothing answers yet.
    }
    await sleep(delay, undefined, { signal }).catch(() => undefined);
    delay = Math.min(delay * 2, 5000);
  }
  return null;
}
