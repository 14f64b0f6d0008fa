// Repositories are written once for both dialects. Their queries are drizzle builders over the dialect's tables
// (typed as SQLite's: PostgreSQL's tables have the same row shapes, checked in postgres/tables.ts), handed to a
// Runner that executes them the dialect's way. Work that must be atomic is a generator "program" that yields its
// queries: SQLite runs it synchronously inside one immediate transaction, PostgreSQL awaits each query inside its
// own transaction. Only the terminal step of a query (rows, first row, rows changed) differs between the drivers.
import type { SQL, Table } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { SqliteDb } from './database.js';
import type { Tables } from './tables.js';

/** The query builder repositories write against (the dialect's own at run time). */
export type Db = Pick<SqliteDb, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete'>;

/** What a query's caller wants of it. */
export type Want = 'all' | 'first' | 'changes' | 'insertRows';

export interface Instruction {
  readonly want: Want;
  readonly query: unknown;
}

export type Program<T> = Generator<Instruction, T, unknown>;

/** Every row the query returns. */
export function* all<R>(query: { all(): R[] }): Program<R[]> {
  return (yield { want: 'all', query }) as R[];
}

/** The query's first row, if any. */
export function* first<R>(query: { get(): R | undefined }): Program<R | undefined> {
  return (yield { want: 'first', query }) as R | undefined;
}

/** How many rows a write touched. */
export function* changes(query: { run(): unknown }): Program<number> {
  return (yield { want: 'changes', query }) as number;
}

/** The rows of one table to insert, in an instruction of their own: each dialect inserts many its fastest way. */
export interface RowsToInsert {
  readonly table: Table;
  readonly rows: readonly Record<string, unknown>[];
}

/** Inserts rows (all giving the same fields) into `table`, answering them as stored, defaults filled. */
export function* insertRows<R>(table: Table, rows: readonly Record<string, unknown>[]): Program<R[]> {
  return (yield { want: 'insertRows', query: { table, rows } satisfies RowsToInsert }) as R[];
}

/** SQL whose spelling differs between the dialects. */
export interface DialectSql {
  /** The text under `key` of a JSON object column. */
  jsonText(column: AnySQLiteColumn, key: string): SQL;
  /** True when `column` contains `needle`, ignoring case; '%' and '_' in the needle mean themselves. */
  containsIgnoringCase(column: AnySQLiteColumn, needle: string): SQL;
  /** Sorts rows in the order they were inserted, where the dialect knows it. */
  readonly insertionOrder: SQL;
}

export interface Runner {
  readonly db: Db;
  readonly t: Tables;
  readonly sql: DialectSql;
  all<R>(query: { all(): R[] }): Promise<R[]>;
  /**
   * Every row of a select of `table`'s columns (all of them, or those named by `keys`, in that order); the same
   * rows as `all`, decoded the fast way where the dialect can.
   */
  tableRows<R>(query: { all(): R[] }, table: Table, keys?: readonly string[]): Promise<R[]>;
  first<R>(query: { get(): R | undefined }): Promise<R | undefined>;
  changes(query: { run(): unknown }): Promise<number>;
  /** A select with named placeholders, prepared once; each call answers its first row. */
  prepared<R>(query: { prepare(): { get(placeholders?: Record<string, unknown>): R | undefined } }):
    (placeholders: Record<string, unknown>) => Promise<R | undefined>;
  /** Runs `program` as one transaction that no other writer interleaves with; a throw rolls it back. */
  transaction<T>(program: (db: Db) => Program<T>): Promise<T>;
}

/** Runs a program to its end, answering each instruction synchronously. */
export function driveSync<T>(program: Program<T>, answer: (instruction: Instruction) => unknown): T {
  let step = program.next();
  while (!step.done) {
    let value: unknown;
    try {
      value = answer(step.value);
    } catch (error) {
      step = program.throw(error);
      continue;
    }
    step = program.next(value);
  }
  return step.value;
}

/** Runs a program to its end, awaiting the answer to each instruction. */
export async function driveAsync<T>(program: Program<T>, answer: (instruction: Instruction) => Promise<unknown>): Promise<T> {
  let step = program.next();
  while (!step.done) {
    let value: unknown;
    try {
      value = await answer(step.value);
    } catch (error) {
      step = program.throw(error);
      continue;
    }
    step = program.next(value);
  }
  return step.value;
}

/** The row a write's `returning()` gives back, which must be there. */
export function* one<R>(query: { get(): R | undefined }): Program<R> {
  return present(yield* first(query));
}

export function present<R>(row: R | undefined): R {
  if (row === undefined) throw new Error('the statement returned no row');
  return row;
}
