// Issue 15's figures as a user would see them: the simulator, the API and the clients are separate processes
// (`node` running the compiled CLI; graphql-ws subscribers spread over forked client processes), and every peer
// is timed in the same run against the same simulated pool. Prints each figure as `measured / goal`, and the
// machine's load average at the start so a reader can judge how noisy the figures are.
//
// Sizes (environment): BENCH_VMS (10,000 VMs in the pool), BENCH_HOSTS (16), BENCH_SUBSCRIBERS ("100,1000"),
// BENCH_CLIENTS (2 subscriber processes, each holding many sockets, so they do not outnumber the cores the API
// needs), BENCH_EVENT_ROUNDS (20 changes per subscriber count, measured), BENCH_WARM_UP_ROUNDS (3 changes before
// them, once every subscriber is live, while the fresh client processes and the API's paths for that many
// subscribers warm up; their receipts are reported apart, beside the measured ones),
// BENCH_LIST_ROUNDS (7: the median is then a listing of a warmed-up process, as a client polling an inventory meets it), BENCH_LIST_PAGE (1000, the largest page an admin may ask for), BENCH_SPAWNS (10),
// BENCH_LOG_LEVEL (the API's LOG_LEVEL, "warn"), BENCH_API_NODE_ARGS (node arguments for the API process alone,
// e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it), BENCH_CLIENT_PROF (a directory: the subscriber
// client processes write CPU profiles there, to check that they are not what the latency measures).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonRpc } from '../../test/helpers/raw-xapi.js';
import { median } from '../report.js';
import { graphqlClient, wallClockMs, type GraphQL } from './graphql-http.js';
import { buildCli, startCli, type RunningProcess } from './processes.js';
import type { FromSubscriber, SubscriberPlan, ToSubscriber } from './subscriber-client.js';

