// A stopped simulator lets its process exit: calls a fault holds open end with it instead of waiting forever
// for a task.cancel that will never come (a test process that never exits hangs the whole suite).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exitOf } from '../helpers/serve-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const SCRIPT = `
import { startSimulator } from './src/simulator/index.ts';
import { jsonSession } from './test/helpers/raw-xapi.ts';
const sim = await startSimulator({ port: 0, password: 'p', timeScale: 0 });
const api = await jsonSession(sim.pools[0].masterUrl, 'p');
sim.faults.add({ method: 'pool.get_all', hang: true });
void api.call('pool.get_all').catch(() => {});
await new Promise((resolve) => setTimeout(resolve, 200));
await sim.stop();
console.log('stopped');
`;

describe('a stopped simulator', () => {
  it('lets its process exit while a call it hangs is still open', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const code = await exitOf(child, 15_000);
    assert.match(output, /stopped/);
    assert.equal(code, 0, 'the process ends on its own once the simulator stopped');
  });
});
