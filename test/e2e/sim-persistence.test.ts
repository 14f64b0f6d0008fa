// A simulator restarted on the same state file finds the pool as it left it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { startSimulator } from '../../src/simulator/index.js';
import { jsonSession } from '../helpers/raw-xapi.js';

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