const VMS = Number(process.env.BENCH_VMS ?? 10_000);
const HOSTS = Number(process.env.BENCH_HOSTS ?? 16);
const SUBSCRIBER_COUNTS = (process.env.BENCH_SUBSCRIBERS ?? '100,1000').split(',').map(Number);
const CLIENT_PROCESSES = Number(process.env.BENCH_CLIENTS ?? 2);
const CLIENT_PROFILING = process.env.BENCH_CLIENT_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CLIENT_PROF}`] : [];
const EVENT_ROUNDS = Number(process.env.BENCH_EVENT_ROUNDS ?? 20);
const WARM_UP_ROUNDS = Number(process.env.BENCH_WARM_UP_ROUNDS ?? 3);
const LIST_ROUNDS = Number(process.env.BENCH_LIST_ROUNDS ?? 7);
const LIST_PAGE = Number(process.env.BENCH_LIST_PAGE ?? 1000);
const SPAWNS = Number(process.env.BENCH_SPAWNS ?? 10);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
const SIM_PASSWORD = 'bench-secret';
const POOL = 'bench-pool';
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface Row { label: string; measured: string; goal: string }

export async function fleetBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xengraph-fleet-'));
  const rows: Row[] = [];
  const processes: RunningProcess[] = [];
  try {
    const topology = join(dir, 'topology.json');
    writeFileSync(topology, JSON.stringify(benchTopology()));
    buildCli();
    const load = loadavg().map((value) => value.toFixed(2)).join(', ');
    console.log(`\nfleet: load average at start ${load} (1, 5, 15 min) on ${availableParallelism()} cores`);
    console.log(`\nfleet: simulator with ${HOSTS} hosts and ${VMS} running VMs…`);
    const sim = startCli(['simulator', '--port', '0', '--password', SIM_PASSWORD, '--topology', topology, '--time-scale', '0']);
    processes.push(sim);
    const masterUrl = (await sim.line(new RegExp(`^pool ${POOL}: master (\\S+)`)))[1];
    await sim.line(/XAPI simulator ready/);
    const xapi = jsonRpc(masterUrl);
    const session: string = await xapi('session.login_with_password', 'root', SIM_PASSWORD, '1.0', 'bench');

    console.log('fleet: peers (xen-api connect + fetch, JSON-RPC VM.get_all_records)…');
    const peerConnect = await timeXenApiConnect(masterUrl);
    const rawFetches = await repeat(LIST_ROUNDS, async () => {
      const started = performance.now();
      const records = await xapi('VM.get_all_records', session) as Record<string, unknown>;
      if (Object.keys(records).length < VMS) throw new Error('VM.get_all_records answered too few VMs');
      return performance.now() - started;
    });
    const rawFetch = median(rawFetches);

    console.log('fleet: API cold start…');
    const coldStarted = performance.now();
    const api = startCli(['serve'], {
      XAPI_URL: masterUrl, XAPI_USER: 'root', XAPI_PASSWORD: SIM_PASSWORD, DATA_DIR: join(dir, 'api'), PORT: '0', LOG_LEVEL: LOG_LEVEL,
    }, (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean));
    processes.push(api);
    const url = (await api.line(/serving GraphQL at (\S+)/))[1];
    const adminToken = (await api.line(/^(xg_\S+)$/))[1];
    const admin = graphqlClient(url, adminToken);
    // Asked every 25 ms: the cold start is then read within a few ms of its end, at little cost to the API.
    await until(async () => (await instanceCount(admin)) >= VMS, 600_000, `${VMS} instances mirrored`, 25);
    const coldStart = performance.now() - coldStarted;
    const heapAfterGc = await api.collectGarbage();
    // Resident size once the pages the collections freed are back with the system (see gc-on-signal.mjs).
    const mirroredRssMiB = (JSON.parse(heapAfterGc) as { rss: number }).rss;

    console.log('fleet: listing…');
    let instances: { id: string; name: string }[] = [];
    const listings = await repeat(LIST_ROUNDS, async () => {
      const started = performance.now();
      instances = await listAllInstances(admin);
      return performance.now() - started;
    });
    const listing = median(listings);

    const target = instances.find((instance) => instance.name === `${POOL}-vm-0`);
    if (!target) throw new Error(`no instance ${POOL}-vm-0 listed`);
    const [vmRef] = await xapi('VM.get_by_name_label', session, target.name) as string[];
    const tokens = { reader: await createToken(admin, 'READER'), admin: adminToken };
    const latencies = new Map<number, EventLatencies>();
    for (const count of SUBSCRIBER_COUNTS) {
      console.log(`fleet: event latency, ${count} subscribers…`);
      latencies.set(count, await eventLatencies(count, [url.replace(/^http/, 'ws')], target.id, tokens, async (name) => {
        await xapi('VM.set_name_label', session, vmRef, name);
        return wallClockMs();
      }));
    }

    console.log('fleet: spawns…');
    const calls = await callsPerSpawn(url, admin, await createToken(admin, 'OPERATOR'));

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const rounds = (values: number[]) => values.map((value) => value.toFixed(0)).join('/');
    for (const count of SUBSCRIBER_COUNTS) {
      const { figures, receipts } = latencySummary(latencies.get(count)!);
      rows.push({
        label: `XAPI change → subscriber, ${count} subscribers (${receipts}), p50 | p99`,
        measured: figures,
        goal: count >= 1000 ? 'p99 ≤ 50 ms' : count >= 100 ? 'p99 ≤ 20 ms' : '—',
      });
    }
    rows.push(
      {
        label: `all ${instances.length} instances with host, GraphQL pages of ${LIST_PAGE} (median ${ms(listing)} of ${rounds(listings)}) ÷ `
          + `VM.get_all_records JSON-RPC decoded (median ${ms(rawFetch)} of ${rounds(rawFetches)})`,
        measured: (listing / rawFetch).toFixed(2), goal: '≤ 0.5',
      },
      {
        label: `API RSS after GC (two, 2 s apart, then settled), ${VMS} VMs mirrored (one moment, after cold start)`,
        measured: `${mirroredRssMiB} MiB = ${(mirroredRssMiB * 1.048576).toFixed(0)} MB`, goal: '≤ 250 MB',
      },
      { label: `API cold start to ${VMS} mirrored, process start (${ms(coldStart)}) ÷ xen-api process start + connect + fetch (${ms(peerConnect)})`, measured: `${(coldStart / peerConnect).toFixed(1)}×`, goal: '≤ 2×' },
      { label: `XAPI calls per spawn (${SPAWNS} concurrent; event.* excluded | included)`, measured: `${calls.withoutEvents.toFixed(1)} | ${calls.all.toFixed(1)}`, goal: '≤ 30' },
      { label: 'API peak RSS over the whole run (whole-process peak, VmHWM)', measured: `${api.memory().peakMiB.toFixed(0)} MiB`, goal: '—' },
    );
    console.log(`\nAPI memory after GC, ${VMS} VMs mirrored (MiB): ${heapAfterGc}`);
    printRows(`fleet: ${VMS} VMs on ${HOSTS} hosts; simulator, API and ${CLIENT_PROCESSES} client processes apart; load at start ${load}`, rows);
  } finally {
    for (const running of processes.reverse()) await running.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchTopology() {
  return {
    pools: [{
      name: POOL,
      hosts: Array.from({ length: HOSTS }, (_, i) => ({ name: `bench-h${i + 1}`, cpus: 64, memoryGiB: 4096 })),
      sharedSrs: [{ name: 'NFS shared storage', type: 'nfs', sizeGiB: 65_536 }],
      localSrGiB: 2048,
      networks: [
        { name: 'Pool-wide network associated with eth0', bridge: 'xenbr0', management: true },
        { name: 'Pool-wide network associated with eth1', bridge: 'xenbr1' },
      ],
      // The first template is what the seeded VMs are cloned from: small, so hosts have room for spawns.
      templates: [{ name: 'Bench guest', memoryMiB: 64, vcpus: 1, diskGiB: 1 }],
      vms: VMS,
    }],
  };
}

async function timeXenApiConnect(masterUrl: string): Promise<number> {
  const started = performance.now();
  const peer = fork(here('./xen-api-fetch.ts'), [masterUrl, SIM_PASSWORD], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let output = '';
  peer.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const code = await new Promise<number | null>((resolve) => peer.once('exit', resolve));
  const elapsed = performance.now() - started;
  const vms = Number(/fetched (\d+) VMs/.exec(output)?.[1] ?? 0);
  if (code !== 0 || vms < VMS) throw new Error(`xen-api peer failed (exit ${code}): ${output}`);
  return elapsed;
}

async function instanceCount(api: GraphQL): Promise<number> {
  const data = await api<{ instances: { totalCount: number } }>('{ instances(first: 1) { totalCount } }').catch(() => null);
  return data?.instances.totalCount ?? 0;
}

const PAGE = `query ($after: String) {
  instances(first: ${LIST_PAGE}, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id name powerState vmState memoryMb host { id name } } }
  }
}`;

async function listAllInstances(api: GraphQL): Promise<{ id: string; name: string }[]> {
  const all: { id: string; name: string }[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { instances: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; name: string } }[] } };
    const { instances: page }: Page = await api<Page>(PAGE, { after });
    for (const edge of page.edges) all.push(edge.node);
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

export async function createToken(api: GraphQL, role: string): Promise<string> {
  const data = await api<{ apiTokenCreate: { secret?: string } }>(
    'mutation ($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { ... on ApiTokenCreatePayload { secret } } }',
    { input: { name: `bench-${role.toLowerCase()}-${Date.now()}`, role } },
  );
  if (!data.apiTokenCreate.secret) throw new Error(`could not create a ${role} token`);
  return data.apiTokenCreate.secret;
}

/** Receipt latencies (ms) of the measured rounds, and of the warm-up rounds before them. */
export interface EventLatencies {
  readonly measured: number[];
  readonly warmUp: number[];
}

/** The measured rounds' p50 | p99, and what they are of, the warm-up rounds' p99 beside them. */
export function latencySummary({ measured, warmUp }: EventLatencies): { figures: string; receipts: string } {
  const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(1)} ms`;
  const warmUpPart = warmUp.length > 0 ? `; the warm-up rounds before them: p99 ${ms(warmUp, 0.99)}` : '';
  return { figures: `${ms(measured, 0.5)} | ${ms(measured, 0.99)}`, receipts: `${measured.length} receipts${warmUpPart}` };
}

