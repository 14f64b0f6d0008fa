// Keyset paging over one sort column plus the id as tie-breaker, in the shape resolveCursorConnection wants.
import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { decodeCursor, encodeCursor, type SortValue } from '../cursor.js';
import type { PageWindow, SortDirection } from '../types.js';

export interface Keyset<T> {
  /** Written into cursors; a cursor is only valid for the keyset with the same key. */
  readonly key: string;
  readonly column: AnySQLiteColumn;
  readonly idColumn: AnySQLiteColumn;
  /** Timestamps travel in cursors as epoch milliseconds and are compared as the column's own type. */
  readonly valueKind: 'string' | 'number' | 'timestamp';
  readonly direction: SortDirection;
  /** The item's sort value as stored (dates as epoch milliseconds). */
  readonly valueOf: (item: T) => SortValue;
}

export function keysetCursor<T extends { id: string }>(keyset: Keyset<T>, item: T): string {
  return encodeCursor(keyset.key, keyset.valueOf(item), item.id);
}

/** Rows strictly after (or before) a cursor in the keyset's direction. */
function beyond<T>(keyset: Keyset<T>, cursor: string, side: 'after' | 'before'): SQL {
  const { value, id } = decodeCursor(cursor, keyset.key, keyset.valueKind === 'string' ? 'string' : 'number');
  const greater = (side === 'after') === (keyset.direction === 'ASC');
  const row = sql`(${keyset.column}, ${keyset.idColumn})`;
  // Bound through the column, so each dialect stores the value as it stores the column's.
  const bound = sql.param(keyset.valueKind === 'timestamp' ? new Date(value) : value, keyset.column);
  return greater ? sql`${row} > (${bound}, ${id})` : sql`${row} < (${bound}, ${id})`;
}

export interface KeysetPage {
  readonly where: SQL | undefined;
  readonly orderBy: SQL[];
  readonly limit: number;
}

/** Conditions, order and limit for one window; `filter` is ANDed in. Throws InvalidCursorError. */
export function keysetPage<T>(keyset: Keyset<T>, window: PageWindow, filter?: SQL): KeysetPage {
  const bounds = [
    filter,
    window.after === undefined ? undefined : beyond(keyset, window.after, 'after'),
    window.before === undefined ? undefined : beyond(keyset, window.before, 'before'),
  ];
  const ascending = (keyset.direction === 'ASC') !== window.inverted;
  const by = ascending ? asc : desc;
  return {
    where: and(...bounds),
    orderBy: [by(keyset.column), by(keyset.idColumn)],
    limit: Math.max(0, Math.floor(window.limit)),
  };
}
