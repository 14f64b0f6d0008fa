// Instance.actions and migrations (root and per instance) page by cursor, newest first, and filter as Nova's
// os-migrations does: by status, host, instance, type and changes since a time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { accepted, finished, spawnChoices, spawnRunning } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface Page<T> {
  readonly totalCount: number;
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
  readonly edges: { node: T }[];
}

const ACTIONS = `query ($id: ID!, $first: Int, $after: String, $filter: InstanceActionFilter) { node(id: $id) { ... on Instance {
  actions(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { action result } } } } } }`;
const MIGRATIONS = `query ($first: Int, $after: String, $filter: MigrationFilter) {
  migrations(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status type } } } }`;
const INSTANCE_MIGRATIONS = `query ($id: ID!, $filter: MigrationFilter) { node(id: $id) { ... on Instance {
  migrations(first: 10, filter: $filter) { totalCount edges { node { id } } } } } }`;

let stack: Stack;
let instanceId: string;
let rawInstanceId: string;

before(async () => {
  stack = await startStack({ timeScale: 0.02 });
  const spawned = await spawnRunning(stack, await spawnChoices(stack), { name: 'history' });
  instanceId = spawned.instance!.id;
  rawInstanceId = (await stack.app.services.store.instances.getByUuid(spawned.instance!.uuid))!.id;
  const operator = await stack.tokenFor('operator');
  for (const mutation of ['instancePause', 'instanceUnpause']) {
    const typeName = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
    const result = await stack.request(`mutation ($input: ${typeName}!) { ${mutation}(input: $input) { __typename ... on ActionPayload { operation { id } instance { id } } } }`,
      { input: { id: instanceId } }, operator);
    const done = await finished(stack, accepted(result).operation.id);
    assert.equal(done.status, 'SUCCEEDED');
  }
});
after(async () => {
  await stack?.stop();
});

async function actions(variables: Record<string, unknown>): Promise<Page<{ action: string; result: string | null }>> {
  const { data, errors } = await stack.request<{ node: { actions: Page<{ action: string; result: string | null }> } }, unknown>(
    ACTIONS, { id: instanceId, ...variables }, stack.adminToken,
  );
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data!.node.actions;
}

async function migrations(variables: Record<string, unknown>): Promise<Page<{ id: string; status: string; type: string }>> {
  const { data, errors } = await stack.request<{ migrations: Page<{ id: string; status: string; type: string }> }, unknown>(
    MIGRATIONS, variables, stack.adminToken,
  );
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data!.migrations;
}

describe('Instance.actions', () => {
  it('pages newest first with cursors', async () => {
    const first = await actions({ first: 2 });
    assert.deepEqual(first.edges.map((e) => e.node.action), ['INSTANCE_UNPAUSE', 'INSTANCE_PAUSE']);
    assert.equal(first.totalCount, 3);
    assert.equal(first.pageInfo.hasNextPage, true);
    const rest = await actions({ first: 2, after: first.pageInfo.endCursor });
    assert.deepEqual(rest.edges.map((e) => e.node.action), ['INSTANCE_SPAWN']);
    assert.equal(rest.pageInfo.hasNextPage, false);
  });

  it('filters by type, status and time', async () => {
    assert.deepEqual((await actions({ filter: { type: ['INSTANCE_PAUSE'] } })).edges.map((e) => e.node.action), ['INSTANCE_PAUSE']);
    assert.equal((await actions({ filter: { status: ['SUCCEEDED'] } })).totalCount, 3);
    assert.equal((await actions({ filter: { status: ['RUNNING', 'FAILED'] } })).totalCount, 0);
    assert.equal((await actions({ filter: { since: new Date(Date.now() + 60_000).toISOString() } })).totalCount, 0);
    assert.equal((await actions({ filter: { since: new Date(Date.now() - 600_000).toISOString() } })).totalCount, 3);
  });
});

/** Records made in one millisecond tie on their time (then order by id): each waits for the clock to move on. */
async function nextMillisecond(): Promise<void> {
  const now = Date.now();
  while (Date.now() === now) await new Promise((resolve) => setImmediate(resolve));
}

describe('migrations', () => {
  it('filter by status, type, host, instance and changes since, and page', async () => {
    const { store } = stack.app.services;
    const [hostA, hostB] = await store.hosts.list({}, { limit: 2, inverted: false });
    assert.ok(hostA && hostB, 'two hosts');
    const other = await store.instances.create({ name: 'history-other' });
    const resize = await store.migrations.create({ instanceId: rawInstanceId, type: 'resize', status: 'finished', sourceHostId: hostA.id, destHostId: hostA.id });
    await nextMillisecond();
    const live = await store.migrations.create({ instanceId: rawInstanceId, type: 'live-migration', status: 'completed', sourceHostId: hostA.id, destHostId: hostB.id });
    await nextMillisecond();
    const cold = await store.migrations.create({ instanceId: other.id, type: 'migration', status: 'error', sourceHostId: hostB.id, destHostId: hostB.id });
    const id = (raw: string) => encodeGlobalID('Migration', raw);
    const ids = (page: Page<{ id: string }>) => page.edges.map((e) => e.node.id);

    assert.deepEqual(ids(await migrations({ first: 10 })), [id(cold.id), id(live.id), id(resize.id)], 'newest first');
    assert.deepEqual(ids(await migrations({ filter: { status: ['COMPLETED', 'ERROR'] } })), [id(cold.id), id(live.id)]);
    assert.deepEqual(ids(await migrations({ filter: { type: ['RESIZE'] } })), [id(resize.id)]);
    assert.deepEqual(ids(await migrations({ filter: { hostId: encodeGlobalID('Host', hostB.id) } })), [id(cold.id), id(live.id)]);
    assert.deepEqual(ids(await migrations({ filter: { instanceId } })), [id(live.id), id(resize.id)]);
    assert.deepEqual(ids(await migrations({ filter: { since: new Date(Date.now() + 60_000).toISOString() } })), []);

    // Taken before the update: a moment after it would miss the update whenever the store took longer than that.
    const beforeUpdate = new Date();
    await store.migrations.update(resize.id, { status: 'confirmed' });
    const changed = await migrations({ filter: { since: beforeUpdate.toISOString(), status: ['CONFIRMED'] } });
    assert.deepEqual(ids(changed), [id(resize.id)], 'changes-since follows updates');

    const first = await migrations({ first: 2 });
    assert.deepEqual([first.totalCount, first.pageInfo.hasNextPage], [3, true]);
    assert.deepEqual(ids(await migrations({ first: 2, after: first.pageInfo.endCursor })), [id(resize.id)]);

    const { data } = await stack.request<{ node: { migrations: Page<{ id: string }> } }, unknown>(
      INSTANCE_MIGRATIONS, { id: instanceId, filter: { type: ['LIVE_MIGRATION'] } }, stack.adminToken,
    );
    assert.deepEqual(ids(data!.node.migrations), [id(live.id)], 'per instance, filtered');
  });

  it('refuses an oversized filter list with BAD_USER_INPUT', async () => {
    const { errors } = await stack.request(MIGRATIONS, { filter: { status: Array(21).fill('ERROR') } }, stack.adminToken);
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });
});
