// The store a test opens: in-memory SQLite, or a fresh PostgreSQL database when the run is on PostgreSQL.
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

/**
 * Rows per table of a test server's database (its drizzle bookkeeping left out), read beside the server on a
 * connection of its own, whichever dialect the run uses.
 */
export async function tableRowCounts(databaseUrl: string): Promise<Record<string, number>> {
  if (/^postgres(ql)?:/.test(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const tables = (await client.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '__drizzle%' ORDER BY tablename",
      )).rows;
      const counts: [string, number][] = [];
      for (const { name } of tables) counts.push([name, Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`)).rows[0]!.n)]);
      return Object.fromEntries(counts);
    } finally {
      await client.end();
    }
  }
  const db = new Database(new URL(databaseUrl).pathname, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[])
      .map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}
