// Pool masters changing in the simulator as XAPI clients see them: a planned hand-over (designate_new_master),
// a master that dies (its slaves answer HOST_IS_SLAVE with its dead address until one of them takes over in an
// emergency and recovers the others), and HA, which does all of that by itself and restarts protected guests.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
// @ts-expect-error xen-api ships no type declarations
import { createClient } from 'xen-api';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { jsonRpc, jsonSession, xmlRpcSession } from '../helpers/raw-xapi.js';
import { waitUntil } from '../helpers/wait.js';

const PASSWORD = 'pool-master';
const run = promisify(execFile);
const EMERGENCY_SCRIPT = fileURLToPath(new URL('../fixtures/python_emergency_master.py', import.meta.url));
const hasPython = await run('python3', ['--version']).then(() => true, () => false);
const hostUrl = (sim: RunningSimulator, index: number) => sim.pools[0]!.hostUrls[index]!;
const hostOf = (url: string) => new URL(url).hostname;

/** The error code a call ends with ('success' when it does not fail). */
const outcomeOf = (work: Promise<unknown>): Promise<string> => work.then(() => 'success', (error: { code: string }) => error.code);

async function rejection(work: Promise<unknown>): Promise<{ code: string; params: string[] }> {
  try {
    await work;
  } catch (error) {
    return error as { code: string; params: string[] };
  }
  assert.fail('the call succeeded');
}

/** Whether connecting to `url` is refused; a pooled connection the host dropped may fail first with a reset. */
async function refused(url: string): Promise<boolean> {
  const attempt = () => fetch(`${url}/jsonrpc`, { method: 'POST', body: '{}' }).then(
    () => 'answered',
    (error: { cause?: { code?: string } }) => error.cause?.code ?? 'failed',
  );
  return await waitUntil(async () => (await attempt()) === 'ECONNREFUSED', 2000, 'a refusal').catch(() => false);
}

