// The simulator's host power operations as XAPI clients see them: reboot and shutdown need a disabled, live
// host, halt what still runs there and take it offline; a reboot comes back enabled with a new boot_time;
// power_on needs a power_on_mode and a host that is down. And the `hang` fault: a call whose task waits,
// cancellable, as a guest that never answers a clean reboot.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { waitUntil } from '../helpers/wait.js';

const PASSWORD = 'host-power';

describe('simulated host power', () => {
  let sim: RunningSimulator;
  let api: Awaited<ReturnType<typeof jsonSession>>;
  const call = (method: string, ...params: unknown[]) => api.call(method, ...params);
  const rejects = (work: Promise<unknown>, code: string) => assert.rejects(work, (error: { code: string }) => error.code === code);
  const live = async (host: string) => (await call('host_metrics.get_live', await call('host.get_metrics', host))) as boolean;

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.01 });
    api = await jsonSession(sim.pools[0]!.masterUrl, PASSWORD);
  });
  after(() => sim.stop());

  it('reboots a disabled host: its guests halt, it goes offline, and comes back enabled with a new boot time', async () => {
    const [host] = await call('host.get_by_name_label', 'xen-a2');
    const [template] = await call('VM.get_by_name_label', 'Debian Bookworm 12');
    const vm = await call('VM.clone', template, 'resident');
    await call('VM.set_is_a_template', vm, false);
    await call('VM.start_on', vm, host, false, false);
    const bootTime = Number((await call('host.get_other_config', host)).boot_time);

    await rejects(call('host.reboot', host), 'HOST_NOT_DISABLED');
    await call('host.disable', host);
    await call('host.reboot', host);
    assert.equal(await call('VM.get_power_state', vm), 'Halted');
    assert.equal(await live(host), false);
    await rejects(call('host.reboot', host), 'HOST_OFFLINE');
    await waitUntil(() => live(host), 5000, 'the host to boot');
    assert.equal(await call('host.get_enabled', host), true);
    assert.ok(Number((await call('host.get_other_config', host)).boot_time) > bootTime);
    const pbds: string[] = await call('host.get_PBDs', host);
    for (const pbd of pbds) assert.equal(await call('PBD.get_currently_attached', pbd), true);
  });

  it('powers a shut-down host on through its power-on mode only', async () => {
    const [host] = await call('host.get_by_name_label', 'xen-a3');
    await rejects(call('host.power_on', host), 'HOST_IS_LIVE');
    await call('host.disable', host);
    await call('host.shutdown', host);
    assert.equal(await live(host), false);
    await call('host.power_on', host);
    await waitUntil(() => live(host), 5000, 'the host to boot');

    const standalone = await jsonSession(sim.pools[1]!.masterUrl, PASSWORD);
    const [b1] = await standalone.call('host.get_by_name_label', 'xen-b1');
    assert.equal(await standalone.call('host.get_power_on_mode', b1), '');
    await assert.rejects(standalone.call('host.power_on', b1), (error: { code: string }) => error.code === 'HOST_POWER_ON_MODE_DISABLED');
  });

  it('hangs a call on its task until task.cancel', async () => {
    sim.faults.add({ method: 'Async.VM.clean_reboot', hang: true });
    const [template] = await call('VM.get_by_name_label', 'Debian Bookworm 12');
    const task = await call('Async.VM.clean_reboot', template);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual([await call('task.get_status', task), await call('task.get_allowed_operations', task)], ['pending', ['cancel']]);
    await call('task.cancel', task);
    await waitUntil(async () => (await call('task.get_status', task)) === 'cancelled', 2000, 'the task to be cancelled');
    assert.equal((await call('task.get_error_info', task))[0], 'TASK_CANCELLED');
  });
});
