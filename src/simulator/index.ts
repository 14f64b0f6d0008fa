// Starts a simulated XenServer world: builds each pool from the topology and serves every host on its
// own loopback address, all on one port.
import './classes/index.js';
import { adminRoutes } from './admin.js';
import { registerIscsiTargets } from './classes/iscsi.js';
import { buildPool } from './build.js';
import type { FaultPlan } from './faults.js';
import { killHost, reviveHost } from './host-machines.js';
import { listen } from './http.js';
import { DEFAULT_TOPOLOGY, type Topology } from './topology.js';
import { autosave, loadWorld } from './persistence.js';
import { transferRoutes } from './transfers/index.js';
import { World, type SimConfig } from './world.js';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  user?: string;
  password?: string;
  topology?: Topology;
  timeScale?: number;
  /** First host address; later hosts take the following addresses. */
  baseAddress?: string;
  /** Where the world is kept between runs; it is built from the topology only when the file is absent. */
  stateFile?: string;
  /** How long after a change the state file is rewritten (500 ms). */
  stateFlushMs?: number;
}

export interface SimulatedPool {
  readonly name: string;
  readonly masterUrl: string;
  readonly hostUrls: string[];
}

export interface RunningSimulator {
  readonly port: number;
  /** The pools as they are now: hosts joining and leaving pools change them. */
  readonly pools: SimulatedPool[];
  readonly world: World;
  /** Invalidates every session, as a toolstack restart would. */
  expireAllSessions(): void;
  /** The host (name, uuid or address) dies: its address refuses connections (also POST /_sim/hosts/<id>/kill). */
  killHost(id: string): void;
  /** A dead host powers on and rejoins its pool (also POST /_sim/hosts/<id>/revive). */
  reviveHost(id: string): Promise<void>;
  /** Injected failures for the next calls of a method (also served as /_sim/faults). */
  readonly faults: FaultPlan;
  /** Writes the state file now (XAPI's database flush), instead of waiting for `stateFlushMs`. */
  flush(): void;
  /** Stops cleanly: connections are closed and the state file is written a last time. */
  stop(): Promise<void>;
  /** Stops as `kill -9` would: connections drop and whatever changed since the last flush is lost. */
  kill(): Promise<void>;
}

function addressesFrom(base: string, count: number): string[] {
  const parts = base.split('.').map(Number);
  if (parts.length !== 4 || parts[3] + count > 255) throw new Error(`cannot allocate ${count} addresses from ${base}`);
  return Array.from({ length: count }, (_, i) => `${parts[0]}.${parts[1]}.${parts[2]}.${parts[3] + i}`);
}

function buildWorld(config: SimConfig, topology: Topology, baseAddress: string): World {
  const world = new World(config);
  const hostCount = topology.pools.reduce((n, p) => n + p.hosts.length, 0);
  const addresses = addressesFrom(baseAddress, hostCount);
  let next = 0;
  for (const [i, spec] of topology.pools.entries()) {
    const pool = world.addPool(spec.name);
    buildPool(pool, spec, addresses.slice(next, next + spec.hosts.length), (i + 1) << 12);
    next += spec.hosts.length;
  }
  return world;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const config: SimConfig = {
    user: options.user ?? 'root',
    password: options.password ?? 'xengraph',
    timeScale: options.timeScale ?? 1,
  };
  const world = (options.stateFile && loadWorld(options.stateFile, config))
    || buildWorld(config, options.topology ?? DEFAULT_TOPOLOGY, options.baseAddress ?? '127.0.0.11');
  // Storage arrays live outside the pools' databases: a reloaded world reaches them again through the topology.
  registerIscsiTargets(world, options.topology ?? DEFAULT_TOPOLOGY);
  const addresses = world.pools.flatMap((pool) => [...pool.db.table('host').values()].map((row) => row.record.address as string));
  const saving = options.stateFile ? autosave(world, options.stateFile, options.stateFlushMs) : undefined;
  const expireAllSessions = () => {
    for (const pool of world.pools) {
      for (const ref of [...pool.db.table('session').keys()]) pool.db.destroy(ref);
      pool.legacySubscriptions.clear();
      pool.db.wakeAll();
    }
  };
  const routes = [...adminRoutes(world, { expireAllSessions }), ...transferRoutes(world)];
  const endpoints = await listen(world, addresses, options.port ?? 0, routes);
  world.network = endpoints;
  const url = (address: string) => `http://${address}:${endpoints.port}`;
  const pools = () => world.pools.filter((pool) => !pool.retired).map((pool) => ({
    name: pool.name,
    masterUrl: url(pool.masterAddress),
    hostUrls: [...pool.db.table('host').values()].map((row) => url(row.record.address as string)),
  }));
  const stop = async (finalFlush: boolean) => {
    world.stopped = true;
    saving?.stop(finalFlush);
    await endpoints.close();
  };
  return {
    port: endpoints.port, world, expireAllSessions, faults: world.faults,
    killHost: (id) => killHost(world, id),
    reviveHost: (id) => reviveHost(world, id),
    get pools() {
      return pools();
    },
    flush: () => saving?.flush(),
    stop: () => stop(true),
    kill: () => stop(false),
  };
}
