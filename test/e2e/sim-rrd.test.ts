// The simulator's rrdd over HTTP as a XAPI client sees it: /vm_rrd from the host the VM runs on (a redirect
// from elsewhere, the archived RRD from the master once it halts), /host_rrd, /rrd_updates, compact XML or
// JSON with every number a string, and counters that move only while the guest runs. Also the bandwidth
// plugin, whose totals are the same VIF counters the RRD is built from.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEFAULT_TOPOLOGY, type Topology } from '../../src/simulator/topology.js';
import { fetchHostRrd, fetchRrdUpdates, fetchVmRrd, XapiClient, type Rrd } from '../../src/xapi/index.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { waitUntil } from '../helpers/wait.js';

const PASSWORD = 'rrd-test';
const TOPOLOGY: Topology = {
  pools: [{
    name: 'rrd-pool',
    hosts: [{ name: 'rrd-master', cpus: 4, memoryGiB: 32 }, { name: 'rrd-slave', cpus: 4, memoryGiB: 32 }],
    sharedSrs: [{ name: 'nfs', type: 'nfs', sizeGiB: 200 }],
    localSrGiB: 50,
    networks: DEFAULT_TOPOLOGY.pools[0].networks,
    templates: [{ name: 'Debian', memoryMiB: 512, vcpus: 2, diskGiB: 4 }],
  }],
};

