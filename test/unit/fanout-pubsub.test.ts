// The pubsub's contract: every subscriber of a topic gets every payload in order, as the very object published;
// a subscription listens from its first next(); ended subscriptions stop receiving and leave nothing behind;
// through an event target, a topic holds one listener however many subscribers it has.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFanoutPubSub, type PubSubEventTarget } from '../../src/events/fanout-pubsub.js';

type Topics = { 'thing:changed': [id: string, change: { n: number }]; 'tick': [tick: { n: number }] };

/** An in-memory event target that counts the listeners it holds per topic. */
function countingTarget(): PubSubEventTarget & { listeners: (topic: string) => number } {
  const target = new EventTarget();
  const counts = new Map<string, number>();
  return {
    addEventListener(type, listener) {
      counts.set(type, (counts.get(type) ?? 0) + 1);
      target.addEventListener(type, listener as EventListener);
    },
    removeEventListener(type, listener) {
      counts.set(type, (counts.get(type) ?? 0) - 1);
      target.removeEventListener(type, listener as EventListener);
    },
    dispatchEvent: (event) => target.dispatchEvent(event),
    listeners: (topic) => counts.get(topic) ?? 0,
  };
}

async function take<T>(iterator: AsyncIterator<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < count; i++) {
    const step = await iterator.next();
    assert.equal(step.done, false);
    values.push(step.value);
  }
  return values;
}

for (const [name, target] of [['in process', () => undefined], ['through an event target', countingTarget]] as const) {
  describe(`fan-out pubsub, ${name}`, () => {
    it('gives every subscriber of a topic every payload, in order, as the object published', async () => {
      const pubsub = createFanoutPubSub<Topics>(target());
      const subscribers = Array.from({ length: 3 }, () => pubsub.subscribe('thing:changed', 'a'));
      const other = pubsub.subscribe('thing:changed', 'b');
      const firsts = subscribers.map((s) => s.next());
      void other.next();
      const payloads = [{ n: 1 }, { n: 2 }, { n: 3 }];
      for (const payload of payloads) pubsub.publish('thing:changed', 'a', payload);
      for (const [i, subscriber] of subscribers.entries()) {
        const first = await firsts[i]!;
        assert.equal(first.value, payloads[0], 'the very object published');
        assert.deepEqual(await take(subscriber, 2), payloads.slice(1));
      }
      let otherGot = false;
      void other.next().then(() => { otherGot = true; });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(otherGot, false, 'another id of the routing key heard nothing');
      await other.return!();
    });

    it('listens from the first next(), not from subscribe()', async () => {
      const pubsub = createFanoutPubSub<Topics>(target());
      const subscription = pubsub.subscribe('tick');
      pubsub.publish('tick', { n: 0 });
      const next = subscription.next();
      pubsub.publish('tick', { n: 1 });
      assert.deepEqual((await next).value, { n: 1 });
    });

    it('ends a subscription on return(): a waiting next() finishes and later payloads are not kept', async () => {
      const pubsub = createFanoutPubSub<Topics>(target());
      const subscription = pubsub.subscribe('tick');
      const waiting = subscription.next();
      await subscription.return!();
      assert.deepEqual(await waiting, { done: true, value: undefined });
      pubsub.publish('tick', { n: 1 });
      assert.deepEqual(await subscription.next(), { done: true, value: undefined });
    });
  });
}

describe('fan-out pubsub through an event target', () => {
  it('holds one listener per topic, removed with its last subscriber', async () => {
    const target = countingTarget();
    const pubsub = createFanoutPubSub<Topics>(target);
    const subscribers = Array.from({ length: 50 }, () => pubsub.subscribe('thing:changed', 'a'));
    const nexts = subscribers.map((s) => s.next());
    assert.equal(target.listeners('thing:changed:a'), 1);
    pubsub.publish('thing:changed', 'a', { n: 7 });
    assert.deepEqual((await Promise.all(nexts)).map((step) => step.value), subscribers.map(() => ({ n: 7 })));
    for (const subscriber of subscribers.slice(1)) await subscriber.return!();
    assert.equal(target.listeners('thing:changed:a'), 1, 'a subscriber is left');
    await subscribers[0]!.return!();
    assert.equal(target.listeners('thing:changed:a'), 0);
  });
});
