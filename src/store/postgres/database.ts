// Connects to PostgreSQL through a node-postgres pool and applies the committed migrations under db/postgres.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';
import { projectFile } from '../../project-files.js';

export type PostgresDb = NodePgDatabase<typeof schema>;

export interface OpenPostgresDatabase {
  readonly db: PostgresDb;
  /** SQL statements run through drizzle since connecting (migrations included). */
  queryCount(): number;
  /** Ends the pool's connections; safe to call twice. */
  close(): Promise<void>;
}

/** Resolved from this file, so the app finds its migrations whatever the working directory. */
export const POSTGRES_MIGRATIONS_FOLDER = projectFile('db', 'postgres');

export async function openPostgresDatabase(url: string): Promise<OpenPostgresDatabase> {
  // One connection, as SQLite has: statements run in the order they were issued, which callers rely on (a
  // progress write never lands after the final one that was issued later). Other processes use their own.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let statements = 0;
  const db = drizzle(pool, { schema, logger: { logQuery: () => { statements += 1; } } });
  try {
    await migrate(db, { migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  return {
    db,
    queryCount: () => statements,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
