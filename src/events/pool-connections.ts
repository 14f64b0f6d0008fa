// One live link per XAPI pool: a client whose event watcher feeds the object cache, and the sync that
// mirrors the cache into the store and publishes domain events. Subscribers never talk to XAPI.
// Replicas sharing a store each keep their own link (actions read its cache), but only one at a time mirrors a
// pool: the holder of the pool's feed lease. The others serve the mirrored rows and hear changes via the broker.
// Pools stand alone: one that cannot be reached (at start, or later) is reported and retried, never blocking
// the others or the API.
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { XapiClient } from '../xapi/client.js';
import { withHost } from '../xapi/session.js';
import type { ConnectionStatus } from '../xapi/event-watcher.js';
import type { XapiCallRecord } from '../xapi/session.js';
import type { XapiRecord } from '../xapi/normalize.js';
import type { Store } from '../store/index.js';
import { poolFeedLease, type ReplicaLeases } from '../operations/replica-leases.js';
import { PoolSync } from './pool-sync.js';
import { poolSettingsProblem, sameUrl, type PoolStartFailure } from './pool-settings.js';
import type { AppPubSub, ConnectionStatusEvent } from './pubsub.js';

export interface PoolConnectionsOptions {
  /** One URL per pool (its master, or any member: HOST_IS_SLAVE is followed). */
  readonly urls: readonly string[];
  readonly user: string;
  readonly password: string;
  readonly store: Store;
  readonly pubsub: AppPubSub;
  /** Wait before the first retry of a pool that could not be linked (doubling up to `retryMaxMs`). */
  readonly retryMinMs?: number;
  /** Where failures to mirror a pool are reported. */
  readonly logError: (message: string, error: unknown) => void;
  readonly retryMaxMs?: number;
  /** With replicas sharing the store: a pool is mirrored only while this replica holds its feed lease. */
  readonly feedLeases?: ReplicaLeases;
}

export interface PoolLink {
  readonly id: string;
  readonly uuid: string;
  readonly name: string;
  readonly client: XapiClient;
  /** Mirrors the pool into the store; `reconcile()` is the periodic full resync. */
  readonly sync: PoolSync;
  status: ConnectionStatusEvent;
}