describe('simulated pool master changes', () => {
  let sim: RunningSimulator;
  let api: Awaited<ReturnType<typeof jsonSession>>;
  const call = (method: string, ...params: unknown[]) => api.call(method, ...params);
  const hostByName = async (name: string): Promise<string> => (await call('host.get_by_name_label', name))[0];

  beforeEach(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.01 });
    api = await jsonSession(sim.pools[0]!.masterUrl, PASSWORD);
  });
  afterEach(() => sim.stop());

  it('designate_new_master: the new master answers, the old one redirects, old sessions end, events show the change', async () => {
    const [oldUrl, newUrl] = [hostUrl(sim, 0), hostUrl(sim, 1)];
    const [pool] = await call('pool.get_all');
    const a2 = await hostByName('xen-a2');
    const agentStart = Number((await call('host.get_other_config', a2)).agent_start_time);
    const { token } = await call('event.from', ['pool'], '', 0);
    const watching = call('event.from', ['pool'], token, 30);
    const xml = await xmlRpcSession(oldUrl, PASSWORD);
    sim.faults.add({ method: 'VM.clean_shutdown', hang: true, count: 1 });
    const [anyVm] = await call('VM.get_all');
    const running = await call('Async.VM.clean_shutdown', anyVm);

    await call('pool.designate_new_master', a2);

    const { events } = await watching;
    assert.ok(events.some((e: any) => e.class === 'pool' && e.snapshot.master === a2), 'the pool record names the new master');
    // The old master's toolstack restarts: a call caught by it loses its connection, later ones find no session.
    await waitUntil(async () => (await outcomeOf(xml.call('pool.get_master', pool))) === 'SESSION_INVALID', 5000, 'old sessions to end');
    assert.equal((await rejection(call('pool.get_master', pool))).code, 'SESSION_INVALID');
    const slave = await rejection(jsonRpc(oldUrl)('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
    assert.deepEqual([slave.code, slave.params], ['HOST_IS_SLAVE', [hostOf(newUrl)]]);
    const overXml = await rejection(xmlRpcSession(oldUrl, PASSWORD));
    assert.deepEqual([overXml.code, overXml.params], ['HOST_IS_SLAVE', [hostOf(newUrl)]]);

    const fresh = await jsonSession(newUrl, PASSWORD);
    assert.equal(await fresh.call('pool.get_master', pool), a2);
    assert.ok(Number((await fresh.call('host.get_other_config', a2)).agent_start_time) > agentStart, 'its toolstack restarted as master');
    assert.equal(await fresh.call('pool.designate_new_master', a2), '', 'designating the master again changes nothing');
    assert.equal(await fresh.call('task.get_status', running), 'pending', 'a task running at the hand-over is still there');
    await fresh.call('task.cancel', running);
    await waitUntil(async () => (await fresh.call('task.get_status', running)) === 'cancelled', 5000, 'the task to be cancelled');
  });

  it('a blocked event.from on the old master loses its connection when the old master restarts', async () => {
    const a3 = await hostByName('xen-a3');
    const { token } = await call('event.from', ['VM'], '', 0);
    const watching = call('event.from', ['VM'], token, 30).then(() => 'answered', (error: Error) => error);
    await call('pool.designate_new_master', a3);
    const outcome = await watching;
    assert.ok(outcome instanceof TypeError, `the connection drops (got ${String(outcome)})`);
  });

  it('master loss without HA: slaves redirect to the dead master until an emergency transition and recover_slaves', async () => {
    const [masterUrl, a2Url, a3Url] = [hostUrl(sim, 0), hostUrl(sim, 1), hostUrl(sim, 2)];
    const [pool] = await call('pool.get_all');
    const [a1, a2, a3] = [await hostByName('xen-a1'), await hostByName('xen-a2'), await hostByName('xen-a3')];
    const [template] = await call('VM.get_by_name_label', 'Debian Bookworm 12');
    const vm = await call('VM.clone', template, 'on the master');
    await call('VM.set_is_a_template', vm, false);
    await call('VM.start_on', vm, a1, false, false);
    const xml = await xmlRpcSession(a2Url, PASSWORD).catch((error) => error);
    assert.equal(xml.code, 'HOST_IS_SLAVE');

    sim.killHost('xen-a1');
    assert.ok(await refused(masterUrl), 'the dead master refuses connections');
    for (const url of [a2Url, a3Url]) {
      const lost = await rejection(jsonRpc(url)('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
      assert.deepEqual([lost.code, lost.params], ['HOST_IS_SLAVE', [hostOf(masterUrl)]]);
    }
    const onA2 = jsonRpc(a2Url);
    assert.equal((await rejection(onA2('pool.get_all', api.session))).code, 'HOST_IS_SLAVE', 'emergency mode serves nothing else');
    const wrong = await rejection(onA2('session.slave_local_login_with_password', 'root', 'nope'));
    assert.equal(wrong.code, 'SESSION_AUTHENTICATION_FAILED');

    const local = await onA2('session.slave_local_login_with_password', 'root', PASSWORD);
    await onA2('pool.emergency_transition_to_master', local);
    const stillLost = await rejection(jsonRpc(a3Url)('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
    assert.deepEqual([stillLost.code, stillLost.params], ['HOST_IS_SLAVE', [hostOf(masterUrl)]], 'a3 has not been told yet');

    const master = await jsonSession(a2Url, PASSWORD);
    assert.equal(await master.call('pool.get_master', pool), a2);
    assert.deepEqual(await master.call('pool.recover_slaves'), [a3]);
    const redirected = await rejection(jsonRpc(a3Url)('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
    assert.deepEqual([redirected.code, redirected.params], ['HOST_IS_SLAVE', [hostOf(a2Url)]]);
    assert.equal(await master.call('VM.get_power_state', vm), 'Halted');
    assert.equal(await master.call('VM.get_resident_on', vm), 'OpaqueRef:NULL');
    assert.equal(await master.call('host_metrics.get_live', await master.call('host.get_metrics', a1)), false);

    await sim.reviveHost('xen-a1');
    const booting = await rejection(jsonRpc(masterUrl)('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
    assert.equal(booting.code, 'HOST_STILL_BOOTING');
    await waitUntil(async () => (await outcomeOf(jsonRpc(masterUrl)('session.login_with_password', 'root', PASSWORD, '1.0', 't'))) === 'HOST_IS_SLAVE', 5000, 'the old master to rejoin as a slave');
    await waitUntil(async () => master.call('host_metrics.get_live', await master.call('host.get_metrics', a1)), 5000, 'a1 to be live');
  });

  it('a Python XML-RPC client recovers a pool whose master died, as xe does', { skip: !hasPython && 'python3 not installed' }, async () => {
    const [deadUrl, a2Url, a3Url] = [hostUrl(sim, 0), hostUrl(sim, 1), hostUrl(sim, 2)];
    sim.killHost('xen-a1');
    const { stdout } = await run('python3', [EMERGENCY_SCRIPT, `${a2Url}/`, `${a3Url}/`, PASSWORD]);
    assert.deepEqual(JSON.parse(stdout), {
      login_before: ['HOST_IS_SLAVE', hostOf(deadUrl)],
      master_name: 'xen-a2',
      recovered: ['xen-a3'],
      other_login: ['HOST_IS_SLAVE', hostOf(a2Url)],
    });
  });

  it('without HA, the master declares a dead slave offline after its heartbeat has been missing long enough', async () => {
    const slow = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.002 });
    try {
      const master = await jsonSession(slow.pools[0]!.masterUrl, PASSWORD);
      const [a3] = await master.call('host.get_by_name_label', 'xen-a3');
      const metrics = await master.call('host.get_metrics', a3);
      slow.killHost('xen-a3');
      assert.equal(await master.call('host_metrics.get_live', metrics), true, 'not at once');
      await waitUntil(async () => !(await master.call('host_metrics.get_live', metrics)), 5000, 'xen-a3 to be declared dead');
    } finally {
      await slow.stop();
    }
  });

  it('a dead master that comes back before anyone takes over is master again, without the sessions it had', async () => {
    const [pool] = await call('pool.get_all');
    const a1 = await hostByName('xen-a1');
    sim.killHost('xen-a1');
    assert.equal((await rejection(jsonRpc(hostUrl(sim, 1))('pool.get_all', api.session))).code, 'HOST_IS_SLAVE');
    await sim.reviveHost('xen-a1');
    await waitUntil(async () => (await outcomeOf(jsonSession(hostUrl(sim, 0), PASSWORD))) === 'success', 5000, 'xen-a1 to answer');
    assert.equal((await rejection(call('pool.get_all'))).code, 'SESSION_INVALID');
    const master = await jsonSession(hostUrl(sim, 0), PASSWORD);
    assert.equal(await master.call('pool.get_master', pool), a1);
    const slave = await rejection(jsonRpc(hostUrl(sim, 1))('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
    assert.deepEqual(slave.params, [hostOf(hostUrl(sim, 0))]);
  });

  it('the admin API kills and revives hosts by name, uuid or address', async () => {
    const admin = (path: string) => fetch(`${sim.pools[0]!.masterUrl}/_sim/hosts/${path}`, { method: 'POST' });
    assert.equal((await admin('xen-nowhere/kill')).status, 404);
    assert.equal((await admin(`${hostOf(hostUrl(sim, 2))}/kill`)).status, 200);
    assert.ok(await refused(hostUrl(sim, 2)));
    assert.equal((await admin('xen-a3/revive')).status, 200);
    assert.equal((await rejection(jsonRpc(hostUrl(sim, 2))('session.login_with_password', 'root', PASSWORD, '1.0', 't'))).code, 'HOST_STILL_BOOTING');
    // Asked through the dying host itself, the answer still arrives.
    assert.equal((await admin('xen-a1/kill')).status, 200);
    assert.ok(await refused(hostUrl(sim, 0)));
  });
});

describe('simulated HA', () => {
  let sim: RunningSimulator;
  let api: Awaited<ReturnType<typeof jsonSession>>;
  const call = (method: string, ...params: unknown[]) => api.call(method, ...params);
  const hostByName = async (name: string): Promise<string> => (await call('host.get_by_name_label', name))[0];

  beforeEach(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.01 });
    api = await jsonSession(sim.pools[0]!.masterUrl, PASSWORD);
  });
  afterEach(() => sim.stop());

  async function guestOn(host: string, name: string, priority: string): Promise<string> {
    const [template] = await call('VM.get_by_name_label', 'Debian Bookworm 12');
    const vm = await call('VM.clone', template, name);
    await call('VM.set_is_a_template', vm, false);
    await call('VM.set_ha_restart_priority', vm, priority);
    await call('VM.start_on', vm, host, false, false);
    return vm;
  }

  async function enableHa(): Promise<string> {
    const [nfs] = await call('SR.get_by_name_label', 'NFS shared storage');
    await call('pool.enable_ha', [nfs], { timeout: '30' });
    return nfs;
  }

  it('refuses what XAPI refuses: no or local heartbeat SRs, twice, disabling when off, bad priorities, hand-overs', async () => {
    const [pool] = await call('pool.get_all');
    const [local] = Object.keys(await call('SR.get_all_records_where', 'field "type" = "ext"'));
    assert.equal((await rejection(call('pool.enable_ha', [], {}))).code, 'HA_HEARTBEAT_DAEMON_STARTUP_FAILED');
    const notShared = await rejection(call('pool.enable_ha', [local], {}));
    assert.deepEqual([notShared.code, notShared.params], ['HA_CONSTRAINT_VIOLATION_SR_NOT_SHARED', [local]]);
    assert.equal((await rejection(call('pool.disable_ha'))).code, 'HA_NOT_ENABLED');
    const [vm] = await call('VM.get_by_name_label', 'Debian Bookworm 12');
    assert.equal((await rejection(call('VM.set_ha_restart_priority', vm, 'always'))).code, 'INVALID_VALUE');

    await call('pool.set_ha_host_failures_to_tolerate', pool, 1);
    await enableHa();
    assert.equal(await call('pool.get_ha_enabled', pool), true);
    assert.equal(await call('pool.get_ha_plan_exists_for', pool), 1);
    assert.equal((await call('pool.get_ha_statefiles', pool)).length, 1);
    assert.equal((await rejection(enableHa())).code, 'HA_IS_ENABLED');
    assert.equal((await rejection(call('pool.designate_new_master', await hostByName('xen-a2')))).code, 'HA_IS_ENABLED');
    assert.equal((await rejection(call('pool.set_ha_host_failures_to_tolerate', pool, 3))).code, 'HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN');

    await call('pool.disable_ha');
    assert.equal(await call('pool.get_ha_enabled', pool), false);
    assert.deepEqual(await call('VDI.get_all_records_where', 'field "type" = "ha_statefile"'), {});
  });

  it('on master loss a survivor is promoted and protected guests restart on the survivors by themselves', async () => {
    const [pool] = await call('pool.get_all');
    const [a1, a2] = [await hostByName('xen-a1'), await hostByName('xen-a2')];
    const onMaster = await guestOn(a1, 'protected on master', 'restart');
    const unprotected = await guestOn(a1, 'unprotected on master', '');
    const onSlave = await guestOn(a2, 'protected on slave', 'restart');
    assert.equal(await call('VM.get_ha_always_run', onMaster), true);
    await enableHa();
    const { token } = await call('event.from', ['pool', 'VM', 'host_metrics', 'message'], '', 0);

    sim.killHost('xen-a1');
    const lost = await rejection(jsonRpc(hostUrl(sim, 1))('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
    assert.deepEqual([lost.code, lost.params], ['HOST_IS_SLAVE', [hostOf(hostUrl(sim, 0))]], 'until the heartbeat times out');

    const survivor = await waitUntil(() => sim.pools[0]!.masterUrl !== hostUrl(sim, 0) && sim.pools[0]!.masterUrl, 5000, 'a survivor to be promoted');
    const master = await jsonSession(survivor, PASSWORD);
    const newMaster = await master.call('pool.get_master', pool);
    assert.notEqual(newMaster, a1);
    await waitUntil(async () => (await master.call('VM.get_power_state', onMaster)) === 'Running', 5000, 'the protected guest to restart');
    assert.notEqual(await master.call('VM.get_resident_on', onMaster), a1);
    assert.equal(await master.call('VM.get_power_state', unprotected), 'Halted');
    assert.equal(await master.call('VM.get_resident_on', onSlave), a2, 'guests of survivors stay where they are');
    // A client logged in again on the new master picks its event stream up where it was.
    const { events } = await master.call('event.from', ['pool', 'VM', 'host_metrics', 'message'], token, 0);
    const changes = (cls: string, ref?: string) => events.filter((e: any) => e.class === cls && (!ref || e.ref === ref)).map((e: any) => e.snapshot);
    assert.ok(changes('pool').some((p: any) => p.master === newMaster));
    assert.ok(changes('host_metrics', await master.call('host.get_metrics', a1)).some((m: any) => m.live === false));
    assert.ok(changes('vm', onMaster).some((vm: any) => vm.power_state === 'Running' && vm.resident_on !== a1), 'the protected guest moved');
    assert.ok(changes('vm', unprotected).some((vm: any) => vm.power_state === 'Halted' && vm.resident_on === 'OpaqueRef:NULL'));
    const a1Uuid = await master.call('host.get_uuid', a1);
    assert.ok(changes('message').some((m: any) => m.name === 'HA_HOST_FAILED' && m.obj_uuid === a1Uuid), 'HA raises an alert for the dead host');
    const otherSlave = hostUrl(sim, newMaster === a2 ? 2 : 1);
    const redirected = await rejection(jsonRpc(otherSlave)('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
    assert.deepEqual([redirected.code, redirected.params], ['HOST_IS_SLAVE', [hostOf(survivor)]], 'every survivor follows the new master');
  });

  it('on slave loss protected guests restart elsewhere; the master stays', async () => {
    const [pool] = await call('pool.get_all');
    const [a1, a3] = [await hostByName('xen-a1'), await hostByName('xen-a3')];
    const vm = await guestOn(a3, 'protected on slave', 'best-effort');
    await enableHa();
    sim.killHost('xen-a3');
    await waitUntil(async () => (await call('VM.get_power_state', vm)) === 'Running' && (await call('VM.get_resident_on', vm)) !== a3, 5000, 'the guest to restart');
    assert.equal(await call('pool.get_master', pool), a1);
    assert.equal(await call('host_metrics.get_live', await call('host.get_metrics', a3)), false);
  });
});

it('a restarted simulator keeps the new master and the slaves not yet recovered', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xengraph-sim-master-'));
  try {
    const stateFile = join(dir, 'world.json');
    const first = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.01, stateFile });
    const [a1Host, a2Host] = [hostOf(hostUrl(first, 0)), hostOf(hostUrl(first, 1))];
    first.killHost('xen-a1');
    const onA2 = jsonRpc(hostUrl(first, 1));
    await onA2('pool.emergency_transition_to_master', await onA2('session.slave_local_login_with_password', 'root', PASSWORD));
    await first.stop();

    const second = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.01, stateFile });
    try {
      assert.equal(hostOf(second.pools[0]!.masterUrl), a2Host);
      const login = (index: number) => rejection(jsonRpc(hostUrl(second, index))('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
      assert.deepEqual((await login(2)).params, [a1Host], 'xen-a3 still follows the master it lost');
      assert.deepEqual((await login(0)).params, [a2Host], 'xen-a1 came back as a slave');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('xen-api following the master', () => {
  let sim: RunningSimulator;
  let xapi: any;
  after(async () => {
    await xapi?.disconnect();
    await sim?.stop();
  });

  it('keeps working after designate_new_master: it re-logs in, is redirected, and its cache shows the new master', async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.01 });
    xapi = createClient({ url: sim.pools[0]!.masterUrl, auth: { user: 'root', password: PASSWORD }, transport: 'json-rpc', debounce: 20, eventPollDelay: 50 });
    await xapi.connect();
    await xapi.objectsFetched;
    const [a2] = await xapi.call('host.get_by_name_label', 'xen-a2');
    await xapi.call('pool.designate_new_master', a2);
    await waitUntil(() => xapi.pool.master === a2, 10_000, "xen-api's cache to show the new master");
    assert.equal(await xapi.call('host.get_name_label', a2), 'xen-a2');
  });
});
