// Taking a pool master out of service. As XenCenter does, the master role first goes to another live host of the
// pool (pool.designate_new_master), so the pool keeps its API while the old master is in maintenance or rebooting.
// With HA on XAPI refuses a designation; HA itself elects a new master if the old one goes down.
import type { DriverServices, TargetRun } from '../../operations/action.js';
import type { Host } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { hostRef } from '../xapi-access.js';

/** A designation is a two-phase commit and a toolstack restart: seconds, unless the pool is in trouble. */
const DESIGNATION_MS = 5 * 60_000;

function poolRecord(client: XapiClient) {
  return client.poolRef === undefined ? undefined : client.cache.get('pool', client.poolRef);
}

export function isPoolMaster(client: XapiClient, ref: string): boolean {
  return poolRecord(client)?.master === ref;
}

/** Another live, enabled host of the pool to take over, or undefined (a pool of one, or none in service). */
export async function successorOf(services: DriverServices, host: Host): Promise<Host | undefined> {
  const hosts = await services.store.hosts.list({ poolId: host.poolId }, { limit: 1000, inverted: false });
  return hosts
    .filter((h) => h.id !== host.id && h.live && h.enabled && h.maintenance === 'NONE')
    .sort((a, b) => a.name.localeCompare(b.name))[0];
}

/**
 * When `host` is its pool's master, hands the role to a successor and waits until the pool reports it.
 * Returns the new master's name, or null when nothing was handed over (not the master, HA on, no successor).
 */
export async function handOverMastership(run: TargetRun, client: XapiClient, host: Host, percent: number): Promise<string | null> {
  if (!isPoolMaster(client, hostRef(client, host)) || poolRecord(client)?.ha_enabled) return null;
  const successor = await successorOf(run.services, host);
  if (!successor) return null;
  const successorRef = hostRef(client, successor);
  await run.progress(percent, 'designating a new master', `handing the pool master role to ${successor.name}`);
  await client.callAsync('pool.designate_new_master', [successorRef], { signal: run.signal });
  // The client follows the new master by itself; the cache showing it means calls now reach it.
  await client.cache.waitFor(() => isPoolMaster(client, successorRef) || undefined, DESIGNATION_MS, run.signal);
  return successor.name;
}
