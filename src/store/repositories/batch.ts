// Batched lookups by id for dataloaders: one query per chunk, answers in the caller's order.
import { inArray, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

// Well under SQLite's bound-parameter limit, whatever the build (and PostgreSQL's).
const CHUNK = 500;

export async function loadInInputOrder<Row extends { id: string }, T>(
  ids: readonly string[],
  idColumn: AnySQLiteColumn,
  fetch: (where: SQL) => Promise<Row[]>,
  toDomain: (row: Row) => T,
  /** The lookup of one id, a prepared statement: what a dataloader of one request or event asks most. */
  fetchOne?: (id: string) => Promise<Row | undefined>,
): Promise<(T | null)[]> {
  if (fetchOne && ids.length === 1) {
    const row = await fetchOne(ids[0]!);
    return [row ? toDomain(row) : null];
  }
  const unique = [...new Set(ids)];
  const found = new Map<string, T>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    for (const row of await fetch(inArray(idColumn, unique.slice(i, i + CHUNK)))) found.set(row.id, toDomain(row));
  }
  return ids.map((id) => found.get(id) ?? null);
}