describe('simulator RRD endpoints and bandwidth counters', () => {
  let sim: RunningSimulator;
  let api: Awaited<ReturnType<typeof jsonSession>>;
  let client: XapiClient;
  let vm: string;
  let vmUuid: string;
  let slave: string;
  let slaveAddress: string;
  const call = (method: string, ...params: unknown[]) => api.call(method, ...params);
  const lastReading = (rrd: Rrd, name: string) => rrd.dataSources.find((ds) => ds.name === name)!.lastReading;
  const get = (path: string, init: RequestInit = {}) => fetch(`${sim.pools[0].masterUrl}${path}`, { redirect: 'manual', ...init });

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02, topology: TOPOLOGY });
    api = await jsonSession(sim.pools[0].masterUrl, PASSWORD);
    const master = await call('pool.get_master', (await call('pool.get_all'))[0]);
    slave = (await call('host.get_all') as string[]).find((host) => host !== master)!;
    slaveAddress = await call('host.get_address', slave);
    const [template] = await call('VM.get_by_name_label', 'Debian');
    vm = await call('VM.clone', template, 'metered');
    await call('VM.provision', vm);
    await call('VM.set_is_a_template', vm, false);
    const [network] = await call('network.get_all');
    await call('VIF.create', {
      device: '0', network, VM: vm, MAC: '02:00:00:aa:bb:01', MTU: 1500, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {},
    });
    await call('VM.start_on', vm, slave, false, false);
    vmUuid = await call('VM.get_uuid', vm);
    // Its tools report free memory once the guest has booted.
    await waitUntil(async () => (await call('VM.get_guest_metrics', vm)) !== 'OpaqueRef:NULL', 5000, 'the guest to boot');
    client = new XapiClient({ url: sim.pools[0].masterUrl, user: 'root', password: PASSWORD, watchEvents: false });
    await client.connect();
  });
  after(async () => {
    await client?.close();
    await sim?.stop();
  });

  it('sends a VM\'s RRD from the host it runs on, compact, with rrdd\'s archives and sources', async () => {
    const redirect = await get(`/vm_rrd?session_id=${api.session}&uuid=${vmUuid}`);
    assert.equal(redirect.status, 302);
    assert.equal(new URL(redirect.headers.get('location')!).hostname, slaveAddress);

    const res = await fetch(redirect.headers.get('location')!);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/xml');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const body = await res.text();
    assert.ok(body.startsWith('<?xml version="1.0" encoding="UTF-8"?><rrd><version>0003</version><step>5</step><lastupdate>'));
    assert.doesNotMatch(body, />\s+</, 'no whitespace between elements');

    const rrd = await fetchVmRrd(client, vmUuid);
    assert.deepEqual(rrd.dataSources.map((ds) => ds.name), [
      'cpu0', 'cpu1', 'memory', 'memory_target', 'memory_internal_free', 'vif_0_rx', 'vif_0_tx', 'vbd_xvda_read', 'vbd_xvda_write',
    ]);
    assert.deepEqual(rrd.archives.map((a) => [a.cf, a.pdpPerRow, a.rows.length]), [['AVERAGE', 1, 120], ['AVERAGE', 12, 120], ['AVERAGE', 720, 168], ['AVERAGE', 17280, 366]]);
    assert.equal(lastReading(rrd, 'memory'), 512 * 1024 * 1024);
    assert.ok(Math.abs(rrd.lastUpdate - Date.now() / 1000) < 5);
  });

  it('answers in JSON with every number a string when asked', async () => {
    const res = await fetch(`http://${slaveAddress}:${sim.port}/vm_rrd?session_id=${api.session}&uuid=${vmUuid}&json`);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const rrd = await res.json() as { step: string; ds: { name: string; last_ds: string }[]; rra: { pdp_per_row: string; database: string[][] }[] };
    assert.equal(rrd.step, '5');
    assert.equal(typeof rrd.ds[0].last_ds, 'string');
    assert.equal(rrd.rra[0].database.length, 120);
    assert.ok(rrd.rra[0].database.every((row) => row.length === rrd.ds.length && row.every((v) => typeof v === 'string')));
  });

  it('refuses requests without credentials, without a uuid, or for an unknown VM', async () => {
    assert.equal((await get(`/vm_rrd?uuid=${vmUuid}`)).status, 401);
    assert.equal((await get(`/vm_rrd?session_id=${api.session}`)).status, 400);
    assert.equal((await get(`/vm_rrd?session_id=${api.session}&uuid=00000000-0000-0000-0000-000000000000`)).status, 404);
    assert.equal((await get('/rrd_updates?host=true', { headers: { authorization: `Basic ${Buffer.from(`root:${PASSWORD}`).toString('base64')}` } })).status, 400);
  });

  it('has host sources for each CPU, memory and each PIF', async () => {
    const rrd = await fetchHostRrd(client, slaveAddress);
    const names = rrd.dataSources.map((ds) => ds.name);
    for (const name of ['cpu0', 'cpu3', 'cpu_avg', 'loadavg', 'memory_total_kib', 'memory_free_kib', 'pif_eth0_rx', 'pif_eth0_tx', 'pif_aggr_rx']) {
      assert.ok(names.includes(name), name);
    }
    assert.equal(lastReading(rrd, 'memory_total_kib'), 32 * 1024 * 1024);
  });

  it('gives /rrd_updates for the host and its own VMs, newest row first', async () => {
    await sleep(600);
    const updates = await fetchRrdUpdates(client, { start: -60, host: true, cf: 'AVERAGE' }, slaveAddress);
    assert.equal(updates.step, 5);
    const hostUuid = await call('host.get_uuid', slave);
    assert.equal(updates.legend[0], `AVERAGE:host:${hostUuid}:cpu0`);
    assert.ok(updates.legend.includes(`AVERAGE:vm:${vmUuid}:vif_0_rx`));
    assert.ok(updates.rows.length >= 1 && updates.rows.length <= 13);
    assert.ok(updates.rows.every((row, i) => row.values.length === updates.legend.length && (i === 0 || row.t < updates.rows[i - 1].t)));
    assert.equal(updates.rows[0].t, updates.end);

    const onMaster = await fetchRrdUpdates(client, { start: -60, vmUuid }, undefined);
    assert.deepEqual(onMaster.legend, [], 'the master does not report a VM running elsewhere');

    const json = await fetch(`http://${slaveAddress}:${sim.port}/rrd_updates?session_id=${api.session}&start=-30&json=true`);
    const parsed = await json.json() as { meta: { step: string; legend: string[] }; data: { t: string; values: string[] }[] };
    assert.equal(parsed.meta.step, '5');
    assert.ok(parsed.meta.legend.every((entry) => entry.startsWith(`AVERAGE:vm:${vmUuid}:`)));
  });

  it('moves the counters while the guest runs, holds them while it is paused', async () => {
    const before = await fetchVmRrd(client, vmUuid);
    await sleep(1100);
    const running = await fetchVmRrd(client, vmUuid);
    for (const name of ['cpu0', 'vif_0_rx', 'vif_0_tx', 'vbd_xvda_read', 'vbd_xvda_write']) {
      assert.ok(lastReading(running, name) > lastReading(before, name), `${name} grows`);
    }
    await call('VM.pause', vm);
    const paused = await fetchVmRrd(client, vmUuid);
    await sleep(1100);
    const stillPaused = await fetchVmRrd(client, vmUuid);
    assert.equal(lastReading(stillPaused, 'vif_0_rx'), lastReading(paused, 'vif_0_rx'));
    await call('VM.unpause', vm);
    await sleep(1100);
    assert.ok(lastReading(await fetchVmRrd(client, vmUuid), 'vif_0_rx') > lastReading(paused, 'vif_0_rx'));
  });

  it('reports the same VIF totals through the bandwidth plugin, bw_in being what the guest received', async () => {
    const domid = String(await call('VM.get_domid', vm));
    const read = async () => JSON.parse(await call('host.call_plugin', slave, 'bandwidth', 'fetch_all_bandwidth', {}))[domid]['0'];
    const first = await read();
    const rrd = await fetchVmRrd(client, vmUuid);
    const second = await read();
    assert.ok(lastReading(rrd, 'vif_0_rx') >= first.bw_in && lastReading(rrd, 'vif_0_rx') <= second.bw_in);
    assert.ok(lastReading(rrd, 'vif_0_tx') >= first.bw_out && lastReading(rrd, 'vif_0_tx') <= second.bw_out);
    const viaNewName = JSON.parse(await call('host.call_plugin', slave, 'bandwidth.py', 'fetch_all_bandwidth', { params: '{"args":[],"kwargs":{}}' }));
    assert.ok(viaNewName[domid]['0'].bw_in >= second.bw_in);
  });

  it('keeps a halted VM\'s last RRD on the master, and forgets its domain in the bandwidth plugin', async () => {
    await call('VM.hard_shutdown', vm);
    const res = await fetch(`http://${slaveAddress}:${sim.port}/vm_rrd?session_id=${api.session}&uuid=${vmUuid}`, { redirect: 'manual' });
    assert.equal(res.status, 302, 'a member sends the archived RRD\'s requests to the master');
    const halted = await fetchVmRrd(client, vmUuid);
    await sleep(1100);
    const later = await fetchVmRrd(client, vmUuid);
    assert.equal(later.lastUpdate, halted.lastUpdate);
    assert.equal(lastReading(later, 'vif_0_rx'), lastReading(halted, 'vif_0_rx'));
    assert.deepEqual(JSON.parse(await call('host.call_plugin', slave, 'bandwidth', 'fetch_all_bandwidth', {})), {});
  });
});
