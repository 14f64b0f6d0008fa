// Runs repository queries on better-sqlite3: every step is synchronous, so a transaction is one uninterrupted
// piece of work under SQLite's immediate (writer) lock.
import { sql, type Table } from 'drizzle-orm';
import type { RunResult } from 'better-sqlite3';
import type { SqliteDb } from '../database.js';
import { driveSync, type DialectSql, type Instruction, type Runner, type RowsToInsert } from '../program.js';
import { tableRowDecoder } from '../row-decoder.js';
import { rowInserter, type RowInserter } from './row-inserts.js';
import { sqliteTables } from '../tables.js';

type SyncQuery = { all(): unknown[]; get(): unknown; run(): RunResult };

function answerWith(insert: RowInserter): (instruction: Instruction) => unknown {
  return ({ want, query }) => {
    if (want === 'insertRows') return insert((query as RowsToInsert).table, (query as RowsToInsert).rows);
    const q = query as SyncQuery;
    if (want === 'all') return q.all();
    if (want === 'first') return q.get();
    return q.run().changes;
  };
}

const sqliteSql: DialectSql = {
  jsonText: (column, key) => sql`json_extract(${column}, ${`$."${key}"`})`,
  // instr() rather than LIKE, so '%' and '_' in the search text mean themselves.
  containsIgnoringCase: (column, needle) => sql`instr(lower(${column}), lower(${needle})) > 0`,
  insertionOrder: sql`rowid`,
};

export function sqliteRunner(db: SqliteDb): Runner {
  const answer = answerWith(rowInserter(db.$client));
  return {
    db,
    t: sqliteTables,
    sql: sqliteSql,
    all: async (query) => query.all(),
    tableRows: async <R>(query: { all(): R[] }, table: Table, keys?: readonly string[]) =>
      (query as unknown as { values(): unknown[][] }).values().map(tableRowDecoder(table, keys)) as R[],
    first: async (query) => query.get(),
    changes: async (query) => answer({ want: 'changes', query }) as number,
    prepared: (query) => {
      const statement = query.prepare();
      return async (placeholders) => statement.get(placeholders);
    },
    transaction: async (program) => db.transaction((tx) => driveSync(program(tx), answer), { behavior: 'immediate' }),
  };
}
