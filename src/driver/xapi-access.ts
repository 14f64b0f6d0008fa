// Reaching the pool an instance or host lives on, and naming XAPI objects as the driver does.
import { InvalidStateError } from '../errors.js';
import type { DriverServices } from '../operations/action.js';
import type { Host, Instance } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';

export function poolClient(services: DriverServices, poolId: string | null): XapiClient {
  const link = poolId ? services.pools.get(poolId) : undefined;
  if (!link) throw new InvalidStateError('The instance is not on a connected pool', 'NO_POOL');
  return link.client;
}

export function instanceClient(services: DriverServices, instance: Instance): XapiClient {
  return poolClient(services, instance.poolId);
}

/** The XAPI host ref of a store host, from the pool's cache. */
export function hostRef(client: XapiClient, host: Host): string {
  const ref = client.cache.refByUuid('host', host.uuid);
  if (!ref) throw new InvalidStateError(`Host ${host.name} is not known to its pool`, 'UNKNOWN_HOST');
  return ref;
}

/** How long a change of ours may take to come back through the event feed before we stop waiting for it. */
const MIRROR_WAIT_MS = 10_000;

/**
 * Read-your-writes for the store: resolves once the pool's event pump has mirrored every change XAPI made before
 * this call. A field both the pump and an action write (a host's `enabled`) is written by the action after this,
 * so a pump batch read from older records cannot land later and turn it back. Best effort: with the feed down
 * the pool's next resync mirrors it.
 */
export async function storeMirrorsPool(services: DriverServices, poolId: string): Promise<void> {
  const link = services.pools.get(poolId);
  if (!link) return;
  await link.client.barrier(MIRROR_WAIT_MS).catch(() => undefined);
  await link.sync.settled();
}
