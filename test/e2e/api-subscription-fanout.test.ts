// Many subscribers of one change: the execution is shared between subscribers of the same operation and role,
// yet each still gets every change in order, and what its own role allows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { FormattedExecutionResult } from 'graphql';
import WebSocket from 'ws';
import { jsonSession } from '../helpers/raw-xapi.js';
import { addGuestVms } from '../helpers/sim-vms.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

type Feed = AsyncIterableIterator<FormattedExecutionResult<Record<string, unknown>, unknown>>;

const NAME_FEED = 'subscription ($id: ID!) { instanceUpdated(id: $id) { id name } }';
const EVENT_FEED = `subscription ($id: ID!) {
  instanceEvents(filter: { instanceId: $id, kinds: [INSTANCE_CHANGED] }) { kind instance { name } }
}`;
/** One document, two audiences: vncConsole needs OPERATOR. */
const CONSOLE_FEED = 'subscription ($id: ID!) { instanceUpdated(id: $id) { name vncConsole { __typename } } }';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

/** A running guest made on the pool, once the API lists it: its instance id and a XAPI renamer. */
async function guest(prefix: string) {
  const [vm] = addGuestVms(stack.sim.world.pools[0], 1, prefix, { running: true });
  const name = `${prefix}-0`;
  const instance = await waitUntil(async () => (await stack.app.services.store.instances.getByName(name)) ?? undefined, 5000, `instance ${name}`);
  const xapi = await jsonSession(stack.sim.pools[0].masterUrl, stack.simPassword);
  return {
    id: encodeGlobalID('Instance', instance.id),
    rename: (label: string) => xapi.call('VM.set_name_label', vm, label),
  };
}

/** Collects every result of each feed as it arrives, in order. */
function collect(feeds: Feed[]) {
  const received: FormattedExecutionResult<Record<string, unknown>, unknown>[][] = feeds.map(() => []);
  const done = feeds.map(async (feed, i) => {
    for await (const result of feed) received[i]!.push(result);
  });
  return { received, stop: async () => { await Promise.all(feeds.map((feed) => feed.return?.())); await Promise.all(done); } };
}

const nameIn = (result: FormattedExecutionResult<Record<string, unknown>, unknown>): string | undefined => {
  const payload = result.data?.instanceUpdated ?? result.data?.instanceEvents;
  const value = payload as { name?: string; instance?: { name: string } } | undefined;
  return value?.name ?? value?.instance?.name;
};

