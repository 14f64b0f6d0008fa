// Crash safety: the API process is killed in the middle of a spawn and started again; no operation stays
// RUNNING and the instance's state matches what XAPI shows.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { print } from 'graphql';
import { OperationStateDocument, SpawnChoicesDocument, SpawnInstanceDocument } from '../generated/graphql.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { waitUntil } from '../helpers/wait.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const PASSWORD = 'recovery-secret';

let sim: RunningSimulator;
let dataDir: string;
const children: ChildProcess[] = [];

before(async () => {
  sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02 });
  dataDir = mkdtempSync(join(tmpdir(), 'xengraph-recovery-'));
});
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `xengraph serve` on the simulated pools; resolves with its URL (and the admin token on first start). */
async function serve(): Promise<{ child: ChildProcess; url: string; token?: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    env: {
      ...process.env, XAPI_URL: sim.pools.map((p) => p.masterUrl).join(','), XAPI_PASSWORD: PASSWORD,
      DATA_DIR: dataDir, PORT: '0', GRAPHIQL: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let url = '';
  let token: string | undefined;
  for await (const line of createInterface({ input: child.stdout! })) {
    token ??= /[?&]token=([\w-]+)/.exec(line)?.[1];
    url ||= /serving GraphQL at (\S+)/.exec(line)?.[1] ?? '';
    // After the URL comes either the first-start token or advice on making one.
    if (url && (token || line.includes('To get an API token'))) break;
  }
  assert.ok(url, 'the server printed its URL');
  return { child, url, token };
}

async function graphql(url: string, token: string, document: Parameters<typeof print>[0], variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = await response.json() as { data?: any; errors?: unknown };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

describe('a restart after the API process died mid-spawn', () => {
  it('leaves no operation running and the instance as XAPI shows it', async () => {
    const first = await serve();
    const token = first.token!;
    assert.ok(token, 'first start prints an admin token');
    const choices = await graphql(first.url, token, SpawnChoicesDocument);
    const pick = (edges: { node: { id: string; name: string } }[], name: string) => edges.find((e) => e.node.name.startsWith(name))!.node.id;
    // The VM start answers late, so the process can be killed while the spawn waits on it.
    sim.faults.add({ method: 'Async.VM.start_on', latencyMs: 1500 });
    const spawned = await graphql(first.url, token, SpawnInstanceDocument, {
      input: {
        name: 'survivor', flavorId: pick(choices.flavors.edges, 'm1.small'), imageId: pick(choices.images.edges, 'cirros'),
        networkIds: [pick(choices.networks.edges, 'Pool-wide network associated with eth0')],
      },
    });
    const operationId: string = spawned.instanceSpawn.operation.id;
    await waitUntil(async () => {
      const state = (await graphql(first.url, token, OperationStateDocument, { id: operationId })).node;
      return state.progress.percent >= 70 ? state : undefined;
    }, 15_000, 'the spawn to reach the VM start');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await serve();
    const state = (await graphql(second.url, token, OperationStateDocument, { id: operationId })).node;
    assert.ok(['SUCCEEDED', 'FAILED'].includes(state.status), `operation ended, not ${state.status}`);
    assert.equal(state.instance.taskState, null);

    const xapi = await jsonSession(sim.pools[0]!.masterUrl, PASSWORD);
    const vms = Object.values(await xapi.call('VM.get_all_records') as Record<string, any>)
      .filter((vm) => vm.other_config.nova_uuid === state.instance.uuid);
    if (state.status === 'SUCCEEDED') {
      assert.deepEqual([state.instance.vmState, state.instance.powerState], ['ACTIVE', 'RUNNING']);
      assert.deepEqual(vms.map((vm) => vm.power_state), ['Running']);
    } else {
      assert.deepEqual([state.instance.vmState, state.instance.powerState], ['ERROR', 'NOSTATE']);
      assert.equal(vms.length, 0, 'the half-built VM was removed');
    }
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  });
});
