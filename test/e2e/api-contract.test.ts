// The API contract the web console relies on: per-entry failures in nodes(ids), and typed NOT_FOUND answers
// from subscriptions on ids of nothing, told apart from transport errors by their code.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { InstanceUpdatedFeedDocument, MigrationProgressFeedDocument, OperationProgressFeedDocument } from '../generated/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.stop();
});

describe('nodes(ids:)', () => {
  it('answers null with an error at the index of a malformed id, and the other ids as usual', async () => {
    const tokens = await stack.request<{ apiTokens: { edges: { node: { id: string } }[] } }, object>(
      '{ apiTokens(first: 1) { edges { node { id } } } }', {}, stack.adminToken,
    );
    const tokenId = tokens.data!.apiTokens.edges[0]!.node.id;
    const ids = [tokenId, 'not-a-global-id', encodeGlobalID('NoSuchType', 'x'), encodeGlobalID('Instance', randomUUID())];
    const result = await stack.request<{ nodes: ({ id: string } | null)[] }, { ids: string[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, stack.adminToken,
    );
    assert.deepEqual(result.data?.nodes, [{ id: tokenId }, null, null, null]);
    assert.deepEqual(result.errors?.map((error) => [error.path, error.extensions?.code]), [
      [['nodes', 1], 'BAD_USER_INPUT'],
      [['nodes', 2], 'BAD_USER_INPUT'],
    ]);
  });
});

describe('subscriptions on an id of nothing', () => {
  const feeds = [
    ['instanceUpdated', InstanceUpdatedFeedDocument, 'Instance'],
    ['operationUpdated', OperationProgressFeedDocument, 'Operation'],
    ['migrationUpdated', MigrationProgressFeedDocument, 'Migration'],
  ] as const;

  for (const [field, document, typename] of feeds) {
    it(`${field} answers NOT_FOUND then completes, over graphql-ws`, async () => {
      const results = [];
      for await (const result of stack.subscribe(document, { id: encodeGlobalID(typename, randomUUID()) }, stack.adminToken)) results.push(result);
      assert.equal(results.length, 1, JSON.stringify(results));
      assert.deepEqual(results[0]!.errors?.map((error) => error.extensions?.code), ['NOT_FOUND']);
    });

    it(`${field} answers NOT_FOUND then ends the stream, over SSE`, async () => {
      const response = await fetch(stack.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${stack.adminToken}` },
        body: JSON.stringify({ query: `subscription($id: ID!) { ${field}(id: $id) { id } }`, variables: { id: encodeGlobalID(typename, randomUUID()) } }),
        signal: AbortSignal.timeout(10_000),
      });
      assert.equal(response.status, 200);
      // The whole body: reading it to the end proves the server closed the stream.
      const events = (await response.text()).split('\n\n').filter((block) => block.startsWith('event:'));
      assert.equal(events.length, 2, events.join('\n--\n'));
      assert.match(events[0]!, /^event: next\ndata: /);
      const result = JSON.parse(events[0]!.split('data: ')[1]!) as { errors?: { extensions?: { code?: string } }[] };
      assert.deepEqual(result.errors?.map((error) => error.extensions?.code), ['NOT_FOUND']);
      assert.match(events[1]!, /^event: complete/);
    });
  }
});

describe('invalid mutation input', () => {
  interface Counts { apiTokens: { totalCount: number }; instances: { totalCount: number }; hosts: { edges: { node: { id: string; enabled: boolean; disabledReason: string | null } }[] }; flavors: { edges: { node: { id: string } }[] } }
  const state = async () => (await stack.request<Counts, object>(
    '{ apiTokens(first: 1) { totalCount } instances(first: 1) { totalCount } hosts(first: 10) { edges { node { id enabled disabledReason } } } flavors(first: 1) { edges { node { id } } } }',
    {}, stack.adminToken,
  )).data!;

  /** The mutation's answer: its union member's typename and path, with no top-level errors. */
  async function rejection(field: string, inputType: string, input: Record<string, unknown>) {
    const result = await stack.request<Record<string, { __typename: string; code?: string; path?: string[] }>, { input: Record<string, unknown> }>(
      `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename ... on UserError { code path } } }`, { input }, stack.adminToken,
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const { __typename, code, path } = result.data![field]!;
    return { __typename, code, path };
  }
  const invalidAt = (...path: string[]) => ({ __typename: 'InvalidInputError', code: 'INVALID_INPUT', path });

  it('answers an InvalidInputError union member with the field path, and changes nothing', async () => {
    const before = await state();
    const host = before.hosts.edges[0]!.node;
    const instanceId = encodeGlobalID('Instance', randomUUID());
    const flavorId = before.flavors.edges[0]!.node.id;
    const cases: [string, string, Record<string, unknown>, string[]][] = [
      ['apiTokenCreate', 'ApiTokenCreateInput', { name: '', role: 'READER' }, ['input', 'name']],
      ['apiTokenCreate', 'ApiTokenCreateInput', { name: 'ok', role: 'READER', idempotencyKey: 'k'.repeat(256) }, ['input', 'idempotencyKey']],
      ['instanceSpawn', 'InstanceSpawnInput', { name: '   ', flavorId }, ['input', 'name']],
      ['instanceSpawn', 'InstanceSpawnInput', { name: 'web', flavorId, userData: 'not base64!' }, ['input', 'userData']],
      ['instanceInjectFile', 'InstanceInjectFileInput', { id: instanceId, path: '/etc/motd', contents: '%%%' }, ['input', 'contents']],
      ['instancePowerOff', 'InstancePowerOffInput', { id: instanceId, timeout: -1 }, ['input', 'timeout']],
      ['instancePowerOff', 'InstancePowerOffInput', { id: instanceId, retryInterval: 100_000 }, ['input', 'retryInterval']],
      ['hostSetEnabled', 'HostSetEnabledInput', { id: host.id, enabled: !host.enabled, reason: 'r'.repeat(256) }, ['input', 'reason']],
    ];
    for (const [field, inputType, input, path] of cases) {
      assert.deepEqual(await rejection(field, inputType, input), invalidAt(...path), `${field} ${JSON.stringify(input).slice(0, 80)}`);
    }
    assert.deepEqual(await state(), before);
  });
});
