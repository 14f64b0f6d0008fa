// Many rows into one table within a transaction: one prepared INSERT … RETURNING per table and column set, run
// once per row. drizzle builds a multi-row insert's SQL and parameters value by value, which took longer than
// SQLite's own work when a pool's first mirroring inserted ten thousand instances. Values go through each
// column's own driver mapping and client-side default, as drizzle's insert would send them.
import type { Database, Statement } from 'better-sqlite3';
import { getTableColumns, getTableName, type Column, type Table } from 'drizzle-orm';
import { tableRowDecoder } from '../row-decoder.js';

export type RowInserter = (table: Table, rows: readonly Record<string, unknown>[]) => unknown[];

export function rowInserter(client: Database): RowInserter {
  const statements = new Map<string, Statement>();

  const statementFor = (table: Table, columns: readonly Column[]): Statement => {
    const key = `${getTableName(table)}\u0000${columns.map((column) => column.name).join()}`;
    let statement = statements.get(key);
    if (!statement) {
      const names = columns.map((column) => `"${column.name}"`).join(', ');
      const slots = columns.map(() => '?').join(', ');
      // Every column back, in the order the decoder reads them (migrations may have added some at the end).
      const returning = Object.values(getTableColumns(table)).map((column) => `"${column.name}"`).join(', ');
      statement = client.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${slots}) RETURNING ${returning}`).raw(true);
      statements.set(key, statement);
    }
    return statement;
  };

  return (table, rows) => {
    if (rows.length === 0) return [];
    // The columns given a value, or filled by a client-side default; the rest take the database's default.
    const entries = Object.entries(getTableColumns(table))
      .filter(([key, column]) => rows[0]![key] !== undefined || column.defaultFn !== undefined);
    const statement = statementFor(table, entries.map(([, column]) => column));
    const decode = tableRowDecoder(table);
    return rows.map((row) => decode(statement.get(entries.map(([key, column]) => {
      const value = row[key] === undefined ? column.defaultFn?.() : row[key];
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    })) as unknown[]));
  };
}
