// Placement for new and moving instances: among the hosts asked for (one host, an aggregate's, a pool's, or
// all, less a migration's source), those enabled, alive, not in maintenance and with room for the flavor's
// memory once other builds in flight are counted, and any other need of the request (PCI devices) met; the
// one with the most memory left wins.
import { NoValidHostError } from '../errors.js';
import type { Flavor, Host, Store } from '../store/index.js';

const MiB = 1024 * 1024;

export interface PlacementRequest {
  /** Only its memory matters here (an unmanaged instance has no flavor, only its VM's memory). */
  readonly flavor: Pick<Flavor, 'memoryMb'>;
  readonly hostId?: string | null;
  readonly aggregateId?: string | null;
  /** Only this pool's hosts (a cold migration stays in its pool). */
  readonly poolId?: string | null;
  /** Only hosts of other pools (a resize whose own pool has no room). */
  readonly excludePoolId?: string | null;
  /** Never this host (a migration's source). */
  readonly excludeHostId?: string | null;
  /** Memory (MiB) freed on a host before the instance lands there: a resize's own VM, stopped first. */
  readonly released?: { readonly hostId: string; readonly memoryMb: number } | null;
  /** Why a host cannot take the instance beyond memory (its PCI devices), or null when it can. */
  readonly refusal?: (host: Host) => string | null;
}

export async function chooseHost(store: Store, request: PlacementRequest): Promise<Host> {
  const candidates = await candidateHosts(store, request);
  const reserved = await store.instances.buildingMemoryByHost();
  const needed = request.flavor.memoryMb * MiB;
  const reasons: string[] = [];
  let best: { host: Host; free: number } | null = null;
  for (const host of candidates) {
    const credit = request.released?.hostId === host.id ? request.released.memoryMb : 0;
    const free = host.memoryFree - ((reserved.get(host.id) ?? 0) - credit) * MiB;
    const refusal = !host.enabled ? 'disabled'
      : !host.live ? 'not responding'
        : host.maintenance !== 'NONE' ? 'in maintenance'
          : free < needed ? `only ${Math.floor(free / MiB)} MiB free` : request.refusal?.(host) ?? null;
    if (refusal) reasons.push(`${host.name}: ${refusal}`);
    else if (!best || free > best.free) best = { host, free };
  }
  if (!best) {
    throw new NoValidHostError(candidates.length === 0
      ? 'No host matches the placement asked for'
      : `No host can take the instance (${reasons.join('; ')})`);
  }
  return best.host;
}

async function candidateHosts(store: Store, request: PlacementRequest): Promise<Host[]> {
  if (request.hostId) {
    const host = await store.hosts.get(request.hostId);
    return host ? [host] : [];
  }
  const filter = {
    ...(request.aggregateId ? { aggregateId: request.aggregateId } : {}),
    ...(request.poolId ? { poolId: request.poolId } : {}),
  };
  const hosts = await store.hosts.list(filter, { limit: 1000, inverted: false });
  return hosts.filter((host) => host.id !== request.excludeHostId && (!request.excludePoolId || host.poolId !== request.excludePoolId));
}
