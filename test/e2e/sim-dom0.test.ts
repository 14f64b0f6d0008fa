// A running domain's dom0 side, through host.call_plugin as a Nova-style driver reaches it: the live
// xenstore (seeded from VM.xenstore_data at boot, gone when the domain dies) via xenstore.py, the guest's
// console log via console, and XAPI's errors for plugins and functions that do not exist.
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEFAULT_TOPOLOGY, type Topology } from '../../src/simulator/topology.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { waitUntil } from '../helpers/wait.js';

const PASSWORD = 'dom0-test';
const TOPOLOGY: Topology = {
  pools: [{
    name: 'dom0-pool',
    hosts: [{ name: 'dom0-host', cpus: 8, memoryGiB: 64 }],
    localSrGiB: 100,
    networks: DEFAULT_TOPOLOGY.pools[0].networks,
    templates: [{ name: 'Debian', memoryMiB: 512, vcpus: 1, diskGiB: 4 }],
  }],
};

describe('simulator dom0 plugins and the simulated guest', () => {
  let sim: RunningSimulator;
  let api: Awaited<ReturnType<typeof jsonSession>>;
  let host: string;
  let vm: string;
  let domid: string;
  const call = (method: string, ...params: unknown[]) => api.call(method, ...params);
  const plugin = (name: string, fn: string, args: Record<string, unknown>) => call('host.call_plugin', host, name, fn, args);
  const xenstore = (fn: string, args: Record<string, string>) => plugin('xenstore.py', fn, { dom_id: domid, ...args });
  const consoleText = async (dom: string) => inflateSync(Buffer.from(await plugin('console', 'get_console_log', { dom_id: dom }), 'base64')).toString();

  const rejectsWith = (promise: Promise<unknown>, code: string, params?: (string | RegExp)[]) =>
    assert.rejects(promise, (error: any) => {
      assert.equal(error.code, code, `${error.code} ${JSON.stringify(error.params)}`);
      params?.forEach((expected, i) => (expected instanceof RegExp
        ? assert.match(error.params[i], expected)
        : assert.equal(error.params[i], expected)));
      return true;
    });

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.01, topology: TOPOLOGY });
    api = await jsonSession(sim.pools[0].masterUrl, PASSWORD);
    [host] = await call('host.get_all');
    const [template] = await call('VM.get_by_name_label', 'Debian');
    vm = await call('VM.clone', template, 'guest');
    await call('VM.provision', vm);
    await call('VM.set_is_a_template', vm, false);
    await call('VM.add_to_xenstore_data', vm, 'vm-data/hostname', '"web-1"');
    await call('VM.add_to_xenstore_data', vm, 'vm-data/user-metadata/role', '"frontend"');
    await call('VM.start', vm, false, false);
    domid = String(await call('VM.get_domid', vm));
  });
  after(() => sim.stop());

  it('keeps the parameter xenstore as a map with add/remove', async () => {
    await call('VM.add_to_xenstore_data', vm, 'vm-data/scratch', 'x');
    await rejectsWith(call('VM.add_to_xenstore_data', vm, 'vm-data/scratch', 'y'), 'MAP_DUPLICATE_KEY', ['VM', 'xenstore_data', vm, 'vm-data/scratch']);
    await call('VM.remove_from_xenstore_data', vm, 'vm-data/scratch');
    assert.deepEqual(await call('VM.get_xenstore_data', vm), { 'vm-data/hostname': '"web-1"', 'vm-data/user-metadata/role': '"frontend"' });
  });

  it('copies the parameter xenstore into the live one at boot and reads, writes, lists and deletes records there', async () => {
    assert.equal(await xenstore('read_record', { path: 'vm-data/hostname' }), '"web-1"');
    assert.equal(await xenstore('read_record', { path: 'name' }), '"guest"', 'the toolstack names the domain');
    // Parameter changes reach a running domain only at its next boot.
    await call('VM.add_to_xenstore_data', vm, 'vm-data/later', 'x');
    assert.equal(await xenstore('read_record', { path: 'vm-data/later', ignore_missing_path: 'True' }), '"None"');
    await call('VM.remove_from_xenstore_data', vm, 'vm-data/later');

    assert.equal(await xenstore('write_record', { path: 'vm-data/networking/0a1b', value: '{"ip": "10.0.0.5"}' }), '{"ip": "10.0.0.5"}');
    assert.equal(await xenstore('write_record', { path: 'data/plain', value: 'word' }), '"word"', 'non-JSON comes back JSON-encoded');
    assert.equal(await xenstore('read_record', { path: 'data/plain' }), '"word"');
    assert.deepEqual(JSON.parse(await xenstore('list_records', { path: 'vm-data' })), {
      hostname: 'web-1', 'user-metadata': '', 'user-metadata/role': 'frontend', networking: '', 'networking/0a1b': { ip: '10.0.0.5' },
    });
    assert.equal(await xenstore('list_records', { path: 'no/such/dir' }), '{}');
    assert.equal(await xenstore('delete_record', { path: 'vm-data/networking' }), '""');
    assert.equal(await xenstore('delete_record', { path: 'vm-data/networking' }), '""', 'deleting twice is fine');
    // The plugin only tests the flag's truthiness, so "False" tolerates a missing path too.
    assert.equal(await xenstore('read_record', { path: 'vm-data/networking/0a1b', ignore_missing_path: 'False' }), '"None"');
    await rejectsWith(xenstore('read_record', { path: 'vm-data/networking/0a1b' }), 'XENAPI_PLUGIN_FAILURE',
      ['read_record', 'XenstoreError', /^cmd: \['xenstore-read', '\/local\/domain\/\d+\/vm-data\/networking\/0a1b'\]; returncode: 1; /]);
  });

  it('boots the guest: console log with the hostname from xenstore and a login prompt, then guest metrics', async () => {
    const metricsRef = await waitUntil(async () => {
      const ref = await call('VM.get_guest_metrics', vm);
      return ref !== 'OpaqueRef:NULL' && ref;
    }, 5000, 'guest metrics');
    const metrics = await call('VM_guest_metrics.get_record', metricsRef);
    assert.equal(metrics.os_version.distro, 'debian');
    assert.equal(metrics.PV_drivers_version.major, '8');
    const log = await consoleText(domid);
    assert.match(log, /Linux version/);
    assert.match(log, /Set hostname to <web-1>/);
    assert.match(log, /web-1 login: $/);
    assert.equal(await xenstore('read_record', { path: 'attr/PVAddons/MajorVersion' }), '8', 'the guest tools announce themselves');
  });

  it('answers with XAPI\'s errors for unknown plugins and functions, and the plugins\' own for bad arguments', async () => {
    await rejectsWith(plugin('nosuch.py', 'anything', {}), 'XENAPI_MISSING_PLUGIN', ['nosuch.py']);
    await rejectsWith(plugin('xenstore.py', 'nosuch', {}), 'UNKNOWN_XENAPI_PLUGIN_FUNCTION', ['nosuch']);
    await rejectsWith(plugin('console', 'get_console_log', {}), 'XENAPI_PLUGIN_FAILURE', ['get_console_log', 'PluginError', 'Missing dom_id']);
    await rejectsWith(plugin('console', 'get_console_log', { dom_id: 'five' }), 'XENAPI_PLUGIN_FAILURE', ['get_console_log', 'PluginError', 'Invalid dom_id']);
    await rejectsWith(plugin('console', 'get_console_log', { dom_id: '0' }), 'XENAPI_PLUGIN_FAILURE',
      ['get_console_log', 'IOError', "[Errno 2] No such file or directory: '/var/log/xen/guest/console.0'"]);
    await rejectsWith(plugin('xenstore.py', 'read_record', { dom_id: domid }), 'XENAPI_PLUGIN_FAILURE', ['read_record', 'KeyError', "'path'"]);
    await rejectsWith(plugin('xenstore.py', 'read_record', { dom_id: domid, path: { nested: true } }), 'FIELD_TYPE_ERROR', ['args']);
    // The old plugin layout named it without the suffix.
    assert.equal(await plugin('xenstore', 'read_record', { dom_id: domid, path: 'vm-data/hostname' }), '"web-1"');
  });

  it('drops the live xenstore when the domain dies, keeping its console log, and reseeds it at the next boot', async () => {
    await xenstore('write_record', { path: 'data/transient', value: 'gone after reboot' });
    await call('VM.hard_shutdown', vm);
    await rejectsWith(xenstore('read_record', { path: 'vm-data/hostname' }), 'XENAPI_PLUGIN_FAILURE', ['read_record', 'XenstoreError']);
    await rejectsWith(xenstore('write_record', { path: 'vm-data/x', value: '1' }), 'XENAPI_PLUGIN_FAILURE',
      ['write_record', 'XenstoreError', /could not write path \/local\/domain\/\d+\/vm-data\/x/]);
    assert.equal(await xenstore('list_records', { path: '' }), '{}');
    assert.match(await consoleText(domid), /login:/, 'the log file outlives the domain');

    const oldDomid = domid;
    await call('VM.start', vm, false, false);
    domid = String(await call('VM.get_domid', vm));
    assert.notEqual(domid, oldDomid);
    assert.equal(await xenstore('read_record', { path: 'data/transient', ignore_missing_path: '1' }), '"None"');
    assert.equal(await xenstore('read_record', { path: 'vm-data/hostname' }), '"web-1"');
  });
});
