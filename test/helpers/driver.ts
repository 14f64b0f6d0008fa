// Shorthands for driver tests: spawn through the API, wait for an operation to end, look at XAPI directly.
import assert from 'node:assert/strict';
import {
  OperationStateDocument, SpawnChoicesDocument, SpawnInstanceDocument, type ActionOutcomeFragment,
  type OperationStateQuery,
} from '../generated/graphql.js';
import { jsonSession } from './raw-xapi.js';
import type { Document, Stack } from './stack.js';
import { waitUntil } from './wait.js';

export type OperationState = Extract<NonNullable<OperationStateQuery['node']>, { status: unknown }>;

export interface SpawnChoices {
  flavor(name: string): string;
  image(prefix: string): string;
  network(nameContains: string): string;
  host(name: string): string;
}

export async function spawnChoices(stack: Stack): Promise<SpawnChoices> {
  const { data } = await stack.request(SpawnChoicesDocument, {}, stack.adminToken);
  assert.ok(data);
  const pick = (nodes: { id: string; name: string }[], match: (name: string) => boolean, what: string) => {
    const found = nodes.find((node) => match(node.name));
    assert.ok(found, `no ${what}`);
    return found.id;
  };
  return {
    flavor: (name) => pick(data.flavors.edges.map((e) => e.node), (n) => n === name, `flavor ${name}`),
    image: (prefix) => pick(data.images.edges.map((e) => e.node), (n) => n.startsWith(prefix), `image ${prefix}`),
    network: (part) => pick(data.networks.edges.map((e) => e.node), (n) => n.includes(part), `network ${part}`),
    host: (name) => pick(data.hosts.edges.map((e) => e.node), (n) => n === name, `host ${name}`),
  };
}

/** An accepted action's payload; fails the test with the typed error otherwise. */
export function accepted(result: { data?: unknown; errors?: unknown }): ActionOutcomeFragment {
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  const payload = Object.values((result.data ?? {}) as Record<string, { __typename?: string } | null>)[0];
  assert.equal(payload?.__typename, 'ActionPayload', JSON.stringify(payload));
  return payload as ActionOutcomeFragment;
}

export async function operationState(stack: Stack, id: string): Promise<OperationState> {
  const { data, errors } = await stack.request(OperationStateDocument, { id }, stack.adminToken);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data!.node as OperationState;
}

/** Polls the operation until it has ended and returns its final state. */
export async function finished(stack: Stack, operationId: string, timeoutMs = 20_000): Promise<OperationState> {
  return waitUntil(async () => {
    const state = await operationState(stack, operationId);
    return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(state.status) ? state : undefined;
  }, timeoutMs, `operation ${operationId} to end`);
}

export interface SpawnOptions {
  readonly name: string;
  readonly flavor?: string;
  readonly image?: string;
  readonly networks?: readonly string[];
  readonly metadata?: Record<string, string>;
  readonly hostId?: string;
  readonly securityGroupIds?: readonly string[];
  readonly idempotencyKey?: string;
}

export async function requestSpawn(stack: Stack, choices: SpawnChoices, options: SpawnOptions) {
  return stack.request(SpawnInstanceDocument, {
    input: {
      name: options.name,
      flavorId: choices.flavor(options.flavor ?? 'm1.small'),
      imageId: choices.image(options.image ?? 'cirros'),
      networkIds: (options.networks ?? ['eth0']).map((n) => choices.network(n)),
      metadata: options.metadata ?? {},
      hostId: options.hostId,
      securityGroupIds: options.securityGroupIds ? [...options.securityGroupIds] : undefined,
      idempotencyKey: options.idempotencyKey,
    },
  }, await stack.tokenFor('operator'));
}

/** Spawns and waits; asserts it succeeded. */
export async function spawnRunning(stack: Stack, choices: SpawnChoices, options: SpawnOptions): Promise<OperationState> {
  const payload = accepted(await requestSpawn(stack, choices, options));
  const state = await finished(stack, payload.operation.id);
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
  return state;
}

export async function xapiSession(stack: Stack, pool = 0) {
  return jsonSession(stack.sim.pools[pool]!.masterUrl, stack.simPassword);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any mutation's or query's generated document
type AnyDocument = Document<any, any>;

export interface FinishedOperation {
  readonly status: string;
  readonly error?: unknown;
}

/**
 * Submit-and-follow for a test file: `operationDocument` is the file's own view of an Operation (a query on
 * `node(id)`), so each file sees the fields it asserts on. Stack and token are read when called.
 */
export function actionRunner<Op extends FinishedOperation>(stack: () => Stack, token: () => string, operationDocument: AnyDocument) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the payload union, narrowed by the callers' assertions
  async function submit(document: AnyDocument, input: Record<string, unknown>): Promise<Record<string, any>> {
    const result = await stack().request(document, { input }, token());
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    return Object.values(result.data as Record<string, Record<string, any>>)[0]!;
  }
  async function finishedOperation(operationId: string): Promise<Op> {
    return waitUntil(async () => {
      const { data } = await stack().request(operationDocument, { id: operationId }, token());
      const operation = (data as { node: Op | null } | null | undefined)?.node;
      return operation && ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(operation.status) ? operation : undefined;
    }, 20_000, `operation ${operationId} to end`);
  }
  /** Submits an action and waits for it; returns the finished operation. */
  async function act(document: AnyDocument, input: Record<string, unknown>, expected = 'SUCCEEDED'): Promise<Op> {
    const payload = await submit(document, input);
    assert.equal(payload.__typename, 'ActionPayload', JSON.stringify(payload));
    const operation = await finishedOperation(payload.operation.id);
    assert.equal(operation.status, expected, JSON.stringify(operation.error));
    return operation;
  }
  return { submit, finished: finishedOperation, act };
}

type XapiSession = Awaited<ReturnType<typeof xapiSession>>;

/** The VM of that name; there must be at most one. */
export async function vmNamed(xapi: XapiSession, name: string): Promise<string | null> {
  const refs: string[] = await xapi.call('VM.get_by_name_label', name);
  assert.ok(refs.length <= 1, `one VM named ${name}`);
  return refs[0] ?? null;
}

export async function vdiExists(xapi: XapiSession, vdi: string): Promise<boolean> {
  return xapi.call('VDI.get_uuid', vdi).then(() => true, () => false);
}

/**
 * An operation's percentages as its progress feed showed them: increasing, through every step's value in
 * order; with `taskMoved`, also between steps, where a step's XAPI task moved the percentage.
 */
export function assertProgressThroughSteps(percents: readonly number[], steps: readonly number[], options: { taskMoved?: boolean } = {}): void {
  assert.deepEqual(percents.filter((percent) => steps.includes(percent)), steps, percents.join(', '));
  assert.ok(percents.every((percent, index) => index === 0 || percent > percents[index - 1]!), `never back: ${percents.join(', ')}`);
  if (options.taskMoved) assert.ok(percents.some((percent) => !steps.includes(percent)), `a step's XAPI task moved the percentage: ${percents.join(', ')}`);
}
