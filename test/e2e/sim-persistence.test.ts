// A simulator restarted on the same state file finds the pool as it left it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { startSimulator } from '../../src/simulator/index.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { waitUntil } from '../helpers/wait.js';

const dir = mkdtempSync(join(tmpdir(), 'xengraph-sim-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('keeps VMs, their disks and power states across a restart, but not sessions', async () => {
  const stateFile = join(dir, 'world.json');
  const first = await startSimulator({ port: 0, password: 'pw', timeScale: 0.01, stateFile });
  const api = await jsonSession(first.pools[0].masterUrl, 'pw');
  const [template] = await api.call('VM.get_by_name_label', 'Debian Bookworm 12');
  const vm = await api.call('VM.clone', template, 'survivor');
  await api.call('VM.provision', vm);
  await api.call('VM.set_is_a_template', vm, false);
  await api.call('VM.start', vm, false, false);
  const before = await api.call('VM.get_record', vm);
  const disk = await api.call('VDI.get_record', (await api.call('VBD.get_record', before.VBDs[0])).VDI);
  await first.stop();

  const second = await startSimulator({ port: 0, password: 'pw', timeScale: 0.01, stateFile });
  try {
    await assert.rejects(jsonSession(second.pools[0].masterUrl, 'pw').then((s) => s.raw('VM.get_all', api.session)), { code: 'SESSION_INVALID' });
    const again = await jsonSession(second.pools[0].masterUrl, 'pw');
    const ref = await again.call('VM.get_by_uuid', before.uuid);
    const after = await again.call('VM.get_record', ref);
    assert.equal(after.name_label, 'survivor');
    assert.equal(after.power_state, 'Running');
    assert.equal(after.resident_on, before.resident_on);
    assert.equal(after.VBDs.length, 1);
    const vdi = await again.call('VDI.get_record', (await again.call('VBD.get_record', after.VBDs[0])).VDI);
    assert.equal(vdi.uuid, disk.uuid);
    assert.equal(vdi.virtual_size, disk.virtual_size);
    assert.equal(vdi.sm_config['vhd-parent'], disk.sm_config['vhd-parent']);
  } finally {
    await second.stop();
  }
});

it('after a crash, counts event generations on from its last flush, so earlier tokens mean nothing', async () => {
  const stateFile = join(dir, 'crashed.json');
  // Flushed only when asked: what the test does after the flush is what a crash loses.
  const first = await startSimulator({ port: 0, password: 'pw', timeScale: 0.01, stateFile, stateFlushMs: 3_600_000 });
  const api = await jsonSession(first.pools[0].masterUrl, 'pw');
  const [pool] = await api.call('pool.get_all');
  const master = await api.call('pool.get_master', pool);
  const startedBefore = (await api.call('host.get_other_config', master)).agent_start_time;
  await api.call('pool.set_name_description', pool, 'flushed');
  first.flush();
  for (let i = 0; i < 20; i++) await api.call('pool.set_name_description', pool, `unflushed ${i}`);
  const seen: string = (await api.call('event.from', ['pool'], '', 0)).token;
  await first.kill();

  const second = await startSimulator({ port: first.port, password: 'pw', timeScale: 0.01, stateFile });
  try {
    // A connection kept alive from before the crash may still be handed out once; the next one reaches the new toolstack.
    const again = await waitUntil(() => jsonSession(second.pools[0].masterUrl, 'pw').catch(() => undefined), 5_000, 'the restarted simulator');
    assert.equal(await again.call('pool.get_name_description', pool), 'flushed', 'changes after the last flush are lost');
    assert.notEqual((await again.call('host.get_other_config', master)).agent_start_time, startedBefore, 'the toolstack start is recorded');
    const now: string = (await again.call('event.from', ['pool'], '', 0)).token;
    assert.ok(now < seen, `the counter went back (${now} < ${seen})`);
    // A change made now takes a generation a client already saw: a client keeping its old token never hears of it.
    await again.call('pool.set_name_description', pool, 'after the restart');
    assert.deepEqual((await again.call('event.from', ['pool'], seen, 0)).events, []);
    assert.equal((await again.call('event.from', ['pool'], now, 0)).events.length, 1);
  } finally {
    await second.stop();
  }
});
