// The console's static serving on its own: a bundle laid out as Vite writes it, answered with the right types and
// cache rules, client routes falling back to index.html, nothing outside the bundle reachable, and a clear page
// when the bundle has not been built.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSchema, createYoga } from 'graphql-yoga';
import { useWebConsole } from '../../src/web-console.js';

const schema = createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });

function consoleServer(root: string) {
  const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', plugins: [useWebConsole({ root, graphqlPath: '/graphql' })] });
  return (path: string, init?: RequestInit) => Promise.resolve(yoga.fetch(new Request(`http://console.test${path}`, init)));
}

describe('web console serving', () => {
  let dir: string;
  let bundle: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'xengraph-web-'));
    bundle = join(dir, 'web');
    mkdirSync(join(bundle, 'assets'), { recursive: true });
    writeFileSync(join(bundle, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(bundle, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(bundle, 'favicon.svg'), '<svg/>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the bundle');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html at / and for client routes, revalidated on each load', async () => {
    const get = consoleServer(bundle);
    for (const path of ['/', '/instances', '/instances/SW5zdGFuY2U6MQ%3D%3D']) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.equal(await response.text(), '<!doctype html><title>console</title>');
    }
  });

  it('serves hashed assets with their type, cached for good; other files revalidated', async () => {
    const get = consoleServer(bundle);
    const script = await get('/assets/index-abc123.js');
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await script.text(), 'console.log(1)');
    const icon = await get('/favicon.svg');
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
    assert.equal(icon.headers.get('cache-control'), 'no-cache');
  });

  it('answers 404 for a missing asset instead of index.html, and never serves outside the bundle', async () => {
    const get = consoleServer(bundle);
    assert.equal((await get('/assets/index-gone.js')).status, 404);
    assert.equal((await get('/robots.txt')).status, 404);
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await get(path);
      assert.notEqual(await response.text(), 'outside the bundle', path);
    }
  });

  it('leaves /graphql and the operator endpoints to the API, and refuses writes to console paths', async () => {
    const get = consoleServer(bundle);
    const api = await get('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }' }) });
    assert.deepEqual(await api.json(), { data: { ok: true } });
    assert.notEqual(await (await get('/healthz')).text(), '<!doctype html><title>console</title>');
    const post = await get('/instances', { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  it('says how to build the console when its bundle is missing', async () => {
    const get = consoleServer(join(dir, 'not-built'));
    const response = await get('/instances');
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await response.text(), /npm run build/);
  });
});
