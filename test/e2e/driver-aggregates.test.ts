// Aggregates as XenServer pools, end to end: pool-a's master makes an aggregate a pool (named after it), the
// standalone xen-b1 joins it on XAPI and is then followed through pool-a's link with its halted instance,
// removing it ejects it back to a pool of its own; Nova's refusals come back as typed errors, and a failed join
// leaves the aggregate in ERROR with the host outside.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddAggregateHostDocument, AggregateOperationDocument, AggregateOperationFeedDocument, AggregateOperationsDocument,
  AggregateStateDocument, CreateAggregateDocument, DeleteAggregateDocument, PoolHostsDocument, PowerOffInstanceDocument,
  PowerOnInstanceDocument, RemoveAggregateHostDocument, UpdateAggregateMetadataDocument,
  type AggregateOperationQuery, type AggregateViewFragment,
} from '../generated/graphql.js';
import { accepted, finished, spawnChoices, spawnRunning, type SpawnChoices } from '../helpers/driver.js';
import { jsonRpc, jsonSession } from '../helpers/raw-xapi.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

let stack: Stack;
let choices: SpawnChoices;
let poolAUrl: string;
let xenB1Url: string;

before(async () => {
  stack = await startStack();
  choices = await spawnChoices(stack);
  [poolAUrl, xenB1Url] = stack.sim.pools.map((pool) => pool.masterUrl) as [string, string];
});
after(async () => {
  await stack?.stop();
});

type Operation = Extract<NonNullable<AggregateOperationQuery['node']>, { status: unknown }>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the result unions, narrowed by __typename below
type Payload = Record<string, any>;

async function mutate(document: unknown, input: Record<string, unknown>): Promise<Payload> {
  const result = await stack.request(document as never, { input } as never, stack.adminToken);
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return Object.values(result.data as Record<string, Payload>)[0]!;
}

async function createAggregate(input: Record<string, unknown>): Promise<AggregateViewFragment> {
  const payload = await mutate(CreateAggregateDocument, input);
  assert.equal(payload.__typename, 'AggregateCreatePayload', JSON.stringify(payload));
  return payload.aggregate;
}

type AggregateView = AggregateViewFragment & { metadata: Record<string, string> };

async function aggregate(id: string): Promise<AggregateView> {
  const { data } = await stack.request(AggregateStateDocument, { id }, stack.adminToken);
  return data!.node as AggregateView;
}

async function operation(id: string): Promise<Operation> {
  const { data } = await stack.request(AggregateOperationDocument, { id }, stack.adminToken);
  return data!.node as Operation;
}

async function ended(id: string): Promise<Operation> {
  return waitUntil(async () => {
    const op = await operation(id);
    return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(op.status) ? op : undefined;
  }, 20_000, `operation ${id} to end`);
}

/** Submits a membership change; returns the accepted payload. */
async function submit(document: unknown, aggregateId: string, host: string, extra: Record<string, unknown> = {}): Promise<Payload> {
  const payload = await mutate(document, { id: aggregateId, hostId: choices.host(host), ...extra });
  assert.equal(payload.__typename, 'AggregateActionPayload', JSON.stringify(payload));
  return payload;
}

async function change(document: unknown, aggregateId: string, host: string, extra: Record<string, unknown> = {}): Promise<Operation> {
  const op = await ended((await submit(document, aggregateId, host, extra)).operation.id);
  assert.equal(op.status, 'SUCCEEDED', JSON.stringify(op.error));
  return op;
}

async function refused(document: unknown, aggregateId: string, host: string): Promise<Payload> {
  const payload = await mutate(document, { id: aggregateId, hostId: choices.host(host) });
  assert.equal(payload.__typename, 'InvalidAggregateActionError', JSON.stringify(payload));
  return payload;
}

async function poolHosts(): Promise<Map<string, { poolName: string; instances: number }>> {
  const { data } = await stack.request(PoolHostsDocument, {}, stack.adminToken);
  return new Map(data!.hosts.edges.map(({ node }) => [node.name, { poolName: node.poolName, instances: node.instances.totalCount }]));
}

async function linkedPools(): Promise<string[]> {
  const { data } = await stack.request(PoolHostsDocument, {}, stack.adminToken);
  return data!.connectionStatus.filter((s) => s.state !== 'STOPPED').map((s) => s.poolName).sort();
}