export class PoolConnections {
  private readonly links = new Map<string, PoolLink>();
  /** Configured URLs whose pool could not be linked yet, with the status that says why. */
  private readonly unreached = new Map<string, ConnectionStatusEvent>();
  private readonly linkedEvents = new EventEmitter<{ linked: [link: PoolLink] }>();
  /** Every XAPI request of every pool, for observers such as metrics. */
  readonly xapiCalls = new EventEmitter<{ call: [call: XapiCallRecord] }>();
  private readonly stopping = new AbortController();
  private readonly retries = new Set<Promise<void>>();
  /** Pools this process mirrors now (all of them without feed leases). */
  private readonly mirrored = new Set<string>();
  private feedTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PoolConnectionsOptions) {
    this.linkedEvents.setMaxListeners(0);
  }

  /**
   * Links every configured pool that answers; resolves once each has been tried once, with why the others
   * failed. Those are reported on their status and tried again with backoff in the background until they answer.
   */
  async start(): Promise<PoolStartFailure[]> {
    const failures: PoolStartFailure[] = [];
    await Promise.all(this.options.urls.map(async (url) => {
      // A settings mistake found now stops the start, which says it itself.
      const error = await this.tryLink(url, false);
      if (error === null) return;
      failures.push({ url, error });
      const retry = this.retryUntilLinked(url).finally(() => this.retries.delete(retry));
      this.retries.add(retry);
    }));
    this.followFeedLeases();
    return failures;
  }

  /** Whether this process mirrors the pool (holds its feed lease); the others only read what it mirrored. */
  mirrors(poolId: string): boolean {
    return this.mirrored.has(poolId);
  }

  /** Renews the feed leases held and tries for the others, three times a lease period. */
  private followFeedLeases(): void {
    const leases = this.options.feedLeases;
    if (!leases) return;
    this.feedTimer = setTimeout(() => {
      void Promise.all(this.list().map((link) => this.claimFeed(link, true)))
        .catch((error: unknown) => this.options.logError('could not renew the pool feed leases', error))
        .finally(() => {
          if (this.feedTimer) this.followFeedLeases();
        });
    }, leases.ttlMs / 3);
    this.feedTimer.unref();
  }

  /**
   * Takes or keeps the pool's feed lease; returns whether this process has just started mirroring it. Mirroring
   * stops as soon as the lease is found held by another replica.
   */
  private async claimFeed(link: PoolLink, catchUp: boolean): Promise<boolean> {
    const leases = this.options.feedLeases;
    const held = leases ? await leases.claim(poolFeedLease(link.id)) : true;
    if (!held) {
      this.mirrored.delete(link.id);
      return false;
    }
    if (this.mirrored.has(link.id) || this.links.get(link.id) !== link) return false;
    this.mirrored.add(link.id);
    // Taken over from a replica that stopped: what changed while nobody mirrored is caught up by a full resync.
    if (catchUp) void link.sync.reconcile();
    return true;
  }

  /** Health of every configured pool: its link's status, or why it is not linked. */
  statuses(): ConnectionStatusEvent[] {
    return [...this.list().map((link) => link.status), ...this.unreached.values()];
  }

  /** Resolves with the pool's link once it is linked and mirrored (at once if it is); rejects when `signal` aborts. */
  whenLinked(poolId: string, signal: AbortSignal): Promise<PoolLink> {
    const link = this.links.get(poolId);
    if (link) return Promise.resolve(link);
    return new Promise((resolve, reject) => {
      const onLinked = (linked: PoolLink): void => {
        if (linked.id !== poolId) return;
        cleanup();
        resolve(linked);
      };
      const onAbort = (): void => {
        cleanup();
        reject(signal.reason);
      };
      const cleanup = (): void => {
        this.linkedEvents.off('linked', onLinked);
        signal.removeEventListener('abort', onAbort);
      };
      if (signal.aborted) return onAbort();
      this.linkedEvents.on('linked', onLinked);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** One attempt at linking a configured pool: null when linked, else the error (also reported on its status). */
  private async tryLink(url: string, logSettingsProblem = true): Promise<unknown> {
    try {
      const link = await this.connect(url);
      this.unreached.delete(url);
      // stop() came while we were connecting: it has already closed the links it knew about.
      if (this.stopping.signal.aborted) await this.disconnect(link.id);
      return null;
    } catch (error) {
      if (!this.stopping.signal.aborted) await this.reportUnreached(url, error, logSettingsProblem);
      return error ?? new Error('unknown failure');
    }
  }

  private async retryUntilLinked(url: string): Promise<void> {
    let delayMs = this.options.retryMinMs ?? 1_000;
    while (!this.stopping.signal.aborted) {
      try {
        await sleep(delayMs, undefined, { signal: this.stopping.signal });
      } catch {
        return;
      }
      if (await this.tryLink(url) === null) return;
      delayMs = Math.min(delayMs * 2, this.options.retryMaxMs ?? 5_000);
    }
  }

  private async reportUnreached(url: string, error: unknown, logSettingsProblem: boolean): Promise<void> {
    const reason = reasonOf(error);
    const previous = this.unreached.get(url);
    if (previous?.reason === reason) return;
    if (logSettingsProblem) this.logSettingsProblem(url, error);
    // A pool linked in an earlier run is shown under its own id and name; a new one by its address.
    const known = (await this.options.store.pools.list()).find((pool) => sameUrl(pool.masterUrl, url));
    const status: ConnectionStatusEvent = {
      poolId: known?.id ?? null, poolName: known?.name ?? new URL(url).host, masterUrl: url,
      state: 'connecting', lastEventAt: null, reason, since: previous?.since ?? new Date(), lastError: reason,
    };
    this.unreached.set(url, status);
    this.options.pubsub.publish('connection:status', status);
  }

  /** The XAPI credentials every pool is reached with (a host joining a pool logs in to its master with them). */
  get credentials(): { readonly user: string; readonly password: string } {
    return { user: this.options.user, password: this.options.password };
  }

  list(): PoolLink[] {
    return [...this.links.values()];
  }

  get(poolId: string): PoolLink | undefined {
    return this.links.get(poolId);
  }

  /**
   * XAPI calls made so far for reads and actions, across pools. The event stream's own long polls (event.*)
   * are left out: they run all the time whatever the API is asked, so counting them would hide what a
   * request or an action really cost.
   */
  xapiCallCount(): number {
    let total = 0;
    for (const link of this.list()) {
      for (const [method, calls] of link.client.callCountByMethod) if (!method.startsWith('event.')) total += calls;
    }
    return total;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.feedTimer) clearTimeout(this.feedTimer);
    this.feedTimer = null;
    await Promise.all(this.retries);
    // Given up at once, so another replica takes the feeds over without waiting for the leases to expire.
    await Promise.all([...this.mirrored].map((poolId) => this.options.feedLeases?.release(poolFeedLease(poolId))))
      .catch((error: unknown) => this.options.logError('could not release the pool feed leases', error));
    this.mirrored.clear();
    await Promise.all(this.list().map((link) => link.client.close()));
    this.links.clear();
  }

  /**
   * Links a pool through `url` (its master or any member) and mirrors it; a pool already linked keeps its link.
   * Besides start-up, this is how a host ejected from a pool, back as a pool of its own, is followed.
   */
  async connect(url: string): Promise<PoolLink> {
    const { store, pubsub, user, password } = this.options;
    const client = new XapiClient({ url: await knownMemberUrls(store, url), user, password });
    client.on('call', (call) => this.xapiCalls.emit('call', call));
    await client.connect();
    const pool = soleRecord(client, 'pool');
    if (!pool) {
      await client.close();
      throw new Error(`${url}: XAPI reported no pool`);
    }
    const known = [...this.links.values()].find((link) => link.uuid === String(pool.uuid));
    if (known) {
      await client.close();
      return known;
    }
    const row = await store.pools.upsert({ uuid: String(pool.uuid), name: poolName(client), masterUrl: client.masterUrl ?? url });
    // Two URLs of one pool connected at once (a joined host's and its master's): the first link stays.
    const raced = this.links.get(row.id);
    if (raced) {
      await client.close();
      return raced;
    }
    const sync = new PoolSync(row.id, client, store, pubsub, this.options.logError);
    const link: PoolLink = {
      id: row.id, uuid: row.uuid, name: row.name, client, sync,
      status: {
        poolId: row.id, poolName: row.name, masterUrl: client.masterUrl ?? url, state: 'connected', lastEventAt: null, reason: null,
        since: new Date(), lastError: this.unreached.get(url)?.lastError ?? null,
      },
    };
    this.links.set(row.id, link);
    if (await this.claimFeed(link, false)) await sync.fullSync();
    let following = true;
    client.cache.on('batch', (changes) => {
      if (!following || !this.mirrored.has(link.id)) return;
      if (changes.some((change) => change.cls === 'pool')) void this.renamed(link);
      void sync.apply(changes);
    });
    client.on('connectionStatus', (status) => this.onStatus(link, status));
    client.on('masterChanged', (masterUrl) => {
      // The master moved, or (after a pool.join) this pool's only host now follows another pool's master: until
      // the pool is known to be the same one, nothing it reports may be mirrored under this pool's id.
      following = false;
      void this.whenSamePool(link, async () => {
        following = true;
        await this.masterMoved(link, masterUrl);
        if (this.mirrored.has(link.id)) await sync.fullSync();
      });
    });
    this.publishStatus(link);
    this.linkedEvents.emit('linked', link);
    return link;
  }

  /** Stops following a pool (its host joined another pool, say); its link is closed and reported stopped. */
  async disconnect(poolId: string): Promise<void> {
    const link = this.links.get(poolId);
    if (!link) return;
    this.links.delete(poolId);
    if (this.mirrored.delete(poolId)) await this.options.feedLeases?.release(poolFeedLease(poolId));
    await link.client.close();
    link.status = { ...link.status, state: 'stopped', since: new Date() };
    this.publishStatus(link);
  }

  /** Resumes a link whose master changed once XAPI confirms it is still the same pool; drops it otherwise. */
  private async whenSamePool(link: PoolLink, resume: () => Promise<void>): Promise<void> {
    while (this.links.get(link.id) === link) {
      try {
        const pools = await link.client.call<Record<string, { uuid?: string }>>('pool.get_all_records');
        if (Object.values(pools).some((pool) => pool.uuid === link.uuid)) await resume();
        else await this.disconnect(link.id);
        return;
      } catch {
        // The new master may not answer yet; the client keeps failing over meanwhile.
        await sleep(1000);
      }
    }
  }

  /** The pool's link now goes to `masterUrl`: shown on its status, and remembered for the next start. */
  private async masterMoved(link: PoolLink, masterUrl: string): Promise<void> {
    await this.options.store.pools.upsert({ uuid: link.uuid, name: link.status.poolName, masterUrl });
    link.status = { ...link.status, masterUrl };
    this.publishStatus(link);
  }

  /** A pool's name follows XAPI (Nova names a pool after its aggregate, and clears the name when it empties). */
  private async renamed(link: PoolLink): Promise<void> {
    if (!this.mirrored.has(link.id)) return;
    if (soleRecord(link.client, 'pool')?.uuid !== link.uuid) return;
    const name = poolName(link.client);
    if (name === link.status.poolName) return;
    await this.options.store.pools.upsert({ uuid: link.uuid, name, masterUrl: link.client.masterUrl ?? link.status.masterUrl });
    link.status = { ...link.status, poolName: name };
    this.publishStatus(link);
  }

  private publishStatus(link: PoolLink): void {
    this.options.pubsub.publish('connection:status', link.status);
  }

  /** Credentials that stop working (a changed password) are a settings mistake, said as at start. */
  private logSettingsProblem(url: string, error: unknown): void {
    const problem = poolSettingsProblem(url, this.options.user, error);
    if (problem) this.options.logError(problem, error);
  }

  private onStatus(link: PoolLink, status: ConnectionStatus): void {
    if (status.state === 'reconnecting' && status.error !== undefined) this.logSettingsProblem(link.status.masterUrl, status.error);
    const reason = status.state === 'reconnecting' && status.error !== undefined ? reasonOf(status.error) : null;
    link.status = {
      ...link.status,
      masterUrl: link.client.masterUrl ?? link.status.masterUrl,
      state: status.state,
      lastEventAt: status.lastEventAt ?? link.status.lastEventAt,
      reason,
      since: status.state === link.status.state ? link.status.since : new Date(),
      lastError: reason ?? link.status.lastError,
    };
    this.publishStatus(link);
  }
}

/**
 * `url` first, then every member an earlier run saw in the pool it belongs to (its last master and its hosts'
 * addresses): a start finds the pool even when the configured host is down or no longer the master.
 */
async function knownMemberUrls(store: Store, url: string): Promise<string[]> {
  const hosts = await store.hosts.list({}, { limit: 100_000, inverted: false });
  const address = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  const poolId = hosts.find((host) => host.address === address)?.poolId
    ?? (await store.pools.list()).find((pool) => sameUrl(pool.masterUrl, url))?.id;
  if (poolId === undefined) return [url];
  const lastMaster = (await store.pools.get(poolId))?.masterUrl;
  const members = hosts.filter((host) => host.poolId === poolId && host.address !== '').map((host) => withHost(url, host.address));
  return [...new Set([url, ...(lastMaster ? [lastMaster] : []), ...members])];
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function soleRecord(client: XapiClient, cls: string): XapiRecord | undefined {
  const records = [...client.cache.all(cls).values()];
  return records.length === 1 ? records[0] : undefined;
}

/** XAPI's pool name; an unnamed pool (a standalone host) goes by its master's name, as XenCenter shows it. */
function poolName(client: XapiClient): string {
  const pool = soleRecord(client, 'pool');
  const master = pool ? client.cache.get('host', String(pool.master)) : undefined;
  return String(pool?.name_label || master?.name_label || 'pool');
}
