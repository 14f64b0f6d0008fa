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

/** What the world can do to the network side of a host (see http.ts). */
export interface HostNetwork {
  refuse(address: string, after?: Promise<unknown>): void;
  accept(address: string): Promise<void>;
  dropConnections(address: string): void;
}

export class SimPool {
  readonly db = new Db();
  poolRef = '';
  masterRef = '';
  readonly legacySubscriptions = new Map<string, LegacySubscription>();
  /**
   * Set once the pool's only host has joined another pool: its toolstack still serves this database (so a
   * client can read the join's outcome) until it restarts as a slave and the pool is removed from the world.
   */
  retired = false;
  /** A host rebooting after pool.eject answers nothing until this time (epoch ms). */
  bootingUntil = 0;
  /**
   * Slaves not yet told of the pool's new master (after pool.emergency_transition_to_master) and the master
   * address they still follow, as each slave's pool.conf would say, until pool.recover_slaves reaches them.
   */
  readonly staleSlaves = new Map<string, string>();
  /** Sessions from session.slave_local_login_with_password: kept by their host only, never in the database. */
  readonly localSessions = new Map<string, string>();

  constructor(readonly world: World, readonly name: string) {}

  /** Address of a host of this pool (its endpoint). */
  addressOf(hostRef: string): string {
    return this.db.get('host', hostRef).address as string;
  }

  get masterAddress(): string {
    return this.addressOf(this.masterRef);
  }

  /** The master address a host believes in: what it answers HOST_IS_SLAVE with. */
  masterAddressSeenBy(hostRef: string): string {
    return this.staleSlaves.get(hostRef) ?? this.masterAddress;
  }

  /** A slave whose master is unreachable runs in emergency mode: it serves little but the calls that recover it. */
  inEmergencyMode(hostRef: string): boolean {
    return hostRef !== this.masterRef && this.world.isDead(this.masterAddressSeenBy(hostRef));
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
  /** Addresses of hosts that have died (killed through the admin API): nothing answers there. */
  readonly deadAddresses = new Set<string>();
  /** Revived hosts whose toolstack answers HOST_STILL_BOOTING until this time (epoch ms). */
  readonly stillBootingUntil = new Map<string, number>();
  /** The listening side, once the world is served: how a host's death or restart reaches its connections. */
  network?: HostNetwork;
  /** Set when the simulator stops: calls held open (hung by a fault) give up rather than keep the process alive. */
  stopped = false;

  constructor(readonly config: SimConfig) {}

  isDead(address: string): boolean {
    return this.deadAddresses.has(address);
  }

  isStillBooting(address: string): boolean {
    return (this.stillBootingUntil.get(address) ?? 0) > Date.now();
  }

  addPool(name: string): SimPool {
    const pool = new SimPool(this, name);
    this.pools.push(pool);
    return pool;
  }

  /** Whether the host at `address` is rebooting (it answers nothing, as a machine that is down). */
  isBooting(address: string): boolean {
    const now = Date.now();
    return this.pools.some((pool) => pool.bootingUntil > now && pool.masterAddress === address);
  }

  removePool(pool: SimPool): void {
    const index = this.pools.indexOf(pool);
    if (index >= 0) this.pools.splice(index, 1);
  }

  /**
   * The pool and host an endpoint address belongs to. A host that has just joined another pool is in both
   * databases for a moment; until its toolstack restarts it still answers from its old one.
   */
  endpoint(address: string): { pool: SimPool; hostRef: string } | undefined {
    let found: { pool: SimPool; hostRef: string } | undefined;
    const now = Date.now();
    for (const pool of this.pools) {
      if (pool.bootingUntil > now) continue;
      for (const [hostRef, row] of pool.db.table('host')) {
        if (row.record.address !== address) continue;
        if (pool.retired) return { pool, hostRef };
        found ??= { pool, hostRef };
      }
    }
    return found;
  }
}
