// Opens the SQLite database, sets the per-connection pragmas and applies the committed migrations.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';
import { projectFile } from '../project-files.js';

export type SqliteDb = BetterSQLite3Database<typeof schema> & { readonly $client: Database.Database };

export interface OpenDatabase {
  readonly db: SqliteDb;
  readonly sqlite: Database.Database;
  /** SQL statements run through drizzle since opening (migrations included). */
  queryCount(): number;
  /** Checkpoints the WAL into the main file and closes; safe to call twice. */
  close(): void;
}

/** Resolved from this file, so the app finds its migrations whatever the working directory. */
export const MIGRATIONS_FOLDER = projectFile('db', 'sqlite');

const MEMORY = ':memory:';

/** `file:./data/x.db`, `file:///abs/x.db`, a plain path, or `:memory:` → what better-sqlite3 opens. */
export function databaseLocation(url: string): string {
  if (url === MEMORY || url === 'file::memory:') return MEMORY;
  if (url.startsWith('file://')) return fileURLToPath(url);
  if (url.startsWith('file:')) return url.slice('file:'.length).split('?')[0];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new Error(`DATABASE_URL ${url}: not a SQLite database (file:path, a path, or :memory:)`);
  }
  return url;
}

export function openDatabase(url: string): OpenDatabase {
  const location = databaseLocation(url);
  if (location === '') throw new Error(`DATABASE_URL ${url}: no file path`);
  const inMemory = location === MEMORY;
  if (!inMemory) mkdirSync(dirname(resolve(location)), { recursive: true });

  const sqlite = new Database(location);
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  // Off by default in SQLite and per connection, so it is set every time.
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');

  let statements = 0;
  const db = drizzle(sqlite, { schema, logger: { logQuery: () => { statements += 1; } } });
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    sqlite.close();
    throw error;
  }

  return {
    db,
    sqlite,
    queryCount: () => statements,
    close() {
      if (!sqlite.open) return;
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}