describe('subscribers sharing one operation', () => {
  it('each get every change, in order, whether they follow instanceUpdated or instanceEvents', async () => {
    const { id, rename } = await guest('fan');
    const reader = await stack.tokenFor('reader');
    const feeds: Feed[] = [];
    for (let i = 0; i < 6; i++) feeds.push(stack.subscribe(i % 2 ? EVENT_FEED : NAME_FEED, { id }, reader) as Feed);
    const { received, stop } = collect(feeds);
    try {
      // instanceEvents sends nothing until a change: rename until every feed has seen one, so all are live.
      let attempt = 0;
      await waitUntil(async () => {
        await rename(`fan-warm-${attempt++}`);
        return waitUntil(() => received.every((results) => results.some((r) => nameIn(r)?.startsWith('fan-warm'))), 1000, 'a warm-up rename')
          .catch(() => false);
      }, 10_000, 'every subscriber live');
      const names = ['fan-a', 'fan-b', 'fan-c', 'fan-d', 'fan-e'];
      for (const name of names) {
        await rename(name);
        // One at a time: XAPI's event feed may fold renames made in one poll into the last one.
        await waitUntil(() => received.every((results) => results.some((r) => nameIn(r) === name)), 5000, `${name} at every subscriber`);
      }
      for (const [i, results] of received.entries()) {
        assert.deepEqual(results.flatMap((r) => r.errors ?? []), [], `subscriber ${i}: no errors`);
        const seen = results.map(nameIn).filter((name) => name && !name.startsWith('fan-warm') && name !== 'fan-0');
        assert.deepEqual(seen, names, `subscriber ${i} got every rename once, in order`);
      }
    } finally {
      await stop();
    }
  });

  it('a reader and an operator on the same document each get what their role allows, and keep getting it', async () => {
    const { id, rename } = await guest('roles');
    const feeds = [
      stack.subscribe(CONSOLE_FEED, { id }, await stack.tokenFor('reader')) as Feed,
      stack.subscribe(CONSOLE_FEED, { id }, await stack.tokenFor('operator')) as Feed,
      stack.subscribe(CONSOLE_FEED, { id }, await stack.tokenFor('reader')) as Feed,
    ];
    const { received, stop } = collect(feeds);
    try {
      await waitUntil(() => received.every((results) => results.length >= 1), 5000, 'the current state at every subscriber');
      await rename('roles-renamed');
      await waitUntil(() => received.every((results) => results.length >= 2), 5000, 'the rename at every subscriber');
      for (const index of [0, 2]) {
        for (const result of received[index]!) {
          assert.deepEqual(result.errors?.map((e) => e.extensions?.code), ['FORBIDDEN'], 'a reader is refused the console');
          assert.equal(JSON.stringify(result.data).includes('__typename'), false, 'and is shown nothing of it');
        }
      }
      for (const result of received[1]!) {
        assert.equal(result.errors, undefined, JSON.stringify(result.errors));
        const payload = result.data?.instanceUpdated as { vncConsole: { __typename: string } };
        assert.ok(payload.vncConsole.__typename, 'the operator sees the console field');
      }
      assert.equal((received[1]!.at(-1)!.data?.instanceUpdated as { name: string }).name, 'roles-renamed');
    } finally {
      await stop();
    }
  });

  it('each socket gets its own graphql-ws message around the same payload; a result with errors keeps them', async () => {
    const { id, rename } = await guest('wire');
    const reader = await stack.tokenFor('reader');
    const sockets = [
      await rawSubscriber(reader, 'first', NAME_FEED, id),
      await rawSubscriber(reader, 'second', NAME_FEED, id),
      await rawSubscriber(reader, 'refused', CONSOLE_FEED, id),
    ];
    try {
      await waitUntil(() => sockets.every((socket) => socket.frames.length >= 1), 5000, 'the current state on every socket');
      await rename('wire-renamed');
      const renamed = (frame: string) => frame.includes('wire-renamed');
      await waitUntil(() => sockets.slice(0, 2).every((socket) => socket.frames.some(renamed)), 5000, 'the rename on every socket');
      const [first, second] = sockets.slice(0, 2).map((socket) => JSON.parse(socket.frames.find(renamed)!) as Record<string, unknown>);
      assert.deepEqual(Object.keys(first!), ['id', 'type', 'payload'], 'a graphql-transport-ws next message');
      assert.deepEqual([first!.id, first!.type, second!.id, second!.type], ['first', 'next', 'second', 'next']);
      assert.deepEqual(first!.payload, { data: { instanceUpdated: { id, name: 'wire-renamed' } } });
      assert.deepEqual(second!.payload, first!.payload, 'the same payload on both sockets');
      const refused = JSON.parse(sockets[2]!.frames.at(-1)!) as { id: string; type: string; payload: FormattedExecutionResult };
      assert.deepEqual([refused.id, refused.type, refused.payload.data], ['refused', 'next', null]);
      assert.deepEqual(refused.payload.errors?.map((error) => [error.path, error.extensions?.code]), [[['instanceUpdated', 'vncConsole'], 'FORBIDDEN']]);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});

/** A bare graphql-transport-ws socket subscribed to `query` as `subscriptionId`, keeping its raw `next` frames. */
async function rawSubscriber(token: string, subscriptionId: string, query: string, instanceId: string) {
  const socket = new WebSocket(stack.wsUrl, 'graphql-transport-ws');
  const frames: string[] = [];
  let acknowledged = false;
  socket.on('message', (data) => {
    const text = String(data);
    const type = (JSON.parse(text) as { type: string }).type;
    if (type === 'connection_ack') acknowledged = true;
    else if (type === 'next') frames.push(text);
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await waitUntil(() => acknowledged, 5000, 'connection_ack');
  socket.send(JSON.stringify({ id: subscriptionId, type: 'subscribe', payload: { query, variables: { id: instanceId } } }));
  return { frames, close: () => socket.close() };
}