const loginAnswer = (url: string) => jsonRpc(url)('session.login_with_password', 'root', stack.simPassword, '1.0', 'test')
  .then(() => 'master', (error: { code: string; params: string[] }) => [error.code, ...error.params].join(' '));

describe('a pool aggregate built around pool-a', () => {
  let rack: AggregateViewFragment;
  let parkedId: string;

  it('starts CREATED, with the driver\'s own metadata kept out of reach', async () => {
    rack = await createAggregate({ name: 'rack-1', availabilityZone: 'az-1', metadata: { owner: 'ops' } });
    assert.deepEqual([rack.poolState, rack.hypervisorPool, rack.metadata], ['CREATED', true, { owner: 'ops', hypervisor_pool: 'true', operational_state: 'created' }]);
    const reserved = await mutate(UpdateAggregateMetadataDocument, { id: rack.id, set: { operational_state: 'active' } });
    assert.deepEqual([reserved.__typename, reserved.path], ['InvalidInputError', ['input', 'set']]);
    const updated = await mutate(UpdateAggregateMetadataDocument, { id: rack.id, set: { rack: 'r1' }, remove: ['owner'] });
    assert.deepEqual(updated.aggregate.metadata, { rack: 'r1', hypervisor_pool: 'true', operational_state: 'created' });
    const taken = await mutate(CreateAggregateDocument, { name: 'rack-1' });
    assert.deepEqual([taken.__typename, taken.path], ['InvalidInputError', ['input', 'name']]);
  });

  it('takes pool-a\'s master as its first host: the XAPI pool is named after it and the host recorded as master', async () => {
    const notMaster = await refused(AddAggregateHostDocument, rack.id, 'xen-a2');
    assert.match(notMaster.reason, /master of its XAPI pool \(xen-a1\)/);
    const op = await change(AddAggregateHostDocument, rack.id, 'xen-a1');
    assert.deepEqual([op.kind, op.target], ['AGGREGATE_ADD_HOST', { __typename: 'Aggregate', id: rack.id }]);
    const now = await aggregate(rack.id);
    assert.equal(now.poolState, 'ACTIVE');
    assert.equal(now.master?.name, 'xen-a1');
    const xenA1 = await jsonSession(poolAUrl, stack.simPassword);
    const [pool] = await xenA1.call('pool.get_all');
    assert.equal(await xenA1.call('pool.get_name_label', pool), 'rack-1');
    const [hostRef] = await xenA1.call('host.get_by_name_label', 'xen-a1');
    assert.deepEqual([now.metadata.master_compute, now.metadata['xen-a1'], now.metadata.operational_state], ['xen-a1', await xenA1.call('host.get_uuid', hostRef), 'active']);
    await waitUntil(async () => (await poolHosts()).get('xen-a1')?.poolName === 'rack-1', 5000, 'the pool\'s new name');
    // A host already in the master's pool is only recorded.
    const member = await change(AddAggregateHostDocument, rack.id, 'xen-a2');
    assert.deepEqual(member.result, { alreadyInPool: 'xen-a1' });
    assert.deepEqual((await aggregate(rack.id)).hosts.map((h) => h.name).sort(), ['xen-a1', 'xen-a2']);
  });

  it('joins the standalone xen-b1 to pool-a with pool.join_force, and follows it and its instance through pool-a', async () => {
    const parked = await spawnRunning(stack, choices, { name: 'parked', hostId: choices.host('xen-b1') });
    parkedId = parked.instance!.id;
    const stopped = accepted(await stack.request(PowerOffInstanceDocument, { input: { id: parkedId } }, stack.adminToken));
    assert.equal((await finished(stack, stopped.operation.id)).status, 'SUCCEEDED');
    assert.deepEqual(await linkedPools(), ['rack-1', 'standalone']);

    const payload = await submit(AddAggregateHostDocument, rack.id, 'xen-b1');
    const phases: string[] = [];
    let last;
    for await (const result of stack.subscribe(AggregateOperationFeedDocument, { id: payload.operation.id }, stack.adminToken)) {
      last = result.data!.operationUpdated;
      const phase = last.progress.phase ?? '';
      if (phases.at(-1) !== phase) phases.push(phase);
    }
    assert.equal(last?.status, 'SUCCEEDED', JSON.stringify(await operation(payload.operation.id)));
    assert.ok(phases.includes('joining') && phases.includes('following'), `phases: ${phases}`);
    assert.deepEqual((await operation(payload.operation.id)).result, { joined: 'xen-a1', force: true, followed: true });

    // On XAPI: four hosts in pool-a, and xen-b1 now a slave answering with its master's address.
    const xapi = await jsonSession(poolAUrl, stack.simPassword);
    assert.equal((await xapi.call('host.get_all')).length, 4);
    await waitUntil(async () => (await loginAnswer(xenB1Url)) === `HOST_IS_SLAVE ${new URL(poolAUrl).hostname}`, 5000, 'xen-b1 to answer HOST_IS_SLAVE');

    // In the API: xen-b1 is in pool-a's pool, its old pool's link is gone, its instance is pool-a's now.
    const now = await aggregate(rack.id);
    assert.deepEqual(now.hosts.map((h) => [h.name, h.poolName]).sort(), [['xen-a1', 'rack-1'], ['xen-a2', 'rack-1'], ['xen-b1', 'rack-1']]);
    assert.equal(now.metadata['xen-b1'], await xapi.call('host.get_uuid', await xapi.call('host.get_by_name_label', 'xen-b1').then((r: string[]) => r[0])));
    assert.deepEqual(await linkedPools(), ['rack-1']);
    assert.equal((await poolHosts()).get('xen-b1')?.poolName, 'rack-1');
    const started = accepted(await stack.request(PowerOnInstanceDocument, { input: { id: parkedId } }, stack.adminToken));
    assert.equal((await finished(stack, started.operation.id)).status, 'SUCCEEDED');
    await waitUntil(async () => (await poolHosts()).get('xen-b1')?.instances === 1, 5000, 'the instance to run on xen-b1, through pool-a');

    const { data } = await stack.request(AggregateOperationsDocument, { kind: 'AGGREGATE_ADD_HOST' }, stack.adminToken);
    assert.equal(data!.operations.edges.filter((e) => e.node.status === 'SUCCEEDED').length, 3);
  });

  it('refuses what Nova refused: the master leaving a pool with members, a slave with running VMs, adding while changing', async () => {
    const master = await refused(RemoveAggregateHostDocument, rack.id, 'xen-a1');
    assert.equal(master.action, 'REMOVE_HOST');
    assert.match(master.reason, /master cannot leave/);
    const busy = await refused(RemoveAggregateHostDocument, rack.id, 'xen-b1');
    assert.match(busy.reason, /still run on xen-b1/);
    const off = accepted(await stack.request(PowerOffInstanceDocument, { input: { id: parkedId } }, stack.adminToken));
    assert.equal((await finished(stack, off.operation.id)).status, 'SUCCEEDED');

    // Hold the eject at XAPI's door for a moment: the aggregate is CHANGING meanwhile.
    stack.sim.faults.add({ method: 'Async.pool.eject', latencyMs: 1000 });
    const removal = await submit(RemoveAggregateHostDocument, rack.id, 'xen-b1');
    await waitUntil(async () => (await aggregate(rack.id)).poolState === 'CHANGING', 5000, 'CHANGING');
    const whileChanging = await refused(AddAggregateHostDocument, rack.id, 'xen-a3');
    assert.deepEqual([whileChanging.action, whileChanging.reason], ['ADD_HOST', 'setup in progress']);
    const removed = await ended(removal.operation.id);
    assert.equal(removed.status, 'SUCCEEDED', JSON.stringify(removed.error));
    assert.deepEqual(removed.result, { ejected: 'xen-b1', reconnected: true });
  });

  it('after the eject, follows xen-b1 as a pool of its own again', async () => {
    const xapi = await jsonSession(poolAUrl, stack.simPassword);
    assert.equal((await xapi.call('host.get_all')).length, 3);
    assert.equal(await loginAnswer(xenB1Url), 'master');
    const now = await aggregate(rack.id);
    assert.deepEqual([now.poolState, now.hosts.map((h) => h.name).sort(), 'xen-b1' in now.metadata], ['ACTIVE', ['xen-a1', 'xen-a2'], false]);
    // A freshly installed host's pool has no name; it goes by its host's.
    await waitUntil(async () => (await poolHosts()).get('xen-b1')?.poolName === 'xen-b1', 5000, 'xen-b1 in a pool of its own');
    assert.deepEqual(await linkedPools(), ['rack-1', 'xen-b1']);
  });

  it('lets the master leave last, unnaming the pool, and the empty aggregate be deleted', async () => {
    const notEmpty = await mutate(DeleteAggregateDocument, { id: rack.id });
    assert.deepEqual([notEmpty.__typename, notEmpty.action], ['InvalidAggregateActionError', 'DELETE']);
    // xen-a2 was in pool-a before the aggregate was, but leaving a pool aggregate means leaving the pool.
    assert.deepEqual((await change(RemoveAggregateHostDocument, rack.id, 'xen-a2')).result, { ejected: 'xen-a2', reconnected: true });
    await change(RemoveAggregateHostDocument, rack.id, 'xen-a1');
    const empty = await aggregate(rack.id);
    assert.deepEqual([empty.poolState, empty.master, empty.metadata], ['CREATED', null, { rack: 'r1', hypervisor_pool: 'true', operational_state: 'created' }]);
    const xapi = await jsonSession(poolAUrl, stack.simPassword);
    assert.equal(await xapi.call('pool.get_name_label', (await xapi.call('pool.get_all'))[0]), '');
    assert.equal((await xapi.call('host.get_all')).length, 2, 'the master stays with xen-a3');
    await waitUntil(async () => (await poolHosts()).get('xen-a2')?.poolName === 'xen-a2', 5000, 'xen-a2 in a pool of its own');
    const deleted = await mutate(DeleteAggregateDocument, { id: rack.id });
    assert.equal(deleted.deletedAggregateId, rack.id);
    assert.equal(await aggregate(rack.id), null);
  });
});

