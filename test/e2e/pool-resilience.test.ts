// Pools that come and go under the API: a XAPI that restarts (kill -9, back with its state file) loses none of
// the changes made after it, and a pool that is not there at start neither stops the API nor the other pools.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { FormattedExecutionResult } from 'graphql';
import {
  ConnectionStatusFeedDocument, ResilienceConnectionsDocument, ResilienceInstanceDocument, ResilienceInstanceUpdatedDocument,
  ResilienceOperationDocument, ResiliencePoolHostsDocument, ResiliencePowerOffDocument,
} from '../generated/graphql.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { freePort, SIM_PASSWORD, startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

type XapiSession = Awaited<ReturnType<typeof jsonSession>>;

const dir = mkdtempSync(join(tmpdir(), 'xengraph-resilience-'));
const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A guest made the way XAPI clients make one (clone, provision), started unless told otherwise. */
async function guestVm(xapi: XapiSession, name: string, start = true): Promise<string> {
  const [template] = await xapi.call('VM.get_by_name_label', 'Debian Bookworm 12');
  const vm = await xapi.call('VM.clone', template, name);
  await xapi.call('VM.provision', vm);
  await xapi.call('VM.set_is_a_template', vm, false);
  if (start) await xapi.call('VM.start', vm, false, false);
  return vm;
}

async function instanceNamed(stack: Stack, token: string, name: string, powerState: string) {
  return waitUntil(async () => {
    const instance = (await stack.request(ResilienceInstanceDocument, { name }, token)).data?.instance;
    return instance?.powerState === powerState ? instance : undefined;
  }, 10_000, `${name} to be ${powerState} through the API`);
}

/** The next result of a subscription that passes `wanted`, within `timeoutMs`. */
async function nextMatching<R>(
  feed: AsyncIterableIterator<FormattedExecutionResult<R, unknown>>, wanted: (data: R) => boolean, timeoutMs: number, what: string,
): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  try {
    for (;;) {
      const step = await Promise.race([feed.next(), timeout]);
      if (step.done) throw new Error(`the feed ended while waiting for ${what}`);
      if (step.value.data && wanted(step.value.data)) return step.value.data;
    }
  } finally {
    clearTimeout(timer);
  }
}

describe('XAPI restarted under the API', () => {
  it('every power-off made after the restart reaches the store and instanceUpdated', async () => {
    const stateFile = join(dir, 'restarted.json');
    // The state file is flushed when the test says so: what happens after that, a crash loses.
    const stack = await startStack({ simulator: { stateFile, stateFlushMs: 3_600_000 } });
    cleanups.push(() => stack.stop());
    const token = stack.adminToken;
    const xapi = await jsonSession(stack.sim.pools[0]!.masterUrl, SIM_PASSWORD);
    const early = await guestVm(xapi, 'restart-early');
    const late = await guestVm(xapi, 'restart-late');
    const earlyInstance = await instanceNamed(stack, token, 'restart-early', 'RUNNING');
    const lateInstance = await instanceNamed(stack, token, 'restart-late', 'RUNNING');
    const earlyFeed = stack.subscribe(ResilienceInstanceUpdatedDocument, { id: earlyInstance.id }, token);
    const lateFeed = stack.subscribe(ResilienceInstanceUpdatedDocument, { id: lateInstance.id }, token);
    const statusFeed = stack.subscribe(ConnectionStatusFeedDocument, {}, token);
    await nextMatching(earlyFeed, (d) => d.instanceUpdated.powerState === 'RUNNING', 5_000, 'the first instanceUpdated');
    await nextMatching(lateFeed, (d) => d.instanceUpdated.powerState === 'RUNNING', 5_000, 'the first instanceUpdated');

    stack.sim.flush();
    // The pool keeps changing after the flush and the API follows: its event token moves past what the
    // state file holds.
    for (let i = 0; i < 60; i++) await xapi.call('VM.set_name_description', early, `note ${i}`);
    const poolA = stack.app.services.pools.list().find((link) => link.name === 'pool-a')!;
    await poolA.client.barrier();
    await stack.sim.kill();

    const restarted: RunningSimulator = await startSimulator({ port: stack.sim.port, password: SIM_PASSWORD, timeScale: 0.02, stateFile });
    cleanups.push(() => restarted.stop());
    const again = await waitUntil(() => jsonSession(restarted.pools[0]!.masterUrl, SIM_PASSWORD).catch(() => undefined), 5_000, 'the restarted XAPI');
    await again.call('VM.hard_shutdown', early);
    await nextMatching(earlyFeed, (d) => d.instanceUpdated.powerState === 'SHUTDOWN', 10_000, 'instanceUpdated: restart-early shut down');
    await instanceNamed(stack, token, 'restart-early', 'SHUTDOWN');

    // The API noticed the restart and said so, then was connected again; a change made now is seen too.
    await nextMatching(statusFeed, (d) => d.connectionStatus.poolName === 'pool-a' && d.connectionStatus.state === 'RECONNECTING', 10_000, 'pool-a reconnecting');
    await nextMatching(statusFeed, (d) => d.connectionStatus.poolName === 'pool-a' && d.connectionStatus.state === 'CONNECTED', 15_000, 'pool-a connected again');
    await again.call('VM.hard_shutdown', late);
    await nextMatching(lateFeed, (d) => d.instanceUpdated.powerState === 'SHUTDOWN', 10_000, 'instanceUpdated: restart-late shut down');
    await instanceNamed(stack, token, 'restart-late', 'SHUTDOWN');
    for (const feed of [earlyFeed, lateFeed, statusFeed]) await feed.return?.();
  });
});

