// Runs every benchmark and prints its figures. Not part of CI: run on demand with `npm run bench`.
import { simulatorBench } from './simulator.bench.js';

await simulatorBench();
