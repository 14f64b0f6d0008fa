// A client process holding many graphql-ws subscribers (one connection each, as separate dashboards would),
// forked by the fleet benchmark. For every change it is told to expect (a new VM name) it notes when each
// subscriber received it and reports the times once all of its subscribers have it.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { wallClockMs } from './graphql-http.js';

export interface SubscriberPlan {
  readonly wsUrl: string;
  readonly instanceId: string;
  /** One entry per subscriber: its token and which feed it follows. */
  readonly subscribers: readonly { token: string; feed: 'instanceUpdated' | 'instanceEvents' }[];
}

export type ToSubscriber = { type: 'plan'; plan: SubscriberPlan } | { type: 'expect'; name: string } | { type: 'stop' };
export type FromSubscriber =
  | { type: 'received'; name: string; times: number[] }
  | { type: 'failed'; message: string };

const QUERIES = {
  instanceUpdated: 'subscription ($id: ID!) { instanceUpdated(id: $id) { id name powerState vmState host { id name } } }',
  instanceEvents: `subscription ($id: ID!) {
    instanceEvents(filter: { instanceId: $id, kinds: [INSTANCE_CHANGED] }) { kind at instance { id name powerState host { id name } } }
  }`,
};

const send = (message: FromSubscriber) => process.send!(message);
const clients: Client[] = [];
/** name → receipt time per subscriber (NaN until received). */
const receipts = new Map<string, number[]>();
let expected: string | null = null;
let subscriberCount = 0;

function received(index: number, name: string): void {
  let times = receipts.get(name);
  if (!times) receipts.set(name, (times = new Array<number>(subscriberCount).fill(NaN)));
  if (Number.isNaN(times[index])) times[index] = wallClockMs();
  reportIfComplete();
}

function reportIfComplete(): void {
  if (expected === null) return;
  const times = receipts.get(expected);
  if (!times || times.some(Number.isNaN)) return;
  send({ type: 'received', name: expected, times });
  receipts.delete(expected);
  expected = null;
}

function start(plan: SubscriberPlan): void {
  subscriberCount = plan.subscribers.length;
  plan.subscribers.forEach(({ token, feed }, index) => {
    const client = createClient({ url: plan.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
    clients.push(client);
    client.subscribe<Record<string, { name?: string; instance?: { name: string } }>>({ query: QUERIES[feed], variables: { id: plan.instanceId } }, {
      next: (result) => {
        const payload = result.data?.[feed];
        const name = payload?.name ?? payload?.instance?.name;
        if (name) received(index, name);
        else send({ type: 'failed', message: `subscriber ${index}: ${JSON.stringify(result)}` });
      },
      error: (error) => send({ type: 'failed', message: `subscriber ${index}: ${error instanceof Error ? error.message : JSON.stringify(error)}` }),
      complete: () => {},
    });
  });
}

process.on('message', (message: ToSubscriber) => {
  if (message.type === 'plan') start(message.plan);
  else if (message.type === 'expect') {
    expected = message.name;
    reportIfComplete();
  } else {
    void Promise.all(clients.map((client) => client.dispose())).then(() => process.exit(0));
  }
});
