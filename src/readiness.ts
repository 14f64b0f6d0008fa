// Whether this process can do its job now: its store answers and every configured pool is linked. Load
// balancers and Kubernetes take a 503 as "send no traffic here yet".
import type { PoolConnections } from './events/pool-connections.js';
import type { Store } from './store/index.js';

export interface PoolReadiness {
  readonly id: string | null;
  readonly name: string;
  readonly masterUrl: string;
  readonly state: string;
  readonly reason: string | null;
  readonly since: string;
  /** Whether this process mirrors the pool's XAPI events into the store (among replicas, one does at a time). */
  readonly mirrored: boolean;
}

export interface Readiness {
  readonly ready: boolean;
  readonly store: { readonly ok: boolean; readonly error?: string };
  readonly pools: readonly PoolReadiness[];
}

export async function checkReadiness(services: { readonly store: Store; readonly pools: PoolConnections }): Promise<Readiness> {
  const store = await services.store.pools.list().then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  const pools = services.pools.statuses().map((status) => ({
    id: status.poolId, name: status.poolName, masterUrl: status.masterUrl, state: status.state, reason: status.reason,
    since: status.since.toISOString(), mirrored: status.poolId !== null && services.pools.mirrors(status.poolId),
  }));
  return { ready: store.ok && pools.every((pool) => pool.state === 'connected'), store, pools };
}
