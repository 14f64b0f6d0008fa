// Instance.allowedActions and Host.allowedActions tell what the mutations would do: in each state an instance
// goes through, every action it says is refused is refused by the mutation with the same code (and changes
// nothing), and the action taken to reach the next state is one it said was allowed. Readers are told their role.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accepted, finished, spawnChoices, spawnRunning, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

interface Allowed {
  readonly action: string;
  readonly allowed: boolean;
  readonly reason: string | null;
  readonly code: string | null;
}

/** Mutations called in every state where they are refused; extra input is the least each one needs. */
const PROBED: Record<string, Record<string, unknown>> = {
  instanceReboot: { type: 'HARD' },
  instancePowerOff: {},
  instancePowerOn: {},
  instancePause: {},
  instanceUnpause: {},
  instanceSuspend: {},
  instanceResume: {},
  instanceRestore: {},
  instanceRescue: {},
  instanceUnrescue: {},
  instanceConfirmResize: {},
  instanceRevertResize: {},
  instanceCleanupSnapshots: {},
  instanceSnapshot: { name: 'allowed-actions' },
};

const ALLOWED_ACTIONS = `query ($id: ID!) { node(id: $id) { ... on Instance { vmState taskState allowedActions { action allowed reason code } } } }`;
const HOST_ALLOWED = `query { hosts(first: 1) { edges { node { id allowedActions { action allowed reason code } } } } }`;

let stack: Stack;
let choices: SpawnChoices;
let operator: string;
let instanceId: string;

before(async () => {
  stack = await startStack({ timeScale: 0.02 });
  choices = await spawnChoices(stack);
  operator = await stack.tokenFor('operator');
  instanceId = (await spawnRunning(stack, choices, { name: 'allowed-actions', flavor: 'm1.small' })).instance!.id;
});
after(async () => {
  await stack?.stop();
});

function mutationName(action: string): string {
  return action.toLowerCase().replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());
}

function call(mutation: string, extra: Record<string, unknown>, token = operator) {
  const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  const document = `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename ... on ActionPayload { operation { id } } ... on UserError { code message } } }`;
  return stack.request<Record<string, { __typename: string; code?: string; operation?: { id: string } }>, unknown>(
    document, { input: { id: instanceId, ...extra } }, token,
  );
}

async function allowedActions(token = operator): Promise<{ vmState: string; taskState: string | null; actions: Map<string, Allowed> }> {
  const { data, errors } = await stack.request<{ node: { vmState: string; taskState: string | null; allowedActions: Allowed[] } }, unknown>(
    ALLOWED_ACTIONS, { id: instanceId }, token,
  );
  assert.equal(errors, undefined, JSON.stringify(errors));
  const actions = new Map(data!.node.allowedActions.map((entry) => [mutationName(entry.action), entry]));
  return { vmState: data!.node.vmState, taskState: data!.node.taskState, actions };
}

/** Calls every probed mutation said to be refused and checks the mutation answers the same code. */
async function refusalsAgree(expectedState: string): Promise<Map<string, Allowed>> {
  const { vmState, actions } = await allowedActions();
  assert.equal(vmState, expectedState);
  for (const [mutation, extra] of Object.entries(PROBED)) {
    const entry = actions.get(mutation);
    assert.ok(entry, `${mutation} listed`);
    if (entry.allowed) {
      assert.deepEqual([entry.reason, entry.code], [null, null]);
      continue;
    }
    const answer = Object.values((await call(mutation, extra)).data!)[0]!;
    assert.deepEqual([mutation, answer.__typename !== 'ActionPayload', answer.code], [mutation, true, entry.code], `${mutation} in ${vmState}`);
  }
  const after = await allowedActions();
  assert.equal(after.vmState, expectedState, 'refused mutations changed nothing');
  return actions;
}

/** Runs a mutation allowedActions said was allowed, to move to the next state. */
async function take(actions: Map<string, Allowed>, mutation: string, extra: Record<string, unknown> = {}): Promise<void> {
  assert.equal(actions.get(mutation)?.allowed, true, `${mutation}: ${actions.get(mutation)?.reason}`);
  const payload = accepted(await call(mutation, extra));
  const done = await finished(stack, payload.operation.id);
  assert.equal(done.status, 'SUCCEEDED', JSON.stringify(done.error));
}

