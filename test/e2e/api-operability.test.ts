// What an operator's tools see: Prometheus metrics that move with the work done, JSON log lines that tie each
// line to its request and never carry a secret, and readiness that follows each pool's link.
import assert from 'node:assert/strict';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PoolConnectionsDocument, RebootInstanceDocument, ResilienceConnectionsDocument, SpawnInstanceDocument } from '../generated/graphql.js';
import { accepted, finished, spawnChoices, xapiSession } from '../helpers/driver.js';
import { parsePrometheusText } from '../helpers/prometheus-text.js';
import { freePort, SIM_PASSWORD, startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const METRICS_TOKEN = 'metrics-Tok3n-for-scrapers';
const ADMIN_PASSWORD = 'guest-Pa55word-never-logged';

async function scrape(stack: Stack, authorization?: string) {
  const response = await fetch(new URL('/metrics', stack.url), { headers: authorization ? { authorization } : {} });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

async function metrics(stack: Stack) {
  const { status, text } = await scrape(stack, `Bearer ${METRICS_TOKEN}`);
  assert.equal(status, 200);
  return parsePrometheusText(text);
}

describe('metrics and logs of a running service', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { METRICS_TOKEN } });
  });
  after(async () => {
    await stack?.stop();
  });

  it('serves /metrics only with METRICS_TOKEN, in the Prometheus text format', async () => {
    assert.equal((await scrape(stack)).status, 401);
    assert.equal((await scrape(stack, 'Bearer not-the-token')).status, 401);
    assert.equal((await scrape(stack, `Bearer ${stack.adminToken}`)).status, 401, 'an API token is not the metrics token');
    const { status, type, text } = await scrape(stack, `Bearer ${METRICS_TOKEN}`);
    assert.equal(status, 200);
    assert.match(type ?? '', /^text\/plain; version=0\.0\.4/);
    const exposition = parsePrometheusText(text);
    for (const [name, type] of [
      ['xengraph_operations_finished_total', 'counter'], ['xengraph_operation_duration_seconds', 'histogram'],
      ['xengraph_xapi_calls_total', 'counter'], ['xengraph_xapi_call_duration_seconds', 'histogram'],
      ['xengraph_live_subscriptions', 'gauge'], ['xengraph_pool_state', 'gauge'], ['xengraph_pool_event_age_seconds', 'gauge'],
    ]) assert.equal(exposition.types.get(name!), type, name);
    assert.equal(exposition.value('xengraph_pool_state', { pool: 'pool-a', state: 'connected' }), 1);
    assert.equal(exposition.value('xengraph_pool_state', { pool: 'pool-a', state: 'reconnecting' }), 0);
    // A quiet pool's event.from answers only at its timeout, and whether the start's own changes reach the first
    // poll depends on timing (they do not on PostgreSQL): an injected event makes the poll answer now.
    const xapi = await xapiSession(stack);
    const [poolRef] = await xapi.call('pool.get_all') as string[];
    await xapi.call('event.inject', 'pool', poolRef);
    await waitUntil(async () => (await metrics(stack)).value('xengraph_xapi_calls_total', { method: 'event.from' }) >= 1, 10_000, 'an event.from call counted');
  });

  it('counts a reboot, its XAPI calls and its duration; the log has one JSON line per event, request ids, who did what, no secret', async () => {
    const choices = await spawnChoices(stack);
    const spawn = accepted(await stack.request(SpawnInstanceDocument, {
      input: {
        name: 'observed', flavorId: choices.flavor('m1.small'), imageId: choices.image('cirros'),
        networkIds: [choices.network('eth0')], metadata: {}, adminPassword: ADMIN_PASSWORD,
      },
    }, await stack.tokenFor('operator'), { 'x-request-id': 'spawn-request-1' }));
    assert.equal((await finished(stack, spawn.operation.id)).status, 'SUCCEEDED');

    const before = await metrics(stack);
    const reboot = accepted(await stack.request(RebootInstanceDocument, { input: { id: spawn.instance.id, type: 'SOFT' } }, await stack.tokenFor('operator')));
    assert.equal((await finished(stack, reboot.operation.id)).status, 'SUCCEEDED');
    const feed = stack.subscribe('subscription { connectionStatus { state } }', {}, stack.adminToken);
    await feed.next();
    const afterReboot = await metrics(stack);
    await feed.return?.();

    const rebootDone = { kind: 'instance.reboot', outcome: 'SUCCEEDED' };
    assert.equal(afterReboot.value('xengraph_operations_finished_total', rebootDone) - before.value('xengraph_operations_finished_total', rebootDone), 1);
    assert.equal(afterReboot.value('xengraph_operations_submitted_total', { kind: 'instance.reboot' }) - before.value('xengraph_operations_submitted_total', { kind: 'instance.reboot' }), 1);
    assert.equal(afterReboot.value('xengraph_operation_duration_seconds_count', rebootDone) - before.value('xengraph_operation_duration_seconds_count', rebootDone), 1);
    const rebootCalls = (e: typeof before) => e.value('xengraph_xapi_calls_total', { method: 'Async.VM.clean_reboot' });
    assert.ok(rebootCalls(afterReboot) > rebootCalls(before), 'the clean reboot went to XAPI and was counted');
    assert.ok(afterReboot.value('xengraph_xapi_call_duration_seconds_count', { method: 'Async.VM.clean_reboot' }) >= 1);
    assert.equal(afterReboot.value('xengraph_live_subscriptions'), 1, 'the connectionStatus feed was open');
    // A subscription to nothing is refused with NOT_FOUND: counted as a subscription error.
    const nowhere = stack.subscribe('subscription Nowhere($id: ID!) { instanceUpdated(id: $id) { id } }', { id: encodeGlobalID('Instance', 'no-such-instance') }, stack.adminToken);
    await nowhere.next();
    await nowhere.return?.();
    const refused = (e: typeof before) => e.value('xengraph_subscription_errors_total', { operationName: 'Nowhere' });
    assert.equal(refused(await metrics(stack)) - refused(before), 1);
    assert.ok(afterReboot.value('graphql_yoga_http_duration_count', { operationType: 'mutation' }) >= 2, "yoga's request metrics are there");

    // The action lines are written as the operation ends; the API may answer a moment before.
    const lines = await waitUntil(() => {
      const parsed = stack.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
      return parsed.some((l) => l.msg === 'action finished' && (l.action as { kind: string }).kind === 'instance.reboot') && parsed;
    }, 5_000, 'the reboot to be logged');
    for (const line of stack.logLines) {
      assert.equal(line.trimEnd().split('\n').length, 1, 'one JSON object per line');
      for (const secret of [ADMIN_PASSWORD, SIM_PASSWORD, stack.adminToken, METRICS_TOKEN, await stack.tokenFor('operator')]) {
        assert.ok(!line.includes(secret), `a log line holds a secret: ${line}`);
      }
    }
    const requests = lines.filter((l) => l.msg === 'request' && l.path === '/graphql');
    assert.ok(requests.length >= 3);
    assert.ok(requests.every((l) => typeof l.reqId === 'string' && typeof l.status === 'number' && typeof l.durationMs === 'number'));
    assert.ok(requests.some((l) => l.reqId === 'spawn-request-1'), "the caller's x-request-id names its request");
    const spawnDone = lines.find((l) => l.msg === 'action finished' && (l.action as { kind: string }).kind === 'instance.spawn');
    assert.ok(spawnDone, 'the spawn is logged when it ends');
    assert.equal(spawnDone.level, 'info');
    assert.equal(spawnDone.outcome, 'SUCCEEDED');
    assert.equal(typeof spawnDone.durationMs, 'number');
    assert.deepEqual(spawnDone.action, { operationId: spawn.operation.id, kind: 'instance.spawn', target: spawn.instance.id });
    assert.equal((spawnDone.who as { tokenName: string }).tokenName, 'test-operator');
    const spawnSubmitted = lines.find((l) => l.msg === 'action submitted' && (l.action as { kind: string }).kind === 'instance.spawn');
    assert.equal(spawnSubmitted?.reqId, 'spawn-request-1', 'the action line carries the request that submitted it');
    assert.equal(spawnDone.reqId, 'spawn-request-1', 'so does the line that ends it');
    assert.ok(lines.some((l) => l.msg === 'pool connection' && (l.pool as { name: string }).name === 'pool-a' && l.state === 'connected'));
  });
});