/**
 * `count` subscribers, half on instanceUpdated and half on instanceEvents, readers and admins alternating,
 * spread over client processes (and these over `wsUrls`). Each round renames the VM through XAPI and times every subscriber's receipt
 * from the moment the XAPI call returned; the next round starts once all have it. Once every subscriber is live,
 * WARM_UP_ROUNDS rounds are timed apart, then EVENT_ROUNDS are measured.
 */
export async function eventLatencies(
  count: number, wsUrls: readonly string[], instanceId: string, tokens: { reader: string; admin: string }, change: (name: string) => Promise<number>,
  clientProcesses = CLIENT_PROCESSES,
): Promise<EventLatencies> {
  const clients = Array.from({ length: Math.min(clientProcesses, count) }, () => fork(here('./subscriber-client.ts'), [], { execArgv: ['--import', 'tsx', ...CLIENT_PROFILING] }));
  const failures: string[] = [];
  const reports = new Map<string, number[][]>();
  for (const client of clients) {
    client.on('message', (message: FromSubscriber) => {
      if (message.type === 'failed') failures.push(message.message);
      else reports.set(message.name, [...(reports.get(message.name) ?? []), message.times]);
    });
  }
  const tell = (client: ChildProcess, message: ToSubscriber) => client.send(message);
  try {
    clients.forEach((client, c) => {
      const subscribers: SubscriberPlan['subscribers'][number][] = [];
      for (let i = c; i < count; i += clients.length) {
        subscribers.push({ token: i % 4 < 2 ? tokens.reader : tokens.admin, feed: i % 2 === 0 ? 'instanceUpdated' : 'instanceEvents' });
      }
      // Client processes take the API endpoints in turn: with several replicas, subscribers spread over them.
      tell(client, { type: 'plan', plan: { wsUrl: wsUrls[c % wsUrls.length]!, instanceId, subscribers } });
    });
    const everyoneHas = (name: string) => (reports.get(name)?.length ?? 0) === clients.length;
    const round = async (name: string, timeoutMs: number): Promise<number[] | null> => {
      for (const client of clients) tell(client, { type: 'expect', name });
      const returnedAt = await change(name);
      const complete = await until(() => failures.length > 0 || everyoneHas(name), timeoutMs, `${name} at every subscriber`).catch(() => false);
      if (failures.length > 0) throw new Error(`subscribers failed: ${failures.slice(0, 3).join('; ')}`);
      return complete ? reports.get(name)!.flat().map((at) => at - returnedAt) : null;
    };
    // Subscriptions are not acknowledged one by one: rename until every subscriber has seen a change.
    let warm = false;
    for (let attempt = 0; !warm && attempt < 30; attempt++) warm = (await round(`warm-${count}-${attempt}`, 10_000)) !== null;
    if (!warm) throw new Error(`not all ${count} subscribers became live`);
    const timedRounds = async (label: string, rounds: number): Promise<number[]> => {
      const latencies: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const got = await round(`${label}-${count}-${r}`, 60_000);
        if (!got) throw new Error(`${label} ${r}: not every subscriber received the change`);
        latencies.push(...got);
      }
      return latencies;
    };
    const warmUp = await timedRounds('warm-up', WARM_UP_ROUNDS);
    return { warmUp, measured: await timedRounds('round', EVENT_ROUNDS) };
  } finally {
    for (const client of clients) tell(client, { type: 'stop' });
    await Promise.all(clients.map((client) => new Promise((resolve) => client.exitCode !== null ? resolve(null) : client.once('exit', resolve))));
  }
}