describe('two pools, one not there at start', () => {
  it('serves the other, reports the missing one, and links it once it appears', async () => {
    const latePort = await freePort();
    const lateUrl = `http://127.0.0.61:${latePort}`;
    const stack = await startStack({ extraXapiUrls: [lateUrl] });
    cleanups.push(() => stack.stop());
    const token = stack.adminToken;

    const statuses = (await stack.request(ResilienceConnectionsDocument, {}, token)).data!.connectionStatus;
    const missing = statuses.find((status) => status.masterUrl === lateUrl);
    assert.ok(missing, 'the missing pool is listed');
    assert.equal(missing.state, 'CONNECTING');
    assert.equal(missing.poolId, null, 'never reached, so not known yet');
    assert.match(missing.reason ?? '', /ECONNREFUSED/);
    assert.deepEqual(statuses.filter((s) => s !== missing).map((s) => [s.poolName, s.state]).sort(), [['pool-a', 'CONNECTED'], ['standalone', 'CONNECTED']]);

    // The pool that is there is served: reads and an action.
    const xapi = await jsonSession(stack.sim.pools[0]!.masterUrl, SIM_PASSWORD);
    await guestVm(xapi, 'beside-missing');
    const instance = await instanceNamed(stack, token, 'beside-missing', 'RUNNING');
    const powerOff = (await stack.request(ResiliencePowerOffDocument, { input: { id: instance.id } }, token)).data!.instancePowerOff;
    assert.equal(powerOff.__typename, 'ActionPayload');
    const operationId = (powerOff as { operation: { id: string } }).operation.id;
    await waitUntil(async () => (await stack.request(ResilienceOperationDocument, { id: operationId }, token)).data?.node?.status === 'SUCCEEDED'
      || undefined, 10_000, 'the power-off to succeed');
    await instanceNamed(stack, token, 'beside-missing', 'SHUTDOWN');

    const lateSim = await startSimulator({
      port: latePort, password: SIM_PASSWORD, timeScale: 0.02, baseAddress: '127.0.0.61',
      topology: {
        pools: [{
          name: 'pool-late', hosts: [{ name: 'late-1' }],
          networks: [{ name: 'Pool-wide network associated with eth0', bridge: 'xenbr0', management: true }],
          templates: [{ name: 'Debian Bookworm 12', memoryMiB: 1024, vcpus: 1, diskGiB: 10 }],
        }],
      },
    });
    cleanups.push(() => lateSim.stop());
    await guestVm(await jsonSession(lateUrl, SIM_PASSWORD), 'late-guest', false);

    await instanceNamed(stack, token, 'late-guest', 'SHUTDOWN');
    const hosts = (await stack.request(ResiliencePoolHostsDocument, {}, token)).data!.hosts.edges.map((edge) => edge.node.name);
    assert.ok(hosts.includes('late-1'), `the late pool's host is listed: ${hosts.join(', ')}`);
    const linked = (await stack.request(ResilienceConnectionsDocument, {}, token)).data!.connectionStatus;
    assert.deepEqual(linked.map((s) => [s.poolName, s.state, s.reason]).sort(), [
      ['pool-a', 'CONNECTED', null], ['pool-late', 'CONNECTED', null], ['standalone', 'CONNECTED', null],
    ]);
    assert.ok(linked.every((status) => status.poolId !== null));
  });
});
