// A pool's objects are fetched and its events polled over JSON-RPC where the pool offers it, and over XML-RPC
// where it does not (XAPI before 7.1): either way the client mirrors the same pool. A recording proxy in front of the
// simulator tells which protocol each call used, and can play a pool without /jsonrpc.
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { XapiClient } from '../../src/xapi/client.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { addGuestVms } from '../helpers/sim-vms.js';

const PASSWORD = 'bulk-secret';
const GUESTS = 50;

interface RecordingProxy { url: string; calls: { path: string; body: string }[]; server: Server }

/** Forwards every request to `target`, noting path and body; with `xmlRpcOnly`, /jsonrpc is not found. */
async function recordingProxy(target: string, xmlRpcOnly: boolean): Promise<RecordingProxy> {
  const calls: { path: string; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      calls.push({ path: req.url ?? '/', body: body.toString() });
      if (xmlRpcOnly && req.url === '/jsonrpc') {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>');
        return;
      }
      const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, calls, server };
}

let sim: RunningSimulator;
before(async () => {
  sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02 });
  addGuestVms(sim.world.pools[0], GUESTS, 'bulk-guest');
});
after(async () => {
  await sim?.stop();
});

/** Connects a client to the pool through a recording proxy, runs `use` on it, then closes both. */
async function throughProxy<T>(xmlRpcOnly: boolean, use: (client: XapiClient) => Promise<T>): Promise<T & { proxy: RecordingProxy }> {
  const proxy = await recordingProxy(sim.pools[0].masterUrl, xmlRpcOnly);
  const client = new XapiClient({ url: proxy.url, user: 'root', password: PASSWORD });
  try {
    await client.connect();
    return { ...(await use(client)), proxy };
  } finally {
    await client.close();
    proxy.server.closeAllConnections();
    await new Promise((resolve) => proxy.server.close(resolve));
  }
}

const mirrorThrough = (xmlRpcOnly: boolean) => throughProxy(xmlRpcOnly, async (client) => ({
  guests: [...client.cache.all('VM').values()].filter((vm) => String(vm.name_label).startsWith('bulk-guest-')),
  host: client.cache.find('host', () => true)?.record,
}));

/** Renames a guest behind the client's back and waits for its event feed to bring the new name. */
const followRenameThrough = (xmlRpcOnly: boolean, newName: string) => throughProxy(xmlRpcOnly, async (client) => {
  const db = sim.world.pools[0].db;
  const [ref] = [...db.table('VM').entries()].find(([, row]) => row.record.name_label === 'bulk-guest-3')!;
  const before = db.row(ref)!.record.name_label;
  db.update(ref, { name_label: newName });
  try {
    await client.cache.waitFor(() => client.cache.get('VM', ref)?.name_label === newName, 10_000);
  } finally {
    db.update(ref, { name_label: before });
  }
  return {};
});

const eventPollsOver = (proxy: RecordingProxy, path: (p: string) => boolean) =>
  proxy.calls.filter((call) => path(call.path) && call.body.includes('event.from'));

const bulkFetchesOver = (proxy: RecordingProxy, path: (p: string) => boolean) =>
  proxy.calls.filter((call) => path(call.path) && call.body.includes('get_all_records'));

describe('the initial fetch of a pool', () => {
  it('goes over JSON-RPC where the pool speaks it, other calls staying on XML-RPC', async () => {
    const { proxy, guests, host } = await mirrorThrough(false);
    assert.equal(guests.length, GUESTS);
    assert.equal(typeof host?.cpu_info, 'object');
    const overJson = bulkFetchesOver(proxy, (p) => p === '/jsonrpc');
    assert.ok(overJson.some((call) => call.body.includes('"VM.get_all_records"')), 'VM.get_all_records went over /jsonrpc');
    assert.equal(bulkFetchesOver(proxy, (p) => p !== '/jsonrpc').length, 0, 'no bulk fetch over XML-RPC');
    assert.ok(proxy.calls.some((call) => call.path !== '/jsonrpc' && call.body.includes('session.login_with_password')));
  });

  it('falls back to XML-RPC for good on a pool without /jsonrpc, and mirrors the same objects', async () => {
    const json = await mirrorThrough(false);
    const { proxy, guests, host } = await mirrorThrough(true);
    assert.equal(guests.length, GUESTS);
    assert.deepEqual(host, json.host, 'a host record reads the same whatever the protocol');
    const byName = (vms: typeof guests) => new Map(vms.map((vm) => [vm.name_label, vm]));
    const vm = byName(json.guests).get('bulk-guest-7');
    assert.deepEqual(byName(guests).get('bulk-guest-7'), vm, 'a VM record reads the same whatever the protocol');
    // One probe, then every bulk fetch over XML-RPC.
    assert.equal(proxy.calls.filter((call) => call.path === '/jsonrpc').length, 1);
    assert.ok(bulkFetchesOver(proxy, (p) => p !== '/jsonrpc').some((call) => call.body.includes('VM.get_all_records')));
  });
});

describe('the event feed of a pool', () => {
  it('is polled over JSON-RPC where the pool speaks it', async () => {
    const { proxy } = await followRenameThrough(false, 'bulk-renamed-json');
    assert.ok(eventPollsOver(proxy, (p) => p === '/jsonrpc').length > 0, 'event.from went over /jsonrpc');
    assert.equal(eventPollsOver(proxy, (p) => p !== '/jsonrpc').length, 0, 'no event.from over XML-RPC');
  });

  it('is polled over XML-RPC on a pool without /jsonrpc, and brings the same changes', async () => {
    const { proxy } = await followRenameThrough(true, 'bulk-renamed-xml');
    assert.ok(eventPollsOver(proxy, (p) => p !== '/jsonrpc').length > 0, 'event.from went over XML-RPC');
    assert.equal(eventPollsOver(proxy, (p) => p === '/jsonrpc').length, 0);
  });
});