/** XAPI calls the API sent (from its /metrics) per spawn of `SPAWNS` concurrent ones, after one warm-up spawn. */
async function callsPerSpawn(url: string, admin: GraphQL, operatorToken: string): Promise<{ all: number; withoutEvents: number }> {
  type Nodes = { edges: { node: { id: string; name: string } }[] };
  const choices = await admin<{ flavors: Nodes; images: Nodes; networks: Nodes }>(
    '{ flavors(first: 50) { edges { node { id name } } } images(first: 50) { edges { node { id name } } } networks(first: 50) { edges { node { id name } } } }',
  );
  const pick = (nodes: Nodes, match: (name: string) => boolean) => nodes.edges.find((edge) => match(edge.node.name))!.node.id;
  const operator = graphqlClient(url, operatorToken);
  const input = (name: string) => ({
    name, flavorId: pick(choices.flavors, (n) => n === 'm1.small'), imageId: pick(choices.images, (n) => n.startsWith('cirros')),
    networkIds: [pick(choices.networks, (n) => n.includes('eth0'))],
  });
  const spawn = async (name: string): Promise<void> => {
    const data = await operator<{ instanceSpawn: { operation?: { id: string } } }>(
      'mutation ($input: InstanceSpawnInput!) { instanceSpawn(input: $input) { ... on ActionPayload { operation { id } } ... on UserError { code message } } }',
      { input: input(name) },
    );
    const id = data.instanceSpawn.operation?.id;
    if (!id) throw new Error(`spawn refused: ${JSON.stringify(data)}`);
    const status = await until(async () => {
      const { node } = await admin<{ node: { status: string } }>('query ($id: ID!) { node(id: $id) { ... on Operation { status } } }', { id });
      return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(node.status) && node.status;
    }, 300_000, `spawn ${name}`, 100);
    if (status !== 'SUCCEEDED') throw new Error(`spawn ${name} ${status}`);
  };
  await spawn('bench-warm-up');
  const before = await xapiCalls(url);
  await Promise.all(Array.from({ length: SPAWNS }, (_, i) => spawn(`bench-spawn-${i}`)));
  const after = await xapiCalls(url);
  return { all: (after.all - before.all) / SPAWNS, withoutEvents: (after.withoutEvents - before.withoutEvents) / SPAWNS };
}

async function xapiCalls(url: string): Promise<{ all: number; withoutEvents: number }> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  let all = 0;
  let withoutEvents = 0;
  for (const match of text.matchAll(/^xengraph_xapi_calls_total\{[^}]*method="([^"]+)"[^}]*\} (\S+)$/gm)) {
    const value = Number(match[2]);
    all += value;
    if (!match[1].startsWith('event.')) withoutEvents += value;
  }
  return { all, withoutEvents };
}

async function repeat(times: number, run: () => Promise<number>): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < times; i++) values.push(await run());
  return values;
}

async function until<T>(probe: () => T | false | Promise<T | false>, timeoutMs: number, what: string, everyMs = 2): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

function printRows(title: string, rows: Row[]): void {
  const width = Math.max(...rows.map((row) => row.label.length));
  const measuredWidth = Math.max(...rows.map((row) => row.measured.length));
  console.log(`\n${title}\n  ${'measured'.padStart(width + measuredWidth + 2)} / goal`);
  for (const row of rows) console.log(`  ${row.label.padEnd(width)}  ${row.measured.padStart(measuredWidth)} / ${row.goal}`);
}
