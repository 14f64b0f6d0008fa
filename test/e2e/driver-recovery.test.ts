// Crash safety: the API process is killed in the middle of a spawn and started again; no operation stays
// RUNNING and the instance's state matches what XAPI shows.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  OperationStateDocument, ResilienceConnectionsDocument, ResilienceInstanceDocument, ResilienceOperationDocument, ResilienceRebootDocument,
  SpawnChoicesDocument, SpawnInstanceDocument,
} from '../generated/graphql.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { childServerWorld, exitOf, graphql, pickByName } from '../helpers/serve-process.js';
import { waitUntil } from '../helpers/wait.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const PASSWORD = 'recovery-secret';

const world = childServerWorld(PASSWORD, 'xengraph-recovery-');
const serve = (xapiUrls?: readonly string[], dir?: string) => world.serve(xapiUrls, dir);

type World = ReturnType<typeof childServerWorld>;

/** Spawns an instance and kills the API once the spawn has sent the VM's start (delayed or hung by `startFault`). */
async function killedMidSpawn(world: World, startFault: { latencyMs: number } | { hang: true }) {
  const first = await world.serve();
  const token = first.token!;
  assert.ok(token, 'first start prints an admin token');
  const choices = await graphql(first.url, token, SpawnChoicesDocument);
  world.sim.faults.add({ method: 'Async.VM.start_on', ...startFault });
  const spawned = await graphql(first.url, token, SpawnInstanceDocument, {
    input: {
      name: 'survivor', flavorId: pickByName(choices.flavors.edges, 'm1.small'), imageId: pickByName(choices.images.edges, 'cirros'),
      networkIds: [pickByName(choices.networks.edges, 'Pool-wide network associated with eth0')],
    },
  });
  const operationId: string = spawned.instanceSpawn.operation.id;
  await waitUntil(async () => {
    const state = (await graphql(first.url, token, OperationStateDocument, { id: operationId })).node;
    return state.progress.percent >= 70 ? state : undefined;
  }, 15_000, 'the spawn to reach the VM start');
  first.child.kill('SIGKILL');
  await exitOf(first.child);
  return { token, operationId };
}

async function settledOperation(url: string, token: string, operationId: string) {
  // Recovery runs beside the API, which answers at once.
  return waitUntil(async () => {
    const node = (await graphql(url, token, OperationStateDocument, { id: operationId })).node;
    return ['SUCCEEDED', 'FAILED'].includes(node.status) ? node : undefined;
  }, 15_000, 'the interrupted spawn to be settled');
}

async function vmsOfInstance(world: World, instanceUuid: string) {
  const xapi = await jsonSession(world.sim.pools[0]!.masterUrl, PASSWORD);
  const vms = await xapi.call('VM.get_all_records') as Record<string, any>;
  return Object.entries(vms).filter(([, vm]) => vm.other_config.nova_uuid === instanceUuid).map(([ref, vm]) => ({ ref, ...vm }));
}

describe('a restart after the API process died mid-spawn', () => {
  it('leaves no operation running and the instance as XAPI shows it', { timeout: 90_000 }, async () => {
    // The VM start answers late, so the process can be killed while the spawn waits on it.
    const { token, operationId } = await killedMidSpawn(world, { latencyMs: 1500 });
    const second = await serve();
    const state = await settledOperation(second.url, token, operationId);
    assert.equal(state.instance.taskState, null);
    const vms = await vmsOfInstance(world, state.instance.uuid);
    if (state.status === 'SUCCEEDED') {
      assert.deepEqual([state.instance.vmState, state.instance.powerState], ['ACTIVE', 'RUNNING']);
      assert.deepEqual(vms.map((vm) => vm.power_state), ['Running']);
    } else {
      assert.deepEqual([state.instance.vmState, state.instance.powerState], ['ERROR', 'NOSTATE'], `after ${JSON.stringify(state.error)}`);
      assert.equal(vms.length, 0, 'the half-built VM was removed');
    }
    second.child.kill('SIGTERM');
    assert.equal(await exitOf(second.child), 0, 'a stop on SIGTERM ends cleanly');
  });

});

