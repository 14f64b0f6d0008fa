// The simulated world: pools (each with its own XAPI database) and the host endpoints that serve them.
import { Db } from './db.js';
import { FaultPlan } from './faults.js';

export interface SimConfig {
  readonly user: string;
  readonly password: string;
  /** Multiplies every simulated duration: 1 = realistic, 0.05 = twenty times faster. */
  readonly timeScale: number;
}

/** Legacy event.register / event.next state of one session. */
export interface LegacySubscription {
  classes: Set<string>;
  lastGen: number;
}

export class SimPool {
  readonly db = new Db();
  poolRef = '';
  masterRef = '';
  readonly legacySubscriptions = new Map<string, LegacySubscription>();

  constructor(readonly world: World, readonly name: string) {}

  /** Address of a host of this pool (its endpoint). */
  addressOf(hostRef: string): string {
    return this.db.get('host', hostRef).address as string;
  }

  get masterAddress(): string {
    return this.addressOf(this.masterRef);
  }

  /** Scaled duration in milliseconds for a realistic duration in seconds. */
  duration(seconds: number): number {
    return seconds * 1000 * this.world.config.timeScale;
  }
}

export class World {
  readonly pools: SimPool[] = [];
  /** Injected failures, shared by every pool and host of this world. */
  readonly faults = new FaultPlan();

  constructor(readonly config: SimConfig) {}

  addPool(name: string): SimPool {
    const pool = new SimPool(this, name);
    this.pools.push(pool);
    return pool;
  }

  /** The pool and host an endpoint address belongs to. */
  endpoint(address: string): { pool: SimPool; hostRef: string } | undefined {
    for (const pool of this.pools) {
      for (const [hostRef, row] of pool.db.table('host')) {
        if (row.record.address === address) return { pool, hostRef };
      }
    }
    return undefined;
  }
}
