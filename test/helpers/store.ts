// The store a test opens: in-memory SQLite, or a fresh PostgreSQL database when the run is on PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPostgresStore, createSqliteStore, type Store } from '../../src/store/index.js';
import { freshPostgresUrl, testingOnPostgres } from './postgres.js';

export type Dialect = 'sqlite' | 'postgres';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export async function openTestStore(dialect: Dialect = testingOnPostgres() ? 'postgres' : 'sqlite'): Promise<Store> {
  return dialect === 'postgres' ? createPostgresStore(await freshPostgresUrl()) : createSqliteStore(':memory:');
}

/** The DATABASE_URL a test server uses: a file in its data dir, or a fresh PostgreSQL database. */
export async function testDatabaseUrl(dataDir: string): Promise<string> {
  return testingOnPostgres() ? freshPostgresUrl() : `file:${dataDir}/xengraph.db`;
}

function onPostgres(databaseUrl: string): boolean {
  return /^postgres(ql)?:/.test(databaseUrl);
}

/** Runs `read` on a connection of its own to a test server's PostgreSQL database, with its tables' names. */
async function readPostgres<T>(databaseUrl: string, read: (client: pg.Client, tables: string[]) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = (await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '__drizzle%' ORDER BY tablename",
    )).rows.map((row) => row.name);
    return await read(client, tables);
  } finally {
    await client.end();
  }
}

/**
 * Rows per table of a test server's database (its drizzle bookkeeping left out), read beside the server on a
 * connection of its own, whichever dialect the run uses.
 */
export async function tableRowCounts(databaseUrl: string): Promise<Record<string, number>> {
  if (onPostgres(databaseUrl)) {
    return readPostgres(databaseUrl, async (client, tables) => {
      const counts: [string, number][] = [];
      for (const name of tables) counts.push([name, Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`)).rows[0]!.n)]);
      return Object.fromEntries(counts);
    });
  }
  const db = new Database(new URL(databaseUrl).pathname, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[])
      .map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/**
 * Everything a test server's database holds, to look for what must never be stored: on SQLite the bytes of its
 * files (the journal included, freed pages too), on PostgreSQL every row of every table as text.
 */
export async function storedContents(databaseUrl: string, dataDir: string): Promise<{ name: string; bytes: Buffer }[]> {
  if (onPostgres(databaseUrl)) {
    return readPostgres(databaseUrl, async (client, tables) => {
      const contents: { name: string; bytes: Buffer }[] = [];
      for (const name of tables) {
        const rows = (await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`)).rows;
        contents.push({ name, bytes: Buffer.from(rows.map((r) => r.row).join('\n')) });
      }
      return contents;
    });
  }
  return readdirSync(dataDir).filter((name) => name.startsWith('xengraph.db')).map((name) => ({ name, bytes: readFileSync(join(dataDir, name)) }));
}
