// Scale-out end to end: replicas A, B and C (`xengraph serve` processes) on one PostgreSQL and one Redis, with
// a XAPI simulator process. Events cross replicas, a replica starting leaves the others' operations alone, a
// cancel reaches the owner, idempotency keys and one action per instance hold across replicas, a killed
// replica's operation is adopted and settled once its lease expires, and a pool's event feed moves on when its
// follower dies, losing no change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clearFaults, injectFault } from '../helpers/sim-faults.js';
import { graphql, pickByName } from '../helpers/serve-process.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { startReplicaCluster, type Replica, type ReplicaCluster } from '../helpers/replicas.js';
import { waitUntil } from '../helpers/wait.js';

const LEASE_SECONDS = 2;

const CHOICES = `{
  flavors(first: 20) { edges { node { id name } } }
  images(first: 20) { edges { node { id name } } }
  networks(first: 20) { edges { node { id name } } }
}`;
const SPAWN = `mutation ($input: InstanceSpawnInput!) { instanceSpawn(input: $input) {
  __typename ... on ActionPayload { operation { id } instance { id } } ... on UserError { message } } }`;
const OPERATION = `query ($id: ID!) { node(id: $id) { ... on Operation { id status progress { percent phase } error { code message } } } }`;
const INSTANCE = `query ($id: ID!) { node(id: $id) { ... on Instance { id vmName powerState taskState vmState host { poolName } } } }`;
const POWER_OFF = `mutation ($input: InstancePowerOffInput!) { instancePowerOff(input: $input) {
  __typename ... on ActionPayload { operation { id } } ... on UserError { message } } }`;
const POWER_ON = `mutation ($input: InstancePowerOnInput!) { instancePowerOn(input: $input) {
  __typename ... on ActionPayload { operation { id } } ... on UserError { message } } }`;
const REBOOT = `mutation ($input: InstanceRebootInput!) { instanceReboot(input: $input) {
  __typename ... on ActionPayload { operation { id } } ... on UserError { message } } }`;
const CANCEL = `mutation ($input: OperationCancelInput!) { operationCancel(input: $input) {
  __typename ... on OperationCancelPayload { operation { id status } } ... on UserError { message } } }`;

interface OperationNode { id: string; status: string; progress: { percent: number; phase?: string }; error: { code: string; message: string } | null }
interface InstanceNode { id: string; vmName: string; powerState: string; taskState: string | null; vmState: string; host: { poolName: string } | null }

let cluster: ReplicaCluster;
let a: Replica;
let b: Replica;
let c: Replica;
let spawnInput: Record<string, unknown>;
let spawned = 0;

before(async () => {
  cluster = await startReplicaCluster({ timeScale: 0.1, leaseSeconds: LEASE_SECONDS });
  a = await cluster.start('a');
  [b, c] = await Promise.all([cluster.start('b'), cluster.start('c')]);
  const choices = await graphql(a.url, cluster.token, CHOICES);
  spawnInput = {
    flavorId: pickByName(choices.flavors.edges, 'm1.tiny'), imageId: pickByName(choices.images.edges, 'cirros'),
    networkIds: [pickByName(choices.networks.edges, 'Pool-wide network associated with eth0')],
  };
});
after(() => cluster?.stop());

const operation = async (on: Replica, id: string): Promise<OperationNode> => (await graphql(on.url, cluster.token, OPERATION, { id })).node;
const instance = async (on: Replica, id: string): Promise<InstanceNode> => (await graphql(on.url, cluster.token, INSTANCE, { id })).node;
const ended = (on: Replica, id: string, timeoutMs = 30_000) => waitUntil(async () => {
  const node = await operation(on, id);
  return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(node.status) ? node : undefined;
}, timeoutMs, `operation ${id} to end`);

async function spawnOn(on: Replica): Promise<{ operationId: string; instanceId: string }> {
  const answer = (await graphql(on.url, cluster.token, SPAWN, { input: { ...spawnInput, name: `scale-${++spawned}` } })).instanceSpawn;
  assert.equal(answer.__typename, 'ActionPayload', answer.message);
  return { operationId: answer.operation.id, instanceId: answer.instance.id };
}

async function act(on: Replica, mutation: string, input: Record<string, unknown>): Promise<string> {
  const answer = Object.values(await graphql(on.url, cluster.token, mutation, { input }))[0] as { __typename: string; message?: string; operation?: { id: string } };
  assert.equal(answer.__typename, 'ActionPayload', answer.message);
  return answer.operation!.id;
}

/** The VMs XAPI holds under a name, on the instance's pool. */
async function vmsNamed(poolName: string, vmName: string): Promise<string[]> {
  const xapi = await jsonSession(cluster.masters.get(poolName)!, cluster.simPassword);
  return xapi.call('VM.get_by_name_label', vmName);
}

