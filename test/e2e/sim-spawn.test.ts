// A Nova-style spawn against the simulator, over XML-RPC as Python's XenAPI.py speaks it (memory sizes and
// VCPU counts as strings of ints): image upload into a base VDI, clone, VM.create with the full record,
// VBD and VIF creation, the parameter xenstore, start paused on a chosen host, unpause, and the guest coming
// up with its xenstore keys live and its console log written.
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { createDynamicVhd } from '../../src/vhd/index.js';
import { httpRequest } from '../helpers/http-raw.js';
import { xmlRpcSession } from '../helpers/raw-xapi.js';
import { waitUntil } from '../helpers/wait.js';

const PASSWORD = 'spawn-test';
const MiB = 1024 ** 2;
const NULL = 'OpaqueRef:NULL';
const INSTANCE = 'instance-0000002a';

/** What Nova's create_vm sends for a 512 MiB, 1 vCPU PV instance booted by pygrub. */
function novaVmRecord(): Record<string, unknown> {
  const memory = String(512 * MiB);
  return {
    name_label: INSTANCE, name_description: '', is_a_template: false, user_version: '0',
    memory_static_min: '0', memory_static_max: memory, memory_dynamic_min: memory, memory_dynamic_max: memory, memory_target: memory,
    VCPUs_max: '1', VCPUs_at_startup: '1', VCPUs_params: {},
    actions_after_shutdown: 'destroy', actions_after_reboot: 'restart', actions_after_crash: 'destroy',
    platform: { acpi: 'true', apic: 'true', pae: 'true', viridian: 'false', timeoffset: '0', nx: 'false' },
    other_config: { nova_uuid: '5e1a0c2e-9f1b-4d53-9d1e-0b6f2c3a4d5e' }, xenstore_data: { 'vm-data/allowvssprovider': 'false' },
    blocked_operations: {}, ha_always_run: false, ha_restart_priority: '', affinity: '', PCI_bus: '', recommendations: '', tags: [],
    PV_args: '', PV_bootloader: 'pygrub', PV_bootloader_args: '', PV_kernel: '', PV_legacy_args: '', PV_ramdisk: '',
    HVM_boot_policy: '', HVM_boot_params: {},
  };
}

