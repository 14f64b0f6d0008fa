// Keeps a simulated world on disk so a restarted simulator finds its VMs, as a real pool would.
// The file is rewritten (atomically) shortly after changes; sessions and tasks are not kept, as they
// would not survive a toolstack restart either.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Rec } from './db.js';
import { refreshVmOperations } from './classes/vm-operations.js';
import { World, type SimConfig } from './world.js';

const TRANSIENT_CLASSES = new Set(['session', 'task', 'event']);
const SAVE_DELAY_MS = 500;

interface SavedPool {
  name: string;
  poolRef: string;
  masterRef: string;
  rows: [cls: string, ref: string, record: Rec][];
}

interface SavedWorld {
  version: 1;
  pools: SavedPool[];
}

function snapshot(world: World): SavedWorld {
  return {
    version: 1,
    // A pool whose host has joined another is already part of that one; only its toolstack is left to restart.
    pools: world.pools.filter((pool) => !pool.retired).map((pool) => ({
      name: pool.name,
      poolRef: pool.poolRef,
      masterRef: pool.masterRef,
      rows: [...pool.db.allRows()]
        .filter((row) => !TRANSIENT_CLASSES.has(row.cls.name))
        .map((row) => [row.cls.name, row.ref, row.record] as [string, string, Rec]),
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
  if (saved.version !== 1) throw new Error(`${file}: unsupported simulator state version ${String(saved.version)}`);
  const world = new World(config);
  for (const savedPool of saved.pools) {
    const pool = world.addPool(savedPool.name);
    for (const [cls, ref, record] of savedPool.rows) pool.db.create(cls, record, ref);
    // Operations in flight when the simulator stopped did not finish.
    for (const [ref] of pool.db.select('VM', (r) => Object.keys(r.current_operations).length > 0)) {
      pool.db.update(ref, { current_operations: {} });
      refreshVmOperations(pool.db, ref);
    }
    pool.poolRef = savedPool.poolRef;
    pool.masterRef = savedPool.masterRef;
  }
  return world;
}

/** Saves the world a little after each burst of changes; returns a function that stops and saves once more. */
export function autosave(world: World, file: string): () => void {
  // Pools come and go as hosts join and leave them, so generations are remembered per pool.
  const generations = () => new Map(world.pools.filter((p) => !p.retired).map((p) => [p, p.db.gen]));
  let saved = generations();
  const timer = setInterval(() => {
    const now = generations();
    if (now.size !== saved.size || [...now].some(([pool, gen]) => saved.get(pool) !== gen)) {
      saveWorld(world, file);
      saved = now;
    }
  }, SAVE_DELAY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    saveWorld(world, file);
  };
}