/** A subscription on one replica, its results gathered as they come. */
function follow<T>(on: Replica, query: string, variables: Record<string, unknown>) {
  const client = on.wsClient(cluster.token);
  const seen: T[] = [];
  const errors: unknown[] = [];
  const connected = new Promise((resolve) => client.on('connected', resolve));
  client.subscribe<Record<string, T>>({ query, variables }, {
    next: (result) => {
      if (result.errors) errors.push(result.errors);
      else if (result.data) seen.push(Object.values(result.data)[0]!);
    },
    error: (error) => errors.push(error),
    complete: () => {},
  });
  return { seen, errors, connected, stop: () => client.dispose() };
}

describe('three replicas on one PostgreSQL and one Redis', () => {
  let instanceId: string;

  it("shows a subscriber on C the progress of a spawn submitted on A, and the instance's power-state changes", async () => {
    const { operationId, instanceId: id } = await spawnOn(a);
    instanceId = id;
    const progress = follow<OperationNode>(c, 'subscription ($id: ID!) { operationUpdated(id: $id) { id status progress { percent } } }', { id: operationId });
    await progress.connected;
    const done = await ended(a, operationId);
    assert.equal(done.status, 'SUCCEEDED', JSON.stringify(done.error));
    await waitUntil(() => progress.seen.some((update) => update.status === 'SUCCEEDED'), 10_000, 'C to hear the spawn end');
    assert.deepEqual(progress.errors, []);
    assert.ok(progress.seen.some((update) => update.status === 'RUNNING' && update.progress.percent > 0 && update.progress.percent < 100),
      `C saw the spawn's progress on its way: ${JSON.stringify(progress.seen)}`);
    progress.stop();

    const power = follow<InstanceNode>(c, 'subscription ($id: ID!) { instanceUpdated(id: $id) { id powerState } }', { id });
    await power.connected;
    const off = await ended(a, await act(a, POWER_OFF, { id }));
    assert.equal(off.status, 'SUCCEEDED', JSON.stringify(off.error));
    await waitUntil(() => power.seen.some((update) => update.powerState === 'SHUTDOWN'), 10_000, 'C to see the instance shut down');
    const on = await ended(a, await act(a, POWER_ON, { id }));
    assert.equal(on.status, 'SUCCEEDED', JSON.stringify(on.error));
    await waitUntil(() => power.seen.at(-1)?.powerState === 'RUNNING', 10_000, 'C to see the instance running again');
    assert.deepEqual(power.errors, []);
    power.stop();
  });

  it("leaves A's running spawn alone when another replica starts meanwhile: it ends SUCCEEDED with no error", async () => {
    // Held in its VM start long enough for a replica to start meanwhile, then let go on its own.
    for (const method of ['Async.VM.start', 'Async.VM.start_on']) await injectFault(cluster.simUrl, { method, latencyMs: 10_000 });
    const { operationId } = await spawnOn(a);
    await waitUntil(async () => (await operation(a, operationId)).progress.phase === 'starting paused', 15_000, 'the spawn to be starting its VM');
    const late = await cluster.start('late');
    await clearFaults(cluster.simUrl);
    assert.equal((await operation(late, operationId)).status, 'RUNNING', 'the spawn still runs once the newcomer serves');
    try {
      // The newcomer looks for operations to adopt at once and again every lease period: give it two periods.
      await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_SECONDS * 1000));
      const done = await ended(late, operationId);
      assert.equal(done.status, 'SUCCEEDED');
      assert.equal(done.error, null);
    } finally {
      await cluster.kill(late);
    }
  });

  it('cancels from B an operation that runs on A', async () => {
    // A reboot that runs until cancelled: its XAPI task makes no progress.
    await injectFault(cluster.simUrl, { method: 'Async.VM.hard_reboot', hang: true });
    const operationId = await act(a, REBOOT, { id: instanceId, type: 'HARD' });
    await waitUntil(async () => (await operation(a, operationId)).status === 'RUNNING', 10_000, 'the reboot to run');
    const answer = (await graphql(b.url, cluster.token, CANCEL, { input: { id: operationId } })).operationCancel;
    assert.equal(answer.__typename, 'OperationCancelPayload', answer.message);
    assert.ok(['CANCELLING', 'CANCELLED'].includes(answer.operation.status), answer.operation.status);
    assert.equal((await ended(b, operationId)).status, 'CANCELLED');
    const again = (await graphql(c.url, cluster.token, CANCEL, { input: { id: operationId } })).operationCancel;
    assert.equal(again.__typename, 'InvalidStateError', 'an ended operation cannot be cancelled, from any replica');
  });

  it('keeps idempotency keys and one action per instance across replicas', async () => {
    const reboot = (on: Replica, input: Record<string, unknown>) => graphql(on.url, cluster.token, REBOOT, { input: { id: instanceId, type: 'HARD', ...input } })
      .then((data) => data.instanceReboot as { __typename: string; operation?: { id: string } });
    const [onA, onB] = await Promise.all([reboot(a, { idempotencyKey: 'scale-retry' }), reboot(b, { idempotencyKey: 'scale-retry' })]);
    assert.deepEqual([onA.__typename, onB.__typename], ['ActionPayload', 'ActionPayload']);
    assert.equal(onA.operation!.id, onB.operation!.id, 'the retry on B answers the operation A recorded, or the other way round');
    assert.equal((await ended(c, onA.operation!.id)).status, 'SUCCEEDED');

    const racing = await Promise.all([reboot(a, {}), reboot(b, {})]);
    assert.deepEqual(racing.map((answer) => answer.__typename).sort(), ['ActionPayload', 'OperationInProgressError']);
    const winner = racing.find((answer) => answer.__typename === 'ActionPayload')!;
    assert.equal((await ended(c, winner.operation!.id)).status, 'SUCCEEDED');
  });

  it('adopts the spawn of a replica killed mid-way within the lease time and settles it against XAPI', async () => {
    // Held mid-way for certain: the VM is built and its start makes no progress.
    for (const method of ['Async.VM.start', 'Async.VM.start_on']) await injectFault(cluster.simUrl, { method, hang: true });
    const { operationId, instanceId: id } = await spawnOn(a);
    await waitUntil(async () => (await operation(a, operationId)).progress.phase === 'starting paused', 15_000, 'the spawn to be starting its VM');
    await cluster.kill(a);
    await clearFaults(cluster.simUrl);
    const killedAt = Date.now();
    const settled = await ended(b, operationId, 40_000);
    const tookMs = Date.now() - killedAt;
    assert.ok(tookMs < LEASE_SECONDS * 1000 + 20_000, `adopted and settled within the lease time and a settle (took ${tookMs} ms)`);
    assert.ok(['SUCCEEDED', 'FAILED'].includes(settled.status));
    // The operation's end is written first, then the instance is released.
    const node = await waitUntil(async () => {
      const current = await instance(b, id);
      return current.taskState === null ? current : undefined;
    }, 10_000, 'the instance to take actions again');
    const vms = await vmsNamed(node.host?.poolName ?? [...cluster.masters.keys()][0]!, node.vmName);
    if (settled.status === 'SUCCEEDED') {
      assert.equal(settled.error, null);
      assert.equal(vms.length, 1, 'the finished VM is there, once');
      assert.equal(node.powerState, 'RUNNING');
    } else {
      assert.equal(settled.error?.code, 'INTERRUPTED');
      assert.deepEqual(vms, [], 'the half-built VM was removed, not left behind');
      assert.equal(node.vmState, 'ERROR');
    }
    const active = await graphql(b.url, cluster.token, `{
      pending: operations(filter: { status: PENDING }) { totalCount }
      running: operations(filter: { status: RUNNING }) { totalCount }
      cancelling: operations(filter: { status: CANCELLING }) { totalCount } }`);
    assert.deepEqual(Object.values(active).map((list) => (list as { totalCount: number }).totalCount), [0, 0, 0], 'no operation stays active');
  });

  it("moves a pool's event feed to another replica when its follower dies, losing no power-state change", async () => {
    const node = await instance(b, instanceId);
    const poolName = node.host!.poolName;
    const follower = await waitUntil(async () => {
      const holders = [];
      for (const replica of [b, c]) if (await replica.mirrors(poolName)) holders.push(replica);
      return holders.length === 1 ? holders[0] : undefined;
    }, LEASE_SECONDS * 3000, 'exactly one live replica to follow the pool');
    const survivor = follower === b ? c : b;
    const power = follow<InstanceNode>(survivor, 'subscription ($id: ID!) { instanceUpdated(id: $id) { id powerState } }', { id: instanceId });
    await power.connected;
    await cluster.kill(follower);
    // Changed on XAPI behind xengraph's back while nobody follows the pool's events.
    const xapi = await jsonSession(cluster.masters.get(poolName)!, cluster.simPassword);
    const [vm] = await xapi.call('VM.get_by_name_label', node.vmName) as string[];
    await xapi.call('VM.hard_shutdown', vm);
    await waitUntil(() => survivor.mirrors(poolName), LEASE_SECONDS * 3000, 'the survivor to take the feed over');
    await waitUntil(() => power.seen.some((update) => update.powerState === 'SHUTDOWN'), 15_000, 'the survivor\'s subscriber to see the shutdown');
    assert.equal((await instance(survivor, instanceId)).powerState, 'SHUTDOWN', 'the store has it too');
    assert.deepEqual(power.errors, []);
    power.stop();
  });
});
