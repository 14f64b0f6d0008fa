// A typed pubsub made for fan-out: a thousand subscribers of one topic cost one listener on the event target
// and, per published event, one array push or promise resolution each. The pubsub graphql-yoga ships gives
// every subscriber its own Repeater and its own listener on the event target, which made each delivery of a
// busy topic several times dearer than writing it to the subscriber's socket.
//
// Same contract as yoga's createPubSub, which the rest of the code was written against: topics are
// `routingKey` or `routingKey:id`; every subscriber gets the very object that was published (subscription
// sharing relies on it, see subscription-fanout.ts); a subscription listens from its first next() call, so a
// reader can ask for the next change before it reads the current state; with an event target (a broker spanning
// replicas) publishing goes through the target and subscribers hear what the target dispatches.

/** Per routing key: `[payload]`, or `[id, payload]` for topics scoped by an object's id. */
export type PublishArgsByKey = Record<string, readonly [unknown] | readonly [string, unknown]>;

type Key<T extends PublishArgsByKey> = Extract<keyof T, string>;
type IsScoped<Args> = Args extends readonly [string, unknown] ? true : false;
export type PayloadOf<T extends PublishArgsByKey, K extends Key<T>> = IsScoped<T[K]> extends true ? T[K][1] : T[K][0];
type SubscribeArgs<T extends PublishArgsByKey, K extends Key<T>> = IsScoped<T[K]> extends true ? [K, T[K][0]] : [K];

/** What an event target must offer: yoga's event targets (in-memory, Redis) all do. */
export interface PubSubEventTarget {
  addEventListener(type: string, listener: (event: CustomEvent) => void): void;
  removeEventListener(type: string, listener: (event: CustomEvent) => void): void;
  dispatchEvent(event: CustomEvent): boolean;
}

export interface FanoutPubSub<T extends PublishArgsByKey> {
  publish<K extends Key<T>>(routingKey: K, ...args: T[K]): void;
  subscribe<K extends Key<T>>(...args: SubscribeArgs<T, K>): AsyncIterableIterator<PayloadOf<T, K>>;
}

type Sink = (payload: unknown) => void;

const FINISHED: IteratorResult<never> = { done: true, value: undefined };

export function createFanoutPubSub<T extends PublishArgsByKey>(eventTarget?: PubSubEventTarget): FanoutPubSub<T> {
  const sinksByTopic = new Map<string, Set<Sink>>();
  /** With an event target: the one listener each topic with local subscribers has on it. */
  const targetListeners = new Map<string, (event: CustomEvent) => void>();

  const deliver = (topic: string, payload: unknown): void => {
    const sinks = sinksByTopic.get(topic);
    if (sinks) for (const sink of sinks) sink(payload);
  };

  const attach = (topic: string, sink: Sink): void => {
    let sinks = sinksByTopic.get(topic);
    if (!sinks) {
      sinksByTopic.set(topic, (sinks = new Set()));
      if (eventTarget) {
        const listener = (event: CustomEvent) => deliver(topic, event.detail);
        targetListeners.set(topic, listener);
        eventTarget.addEventListener(topic, listener);
      }
    }
    sinks.add(sink);
  };

  const detach = (topic: string, sink: Sink): void => {
    const sinks = sinksByTopic.get(topic);
    if (!sinks?.delete(sink) || sinks.size > 0) return;
    sinksByTopic.delete(topic);
    const listener = targetListeners.get(topic);
    if (listener) {
      targetListeners.delete(topic);
      eventTarget!.removeEventListener(topic, listener);
    }
  };

  return {
    publish(routingKey, ...args) {
      const scoped = args.length === 2;
      const topic = scoped ? `${routingKey}:${String(args[0])}` : routingKey;
      const payload = (scoped ? args[1] : args[0]) ?? null;
      if (eventTarget) eventTarget.dispatchEvent(new CustomEvent(topic, { detail: payload }));
      else deliver(topic, payload);
    },
    subscribe(...[routingKey, id]) {
      const topic = id === undefined ? routingKey : `${routingKey}:${String(id)}`;
      return topicSubscription(topic, attach, detach) as AsyncIterableIterator<never>;
    },
  };
}

/** One subscriber's stream: what arrives while nobody waits is queued, in order. */
function topicSubscription(
  topic: string, attach: (topic: string, sink: Sink) => void, detach: (topic: string, sink: Sink) => void,
): AsyncIterableIterator<unknown> {
  let state: 'idle' | 'listening' | 'finished' = 'idle';
  const queued: unknown[] = [];
  const waiting: ((step: IteratorResult<unknown>) => void)[] = [];
  const sink: Sink = (payload) => {
    const waiter = waiting.shift();
    if (waiter) waiter({ done: false, value: payload });
    else queued.push(payload);
  };
  const finish = (): void => {
    if (state === 'listening') detach(topic, sink);
    state = 'finished';
    queued.length = 0;
    for (const waiter of waiting.splice(0)) waiter(FINISHED);
  };
  return {
    next() {
      if (state === 'idle') {
        state = 'listening';
        attach(topic, sink);
      }
      if (queued.length > 0) return Promise.resolve({ done: false, value: queued.shift() });
      if (state === 'finished') return Promise.resolve(FINISHED);
      return new Promise((resolve) => waiting.push(resolve));
    },
    return() {
      finish();
      return Promise.resolve(FINISHED);
    },
    throw(error: unknown) {
      finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
