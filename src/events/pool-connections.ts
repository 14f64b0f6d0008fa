// One live link per XAPI pool: a client whose event watcher feeds the object cache, and the sync that
// mirrors the cache into the store and publishes domain events. Subscribers never talk to XAPI.
import { XapiClient } from '../xapi/client.js';
import type { ConnectionStatus } from '../xapi/event-watcher.js';
import type { Store } from '../store/index.js';
import { PoolSync } from './pool-sync.js';
import type { AppPubSub, ConnectionStatusEvent } from './pubsub.js';

export interface PoolConnectionsOptions {
  /** One URL per pool (its master, or any member: HOST_IS_SLAVE is followed). */
  readonly urls: readonly string[];
  readonly user: string;
  readonly password: string;
  readonly store: Store;
  readonly pubsub: AppPubSub;
}

export interface PoolLink {
  readonly id: string;
  readonly uuid: string;
  readonly name: string;
  readonly client: XapiClient;
  status: ConnectionStatusEvent;
}

export class PoolConnections {
  private readonly links = new Map<string, PoolLink>();

  constructor(private readonly options: PoolConnectionsOptions) {}

  async start(): Promise<void> {
    await Promise.all(this.options.urls.map((url) => this.connect(url)));
  }

  list(): PoolLink[] {
    return [...this.links.values()];
  }

  get(poolId: string): PoolLink | undefined {
    return this.links.get(poolId);
  }

  /** XAPI calls made by every pool client so far (tests check reads cost none). */
  xapiCallCount(): number {
    return this.list().reduce((sum, link) => sum + link.client.callCount, 0);
  }

  async stop(): Promise<void> {
    await Promise.all(this.list().map((link) => link.client.close()));
    this.links.clear();
  }

  private async connect(url: string): Promise<void> {
    const { store, pubsub, user, password } = this.options;
    const client = new XapiClient({ url, user, password });
    await client.connect();
    const [poolRef, pool] = [...client.cache.all('pool')][0] ?? [];
    if (!poolRef || !pool) throw new Error(`${url}: XAPI reported no pool`);
    const row = await store.pools.upsert({
      uuid: String(pool.uuid),
      name: String(pool.name_label || 'pool'),
      masterUrl: client.masterUrl ?? url,
    });
    const link: PoolLink = {
      id: row.id, uuid: row.uuid, name: row.name, client,
      status: { poolId: row.id, poolName: row.name, masterUrl: client.masterUrl ?? url, state: 'connected', lastEventAt: null },
    };
    this.links.set(row.id, link);
    const sync = new PoolSync(row.id, client, store, pubsub);
    await sync.fullSync();
    client.cache.on('batch', (changes) => void sync.apply(changes));
    client.on('connectionStatus', (status) => this.onStatus(link, status));
  }

  private onStatus(link: PoolLink, status: ConnectionStatus): void {
    link.status = {
      ...link.status,
      masterUrl: link.client.masterUrl ?? link.status.masterUrl,
      state: status.state === 'stopped' ? 'stopped' : status.state,
      lastEventAt: status.lastEventAt ?? link.status.lastEventAt,
    };
    this.options.pubsub.publish('connection:status', link.status);
  }
}
