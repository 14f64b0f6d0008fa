// The store a test opens: in-memory SQLite, or a fresh PostgreSQL database when the run is on PostgreSQL.
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
