// The dom0 `agent` plugin and the simulated guest's agent, driven as Nova's driver drove them: raw
// host.call_plugin calls carrying {id, dom_id, timeout, …}, answers as the agent's JSON text, and the
// plugin's TIMEOUT:, REBOOT: and NOT IMPLEMENTED: failures.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AgentKeyAgreement, encryptForAgent } from '../../src/driver/agent/crypto.js';
import { configureGuestAgent, guestAgentView } from '../../src/simulator/classes/guest-agent.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEFAULT_TOPOLOGY, type Topology } from '../../src/simulator/topology.js';
import { jsonSession } from '../helpers/raw-xapi.js';

const PASSWORD = 'agent-test';
const TOPOLOGY: Topology = {
  pools: [{
    name: 'agent-pool',
    hosts: [{ name: 'agent-host', cpus: 8, memoryGiB: 64 }],
    localSrGiB: 100,
    networks: DEFAULT_TOPOLOGY.pools[0].networks,
    templates: [{ name: 'Debian', memoryMiB: 512, vcpus: 1, diskGiB: 4 }],
  }],
};

describe('simulator agent plugin and guest agent', () => {
  let sim: RunningSimulator;
  let api: Awaited<ReturnType<typeof jsonSession>>;
  let host: string;
  const call = (method: string, ...params: unknown[]) => api.call(method, ...params);

  async function startGuest(name: string, withAgent: boolean): Promise<{ vm: string; uuid: string }> {
    const [template] = await call('VM.get_by_name_label', 'Debian');
    const vm = await call('VM.clone', template, name);
    await call('VM.provision', vm);
    await call('VM.set_is_a_template', vm, false);
    await call('VM.add_to_xenstore_data', vm, 'vm-data/hostname', name);
    if (withAgent) await call('VM.add_to_xenstore_data', vm, 'vm-data/xenapi_use_agent', 'true');
    await call('VM.start', vm, false, false);
    return { vm, uuid: await call('VM.get_uuid', vm) };
  }

  async function agent(vm: string, fn: string, args: Record<string, string> = {}, timeout = '5'): Promise<{ returncode: string; message: string }> {
    const domid = String(await call('VM.get_domid', vm));
    return JSON.parse(await call('host.call_plugin', host, 'agent', fn, { id: randomUUID(), dom_id: domid, timeout, ...args }));
  }

  const rejectsWith = (promise: Promise<unknown>, code: string, params: (string | RegExp)[]) =>
    assert.rejects(promise, (error: any) => {
      assert.equal(error.code, code, `${error.code} ${JSON.stringify(error.params)}`);
      params.forEach((expected, i) => (expected instanceof RegExp ? assert.match(error.params[i], expected) : assert.equal(error.params[i], expected)));
      return true;
    });

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02, topology: TOPOLOGY });
    api = await jsonSession(sim.pools[0].masterUrl, PASSWORD);
    [host] = await call('host.get_all');
  });
  after(() => sim.stop());

  it('answers version once the guest has booted, and lists its features', async () => {
    const { vm } = await startGuest('agent-1', true);
    assert.deepEqual(await agent(vm, 'version'), { returncode: '0', message: '1.0.0.0' }, 'the call waits for the boot');
    const domid = String(await call('VM.get_domid', vm));
    assert.equal(await call('host.call_plugin', host, 'xenstore.py', 'list_records', { dom_id: domid, path: 'data/host' }), '{}',
      'the agent took the request');
  });

  it('sets a password after a Diffie-Hellman key exchange, and only then', async () => {
    const { vm, uuid } = await startGuest('agent-2', true);
    assert.deepEqual(await agent(vm, 'password', { enc_pass: 'AAAAAAAAAAAAAAAAAAAAAA==' }), { returncode: '500', message: 'Password without key exchange' });
    const driver = new AgentKeyAgreement();
    const keyInit = await agent(vm, 'key_init', { pub: driver.publicKey });
    assert.equal(keyInit.returncode, 'D0');
    const secret = driver.sharedSecret(keyInit.message);
    assert.deepEqual(await agent(vm, 'password', { enc_pass: encryptForAgent(secret, 'correct horse\n') }), { returncode: '0', message: '' });
    assert.equal(guestAgentView(sim.world, uuid)?.password, 'correct horse');
    assert.equal((await agent(vm, 'password', { enc_pass: encryptForAgent(secret, 'again\n') })).returncode, '500', 'one key exchange per password');
  });

  it('injects files with the new request form, or the old one for agents that only know injectfile', async () => {
    const { vm, uuid } = await startGuest('agent-3', true);
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    assert.deepEqual(await agent(vm, 'inject_file', { b64_path: b64('/etc/a'), b64_contents: b64('one, two\n') }), { returncode: '0', message: '' });
    configureGuestAgent(sim.world, uuid, { commands: ['version', 'features', 'injectfile'] });
    assert.equal((await agent(vm, 'inject_file', { b64_path: b64('/etc/b'), b64_contents: b64('three, four\n') })).returncode, '0');
    assert.deepEqual(guestAgentView(sim.world, uuid)?.files, { '/etc/a': b64('one, two\n'), '/etc/b': b64('three, four\n') });
    configureGuestAgent(sim.world, uuid, { commands: ['version', 'features'] });
    await rejectsWith(agent(vm, 'inject_file', { b64_path: b64('/etc/c'), b64_contents: '' }), 'XENAPI_PLUGIN_FAILURE',
      ['inject_file', 'NotImplementedError', 'NOT IMPLEMENTED: Agent does not support file injection.']);
    assert.deepEqual(await agent(vm, 'resetnetwork'), { returncode: '404', message: 'No such agent command \'resetnetwork\'' });
  });

  it('resets the network from vm-data and records agent updates', async () => {
    const { vm, uuid } = await startGuest('agent-4', true);
    assert.equal((await agent(vm, 'resetnetwork')).returncode, '0');
    assert.equal((await agent(vm, 'agentupdate', { url: 'http://builds.example/agent.tgz', md5sum: 'abc123' })).returncode, '0');
    const view = guestAgentView(sim.world, uuid)!;
    assert.deepEqual([view.network.resets, view.network.hostname], [1, 'agent-4']);
    assert.deepEqual(view.agentUpdates, [{ url: 'http://builds.example/agent.tgz', md5sum: 'abc123' }]);
  });

  it('gives up with TIMEOUT: when no agent answers, withdrawing the request', async () => {
    const { vm } = await startGuest('no-agent', false);
    const started = Date.now();
    await rejectsWith(agent(vm, 'version', {}, '1'), 'XENAPI_PLUGIN_FAILURE', ['version', 'PluginError', 'TIMEOUT: No response from agent within 1 seconds.']);
    assert.ok(Date.now() - started >= 1000);
    const domid = String(await call('VM.get_domid', vm));
    assert.equal(await call('host.call_plugin', host, 'xenstore.py', 'list_records', { dom_id: domid, path: 'data/host' }), '{}');
  });

  it('reports REBOOT: when the domain goes away while it waits', async () => {
    const { vm, uuid } = await startGuest('rebooting', true);
    await agent(vm, 'version');
    configureGuestAgent(sim.world, uuid, { responsive: false });
    const waiting = agent(vm, 'version', {}, '10');
    setTimeout(() => void call('VM.hard_reboot', vm), 100);
    await rejectsWith(waiting, 'XENAPI_PLUGIN_FAILURE', ['version', 'RebootDetectedError', /^REBOOT: dom_id \d+ no longer present$/]);
  });

  it('fails as the plugin does on missing arguments, and serves guests on the admin API', async () => {
    const { vm, uuid } = await startGuest('agent-5', true);
    const domid = String(await call('VM.get_domid', vm));
    await rejectsWith(call('host.call_plugin', host, 'agent', 'version', { dom_id: domid }), 'XENAPI_PLUGIN_FAILURE', ['version', 'KeyError', "'id'"]);
    await rejectsWith(call('host.call_plugin', host, 'agent', 'key_init', { id: 'x', dom_id: domid }), 'XENAPI_PLUGIN_FAILURE', ['key_init', 'KeyError', "'pub'"]);
    await rejectsWith(call('host.call_plugin', host, 'agent', 'kill', {}), 'UNKNOWN_XENAPI_PLUGIN_FUNCTION', ['kill']);

    const base = `${sim.pools[0].masterUrl}/_sim/guests`;
    const view = await (await fetch(`${base}/${uuid}`)).json() as { agent: { installed: boolean } };
    assert.equal(view.agent.installed, true);
    assert.equal((await fetch(`${base}/${randomUUID()}`)).status, 404);
    const bad = await fetch(`${base}/${uuid}/agent`, { method: 'POST', body: JSON.stringify({ responsive: 'no' }) });
    assert.equal(bad.status, 400);
  });
});
