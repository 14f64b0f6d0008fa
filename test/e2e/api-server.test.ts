// The HTTP/WebSocket front door on its own: health, CORS, GraphiQL links and a clean shutdown.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createAppPubSub } from '../../src/events/pubsub.js';
import { createLogger } from '../../src/logging/logger.js';
import { schema } from '../../src/graphql/schema.js';
import { startServer, type RunningServer } from '../../src/server.js';
import type { AppServices } from '../../src/services.js';

const TOKEN = 'xg_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_';
// Nothing in these tests reaches the store or the pools beyond checking TOKEN; anything else would fail loudly.
const frontDoorToken = { id: 'front-door', name: 'front-door', role: 'reader', createdAt: new Date(), lastUsedAt: null, revokedAt: null };
const tokens = {
  authenticate: async (secret: string) => (secret === TOKEN ? frontDoorToken : null),
  getMany: async (ids: readonly string[]) => ids.map(() => frontDoorToken),
};
const services = { store: { tokens }, pools: {}, pubsub: createAppPubSub() } as unknown as AppServices;

describe('server front door', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({
      schema, services, host: '127.0.0.1', port: 0,
      config: { corsOrigins: ['https://ui.example.com'], graphiql: true },
      logger: createLogger({ level: 'silent' }),
    });
  });
  after(async () => {
    await server?.stop();
  });

  it('answers /health', async () => {
    const response = await fetch(new URL('/health', server.url));
    assert.equal(response.status, 200);
  });

  it('allows only the configured origins', async () => {
    const preflight = (origin: string) => fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    const allowed = await preflight('https://ui.example.com');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://ui.example.com');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
    const other = await preflight('https://evil.example');
    assert.notEqual(other.headers.get('access-control-allow-origin'), 'https://evil.example');
  });

  it('serves GraphiQL with a header template, never copying a token from its URL into the page', async () => {
    const page = await fetch(`${server.url}?token=${TOKEN}`, { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(!html.includes(TOKEN));
    assert.ok(html.includes('Bearer <paste your API token here>'));
    assert.ok(html.includes('"subscriptionsProtocol":"WS"'));
  });

  it('ignores ?token= on API requests', async () => {
    const response = await fetch(`${server.url}?token=${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    const body = await response.json() as { errors: { extensions: { code: string } }[] };
    assert.equal(body.errors[0].extensions.code, 'UNAUTHENTICATED');
  });
});

describe('server shutdown', () => {
  it('says goodbye to WebSocket clients, stops listening and can be called twice', async () => {
    const server = await startServer({
      schema, services, host: '127.0.0.1', port: 0, config: { corsOrigins: [], graphiql: false }, logger: createLogger({ level: 'silent' }),
    });
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false,
        connectionParams: { authorization: `Bearer ${TOKEN}` },
        on: { closed: (event) => resolve((event as { code: number }).code) },
        onNonLazyError: () => {},
      });
      void client;
    });
    // Wait until the socket is open, so the close code is the server's goodbye.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all([server.stop(), server.stop()]);
    assert.equal(await closed, 1001);
    await assert.rejects(fetch(new URL('/health', server.url)));
  });
});
