// Real PostgreSQL for tests: one throwaway server per test run (scripts/with-postgres.sh starts it and passes its
// URL in TEST_POSTGRES_URL) or, for a file run on its own, per process; a fresh database for every store.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SCRIPT = fileURLToPath(new URL('../../scripts/postgres.sh', import.meta.url));

let server: Promise<string> | null = null;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The admin URL of a running server: the run's, or one started now and stopped when this process exits. */
function serverUrl(): Promise<string> {
  const shared = process.env.TEST_POSTGRES_URL;
  if (shared) return Promise.resolve(shared);
  server ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xengraph-pg-'));
    process.once('exit', () => { execFileSync(SCRIPT, ['stop', dir], { stdio: 'ignore' }); });
    const port = await freePort();
    return execFileSync(SCRIPT, ['start', dir, String(port)], { encoding: 'utf8' }).trim();
  })();
  return server;
}

/** A new, empty database on the test server, so stores of different tests never see each other's rows. */
export async function freshPostgresUrl(): Promise<string> {
  const admin = await serverUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** True when this test run is to use PostgreSQL (`TEST_DATABASE=postgres`) instead of SQLite. */
export function testingOnPostgres(): boolean {
  return process.env.TEST_DATABASE === 'postgres';
}
