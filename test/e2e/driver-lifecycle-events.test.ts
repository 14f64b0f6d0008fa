// Every lifecycle change is an event: one instanceEvents subscriber (all kinds, no filter) watches an instance
// from its spawn to its destroy through every action, and changes made behind xengraph's back on XAPI. Each
// action must show as a task state that starts and ends, power changes as one unbroken chain of transitions
// (none missing, none told twice), a live migration's progress, and the instance's creation and deletion.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ConfirmResizeDocument, DestroyInstanceDocument, InstanceDetailDocument, LifecycleEventsDocument, LiveMigrateInstanceDocument, OperationOutcomeDocument,
  PauseInstanceDocument, PowerOffInstanceDocument, PowerOnInstanceDocument, RebootInstanceDocument, RescueInstanceDocument,
  ResizeInstanceDocument, RestoreInstanceDocument, ResumeInstanceDocument, SoftDeleteInstanceDocument, SpawnInstanceDocument,
  SuspendInstanceDocument, UnpauseInstanceDocument, UnrescueInstanceDocument, UpdateInstanceMetadataDocument,
  type LifecycleEventsSubscription, type OperationOutcomeQuery,
} from '../generated/graphql.js';
import { accepted, actionRunner, finished, spawnChoices, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

/** One event as the feed sends it, whichever kind (fields of other kinds absent). */
type Event = {
  readonly kind: string; readonly instance: { readonly id: string };
  readonly powerFrom?: string; readonly powerTo?: string; readonly taskFrom?: string | null; readonly taskTo?: string | null;
};
type OperationView = Extract<NonNullable<OperationOutcomeQuery['node']>, { status: unknown }>;

let stack: Stack;
let operator: string;
let choices: SpawnChoices;
let feed: AsyncIterableIterator<{ data?: LifecycleEventsSubscription | null }>;
const received: Event[] = [];
let instanceId = '';
/** Where the previous step left the instance's power state, for the next step's chain to start from. */
let power = 'NOSTATE';

const actions = actionRunner<OperationView>(() => stack, () => operator, OperationOutcomeDocument);

before(async () => {
  stack = await startStack({ env: { BANDWIDTH_POLL_SECONDS: '0' } });
  operator = await stack.tokenFor('operator');
  choices = await spawnChoices(stack);
  feed = stack.subscribe(LifecycleEventsDocument, {}, operator);
  void (async () => {
    for await (const result of feed) if (result.data) received.push(result.data.instanceEvents as Event);
  })();
  // The subscription is live once an event of any instance arrives: a spawn of another instance makes one.
  const warmup = accepted(await stack.request(SpawnInstanceDocument, {
    input: { name: 'warmup', flavorId: choices.flavor('m1.tiny'), imageId: choices.image('cirros'), networkIds: [choices.network('eth0')], metadata: {} },
  }, operator));
  await waitUntil(() => received.some((event) => event.instance.id === warmup.instance.id), 5_000, 'the feed to deliver');
  await finished(stack, warmup.operation.id);
});
after(async () => {
  await feed?.return?.();
  await stack?.stop();
});

const mine = (from: number): Event[] => received.slice(from).filter((event) => event.instance.id === instanceId);

/**
 * Runs one step and checks what the feed told about it: for an action, a task state set and cleared; power
 * changes chaining from where the instance was to `powerAfter`; and the `expected` kinds, in that order.
 */
async function step(run: () => Promise<unknown>, powerAfter: string, options: { action?: boolean; expected?: string[] } = {}): Promise<Event[]> {
  const mark = received.length;
  await run();
  const action = options.action ?? true;
  const events = await waitUntil(() => {
    const seen = mine(mark);
    const powers = seen.filter((event) => event.kind === 'POWER_STATE_CHANGED');
    const lastPower = powers.at(-1)?.powerTo ?? power;
    const taskCleared = seen.some((event) => event.kind === 'TASK_STATE_CHANGED' && event.taskTo === null);
    return lastPower === powerAfter && (!action || taskCleared) && seen;
  }, 5_000, `the feed to tell the step ended ${powerAfter}`).catch(() => mine(mark));
  let current = power;
  for (const event of events.filter((e) => e.kind === 'POWER_STATE_CHANGED')) {
    assert.equal(event.powerFrom, current, `power changes chain (${JSON.stringify(events.map((e) => [e.kind, e.powerFrom, e.powerTo]))})`);
    current = event.powerTo!;
  }
  assert.equal(current, powerAfter, 'the last power change reaches the state XAPI shows');
  power = current;
  const tasks = events.filter((event) => event.kind === 'TASK_STATE_CHANGED');
  if (action) {
    assert.ok(tasks.length >= 2, 'a task state set and cleared');
    assert.deepEqual([tasks[0]!.taskFrom, tasks.at(-1)!.taskTo], [null, null]);
    assert.equal(tasks[0]!.taskTo, tasks.at(-1)!.taskFrom);
  } else {
    assert.deepEqual(tasks, [], 'no task: the change was not xengraph\'s');
  }
  const kinds = events.map((event) => event.kind);
  let at = -1;
  for (const kind of options.expected ?? []) {
    at = kinds.indexOf(kind, at + 1);
    assert.ok(at >= 0, `${kind} in order among ${kinds.join(', ')}`);
  }
  return events;
}

const act = (document: Parameters<typeof actions.act>[0], input: Record<string, unknown> = {}) =>
  () => actions.act(document, { id: instanceId, ...input });

describe('instanceEvents', () => {
  it('tells a spawn: created first, then its task and power up to RUNNING', async () => {
    const events = await step(async () => {
      const payload = accepted(await stack.request(SpawnInstanceDocument, {
        input: {
          name: 'lifecycle', flavorId: choices.flavor('m1.tiny'), imageId: choices.image('cirros'), networkIds: [choices.network('eth0')],
          metadata: {}, hostId: choices.host('xen-a1'),
        },
      }, operator));
      instanceId = payload.instance.id;
      assert.equal((await finished(stack, payload.operation.id)).status, 'SUCCEEDED');
    }, 'RUNNING', { expected: ['INSTANCE_CREATED', 'TASK_STATE_CHANGED', 'POWER_STATE_CHANGED', 'TASK_STATE_CHANGED'] });
    assert.equal(events[0]!.kind, 'INSTANCE_CREATED', 'nothing is told of an instance before its creation');
  });

  it('tells every action in turn', async () => {
    await step(act(UpdateInstanceMetadataDocument, { set: { role: 'web' }, remove: [] }), 'RUNNING', { expected: ['INSTANCE_CHANGED'] });
    await step(act(PauseInstanceDocument), 'PAUSED');
    await step(act(UnpauseInstanceDocument), 'RUNNING');
    await step(act(SuspendInstanceDocument), 'SUSPENDED');
    await step(act(ResumeInstanceDocument), 'RUNNING');
    await step(act(RebootInstanceDocument, { type: 'SOFT' }), 'RUNNING');
    await step(act(PowerOffInstanceDocument), 'SHUTDOWN');
    await step(act(PowerOnInstanceDocument), 'RUNNING');
    await step(act(RescueInstanceDocument), 'SHUTDOWN');
    await step(act(UnrescueInstanceDocument), 'RUNNING');
    await step(act(LiveMigrateInstanceDocument, { hostId: choices.host('xen-a2') }), 'RUNNING', { expected: ['MIGRATION_PROGRESSED'] });
    await step(act(ResizeInstanceDocument, { flavorId: choices.flavor('m1.small') }), 'RUNNING');
    await step(act(ConfirmResizeDocument), 'RUNNING');
    await step(act(SoftDeleteInstanceDocument), 'SHUTDOWN');
    await step(act(RestoreInstanceDocument), 'RUNNING');
  });

  it('tells power changes made behind xengraph\'s back, with no task', async () => {
    const xapi = await xapiSession(stack);
    const { data } = await stack.request(InstanceDetailDocument, { id: instanceId }, operator);
    const [vm] = await xapi.call('VM.get_by_name_label', (data!.node as { vmName: string }).vmName);
    await step(() => xapi.call('VM.hard_shutdown', vm), 'SHUTDOWN', { action: false });
    await step(() => xapi.call('VM.start', vm, false, false), 'RUNNING', { action: false });
  });

  it('tells a destroy: power gone, then deleted, and nothing after', async () => {
    const events = await step(act(DestroyInstanceDocument), 'NOSTATE', { expected: ['TASK_STATE_CHANGED', 'INSTANCE_DELETED'] });
    assert.equal(events.filter((event) => event.kind === 'INSTANCE_DELETED').length, 1, 'deleted once');
  });
});
