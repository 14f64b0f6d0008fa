// The API contract the web console relies on: per-entry failures in nodes(ids).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalID } from '@pothos/plugin-relay';
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
