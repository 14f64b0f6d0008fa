// The power family end to end: each action moves the VM on XAPI as Nova's driver did and leaves the
// instance's Nova states truthful; refused transitions change nothing; one action at a time per instance.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CancelOperationDocument, PauseInstanceDocument, PowerOffInstanceDocument, PowerOnInstanceDocument,
  RebootInstanceDocument, RestoreInstanceDocument, ResumeInstanceDocument, SetInstanceBootableDocument,
  SoftDeleteInstanceDocument, SuspendInstanceDocument, UnpauseInstanceDocument,
} from '../generated/graphql.js';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { rebootAction } from '../../src/driver/actions/power.js';
import { accepted, finished, spawnChoices, spawnRunning, xapiSession, type OperationState } from '../helpers/driver.js';
import { startStack, type Document, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

let stack: Stack;
let instanceId: string;
let instanceUuid: string;
let xapi: Awaited<ReturnType<typeof xapiSession>>;

before(async () => {
  stack = await startStack();
  const spawned = await spawnRunning(stack, await spawnChoices(stack), { name: 'power-test' });
  instanceId = spawned.instance!.id;
  instanceUuid = spawned.instance!.uuid;
  xapi = await xapiSession(stack);
});
after(async () => {
  await stack?.stop();
});

async function vm(): Promise<{ ref: string; power_state: string; blocked_operations: Record<string, string>; domid: number }> {
  const all = await xapi.call('VM.get_all_records') as Record<string, any>;
  const [ref, record] = Object.entries(all).find(([, v]) => v.other_config.nova_uuid === instanceUuid)!;
  return { ref, ...record };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action's generated document
async function act(document: Document<any, any>, extra: Record<string, unknown> = {}): Promise<OperationState> {
  const payload = accepted(await stack.request(document, { input: { id: instanceId, ...extra } }, await stack.tokenFor('operator')));
  const state = await finished(stack, payload.operation.id);
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
  assert.equal(state.instance?.taskState, null, 'task state cleared at the end');
  return state;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action's generated document
async function refused(document: Document<any, any>, extra: Record<string, unknown> = {}): Promise<{ __typename: string; code: string }> {
  const result = await stack.request(document, { input: { id: instanceId, ...extra } }, await stack.tokenFor('operator'));
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return Object.values(result.data as Record<string, { __typename: string; code: string }>)[0]!;
}

function states(state: OperationState) {
  return [state.instance?.vmState, state.instance?.powerState];
}

describe('power actions', () => {
  it('pauses and unpauses, and refuses to pause twice without touching XAPI', async () => {
    assert.deepEqual(states(await act(PauseInstanceDocument)), ['PAUSED', 'PAUSED']);
    assert.equal((await vm()).power_state, 'Paused');
    const calls = stack.app.services.pools.xapiCallCount();
    const again = await refused(PauseInstanceDocument);
    assert.deepEqual([again.__typename, again.code], ['InvalidStateError', 'INVALID_STATE']);
    assert.equal(stack.app.services.pools.xapiCallCount(), calls, 'refused before any XAPI call');
    assert.deepEqual(states(await act(UnpauseInstanceDocument)), ['ACTIVE', 'RUNNING']);
    assert.equal((await vm()).power_state, 'Running');
  });

  it('suspends behind a bootlock and resumes', async () => {
    assert.deepEqual(states(await act(SuspendInstanceDocument)), ['SUSPENDED', 'SUSPENDED']);
    const suspended = await vm();
    assert.equal(suspended.power_state, 'Suspended');
    assert.ok('start' in suspended.blocked_operations, 'start is blocked while suspended');
    // XAPI cannot reboot a suspended VM: refused up front, as every other invalid transition.
    const calls = stack.app.services.pools.xapiCallCount();
    const reboot = await refused(RebootInstanceDocument, { type: 'HARD' });
    assert.deepEqual([reboot.__typename, reboot.code], ['InvalidStateError', 'INVALID_STATE']);
    assert.equal(stack.app.services.pools.xapiCallCount(), calls, 'refused before any XAPI call');
    assert.equal((await vm()).power_state, 'Suspended');
    assert.deepEqual(states(await act(ResumeInstanceDocument)), ['ACTIVE', 'RUNNING']);
    const resumed = await vm();
    assert.equal(resumed.power_state, 'Running');
    assert.equal('start' in resumed.blocked_operations, false);
  });

  it('reboots softly and hard', async () => {
    const before = (await vm()).domid;
    assert.deepEqual(states(await act(RebootInstanceDocument, { type: 'SOFT' })), ['ACTIVE', 'RUNNING']);
    assert.deepEqual(states(await act(RebootInstanceDocument, { type: 'HARD' })), ['ACTIVE', 'RUNNING']);
    assert.notEqual((await vm()).domid, before, 'a reboot makes a new domain');
  });

  it('powers off and on; a hard reboot of a halted instance starts it, as Nova did', async () => {
    assert.deepEqual(states(await act(PowerOffInstanceDocument, { timeout: 0 })), ['STOPPED', 'SHUTDOWN']);
    assert.equal((await vm()).power_state, 'Halted');
    assert.equal((await refused(PowerOffInstanceDocument)).__typename, 'InvalidStateError');
    assert.equal((await refused(PauseInstanceDocument)).__typename, 'InvalidStateError', 'a stopped instance cannot be paused');
    assert.deepEqual(states(await act(PowerOnInstanceDocument)), ['ACTIVE', 'RUNNING']);
    assert.deepEqual(states(await act(PowerOffInstanceDocument, { timeout: 5, retryInterval: 1 })), ['STOPPED', 'SHUTDOWN']);
    assert.deepEqual(states(await act(RebootInstanceDocument, { type: 'HARD' })), ['ACTIVE', 'RUNNING']);
    assert.equal((await vm()).power_state, 'Running');
  });

  it('soft-deletes (halted, unbootable) and restores', async () => {
    assert.deepEqual(states(await act(SoftDeleteInstanceDocument)), ['SOFT_DELETED', 'SHUTDOWN']);
    const deleted = await vm();
    assert.deepEqual([deleted.power_state, 'start' in deleted.blocked_operations], ['Halted', true]);
    assert.equal((await refused(PowerOnInstanceDocument)).__typename, 'InvalidStateError');
    assert.deepEqual(states(await act(RestoreInstanceDocument)), ['ACTIVE', 'RUNNING']);
    assert.equal('start' in (await vm()).blocked_operations, false);
  });

  it('sets whether the instance may boot', async () => {
    await act(SetInstanceBootableDocument, { bootable: false });
    assert.ok('start' in (await vm()).blocked_operations);
    await act(SetInstanceBootableDocument, { bootable: true });
    assert.equal('start' in (await vm()).blocked_operations, false);
  });
});

describe('changes made by other tools', () => {
  it('are followed: a VM shut down directly on XAPI leaves its instance STOPPED, and started again ACTIVE', async () => {
    const { store } = stack.app.services;
    const current = async () => {
      const row = (await store.instances.getByUuid(instanceUuid))!;
      return [row.vmState, row.powerState];
    };
    const { ref } = await vm();
    await xapi.call('VM.clean_shutdown', ref);
    await waitUntil(async () => JSON.stringify(await current()) === JSON.stringify(['STOPPED', 'SHUTDOWN']), 3000, 'STOPPED');
    await xapi.call('VM.start', ref, false, false);
    await waitUntil(async () => JSON.stringify(await current()) === JSON.stringify(['ACTIVE', 'RUNNING']), 3000, 'ACTIVE');
  });
});

describe('one operation at a time', () => {
  it('runs one of two concurrent reboots and refuses the other with OperationInProgressError', async () => {
    const token = await stack.tokenFor('operator');
    const [first, second] = await Promise.all([1, 2].map(() => stack.request(RebootInstanceDocument, { input: { id: instanceId, type: 'HARD' } }, token)));
    const outcomes = [first, second].map((r) => Object.values(r.data as Record<string, { __typename: string }>)[0]!.__typename).sort();
    assert.deepEqual(outcomes, ['ActionPayload', 'OperationInProgressError']);
    const winner = [first, second].find((r) => (Object.values(r.data as Record<string, { __typename: string }>)[0]!).__typename === 'ActionPayload')!;
    const state = await finished(stack, accepted(winner).operation.id);
    assert.equal(state.status, 'SUCCEEDED');
  });

  it('answers concurrent retries of one reboot (same idempotency key) with the one operation they recorded', async () => {
    // Submitted side by side, every retry looks the key up before any records it; the later ones then meet the
    // first's operation as the instance's active one (PostgreSQL reports that conflict before the key's), which
    // is theirs, not another action in progress.
    const { operations, store } = stack.app.services;
    const id = decodeGlobalID(instanceId).id;
    let looked = 0;
    let allLooked: () => void = () => {};
    const everyRetryLookedTheKeyUp = new Promise<void>((resolve) => { allLooked = resolve; });
    const request = {
      input: { type: 'HARD' as const, instanceId: id }, requestedBy: 'test-operator', idempotencyKey: `reboot-retry-${Date.now()}`,
      // Called right after the key's lookup: holding each retry here until all three have looked makes the race certain.
      instance: async () => {
        if (++looked === 3) allLooked();
        await everyRetryLookedTheKeyUp;
        return (await store.instances.get(id))!;
      },
    };
    const answers = await Promise.all([1, 2, 3].map(() => operations.submit(rebootAction, request)));
    const ids = new Set(answers.map((answer) => answer.operation.id));
    assert.equal(ids.size, 1, 'every retry answers the same operation');
    assert.equal((await finished(stack, encodeGlobalID('Operation', [...ids][0]!))).status, 'SUCCEEDED');
  });

  it('cancels a running reboot through its XAPI task, leaving the instance truthful', async () => {
    // A task that runs until cancelled: with one that merely starts late, a cancel arriving after it ended (a
    // loaded machine, a store with a round trip per write) rightly leaves the reboot SUCCEEDED.
    stack.sim.faults.add({ method: 'Async.VM.hard_reboot', hang: true });
    const payload = accepted(await stack.request(RebootInstanceDocument, { input: { id: instanceId, type: 'HARD' } }, await stack.tokenFor('operator')));
    const cancel = await stack.request(CancelOperationDocument, { input: { id: payload.operation.id } }, await stack.tokenFor('operator'));
    assert.equal((cancel.data as any)?.operationCancel.__typename, 'OperationCancelPayload', JSON.stringify(cancel.data ?? cancel.errors));
    const state = await finished(stack, payload.operation.id);
    assert.equal(state.status, 'CANCELLED');
    const power = (await vm()).power_state;
    assert.equal(state.instance?.powerState, power === 'Running' ? 'RUNNING' : 'SHUTDOWN');
    const again = await stack.request(CancelOperationDocument, { input: { id: payload.operation.id } }, await stack.tokenFor('operator'));
    assert.equal((again.data as any)?.operationCancel.__typename, 'InvalidStateError', 'an ended operation cannot be cancelled');
  });

  it('records each action in the audit trail, with who asked and how it ended', async () => {
    const { data } = await stack.request(
      'query($id: ID!) { node(id: $id) { ... on Instance { actions(first: 100) { edges { node { action result requestedBy finishedAt } } } } } }', { id: instanceId }, stack.adminToken,
    );
    const actions = (data as { node: { actions: { edges: { node: { action: string; result: string | null; requestedBy: string; finishedAt: string | null } }[] } } }).node.actions.edges.map((e) => e.node);
    const kinds = new Set(actions.map((a) => a.action));
    for (const kind of ['INSTANCE_SPAWN', 'INSTANCE_PAUSE', 'INSTANCE_REBOOT', 'INSTANCE_POWER_OFF', 'INSTANCE_SOFT_DELETE']) assert.ok(kinds.has(kind), kind);
    assert.ok(actions.every((a) => a.result !== null && a.finishedAt !== null), 'every action has its result');
    assert.ok(actions.some((a) => a.result === 'CANCELLED'), 'the cancelled reboot is recorded as such');
    assert.ok(actions.every((a) => a.requestedBy === 'test-operator'), 'the token that asked');
  });
});