describe('a failed join', () => {
  it('leaves the aggregate in ERROR and the host outside, in its own pool', async () => {
    const rack = await createAggregate({ name: 'rack-2' });
    await change(AddAggregateHostDocument, rack.id, 'xen-a1');
    stack.sim.faults.add({ method: 'Async.pool.join', error: ['JOINING_HOST_CANNOT_HAVE_RUNNING_OR_SUSPENDED_VMS'] });
    const op = await ended((await submit(AddAggregateHostDocument, rack.id, 'xen-b1', { joinForce: false })).operation.id);
    assert.equal(op.status, 'FAILED');
    assert.equal(op.error?.xapiCode, 'JOINING_HOST_CANNOT_HAVE_RUNNING_OR_SUSPENDED_VMS');

    const now = await aggregate(rack.id);
    assert.deepEqual([now.poolState, now.metadata.operational_state, now.hosts.map((h) => h.name)], ['ERROR', 'error', ['xen-a1']]);
    const xapi = await jsonSession(poolAUrl, stack.simPassword);
    assert.equal((await xapi.call('host.get_all')).length, 2);
    assert.equal(await loginAnswer(xenB1Url), 'master');
    assert.equal((await poolHosts()).get('xen-b1')?.poolName, 'xen-b1');

    // In ERROR, hosts may leave but none join; once empty the aggregate can go.
    const inError = await refused(AddAggregateHostDocument, rack.id, 'xen-a2');
    assert.equal(inError.reason, 'aggregate in error');
    await change(RemoveAggregateHostDocument, rack.id, 'xen-a1');
    assert.equal((await mutate(DeleteAggregateDocument, { id: rack.id })).__typename, 'AggregateDeletePayload');
  });
});

describe('an aggregate that is not a pool', () => {
  it('groups hosts of any pool without touching XAPI', async () => {
    const group = await createAggregate({ name: 'gpu-hosts', hypervisorPool: false });
    assert.deepEqual([group.hypervisorPool, group.metadata], [false, {}]);
    await change(AddAggregateHostDocument, group.id, 'xen-a3');
    await change(AddAggregateHostDocument, group.id, 'xen-b1');
    assert.deepEqual((await aggregate(group.id)).hosts.map((h) => [h.name, h.poolName]).sort(), [['xen-a3', 'xen-a1'], ['xen-b1', 'xen-b1']]);
    await change(RemoveAggregateHostDocument, group.id, 'xen-b1');
    assert.equal(await loginAnswer(xenB1Url), 'master', 'xen-b1 stays in its own pool');
    const xapi = await jsonSession(poolAUrl, stack.simPassword);
    assert.equal((await xapi.call('host.get_all')).length, 2);
  });
});
