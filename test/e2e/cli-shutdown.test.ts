// `npm start` stopped the way container runtimes and terminals stop it: SIGTERM to its whole process group,
// which reaches npm (relaying it once more) and the server. The server says goodbye to WebSocket clients (1001),
// lets the running spawn's XAPI steps finish within SHUTDOWN_GRACE, exits 0 in time, and a restart on the same
// data directory shows the spawn SUCCEEDED.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { OperationStateDocument, SpawnChoicesDocument, SpawnInstanceDocument } from '../generated/graphql.js';
import { ROOT } from '../helpers/cli.js';
import { graphql, pickByName, startedServer } from '../helpers/serve-process.js';
import { waitUntil } from '../helpers/wait.js';

const GRACE_SECONDS = 8;
const dataDir = mkdtempSync(join(tmpdir(), 'xengraph-shutdown-'));
const started: ChildProcess[] = [];
after(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm start` in a process group of its own, on the embedded simulator; resolves once it serves. */
async function npmStart(): Promise<{ child: ChildProcess; url: string; token?: string; exited: Promise<number | null> }> {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', SIMULATOR_TIME_SCALE: '0.1', SHUTDOWN_GRACE: String(GRACE_SECONDS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  started.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, ...await startedServer(child) };
}

describe('SIGTERM to the npm start process group in the middle of a spawn', () => {
  it('closes subscriptions, lets the spawn finish within the grace, exits 0, and the restart shows it SUCCEEDED', async () => {
    const first = await npmStart();
    const token = first.token!;
    assert.ok(token, 'first start printed an admin token');
    const choices = await graphql(first.url, token, SpawnChoicesDocument);
    const spawned = await graphql(first.url, token, SpawnInstanceDocument, {
      input: {
        name: 'through-the-stop', flavorId: pickByName(choices.flavors.edges, 'm1.tiny'), imageId: pickByName(choices.images.edges, 'cirros'),
        networkIds: [pickByName(choices.networks.edges, 'Pool-wide network associated with eth0')],
      },
    });
    const operationId: string = spawned.instanceSpawn.operation.id;
    await waitUntil(async () => (await graphql(first.url, token, OperationStateDocument, { id: operationId })).node.status === 'RUNNING',
      10_000, 'the spawn to run');
    const subscriber = createClient({
      url: first.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` },
    });
    const connected = new Promise((resolve) => subscriber.on('connected', resolve));
    const closed = new Promise<{ code: number; reason: string }>((resolve) => subscriber.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      resolve({ code, reason });
    }));
    subscriber.subscribe({ query: `subscription { operationUpdated(id: "${operationId}") { status } }` }, { next: () => {}, error: () => {}, complete: () => {} });
    await connected;
    const running = (await graphql(first.url, token, OperationStateDocument, { id: operationId })).node;
    assert.equal(running.status, 'RUNNING', 'the spawn still runs when the signal is sent');

    const signalledAt = Date.now();
    process.kill(-first.child.pid!, 'SIGTERM');
    assert.equal(await first.exited, 0, 'npm start exits 0');
    const stoppedInMs = Date.now() - signalledAt;
    assert.ok(stoppedInMs < GRACE_SECONDS * 1000 + 1500, `stopped within the grace (took ${stoppedInMs} ms)`);
    assert.deepEqual(await closed, { code: 1001, reason: 'Going away' });

    const second = await npmStart();
    try {
      const settled = await waitUntil(async () => {
        const node = (await graphql(second.url, token, OperationStateDocument, { id: operationId })).node;
        return node.status !== 'RUNNING' && node.status !== 'PENDING' ? node : undefined;
      }, 20_000, 'the spawn to be settled');
      assert.equal(settled.status, 'SUCCEEDED', JSON.stringify(settled.error));
      assert.deepEqual([settled.instance.vmState, settled.instance.powerState], ['ACTIVE', 'RUNNING']);
    } finally {
      process.kill(-second.child.pid!, 'SIGTERM');
      assert.equal(await second.exited, 0);
    }
  });
});
