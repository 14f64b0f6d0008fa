// Keyset paging through the store, driven by Pothos' own resolveCursorConnection, as the GraphQL layer will.
import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { resolveCursorConnection } from '@pothos/plugin-relay';
import {
  InvalidCursorError, type ApiToken, type Instance, type InstanceFilter, type InstanceOrder, type Store,
} from '../../src/store/index.js';
import { openTestStore } from '../helpers/store.js';

const TOTAL = 250;
let store: Store;

before(async () => {
  store = await openTestStore();
  // 25 distinct names and ten rows per millisecond, so both sort keys have long runs of ties however fast the
  // database is: the clock only moves when told.
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  try {
    for (let i = 0; i < TOTAL; i++) {
      if (i % 10 === 0) mock.timers.tick(1);
      await store.instances.create({ name: `vm-${String(i % 25).padStart(2, '0')}`, managed: i % 3 !== 0 });
    }
  } finally {
    mock.timers.reset();
  }
});
after(() => store.close());

interface ConnectionArgs { first?: number; after?: string; last?: number; before?: string }

async function page(order: InstanceOrder, args: ConnectionArgs, filter: InstanceFilter = {}) {
  return resolveCursorConnection<Promise<Instance[]>>(
    { args, toCursor: (instance) => store.instances.cursorOf(instance, order) },
    (window) => store.instances.list(filter, order, window),
  );
}

function expectedOrder(all: Instance[], order: InstanceOrder): string[] {
  const key = (i: Instance): string | number => (order.field === 'NAME' ? i.name : i.createdAt.getTime());
  const sorted = [...all].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const byKey = ka < kb ? -1 : ka > kb ? 1 : 0;
    return byKey !== 0 ? byKey : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  if (order.direction === 'DESC') sorted.reverse();
  return sorted.map((i) => i.id);
}

const orders: InstanceOrder[] = [
  { field: 'CREATED_AT', direction: 'ASC' },
  { field: 'CREATED_AT', direction: 'DESC' },
  { field: 'NAME', direction: 'ASC' },
  { field: 'NAME', direction: 'DESC' },
];

describe('instances keyset paging over 250 rows', () => {
  for (const order of orders) {
    test(`${order.field} ${order.direction}: forward and backward pages cover every row once, in order`, async () => {
      const all = await store.instances.list({}, order, { limit: 1000, inverted: false });
      const expected = expectedOrder(all, order);
      assert.equal(expected.length, TOTAL);
      assert.ok(new Set(all.map((i) => (order.field === 'NAME' ? i.name : i.createdAt.getTime()))).size < TOTAL, 'the sort key has ties');
      assert.deepEqual(all.map((i) => i.id), expected, 'one unbounded page is already in order');

      const forward: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; ; pages++) {
        assert.ok(pages < 100, 'paging forward never ends');
        const connection = await page(order, { first: 17, after: cursor });
        forward.push(...connection.edges.map((edge) => edge!.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        cursor = connection.pageInfo.endCursor!;
      }
      assert.deepEqual(forward, expected);

      const backward: string[] = [];
      cursor = undefined;
      for (let pages = 0; ; pages++) {
        assert.ok(pages < 100, 'paging backward never ends');
        const connection = await page(order, { last: 23, before: cursor });
        backward.unshift(...connection.edges.map((edge) => edge!.node.id));
        if (!connection.pageInfo.hasPreviousPage) break;
        cursor = connection.pageInfo.startCursor!;
      }
      assert.deepEqual(backward, expected);
    });
  }

  test('a window between two cursors, with a filter', async () => {
    const order: InstanceOrder = { field: 'NAME', direction: 'ASC' };
    const all = await store.instances.list({ managed: true }, order, { limit: 1000, inverted: false });
    const managed = all.map((i) => i.id);
    const from = store.instances.cursorOf(all[10], order);
    const to = store.instances.cursorOf(all[40], order);
    const middle = await page(order, { first: 100, after: from, before: to }, { managed: true });
    assert.deepEqual(middle.edges.map((edge) => edge!.node.id), managed.slice(11, 40));
    const tail = await page(order, { last: 5, after: from, before: to }, { managed: true });
    assert.deepEqual(tail.edges.map((edge) => edge!.node.id), managed.slice(35, 40));
  });

  test('malformed cursors and cursors of another ordering are refused', async () => {
    const byName: InstanceOrder = { field: 'NAME', direction: 'ASC' };
    const byAge: InstanceOrder = { field: 'CREATED_AT', direction: 'ASC' };
    const [first] = await store.instances.list({}, byName, { limit: 1, inverted: false });
    const nameCursor = store.instances.cursorOf(first, byName);
    await assert.rejects(store.instances.list({}, byAge, { after: nameCursor, limit: 5, inverted: false }), InvalidCursorError);
    for (const bad of ['', 'not a cursor!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2').toString('base64url')]) {
      await assert.rejects(store.instances.list({}, byName, { after: bad, limit: 5, inverted: false }), InvalidCursorError, bad);
    }
    // The same cursor serves both directions of one field.
    const desc = await store.instances.list({}, { field: 'NAME', direction: 'DESC' }, { before: nameCursor, limit: 5, inverted: false });
    assert.equal(desc.length, 5);
  });
});

describe('other repositories page the same way', () => {
  test('tokens, oldest first, forward and backward', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await store.tokens.create({ name: `t${i}`, role: 'reader' })).token.id);
    const all = await store.tokens.list({}, { limit: 100, inverted: false });
    const forward: string[] = [];
    let after: string | undefined;
    for (;;) {
      const connection = await resolveCursorConnection<Promise<ApiToken[]>>(
        { args: { first: 5, after }, toCursor: (t) => store.tokens.cursorOf(t) },
        (window) => store.tokens.list({}, window),
      );
      forward.push(...connection.edges.map((e) => e!.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor!;
    }
    assert.deepEqual(forward, all.map((t) => t.id));
    assert.deepEqual([...forward].sort(), [...ids].sort());
  });
});
