// Pool masters change under xengraph: a hand-over made behind its back (designate_new_master), a master that
// dies with HA on (a survivor is promoted by the pool) or off (an administrator promotes one through the API),
// maintenance and reboot of the master itself, and a rolling reboot of a whole pool that keeps every instance running.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
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
