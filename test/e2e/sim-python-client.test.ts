// Python's xmlrpc.client (what XenAPI.py and Ansible use) must read the simulator's answers unchanged.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../fixtures/python_xmlrpc_client.py', import.meta.url));
const hasPython = await run('python3', ['--version']).then(() => true, () => false);

let sim: RunningSimulator;
before(async () => { sim = await startSimulator({ port: 0, password: 'py', timeScale: 0.01 }); });
after(() => sim.stop());

it('serves a Python XML-RPC client: login, records, clone, event.from, failures, datetimes', { skip: !hasPython && 'python3 not installed' }, async () => {
  const { stdout } = await run('python3', [SCRIPT, `${sim.pools[0].masterUrl}/`, 'py']);
  const seen = JSON.parse(stdout);
  assert.equal(seen.api_major, '2');
  assert.ok(seen.templates.includes('Debian Bookworm 12'));
  assert.equal(seen.clone_name, 'from python');
  assert.deepEqual(seen.event_classes, ['vm']);
  assert.equal(typeof seen.valid_ref_counts_vm, 'number');
  assert.equal(seen.start_template_error[0], 'VM_IS_TEMPLATE');
  assert.equal(seen.start_template_error[2], 'start');
  assert.equal(seen.install_time_type, 'DateTime');
});
