// Keeps a simulated world on disk so a restarted simulator finds its VMs, as a real pool would.
// The file is rewritten (atomically) shortly after changes, as XAPI flushes its database lazily: a simulator
// killed before the next flush loses what changed since. Sessions and tasks are not kept, as they would not
// survive a toolstack restart either. Like XAPI's state.db, the file holds the generation count it was flushed
// at and each row's creation and modification generations, so event tokens after a restart resume from the
// flushed count, which is not comparable with what clients saw before it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db, Rec } from './db.js';
import { refreshVmOperations } from './classes/vm-operations.js';
import { World, type SimConfig } from './world.js';

const TRANSIENT_CLASSES = new Set(['session', 'task', 'event']);
export const DEFAULT_FLUSH_DELAY_MS = 500;

type SavedRow = [cls: string, ref: string, record: Rec, created?: number, modified?: number];

interface SavedPool {
  name: string;
  poolRef: string;
  masterRef: string;
  /** Slaves still pointing at a lost master (each slave's pool.conf), by host ref. */
  staleSlaves?: Record<string, string>;
  /** The database generation when the file was written (absent in version 1 files). */
  generation?: number;
  rows: SavedRow[];
}

interface SavedWorld {
  version: 1 | 2;
  pools: SavedPool[];
}

function snapshot(world: World): SavedWorld {
  return {
    version: 2,
    // A pool whose host has joined another is already part of that one; only its toolstack is left to restart.
    pools: world.pools.filter((pool) => !pool.retired).map((pool) => ({
      name: pool.name,
      poolRef: pool.poolRef,
      masterRef: pool.masterRef,
      staleSlaves: Object.fromEntries(pool.staleSlaves),
      generation: pool.db.gen,
      rows: [...pool.db.allRows()]
        .filter((row) => !TRANSIENT_CLASSES.has(row.cls.name))
        .map((row): SavedRow => [row.cls.name, row.ref, row.record, row.created, row.modified]),
    })),
  };
}

export function saveWorld(world: World, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot(world)));
  renameSync(temporary, file);
}

/** The world saved in `file`, or undefined when there is none yet. */
export function loadWorld(file: string, config: SimConfig): World | undefined {
  if (!existsSync(file)) return undefined;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedWorld;
  if (saved.version !== 1 && saved.version !== 2) throw new Error(`${file}: unsupported simulator state version ${String(saved.version)}`);
  const world = new World(config);
  for (const savedPool of saved.pools) {
    const pool = world.addPool(savedPool.name);
    for (const [cls, ref, record, created, modified] of savedPool.rows) {
      if (created !== undefined && modified !== undefined) pool.db.restore(cls, ref, record, created, modified);
      else pool.db.create(cls, record, ref);
    }
    pool.db.resumeAt(savedPool.generation ?? 0);
    markToolstackStart(pool.db);
    // Operations in flight when the simulator stopped did not finish.
    for (const [ref] of pool.db.select('VM', (r) => Object.keys(r.current_operations).length > 0)) {
      pool.db.update(ref, { current_operations: {} });
      refreshVmOperations(pool.db, ref);
    }
    pool.poolRef = savedPool.poolRef;
    pool.masterRef = savedPool.masterRef;
    for (const [host, address] of Object.entries(savedPool.staleSlaves ?? {})) pool.staleSlaves.set(host, address);
  }
  return world;
}

/** XAPI notes in each host's other_config when its toolstack started; clients see a restart by it. */
function markToolstackStart(db: Db): void {
  const now = String(Date.now() / 1000);
  for (const [ref] of db.select('host')) {
    db.update(ref, (host) => {
      host.other_config = { ...host.other_config, agent_start_time: now };
    });
  }
}

export interface Autosave {
  /** Writes the file now if anything changed since the last write. */
  flush(): void;
  /** Stops saving; `finalFlush` (a clean shutdown) writes what changed first, a crash does not. */
  stop(finalFlush: boolean): void;
}

/** Saves the world `delayMs` after changes, as XAPI flushes its database. */
export function autosave(world: World, file: string, delayMs = DEFAULT_FLUSH_DELAY_MS): Autosave {
  // Pools come and go as hosts join and leave them, so generations are remembered per pool.
  // recover_slaves changes who slaves follow without a database change, so that counts as a change too.
  const generations = () => new Map(world.pools.filter((p) => !p.retired).map((p) => [p, `${p.db.gen}/${p.staleSlaves.size}`]));
  let saved = generations();
  const flush = () => {
    const now = generations();
    if (now.size !== saved.size || [...now].some(([pool, gen]) => saved.get(pool) !== gen)) {
      saveWorld(world, file);
      saved = now;
    }
  };
  const timer = setInterval(flush, delayMs);
  timer.unref();
  return {
    flush,
    stop: (finalFlush) => {
      clearInterval(timer);
      if (finalFlush) saveWorld(world, file);
    },
  };
}