describe('readiness with two pools, one of which goes away', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xengraph-readiness-'));
  const cleanups: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is 503 naming the pool while it is down, and ready within 2 s of the first call it answers once back', async () => {
    const port = await freePort();
    const stateFile = join(dir, 'late.json');
    const lateOptions = {
      port, password: SIM_PASSWORD, timeScale: 0.02, baseAddress: '127.0.0.71', stateFile,
      topology: { pools: [{ name: 'pool-far', hosts: [{ name: 'far-1' }], networks: [{ name: 'Pool-wide network associated with eth0', bridge: 'xenbr0', management: true }] }] },
    };
    let far: RunningSimulator = await startSimulator(lateOptions);
    cleanups.push(() => far.stop());
    const stack = await startStack({ extraXapiUrls: [far.pools[0]!.masterUrl] });
    cleanups.push(() => stack.stop());
    const readyz = async () => {
      const response = await fetch(new URL('/readyz', stack.url));
      return { status: response.status, body: await response.json() as { ready: boolean; store: { ok: boolean }; pools: { name: string; state: string; reason: string | null }[] } };
    };
    const ready = await readyz();
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.deepEqual(ready.body.pools.map((p) => [p.name, p.state]).sort(), [['pool-a', 'connected'], ['pool-far', 'connected'], ['standalone', 'connected']]);
    assert.equal((await fetch(new URL('/healthz', stack.url))).status, 200);
    assert.equal((await fetch(new URL('/health', stack.url))).status, 200);

    far.flush();
    await far.kill();
    const down = await waitUntil(async () => {
      const answer = await readyz();
      return answer.status === 503 && answer;
    }, 15_000, 'readyz to report the pool down');
    const farDown = down.body.pools.find((p) => p.name === 'pool-far');
    assert.equal(farDown?.state, 'reconnecting');
    assert.ok(farDown?.reason, 'with a reason');
    assert.equal(down.body.store.ok, true);
    assert.deepEqual(down.body.pools.filter((p) => p !== farDown).map((p) => p.state), ['connected', 'connected']);
    const { data } = await stack.request(PoolConnectionsDocument, {}, stack.adminToken);
    const farPool = data!.pools.find((p) => p.name === 'pool-far')!;
    assert.equal(farPool.connection.state, 'RECONNECTING');
    assert.equal(farPool.connection.reason, farDown?.reason);
    assert.equal(farPool.connection.lastError, farDown?.reason);

    // The first request XAPI answers after coming back, whichever part of xengraph sent it.
    const link = stack.app.services.pools.list().find((l) => l.name === 'pool-far')!;
    let firstAnswered: number | undefined;
    link.client.on('call', (call) => {
      if (call.error === undefined) firstAnswered ??= performance.now();
    });
    far = await startSimulator(lateOptions);
    // A quiet pool's event long poll answers only at its timeout: the link must not wait for it to say so.
    far.faults.add({ method: 'event.from', count: 10, latencyMs: 20_000 });
    await waitUntil(() => firstAnswered, 15_000, 'xengraph to reach the pool again');
    const connectedAt = await waitUntil(async () => {
      const statuses = (await stack.request(ResilienceConnectionsDocument, {}, stack.adminToken)).data!.connectionStatus;
      return statuses.find((s) => s.poolName === 'pool-far')?.state === 'CONNECTED' && performance.now();
    }, 5_000, 'pool-far reported connected');
    assert.ok(connectedAt - firstAnswered! < 2_000, `connected ${Math.round(connectedAt - firstAnswered!)} ms after the first answer`);
    const back = await readyz();
    assert.equal(back.status, 200, JSON.stringify(back.body));
    const recovered = (await stack.request(PoolConnectionsDocument, {}, stack.adminToken)).data!.pools.find((p) => p.name === 'pool-far')!;
    assert.equal(recovered.connection.reason, null);
    assert.equal(recovered.connection.lastError, farDown?.reason, 'the last error is kept once recovered');
  });
});
