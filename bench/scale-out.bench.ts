// Scale-out's cost on event delivery: a XAPI change reaching graphql-ws subscribers through three replicas on
// one PostgreSQL and one Redis, the subscribers all on one replica, then spread over the three, in one run.
// The pool's follower mirrors the change and publishes it once on Redis; every replica delivers it to its own.
//
// Sizes (environment): BENCH_SCALE_SUBSCRIBERS (1,000), BENCH_EVENT_ROUNDS (20) and BENCH_WARM_UP_ROUNDS (3), as fleet, BENCH_SCALE_CLIENTS
// (6 subscriber processes, a multiple of the replica count so each replica gets as many).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresUrl } from '../test/helpers/postgres.js';
import { jsonRpc } from '../test/helpers/raw-xapi.js';
import { testRedisUrl } from '../test/helpers/redis.js';
import { createToken, eventLatencies, latencySummary, type EventLatencies } from './fleet/fleet.bench.js';
import { graphqlClient, wallClockMs } from './fleet/graphql-http.js';
import { startCli, type RunningProcess } from './fleet/processes.js';
import { printTable } from './report.js';

const SUBSCRIBERS = Number(process.env.BENCH_SCALE_SUBSCRIBERS ?? 1000);
const CLIENTS = Number(process.env.BENCH_SCALE_CLIENTS ?? 6);
const SIM_PASSWORD = 'bench-secret';
const POOL = 'scale-pool';
const REPLICAS = 3;

export async function scaleOutBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xengraph-scale-'));
  const processes: RunningProcess[] = [];
  try {
    const topology = join(dir, 'topology.json');
    writeFileSync(topology, JSON.stringify({
      pools: [{
        name: POOL,
        hosts: [{ name: 'scale-h1', cpus: 32, memoryGiB: 256 }, { name: 'scale-h2', cpus: 32, memoryGiB: 256 }],
        localSrGiB: 512,
        networks: [{ name: 'Pool-wide network associated with eth0', bridge: 'xenbr0', management: true }],
        templates: [{ name: 'Bench guest', memoryMiB: 64, vcpus: 1, diskGiB: 1 }],
        vms: 10,
      }],
    }));
    console.log(`\nscale-out: simulator, PostgreSQL, Redis and ${REPLICAS} replicas…`);
    const sim = startCli(['simulator', '--port', '0', '--password', SIM_PASSWORD, '--topology', topology, '--time-scale', '0']);
    processes.push(sim);
    const masterUrl = (await sim.line(new RegExp(`^pool ${POOL}: master (\\S+)`)))[1]!;
    const [databaseUrl, redisUrl] = await Promise.all([freshPostgresUrl(), testRedisUrl()]);
    const env = (name: string) => ({
      XAPI_URL: masterUrl, XAPI_PASSWORD: SIM_PASSWORD, DATA_DIR: join(dir, name), PORT: '0', LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl, REDIS_URL: redisUrl,
    });
    const first = startCli(['serve'], env('replica-0'));
    processes.push(first);
    const urls = [(await first.line(/serving GraphQL at (\S+)/))[1]!];
    const adminToken = (await first.line(/^(xg_\S+)$/))[1]!;
    for (let i = 1; i < REPLICAS; i++) {
      const replica = startCli(['serve'], env(`replica-${i}`));
      processes.push(replica);
      urls.push((await replica.line(/serving GraphQL at (\S+)/))[1]!);
    }
    const admin = graphqlClient(urls[0]!, adminToken);
    const listed = await admin<{ instances: { edges: { node: { id: string; name: string } }[] } }>('{ instances(first: 1) { edges { node { id name } } } }');
    const target = listed.instances.edges[0]?.node;
    if (!target) throw new Error('no instance mirrored');
    const xapi = jsonRpc(masterUrl);
    const session: string = await xapi('session.login_with_password', 'root', SIM_PASSWORD, '1.0', 'bench');
    const [vmRef] = await xapi('VM.get_by_name_label', session, target.name) as string[];
    const tokens = { reader: await createToken(admin, 'READER'), admin: adminToken };
    const rename = async (name: string) => {
      await xapi('VM.set_name_label', session, vmRef, name);
      return wallClockMs();
    };
    const wsUrls = urls.map((url) => url.replace(/^http/, 'ws'));

    console.log(`scale-out: ${SUBSCRIBERS} subscribers on one replica…`);
    const one = await eventLatencies(SUBSCRIBERS, wsUrls.slice(0, 1), target.id, tokens, rename, CLIENTS);
    console.log(`scale-out: ${SUBSCRIBERS} subscribers over ${REPLICAS} replicas…`);
    const spread = await eventLatencies(SUBSCRIBERS, wsUrls, target.id, tokens, rename, CLIENTS);

    const figures = (latencies: EventLatencies) => {
      const { figures: p50AndP99, receipts } = latencySummary(latencies);
      return `${p50AndP99} (${receipts})`;
    };
    printTable(`scale-out: XAPI change → subscriber, p50 | p99; ${REPLICAS} replicas on PostgreSQL + Redis`, [
      [`${SUBSCRIBERS} subscribers on one replica`, figures(one)],
      [`${SUBSCRIBERS} subscribers spread over ${REPLICAS} replicas`, figures(spread)],
    ]);
  } finally {
    for (const running of processes.reverse()) await running.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
