// Filtering follows the VMs. Whoever starts, stops or moves an instance's VM (xengraph, another tool, HA, a
// host boot), the event pump mirrors where it now runs and announces it as an `instance:placement` event; the
// hosts that carried the instance's chain and those that must now are refreshed from the store. Actions may
// refresh eagerly as well (spawn applies before the guest boots); this path is what makes it true in the end.
import type { DriverServices } from '../../operations/action.js';
import { refreshHostFirewalls, type HostFirewallOutcome } from './apply.js';

/** Events come in bursts (a pool's first sync, an evacuation): hosts are refreshed once per burst. */
const COALESCE_MS = 25;
/** A host whose refresh failed (unreachable for a moment) is tried again, a few times, this much later. */
const RETRY_MS = 5_000;
const MAX_TRIES = 3;

export interface FilterFollower {
  /** Rebuilds every linked pool's host filters from the store (start-up, after a pool came back). */
  reconcileAll(): Promise<HostFirewallOutcome[]>;
  stop(): Promise<void>;
}

export function followInstancePlacement(services: DriverServices, logError: (message: string, error: unknown) => void): FilterFollower {
  const { store, pubsub } = services;
  const dirty = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  let stopped = false;

  const markDirty = (hostIds: Iterable<string>, tries = 0, delay = COALESCE_MS): void => {
    if (stopped) return;
    for (const hostId of hostIds) dirty.set(hostId, Math.max(tries, dirty.get(hostId) ?? 0));
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      flushing = flushing.then(flush);
    }, delay);
  };

  const flush = async (): Promise<void> => {
    const batch = new Map(dirty);
    dirty.clear();
    const outcomes = await refreshHostFirewalls(services, batch.keys());
    const failed = outcomes.filter((outcome) => outcome.error !== null && batch.get(outcome.hostId)! + 1 < MAX_TRIES);
    for (const outcome of failed) {
      logError(`security groups on host ${outcome.hostId}: will try again`, outcome.error);
      markDirty([outcome.hostId], batch.get(outcome.hostId)! + 1, RETRY_MS);
    }
  };

  const placements = pubsub.subscribe('instance:placement')[Symbol.asyncIterator]();
  const following = (async () => {
    for (let next = await placements.next(); !next.done; next = await placements.next()) {
      const { instanceId, before, after } = next.value;
      // An instance in no group has no chain, and its addresses are in no one's source-group rules.
      if ((await store.securityGroups.groupsOf(instanceId)).length === 0) continue;
      markDirty([...before, ...after]);
    }
  })().catch((error: unknown) => logError('following instance placement for security groups stopped', error));

  return {
    async reconcileAll() {
      const linked = new Set(services.pools.list().map((link) => link.id));
      const hosts = (await store.hosts.list({}, { limit: 100_000, inverted: false }))
        .filter((host) => host.poolId !== null && linked.has(host.poolId) && host.live);
      return refreshHostFirewalls(services, hosts.map((host) => host.id));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await placements.return?.();
      await following;
      await flushing;
    },
  };
}
