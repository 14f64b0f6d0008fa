// PCI passthrough in the simulator: hosts list their pciback devices as PCI records, and a VM whose
// other_config:pci names devices starts only on the host that has them, and only while no other domain holds them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { xmlRpcSession } from '../helpers/raw-xapi.js';

const PASSWORD = 'pci-test';

describe('PCI passthrough in the simulator', () => {
  let sim: RunningSimulator;
  let xapi: Awaited<ReturnType<typeof xmlRpcSession>>;
  let a1: string;
  let a2: string;
  const call = (method: string, ...params: unknown[]) => xapi.call(method, ...params);
  const rejectsWith = (promise: Promise<unknown>, code: string) =>
    assert.rejects(promise, (error: any) => { assert.equal(error.code, code, `${error.code} ${JSON.stringify(error.params)}`); return true; });
  const vmPassingThrough = async (name: string, pci: string) => {
    const [template] = await call('VM.get_by_name_label', 'Debian Bookworm 12');
    const vm = await call('VM.clone', template, name);
    await call('VM.set_is_a_template', vm, false);
    await call('VM.add_to_other_config', vm, 'pci', pci);
    return vm;
  };

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02 });
    xapi = await xmlRpcSession(sim.pools[0].masterUrl, PASSWORD);
    [a1] = await call('host.get_by_name_label', 'xen-a1');
    [a2] = await call('host.get_by_name_label', 'xen-a2');
  });
  after(() => sim.stop());

  it('lists xen-a1\'s two GPUs as PCI records and none on the other hosts', async () => {
    const records = await Promise.all((await call('host.get_PCIs', a1)).map((ref: string) => call('PCI.get_record', ref)));
    assert.deepEqual(records.map((r) => [r.pci_id, r.host, r.class_name, r.vendor_name, r.other_config]), [
      ['0000:04:00.0', a1, '3D controller', 'NVIDIA Corporation', { vendor_id: '10de', device_id: '1db6' }],
      ['0000:05:00.0', a1, '3D controller', 'NVIDIA Corporation', { vendor_id: '10de', device_id: '1db6' }],
    ]);
    assert.deepEqual(await call('host.get_PCIs', a2), []);
    assert.equal((await call('PCI.get_all')).length, 2);
  });

  it('starts a VM only where its devices are, and not while another domain holds one', async () => {
    const first = await vmPassingThrough('gpu-1', '0/0000:04:00.0');
    await rejectsWith(call('VM.start_on', first, a2, false, false), 'NO_HOSTS_AVAILABLE');
    assert.equal(await call('VM.get_power_state', first), 'Halted');
    await call('VM.start_on', first, a1, false, false);

    const rival = await vmPassingThrough('gpu-rival', '0/0000:04:00.0');
    await rejectsWith(call('VM.start_on', rival, a1, false, false), 'DEVICE_ALREADY_ATTACHED');
    await rejectsWith(call('VM.start', rival, false, false), 'NO_HOSTS_AVAILABLE');

    const second = await vmPassingThrough('gpu-2', '0/0000:05:00.0');
    await call('VM.start', second, false, false);
    assert.equal(await call('VM.get_resident_on', second), a1, 'placement follows the device');

    await call('VM.hard_shutdown', first);
    await call('VM.start_on', rival, a1, false, false);
    assert.equal(await call('VM.get_power_state', rival), 'Running', 'a halted VM no longer holds its device');
  });
});
