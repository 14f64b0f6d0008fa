// What one replica holds among replicas sharing a database: the operations it runs and the pool feeds it
// follows, each as a named lease in the store under this replica's id. One heartbeat renews them all at once;
// a replica that dies stops renewing, and once its leases expire the others may take over what they covered.
import { randomUUID } from 'node:crypto';
import type { LeaseRepository } from '../store/index.js';

export class ReplicaLeases {
  /** Who this replica is to the lease table. */
  readonly holder = randomUUID();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly leases: LeaseRepository,
    readonly ttlMs: number,
    private readonly onError: (message: string, error: unknown) => void,
  ) {}

  /** Renews every lease this replica holds three times per lease period, so one missed beat loses nothing. */
  start(): void {
    const beat = () => {
      this.timer = setTimeout(() => {
        void this.leases.renewAll(this.holder, this.ttlMs)
          .catch((error: unknown) => this.onError('could not renew the replica\'s leases', error))
          .finally(() => {
            if (this.timer) beat();
          });
      }, this.ttlMs / 3);
      this.timer.unref();
    };
    beat();
  }

  /** Takes (or keeps) a lease; false while another replica's is unexpired. */
  claim(name: string): Promise<boolean> {
    return this.leases.acquire(name, this.holder, this.ttlMs);
  }

  release(name: string): Promise<void> {
    return this.leases.release(name, this.holder);
  }

  /** Stops renewing; what is still held then expires, so an operation abandoned at shutdown is adopted later. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export const operationLease = (operationId: string) => `operation:${operationId}`;
export const poolFeedLease = (poolId: string) => `pool-feed:${poolId}`;
