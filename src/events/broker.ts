// Redis as the broker between replicas: every domain event published on one reaches the subscribers of all.
// Events carry Dates (operations, statuses), which JSON alone would turn into strings; they are tagged on the
// way out and revived on the way in. A few topics stay in the process that published them (LOCAL_TOPICS).
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';

/**
 * Only the replica that mirrored an instance's move reprograms the hosts' packet filters for it; a pool link's
 * status is the health of this replica's own link.
 */
const LOCAL_TOPICS = ['instance:placement', 'connection:status'];

const DATE_TAG = '$date';

export function stringifyEvent(message: unknown): string {
  return JSON.stringify(message, function (this: Record<string, unknown>, key, value: unknown) {
    // `value` has already been through Date.prototype.toJSON; the holder still has the Date itself.
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.getTime() } : value;
  });
}

export function parseEvent(message: string): unknown {
  return JSON.parse(message, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === DATE_TAG) return new Date((value as Record<string, number>)[DATE_TAG]!);
    }
    return value;
  });
}

/** What yoga's pubsub dispatches through: here, Redis for shared topics and this process for local ones. */
export type BrokerEventTarget = ReturnType<typeof createRedisEventTarget<CustomEvent>>;

export interface Broker {
  readonly eventTarget: BrokerEventTarget;
  close(): Promise<void>;
}

/** Connects to Redis (`redis://host:port`); resolves once both connections answer. */
export async function connectBroker(url: string): Promise<Broker> {
  const options = { lazyConnect: true, maxRetriesPerRequest: null } as const;
  const publishClient = new Redis(url, options);
  const subscribeClient = new Redis(url, options);
  try {
    await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  } catch (error) {
    publishClient.disconnect();
    subscribeClient.disconnect();
    throw new Error(`REDIS_URL: ${url} does not answer (${error instanceof Error ? error.message : String(error)})`);
  }
  const shared = createRedisEventTarget<CustomEvent>({
    publishClient, subscribeClient, serializer: { stringify: stringifyEvent, parse: parseEvent },
  });
  const local = new EventTarget() as BrokerEventTarget;
  const targetOf = (type: string) => (LOCAL_TOPICS.some((topic) => type === topic || type.startsWith(`${topic}:`)) ? local : shared);
  const eventTarget: BrokerEventTarget = {
    addEventListener: (type, listener, options) => targetOf(type).addEventListener(type, listener, options),
    removeEventListener: (type, listener, options) => targetOf(type).removeEventListener(type, listener, options),
    dispatchEvent: (event) => targetOf(event.type).dispatchEvent(event),
  };
  return {
    eventTarget,
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