describe('a Nova-style spawn against the simulator', () => {
  let sim: RunningSimulator;
  let master: string;
  let xapi: Awaited<ReturnType<typeof xmlRpcSession>>;
  let host: string;
  let sr: string;
  let network: string;
  const call = (method: string, ...params: unknown[]) => xapi.call(method, ...params);
  const rejectsWith = (promise: Promise<unknown>, code: string, params?: string[]) =>
    assert.rejects(promise, (error: any) => {
      assert.equal(error.code, code, `${error.code} ${JSON.stringify(error.params)}`);
      if (params) assert.deepEqual(error.params, params);
      return true;
    });

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02 });
    master = sim.pools[0].masterUrl;
    xapi = await xmlRpcSession(master, PASSWORD);
    host = sim.world.pools[0].masterRef;
    const [pool] = await call('pool.get_all');
    sr = await call('pool.get_default_SR', pool);
    [network] = await call('network.get_by_name_label', 'Pool-wide network associated with eth0');
  });
  after(() => sim.stop());

  describe('VM.create', () => {
    it('takes the full record with ints as strings and fills the rest with datamodel defaults', async () => {
      const vm = await call('VM.create', novaVmRecord());
      const record = await call('VM.get_record', vm);
      assert.equal(record.memory_static_max, String(512 * MiB), 'XML-RPC ints travel as strings');
      assert.equal(record.memory_target, String(512 * MiB));
      assert.equal(record.VCPUs_at_startup, '1');
      assert.equal(record.power_state, 'Halted');
      assert.equal(record.domain_type, 'pv', 'derived from the empty HVM boot policy');
      assert.equal(record.HVM_shadow_multiplier, 1);
      assert.equal(record.ha_restart_priority, '');
      assert.equal(record.domid, '-1');
      assert.deepEqual(record.xenstore_data, { 'vm-data/allowvssprovider': 'false' });
      assert.notEqual(record.metrics, NULL);
      await call('VM.destroy', vm);
    });

    it('refuses a record without a member that has no default, naming it, and a call without the record', async () => {
      const { memory_static_max: _left, ...partial } = novaVmRecord();
      await rejectsWith(call('VM.create', partial), 'FIELD_TYPE_ERROR', ['memory_static_max']);
      await rejectsWith(call('VM.create'), 'MESSAGE_PARAMETER_COUNT_MISMATCH', ['VM.create', '1', '0']);
      assert.deepEqual(await call('VM.get_by_name_label', INSTANCE), []);
    });

    it('derives an HVM domain from the boot policy, as for clients older than domain_type', async () => {
      const vm = await call('VM.create', { ...novaVmRecord(), PV_bootloader: '', HVM_boot_policy: 'BIOS order', HVM_boot_params: { order: 'dc' } });
      assert.equal(await call('VM.get_domain_type', vm), 'hvm');
      await call('VM.destroy', vm);
    });
  });

  it('spawns: image → clone → VM → VBD → VIFs → xenstore → start paused → unpause → guest up', async () => {
    // Fetch the image into a cached base VDI, then clone the instance's root disk from it.
    const base = await call('VDI.create', {
      name_label: 'Glance Image 7', name_description: 'root', SR: sr, virtual_size: String(64 * MiB), type: 'user',
      sharable: false, read_only: false, xenstore_data: {}, other_config: { 'image-id': '7' }, sm_config: {}, tags: [],
    });
    const image = Buffer.alloc(16 * 1024);
    image.write('bootable image', 0);
    const upload = await httpRequest(`${master}/import_raw_vdi?session_id=${xapi.session}&vdi=${base}&format=vhd`, {
      method: 'PUT', body: createDynamicVhd(64 * MiB, image),
    });
    assert.equal(upload.status, 200);
    const root = await call('VDI.clone', base, {});
    await call('VDI.set_name_label', root, INSTANCE);
    await call('VDI.remove_from_other_config', root, 'image-id');

    const vm = await call('VM.create', novaVmRecord());
    await call('VBD.create', {
      VM: vm, VDI: root, userdevice: '0', bootable: true, mode: 'RW', type: 'disk', unpluggable: true, empty: false,
      other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {}, qos_supported_algorithms: [],
    });
    const vif = (device: string, MAC: string) => call('VIF.create', {
      device, network, VM: vm, MAC, MTU: '1500', other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {},
    });
    const eth0 = await vif('0', 'fa:16:3e:2a:00:01');
    assert.equal(await call('VIF.get_MAC', eth0), 'fa:16:3e:2a:00:01');
    const eth1 = await vif('1', '');
    assert.match(await call('VIF.get_MAC', eth1), /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    await rejectsWith(vif('0', ''), 'DEVICE_ALREADY_EXISTS', ['0']);

    // Nova overwrites parameter xenstore keys by remove-then-add.
    for (const [key, value] of [['vm-data/hostname', '"web-42"'], ['vm-data/user-metadata/role', '"frontend"']]) {
      await call('VM.remove_from_xenstore_data', vm, key);
      await call('VM.add_to_xenstore_data', vm, key, value);
    }
    // The live write Nova also attempts fails while the VM does not run.
    assert.equal(await call('VM.get_domid', vm), '-1');
    await rejectsWith(call('host.call_plugin', host, 'xenstore.py', 'write_record', { dom_id: '-1', path: 'vm-data/x', value: '1' }), 'XENAPI_PLUGIN_FAILURE');

    await call('VM.start_on', vm, host, true, false);
    assert.equal(await call('VM.get_power_state', vm), 'Paused');
    const domid = await call('VM.get_domid', vm);
    const plugin = (plugin: string, fn: string, args: Record<string, string>) => call('host.call_plugin', host, plugin, fn, { dom_id: domid, ...args });
    assert.equal(await plugin('xenstore.py', 'read_record', { path: 'vm-data/hostname' }), '"web-42"', 'live while still paused');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await call('VM.get_guest_metrics', vm), NULL, 'a paused guest does not boot');

    await call('VM.unpause', vm);
    assert.equal(await call('VM.get_power_state', vm), 'Running');
    const other = await call('VM.get_other_config', vm);
    await call('VM.set_other_config', vm, { ...other, last_dom_id: domid });
    await waitUntil(async () => (await call('VM.get_guest_metrics', vm)) !== NULL, 5000, 'the guest to boot');
    assert.deepEqual(JSON.parse(await plugin('xenstore.py', 'list_records', { path: 'vm-data' })), {
      allowvssprovider: false, hostname: 'web-42', 'user-metadata': '', 'user-metadata/role': 'frontend',
    });
    const log = inflateSync(Buffer.from(await plugin('console', 'get_console_log', {}), 'base64')).toString();
    assert.match(log, /web-42 login: $/);
    const metrics = await call('VM_guest_metrics.get_record', await call('VM.get_guest_metrics', vm));
    assert.deepEqual(Object.keys(metrics.networks).sort(), ['0/ip', '0/ipv4/0', '1/ip', '1/ipv4/0']);

    // The root disk reads the image through the clone's VHD parent.
    const disk = await httpRequest(`${master}/export_raw_vdi?session_id=${xapi.session}&vdi=${root}`);
    assert.equal(disk.body.subarray(0, 14).toString(), 'bootable image');
  });
});