describe('allowedActions', () => {
  it('agrees with the mutations running, paused, stopped, rescued and with a resize pending', async () => {
    let actions = await refusalsAgree('ACTIVE');
    assert.equal(actions.get('instancePause')?.allowed, true);
    assert.equal(actions.get('instanceUnpause')?.code, 'INVALID_STATE');
    await take(actions, 'instancePause');

    actions = await refusalsAgree('PAUSED');
    await take(actions, 'instanceUnpause');
    await take(await refusalsAgree('ACTIVE'), 'instancePowerOff');

    actions = await refusalsAgree('STOPPED');
    assert.equal(actions.get('instancePowerOn')?.allowed, true);
    await take(actions, 'instanceRescue');

    actions = await refusalsAgree('RESCUED');
    assert.equal(actions.get('instanceUnrescue')?.allowed, true);
    await take(actions, 'instanceUnrescue');

    actions = await refusalsAgree('ACTIVE');
    assert.equal(actions.get('instanceConfirmResize')?.allowed, false);
    await take(actions, 'instanceResize', { flavorId: choices.flavor('m1.medium') });

    actions = await refusalsAgree('RESIZED');
    assert.equal(actions.get('instanceConfirmResize')?.allowed, true);
    assert.equal(actions.get('instanceRevertResize')?.allowed, true);
    await take(actions, 'instanceConfirmResize');
  });

  it('says OPERATION_IN_PROGRESS while an action runs, as every mutation then answers', async () => {
    stack.sim.faults.add({ method: 'Async.VM.clean_reboot', hang: true });
    const reboot = accepted(await call('instanceReboot', { type: 'SOFT' }));
    const busy = await waitUntil(async () => {
      const seen = await allowedActions();
      return seen.taskState === 'REBOOTING' ? seen : undefined;
    }, 10_000, 'the reboot to show');
    assert.equal(busy.actions.get('instancePause')?.code, 'OPERATION_IN_PROGRESS');
    for (const [mutation, extra] of Object.entries(PROBED)) {
      const entry = busy.actions.get(mutation)!;
      assert.equal(entry.allowed, false, mutation);
      const answer = Object.values((await call(mutation, extra)).data!)[0]!;
      assert.equal(answer.code, entry.code, mutation);
    }
    await stack.request(`mutation ($id: ID!) { operationCancel(input: { id: $id }) { __typename } }`, { id: reboot.operation.id }, operator);
    await finished(stack, reboot.operation.id);
    const idle = await allowedActions();
    assert.equal(idle.actions.get('instancePause')?.allowed, true, 'allowed again once the operation ended');
  });

  it('refuses every action to a reader with its role, as the mutations do', async () => {
    const reader = await stack.tokenFor('reader');
    const { actions } = await allowedActions(reader);
    assert.ok(actions.size > 20);
    for (const entry of actions.values()) {
      assert.deepEqual([entry.allowed, entry.code], [false, 'FORBIDDEN'], entry.action);
      assert.match(entry.reason!, /OPERATOR/);
    }
    const { errors } = await call('instancePause', {}, reader);
    assert.equal(errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('tells an admin which host actions are allowed, and an operator that they need ADMIN', async () => {
    const asAdmin = await stack.request<{ hosts: { edges: { node: { allowedActions: Allowed[] } }[] } }, unknown>(HOST_ALLOWED, {}, stack.adminToken);
    const byAction = new Map(asAdmin.data!.hosts.edges[0]!.node.allowedActions.map((entry) => [entry.action, entry]));
    assert.deepEqual([...byAction.keys()].sort(), ['HOST_POWER_ACTION', 'HOST_SET_ENABLED', 'HOST_SET_MAINTENANCE_MODE', 'POOL_EMERGENCY_TRANSITION']);
    assert.equal(byAction.get('HOST_SET_ENABLED')?.allowed, true);
    const asOperator = await stack.request<{ hosts: { edges: { node: { allowedActions: Allowed[] } }[] } }, unknown>(HOST_ALLOWED, {}, operator);
    for (const entry of asOperator.data!.hosts.edges[0]!.node.allowedActions) {
      assert.deepEqual([entry.allowed, entry.code], [false, 'FORBIDDEN'], entry.action);
    }
  });
});
