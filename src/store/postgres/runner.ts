// Runs repository queries on node-postgres. A transaction first takes one advisory lock, so store transactions
// run one at a time as they do under SQLite's writer lock (a read-then-write, like the next instance serial,
// cannot interleave with another); reads outside transactions run concurrently.
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { driveAsync, type Db, type DialectSql, type Instruction, type Runner, type RowsToInsert } from '../program.js';
import type { PostgresDb } from './database.js';
import { postgresTables } from './tables.js';

/** Any number, the same in every xengraph process sharing the database. */
const STORE_TRANSACTION_LOCK = 0x78656e67;

type Transaction = Parameters<Parameters<PostgresDb['transaction']>[0]>[0];

/** Many rows in one multi-row insert: node-postgres sends it as one statement. */
async function insertedRows(tx: Transaction, { table, rows }: RowsToInsert): Promise<unknown[]> {
  return tx.insert(table as unknown as PgTable).values([...rows]).returning();
}

async function answer({ want, query }: Instruction): Promise<unknown> {
  const result = await (query as PromiseLike<unknown>);
  if (want === 'changes') return (result as { rowCount: number | null }).rowCount ?? 0;
  const rows = result as unknown[];
  return want === 'all' ? rows : rows[0];
}

const postgresSql: DialectSql = {
  jsonText: (column, key) => sql`(${column} ->> ${key})`,
  // strpos() rather than ILIKE, so '%' and '_' in the search text mean themselves.
  containsIgnoringCase: (column, needle) => sql`strpos(lower(${column}), lower(${needle})) > 0`,
  // PostgreSQL keeps no insertion order; within one millisecond the id decides.
  insertionOrder: sql`1`,
};

let statementNames = 0;

export function postgresRunner(pgDb: PostgresDb): Runner {
  // The shared repositories build their queries through SQLite's types; see tables.ts for why that holds.
  const db = pgDb as unknown as Db;
  return {
    db,
    t: postgresTables,
    sql: postgresSql,
    all: async (query) => answer({ want: 'all', query }) as Promise<never>,
    // node-postgres decodes as it reads; drizzle's mapping is what is left, and it stays.
    tableRows: async (query) => answer({ want: 'all', query }) as Promise<never>,
    first: async (query) => answer({ want: 'first', query }) as Promise<never>,
    changes: async (query) => answer({ want: 'changes', query }) as Promise<number>,
    prepared: (query) => {
      const name = `xengraph_${statementNames += 1}`;
      const statement = (query as unknown as { prepare(name: string): { execute(p: Record<string, unknown>): Promise<unknown[]> } }).prepare(name);
      return async (placeholders) => (await statement.execute(placeholders))[0] as never;
    },
    transaction: (program) => pgDb.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${STORE_TRANSACTION_LOCK})`);
      return driveAsync(program(tx as unknown as Db), (instruction) => instruction.want === 'insertRows'
        ? insertedRows(tx, instruction.query as RowsToInsert)
        : answer(instruction));
    }),
  };
}
