// Query cost: pages count by their size, every answer reports its cost and the token's remaining budget, and a
// token that would overspend its budget is refused (QUERY_BUDGET_EXCEEDED, HTTP 429) while other tokens are not.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

interface Cost {
  readonly requested: number;
  readonly budget: { remaining: number; limit: number; resetAt: string };
}

const BUDGET = 400;
const HOSTS = (first: number) => `{ hosts(first: ${first}) { edges { node { id name } } } }`;

let stack: Stack;

before(async () => {
  stack = await startStack({ env: { QUERY_BUDGET: String(BUDGET), QUERY_BUDGET_WINDOW: '3600' } });
});
after(async () => {
  await stack?.stop();
});

function costOf(response: GraphQLResponse<unknown>): Cost {
  const cost = response.extensions?.cost as Cost | undefined;
  assert.ok(cost, `no cost in ${JSON.stringify(response)}`);
  return cost;
}

describe('query cost', () => {
  it('counts first/last: a larger page of the same selection costs more', async () => {
    const token = await stack.tokenFor('admin');
    const small = costOf(await stack.request(HOSTS(2), {}, token));
    const large = costOf(await stack.request(HOSTS(20), {}, token));
    const last = costOf(await stack.request(`{ hosts(last: 20) { edges { node { id name } } } }`, {}, token));
    assert.ok(large.requested > small.requested * 5, `${large.requested} vs ${small.requested}`);
    assert.equal(last.requested, large.requested);
    assert.equal(large.budget.limit, BUDGET);
    assert.equal(large.budget.remaining, BUDGET - small.requested - large.requested);
    assert.ok(Date.parse(large.budget.resetAt) > Date.now());
  });

  it('refuses a request that would overspend the token\'s budget, and only that token\'s', async () => {
    const spender = await stack.tokenFor('reader');
    const query = HOSTS(40);
    const first = await stack.request(query, {}, spender);
    const { requested } = costOf(first);
    assert.ok(requested * 2 <= BUDGET && requested * 3 > BUDGET, `cost ${requested} fits twice in ${BUDGET}`);
    assert.equal(first.errors, undefined);
    assert.equal((await stack.request(query, {}, spender)).errors, undefined);

    const refused = await stack.request(query, {}, spender);
    assert.equal(refused.status, 429);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'QUERY_BUDGET_EXCEEDED');
    assert.equal(refused.data ?? null, null, 'nothing ran');
    const cost = refused.errors?.[0]?.extensions?.cost as Cost;
    assert.deepEqual([cost.requested, cost.budget.remaining], [requested, BUDGET - 2 * requested], 'the refusal spent nothing');
    assert.equal(costOf(await stack.request('{ hosts(first: 1) { edges { node { id } } } }', {}, spender)).budget.remaining < BUDGET - 2 * requested, true,
      'a cheaper request still fits');

    const other = await stack.request(query, {}, await stack.tokenFor('operator'));
    assert.equal(other.errors, undefined, 'another token has its own budget');
    assert.equal(costOf(other).budget.remaining, BUDGET - requested);
  });
});
