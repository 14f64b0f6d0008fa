// Scale-out as an operator runs it: a XAPI simulator process and several `xengraph serve` replicas on one
// PostgreSQL database and one Redis, each its own child process with its own data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { BIN, ROOT } from './cli.js';
import { freshPostgresUrl } from './postgres.js';
import { testRedisUrl } from './redis.js';
import { exitOf, startedServer } from './serve-process.js';

export interface Replica {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  /** Whether /readyz says this replica mirrors the pool's XAPI events now. */
  mirrors(poolName: string): Promise<boolean>;
  /** A graphql-ws client for this replica. */
  wsClient(token: string): Client;
}

export interface ReplicaCluster {
  /** The simulator's admin URL (faults). */
  readonly simUrl: string;
  /** Each simulated pool's master URL by pool name. */
  readonly masters: ReadonlyMap<string, string>;
  readonly simPassword: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** The admin token the first replica created. */
  token: string;
  start(name: string): Promise<Replica>;
  /** SIGKILL: no goodbye, no lease released. */
  kill(replica: Replica): Promise<void>;
  stop(): Promise<void>;
}

const SIM_PASSWORD = 'scale-out-secret';

export async function startReplicaCluster(options: { timeScale: number; leaseSeconds: number }): Promise<ReplicaCluster> {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const [databaseUrl, redisUrl] = await Promise.all([freshPostgresUrl(), testRedisUrl()]);
  const sim = spawn(process.execPath, [BIN, 'simulator', '--port', '0', '--password', SIM_PASSWORD, '--time-scale', String(options.timeScale)], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(sim);
  const masters = new Map<string, string>();
  for await (const line of createInterface({ input: sim.stdout! })) {
    const pool = /^pool (\S+): master (\S+)/.exec(line);
    if (pool) masters.set(pool[1]!, pool[2]!);
    if (line.startsWith('XAPI simulator ready')) break;
  }
  sim.stdout!.resume();
  const simUrl = [...masters.values()][0];
  if (!simUrl) throw new Error('the simulator printed no pool');

  const cluster: ReplicaCluster = {
    simUrl, masters, simPassword: SIM_PASSWORD, databaseUrl, redisUrl, token: '',
    async start(name) {
      const dataDir = mkdtempSync(join(tmpdir(), `xengraph-replica-${name}-`));
      dirs.push(dataDir);
      const child = spawn(process.execPath, [BIN, 'serve'], {
        cwd: ROOT,
        env: {
          ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl,
          XAPI_URL: [...masters.values()].join(','), XAPI_PASSWORD: SIM_PASSWORD, LEASE_SECONDS: String(options.leaseSeconds), LOG_LEVEL: 'warn',
          SHUTDOWN_GRACE: '1',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const started = await startedServer(child);
      if (started.token) cluster.token = started.token;
      return {
        name, child, url: started.url,
        mirrors: async (poolName) => {
          const body = await (await fetch(new URL('/readyz', started.url))).json() as { pools: { name: string; mirrored: boolean }[] };
          return body.pools.some((pool) => pool.name === poolName && pool.mirrored);
        },
        wsClient: (token) => createClient({
          url: started.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false,
          connectionParams: { authorization: `Bearer ${token}` },
        }),
      };
    },
    async kill(replica) {
      replica.child.kill('SIGKILL');
      await exitOf(replica.child);
    },
    async stop() {
      for (const child of children.reverse()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.all(children.map((child) => exitOf(child, 10_000)));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