describe('a restart after the API process died waiting on a VM start that lands later', () => {
  // A pool of its own: the instance's VM name must not meet the one the test above left.
  const lateWorld = childServerWorld(PASSWORD, 'xengraph-recovery-late-');

  it('removes the half-built VM even when the start lands while it is being removed', { timeout: 90_000 }, async () => {
    // The start never comes back to the process, which dies waiting; the VM stays halted, to be removed.
    const { token, operationId } = await killedMidSpawn(lateWorld, { hang: true });
    // The removal's VM.destroy waits a moment in XAPI, and the late start is run in that moment.
    const destroy = lateWorld.sim.faults.add({ method: 'VM.destroy', latencyMs: 1000 });
    const second = await lateWorld.serve();
    await waitUntil(() => !lateWorld.sim.faults.list().some((fault) => fault.id === destroy.id), 15_000, 'the recovery to destroy the VM');
    const uuid = (await graphql(second.url, token, OperationStateDocument, { id: operationId })).node.instance.uuid;
    const [vm] = await vmsOfInstance(lateWorld, uuid);
    const xapi = await jsonSession(lateWorld.sim.pools[0]!.masterUrl, PASSWORD);
    await xapi.call('VM.start', vm!.ref, true, false);

    const state = await settledOperation(second.url, token, operationId);
    assert.deepEqual([state.status, state.instance.vmState, state.instance.powerState, state.instance.taskState], ['FAILED', 'ERROR', 'NOSTATE', null],
      `after ${JSON.stringify(state.error)}`);
    assert.equal((await vmsOfInstance(lateWorld, uuid)).length, 0, 'the half-built VM was removed');
    second.child.kill('SIGTERM');
    assert.equal(await exitOf(second.child), 0, 'a stop on SIGTERM ends cleanly');
  });
});

describe('a restart while the interrupted operation\'s pool is down', () => {
  it('serves at once, keeps the instance locked, and settles the operation when the pool is back', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xengraph-recovery-pool-'));
    const stateFile = join(dir, 'world.json');
    const poolSim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02, stateFile });
    let restarted: RunningSimulator | undefined;
    try {
      const poolUrl = poolSim.pools[0]!.masterUrl;
      const first = await serve([poolUrl], dir);
      const token = first.token!;
      const xapi = await jsonSession(poolUrl, PASSWORD);
      const [template] = await xapi.call('VM.get_by_name_label', 'Debian Bookworm 12');
      const vm = await xapi.call('VM.clone', template, 'locked-guest');
      await xapi.call('VM.provision', vm);
      await xapi.call('VM.set_is_a_template', vm, false);
      await xapi.call('VM.start', vm, false, false);
      const instance = await waitUntil(async () => {
        const found = (await graphql(first.url, token, ResilienceInstanceDocument, { name: 'locked-guest' })).instance;
        return found?.powerState === 'RUNNING' ? found : undefined;
      }, 10_000, 'the guest through the API');
      // The guest never answers the clean reboot: the process dies while the operation waits on XAPI.
      poolSim.faults.add({ method: 'Async.VM.clean_reboot', hang: true });
      const reboot = (await graphql(first.url, token, ResilienceRebootDocument, { input: { id: instance.id, type: 'SOFT' } })).instanceReboot;
      assert.equal(reboot.__typename, 'ActionPayload');
      const operationId: string = reboot.operation.id;
      await waitUntil(async () => (await graphql(first.url, token, ResilienceOperationDocument, { id: operationId })).node.status === 'RUNNING',
        10_000, 'the reboot to run');
      first.child.kill('SIGKILL');
      await exitOf(first.child);
      await poolSim.stop();

      const second = await serve([poolUrl], dir);
      const waiting = (await graphql(second.url, token, ResilienceOperationDocument, { id: operationId })).node;
      assert.equal(waiting.status, 'RUNNING', 'not settled while its pool is away');
      const refused = (await graphql(second.url, token, ResilienceRebootDocument, { input: { id: instance.id, type: 'HARD' } })).instanceReboot;
      assert.deepEqual([refused.__typename, refused.code], ['OperationInProgressError', 'OPERATION_IN_PROGRESS']);
      const [status] = (await graphql(second.url, token, ResilienceConnectionsDocument)).connectionStatus;
      assert.deepEqual([status.poolName, status.state], ['pool-a', 'CONNECTING']);
      assert.match(status.reason, /ECONNREFUSED/);

      restarted = await startSimulator({ port: poolSim.port, password: PASSWORD, timeScale: 0.02, stateFile });
      const settled = await waitUntil(async () => {
        const node = (await graphql(second.url, token, ResilienceOperationDocument, { id: operationId })).node;
        return node.status !== 'RUNNING' ? node : undefined;
      }, 20_000, 'the reboot to be settled once the pool is back');
      // The VM kept running through it all, which is what a reboot ends in.
      assert.equal(settled.status, 'SUCCEEDED');
      assert.deepEqual([settled.instance.powerState, settled.instance.vmState, settled.instance.taskState], ['RUNNING', 'ACTIVE', null]);
      second.child.kill('SIGTERM');
      assert.equal(await exitOf(second.child), 0, 'a stop on SIGTERM ends cleanly');
    } finally {
      await restarted?.stop();
      await poolSim.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
