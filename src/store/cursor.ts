// Opaque keyset cursors: base64url of [ordering key, sort value, id]. The ordering key makes a cursor from one
// ordering unusable with another, instead of silently paging from a meaningless position.
import { InvalidCursorError } from './errors.js';

export type SortValue = string | number;

export function encodeCursor(orderingKey: string, value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([orderingKey, value, id]), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string,
  orderingKey: string,
  valueKind: 'string' | 'number',
): { value: SortValue; id: string } {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError(cursor, 'not base64url');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor, 'undecodable');
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw new InvalidCursorError(cursor, 'wrong shape');
  const [key, value, id] = decoded as unknown[];
  if (key !== orderingKey) throw new InvalidCursorError(cursor, `made for another ordering than ${orderingKey}`);
  const valueOk = valueKind === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string';
  if (!valueOk || typeof id !== 'string') throw new InvalidCursorError(cursor, 'wrong shape');
  return { value: value as SortValue, id };
}
