// Pool masters change under xengraph: a hand-over made behind its back (designate_new_master), a master that
// dies with HA on (a survivor is promoted by the pool) or off (an administrator promotes one through the API),
// maintenance and reboot of the master itself, and a rolling reboot of a whole pool that keeps every instance running.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  HostsOperationDocument, HostsPowerActionDocument, InstancePlacementDocument, HostsSetMaintenanceModeDocument, HostsStateDocument,
  ResilienceConnectionsDocument, ResilienceInstanceDocument, ResilienceInstanceUpdatedDocument, ResiliencePowerOffDocument,
} from '../generated/graphql.js';
import { accepted, finished, requestSpawn, spawnChoices, spawnRunning, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

type Xapi = Awaited<ReturnType<typeof xapiSession>>;

async function hostRef(xapi: Xapi, name: string): Promise<string> {
  const [ref] = (await xapi.call('host.get_by_name_label', name)) as string[];
  return ref!;
}

describe('designate_new_master behind xengraph\'s back', () => {
  let stack: Stack;
  let choices: SpawnChoices;

  before(async () => {
    stack = await startStack();
    choices = await spawnChoices(stack);
  });
  after(async () => {
    await stack?.stop();
  });

  it('reads keep working, a power change made right after reaches subscribers, a spawn running meanwhile succeeds', async () => {
    await spawnRunning(stack, choices, { name: 'steady' });
    const xapi = await xapiSession(stack);
    const newMasterUrl = stack.sim.pools[0]!.hostUrls[1]!;
    const spawning = accepted(await requestSpawn(stack, choices, { name: 'spawned-across' }));

    await xapi.call('pool.designate_new_master', await hostRef(xapi, 'xen-a2'));

    const read = await stack.request(ResilienceInstanceDocument, { name: 'steady' }, stack.adminToken);
    assert.equal(read.data?.instance?.powerState, 'RUNNING', JSON.stringify(read.errors));
    const updates = stack.subscribe(ResilienceInstanceUpdatedDocument, { id: read.data!.instance!.id }, stack.adminToken);
    assert.equal((await updates.next()).value?.data?.instanceUpdated.powerState, 'RUNNING');
    const stopped = accepted(await stack.request(ResiliencePowerOffDocument, { input: { id: read.data!.instance!.id } }, stack.adminToken));
    for (;;) {
      const { value } = await updates.next();
      if (value?.data?.instanceUpdated.powerState === 'SHUTDOWN') break;
    }
    await updates.return?.();
    assert.equal((await finished(stack, stopped.operation.id)).status, 'SUCCEEDED');
    const spawned = await finished(stack, spawning.operation.id, 30_000);
    assert.equal(spawned.status, 'SUCCEEDED', JSON.stringify(spawned.error));

    const connections = await waitUntil(async () => {
      const { data } = await stack.request(ResilienceConnectionsDocument, {}, stack.adminToken);
      const link = data?.connectionStatus.find((status) => new URL(status.masterUrl).host === new URL(newMasterUrl).host);
      return link?.state === 'connected' ? link : undefined;
    }, 10_000, 'connectionStatus to show the new master');
    assert.equal(connections.reason, null);
  });
});

describe('host actions on the pool master', () => {
  let stack: Stack;
  let choices: SpawnChoices;
  let xapi: Xapi;

  before(async () => {
    stack = await startStack();
    choices = await spawnChoices(stack);
    xapi = await xapiSession(stack);
  });
  after(async () => {
    await stack?.stop();
  });

  const masterName = async () => {
    const [pool] = (await xapi.call('pool.get_all')) as string[];
    return (await xapi.call('host.get_name_label', await xapi.call('pool.get_master', pool))) as string;
  };

  async function hostAction(document: typeof HostsSetMaintenanceModeDocument | typeof HostsPowerActionDocument, input: Record<string, unknown>) {
    const { data, errors } = await stack.request(document, { input } as never, stack.adminToken);
    assert.equal(errors, undefined, JSON.stringify(errors));
    const payload = Object.values(data as Record<string, { __typename: string; operation?: { id: string } }>)[0]!;
    assert.equal(payload.__typename, 'HostActionPayload', JSON.stringify(payload));
    return waitUntil(async () => {
      const { data: state } = await stack.request(HostsOperationDocument, { id: payload.operation!.id }, stack.adminToken);
      const operation = state!.node as { status: string; result: Record<string, unknown> | null; error: unknown };
      return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(operation.status) ? operation : undefined;
    }, 30_000, 'the host operation to end');
  }

  it('maintenance of the master hands the master role over first, then empties it; xengraph follows', async () => {
    const a1 = choices.host('xen-a1');
    const instance = await spawnRunning(stack, choices, { name: 'on-the-master', hostId: a1 });
    // Sessions of the old master end with the hand-over; a fresh one follows HOST_IS_SLAVE.
    const entered = await hostAction(HostsSetMaintenanceModeDocument, { id: a1, enabled: true });
    assert.equal(entered.status, 'SUCCEEDED', JSON.stringify(entered.error));
    xapi = await xapiSession(stack);
    const master = await masterName();
    assert.notEqual(master, 'xen-a1');
    assert.equal(entered.result?.newMaster, master);
    const { data } = await stack.request(ResilienceInstanceDocument, { name: 'on-the-master' }, stack.adminToken);
    assert.equal(data?.instance?.powerState, 'RUNNING');
    const { data: placed } = await stack.request(InstancePlacementDocument, { id: instance.instance!.id }, stack.adminToken);
    assert.notEqual((placed!.node as { host: { name: string } }).host.name, 'xen-a1');
    await waitUntil(async () => {
      const { data: links } = await stack.request(ResilienceConnectionsDocument, {}, stack.adminToken);
      return links?.connectionStatus.some((link) => new URL(link.masterUrl).host === new URL(stack.sim.pools[0]!.masterUrl).host && link.state === 'connected');
    }, 10_000, 'the link to show the new master');
    assert.equal((await hostAction(HostsSetMaintenanceModeDocument, { id: a1, enabled: false })).status, 'SUCCEEDED');
  });

  it('a reboot of the master hands the role over, and the old master comes back as an enabled slave', async () => {
    const master = await masterName();
    const masterId = choices.host(master);
    const rebooted = await hostAction(HostsPowerActionDocument, { id: masterId, action: 'REBOOT', evacuate: true });
    assert.equal(rebooted.status, 'SUCCEEDED', JSON.stringify(rebooted.error));
    xapi = await xapiSession(stack);
    assert.notEqual(await masterName(), master);
    assert.equal(rebooted.result?.newMaster, await masterName());
    const { data } = await stack.request(HostsStateDocument, { id: masterId }, stack.adminToken);
    assert.deepEqual([data?.node && 'live' in data.node && data.node.live, data?.node && 'enabled' in data.node && data.node.enabled], [true, true]);
  });
});
