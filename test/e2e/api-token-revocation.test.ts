// A revoked token's open subscriptions end within a second: its graphql-ws connections close with 4403 and its
// SSE streams end, whether it was revoked through the API or by `xengraph token revoke` in another process
// (which only the database tells), while other tokens' streams keep running.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiTokenCreateDocument, ApiTokenRevokeDocument } from '../generated/graphql.js';
import { runCli } from '../helpers/cli.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { wsClosed } from '../helpers/ws-close.js';

const FEED = 'subscription { connectionStatus { poolName state } }';

let stack: Stack;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.stop();
});

async function readerToken(name: string): Promise<{ id: string; secret: string }> {
  const result = await stack.request(ApiTokenCreateDocument, { input: { name, role: 'READER' } }, stack.adminToken);
  const created = result.data!.apiTokenCreate;
  if (created.__typename !== 'ApiTokenCreatePayload') throw new Error(JSON.stringify(result));
  return { id: created.token.id, secret: created.secret! };
}

/** A subscription over graphql-ws that has delivered its first event, and how its connection ends. */
async function openWsFeed(secret: string) {
  const client = stack.wsClient(secret);
  let first!: () => void;
  const delivered = new Promise<void>((resolve) => (first = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    client.on('closed', (event) => resolve(event as { code: number; reason: string }));
  });
  client.subscribe({ query: FEED }, { next: () => first(), error: () => {}, complete: () => {} });
  await delivered;
  return { closed, client };
}

/** A subscription over SSE that has delivered its first event; `ended` resolves with all it sent once it ends. */
async function openSseFeed(secret: string) {
  const response = await fetch(stack.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: FEED }),
  });
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let first!: () => void;
  const delivered = new Promise<void>((resolve) => (first = resolve));
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += decoder.decode(value, { stream: true });
      if (text.includes('event: next')) first();
    }
  })();
  await delivered;
  return { ended, cancel: () => reader.cancel() };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer!: NodeJS.Timeout;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('revoking a token ends its open subscriptions', () => {
  for (const [how, revoke] of [
    ['apiTokenRevoke', async (id: string) => {
      const result = await stack.request(ApiTokenRevokeDocument, { input: { id } }, stack.adminToken);
      assert.equal(result.data?.apiTokenRevoke.__typename, 'ApiTokenRevokePayload');
    }],
    ['the CLI, another process', async (id: string) => {
      const { stdout } = await runCli(['token', 'revoke', id], { DATABASE_URL: stack.databaseUrl, DATA_DIR: stack.dataDir });
      assert.match(stdout, /^revoked doomed-/);
    }],
  ] as const) {
    it(`closes WebSocket connections with 4403 and ends SSE streams within 1 s, revoked through ${how}`, async () => {
      const doomed = await readerToken(`doomed-${how}`);
      const kept = await readerToken(`kept-${how}`);
      const ws = await openWsFeed(doomed.secret);
      const sse = await openSseFeed(doomed.secret);
      const bystander = await openWsFeed(kept.secret);
      const bystanderSse = await openSseFeed(kept.secret);

      // Timed from the revocation's return: the CLI's own start-up is not the server's reaction time.
      await revoke(doomed.id);
      const started = Date.now();
      const [close, sent] = await within(Promise.all([ws.closed, sse.ended]), 1000, 'the end of both streams');
      assert.deepEqual({ code: close.code, reason: close.reason }, { code: 4403, reason: 'Forbidden: token revoked' });
      assert.match(sent, /event: complete/);
      assert.ok(Date.now() - started < 1000);

      // The other token's streams still run: a new connection of it answers, its streams have not ended.
      const stillOpen = await Promise.race([bystander.closed.then(() => 'closed'), bystanderSse.ended.then(() => 'ended'), Promise.resolve('open')]);
      assert.equal(stillOpen, 'open');
      assert.deepEqual((await stack.wsRequest('{ viewer { name } }', {}, kept.secret)).data, { viewer: { name: `kept-${how}` } });
      await bystanderSse.cancel();
      await bystander.client.dispose();
      // And the revoked token cannot open a new one.
      assert.equal((await wsClosed(stack.wsClient(doomed.secret))).code, 4403);
    });
  }
});
