// Fault injection through /_sim/faults and the in-process RunningSimulator: the next calls of a method fail
// with a chosen XAPI error before doing anything (also as Async.*, through the task), answer late, or lose
// their connection; faults are listed, consumed call by call, and cleared.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { clearFaults, injectFault, listFaults } from '../helpers/sim-faults.js';
import { waitUntil } from '../helpers/wait.js';

const PASSWORD = 'faults-test';

describe('simulator fault injection', () => {
  let sim: RunningSimulator;
  let master: string;
  let api: Awaited<ReturnType<typeof jsonSession>>;
  let vm: string;
  let host: string;
  const call = (method: string, ...params: unknown[]) => api.call(method, ...params);
  const timed = async (work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0 });
    master = sim.pools[0].masterUrl;
    api = await jsonSession(master, PASSWORD);
    const [template] = await call('VM.get_by_name_label', 'Debian Bookworm 12');
    vm = await call('VM.clone', template, 'faulty');
    await call('VM.set_is_a_template', vm, false);
    host = sim.world.pools[0].masterRef;
  });
  afterEach(() => sim.faults.clear());
  after(() => sim.stop());

  it('fails the next calls of a method with the given error, before anything happens', async () => {
    const fault = await injectFault(master, { method: 'VM.start_on', count: 2, error: ['HOST_NOT_ENOUGH_FREE_MEMORY', '1024', '512'] });
    assert.equal(fault.remaining, 2);
    const tasksBefore = (await call('task.get_all')).length;
    for (let i = 0; i < 2; i++) {
      await assert.rejects(call('VM.start_on', vm, host, false, false), (error: any) => {
        assert.equal(error.code, 'HOST_NOT_ENOUGH_FREE_MEMORY');
        assert.deepEqual(error.params, ['1024', '512']);
        return true;
      });
    }
    assert.equal(await call('VM.get_power_state', vm), 'Halted');
    assert.deepEqual(await call('VM.get_current_operations', vm), {});
    assert.equal((await call('task.get_all')).length, tasksBefore, 'no task row left behind');
    assert.deepEqual(await listFaults(master), []);
    await call('VM.start_on', vm, host, false, false);
    assert.equal(await call('VM.get_power_state', vm), 'Running');
    await call('VM.hard_shutdown', vm);
  });

  it('fails the task of an Async call with the error; `Async.<method>` strikes async calls only', async () => {
    sim.faults.add({ method: 'Async.VM.start_on', error: ['HOST_OFFLINE', host] });
    sim.faults.add({ method: 'VM.start_on', error: ['NO_HOSTS_AVAILABLE'] });
    // The sync call skips the async-only fault and takes the next.
    await assert.rejects(call('VM.start_on', vm, host, false, false), (error: any) => error.code === 'NO_HOSTS_AVAILABLE');
    const task = await call('Async.VM.start_on', vm, host, false, false);
    const done = await waitUntil(async () => {
      const record = await call('task.get_record', task);
      return record.status !== 'pending' && record;
    });
    assert.equal(done.status, 'failure');
    assert.deepEqual(done.error_info, ['HOST_OFFLINE', host]);
    assert.equal(await call('VM.get_power_state', vm), 'Halted');
  });

  it('matches method names case-sensitively, as XAPI dispatches them', async () => {
    await injectFault(master, { method: 'vm.get_power_state', error: ['INTERNAL_ERROR', 'never'] });
    assert.equal(await call('VM.get_power_state', vm), 'Halted');
    assert.equal((await listFaults(master))[0].remaining, 1);
    await clearFaults(master);
    assert.deepEqual(await listFaults(master), []);
  });

  it('delays the next calls by latencyMs', async () => {
    sim.faults.add({ method: 'VM.get_name_label', latencyMs: 250, count: 2 });
    for (let i = 0; i < 2; i++) assert.ok(await timed(() => call('VM.get_name_label', vm)) >= 240);
    assert.ok(await timed(() => call('VM.get_name_label', vm)) < 200);
  });

  it('drops the connection of the next calls without answering or acting', async () => {
    const before = await call('VM.get_name_description', vm);
    await injectFault(master, { method: 'VM.set_name_description', drop: true });
    // fetch reports a connection closed without an answer as a TypeError ("fetch failed").
    await assert.rejects(call('VM.set_name_description', vm, 'dropped'), (error: any) => error instanceof TypeError);
    assert.equal(await call('VM.get_name_description', vm), before);
    await call('VM.set_name_description', vm, 'delivered');
    assert.equal(await call('VM.get_name_description', vm), 'delivered');
  });

  it('refuses malformed faults with 400', async () => {
    for (const body of [{ method: 'VM.start' }, { method: '', drop: true }, { method: 'VM.start', error: [] }, { method: 'VM.start', count: 0, drop: true }]) {
      const res = await fetch(`${master}/_sim/faults`, { method: 'POST', body: JSON.stringify(body) });
      assert.equal(res.status, 400, JSON.stringify(body));
    }
    assert.equal((await fetch(`${master}/_sim/faults`, { method: 'POST', body: '{' })).status, 400);
  });
});
