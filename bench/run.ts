// Runs every benchmark and prints its figures. Not part of CI: run on demand with `npm run bench`.
import { instanceListingBench } from './instance-listing.bench.js';
import { migrationProgressBench } from './migration-progress.bench.js';
import { simulatorBench } from './simulator.bench.js';
import { spawnBench } from './spawn.bench.js';

await simulatorBench();
await instanceListingBench();
await spawnBench();
await migrationProgressBench();
