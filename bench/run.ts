// Runs every benchmark and prints its figures. Not part of CI: run on demand with `npm run bench`;
// BENCH_ONLY=fleet,listing,… picks some (fleet, simulator, listing, spawn, migration, master, scale).
import { fleetBench } from './fleet/fleet.bench.js';
import { instanceListingBench } from './instance-listing.bench.js';
import { migrationProgressBench } from './migration-progress.bench.js';
import { poolMasterBench } from './pool-master.bench.js';
import { scaleOutBench } from './scale-out.bench.js';
import { simulatorBench } from './simulator.bench.js';
import { spawnBench } from './spawn.bench.js';

const BENCHES: Record<string, () => Promise<void>> = {
  fleet: fleetBench,
  simulator: simulatorBench,
  listing: instanceListingBench,
  spawn: spawnBench,
  migration: migrationProgressBench,
  master: poolMasterBench,
  scale: scaleOutBench,
};

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
for (const name of only ?? Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
  await bench();
}
