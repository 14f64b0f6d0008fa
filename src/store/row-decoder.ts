// Rows of a table select, decoded from the driver's value arrays column by column. drizzle's own mapping
// re-inspects every selected field of every row (its kind, its path in the result); a listing of a thousand
// rows then spends as long mapping as SQLite spends reading. What is selected is the table's columns in their
// declared order, or the columns named by keys in that order, so the decoding plan is made once per selection.
import { getTableColumns, type Table } from 'drizzle-orm';

type Decode = (values: readonly unknown[]) => unknown;

const decoders = new WeakMap<Table, Map<string, Decode>>();

export function tableRowDecoder(table: Table, keys?: readonly string[]): Decode {
  let byKeys = decoders.get(table);
  if (!byKeys) decoders.set(table, (byKeys = new Map()));
  const selection = keys?.join() ?? '';
  let decode = byKeys.get(selection);
  if (!decode) byKeys.set(selection, (decode = planFor(table, keys)));
  return decode;
}

function planFor(table: Table, keys: readonly string[] | undefined): Decode {
  const all = getTableColumns(table);
  const columns = keys ? keys.map((key) => [key, all[key]!] as const) : Object.entries(all);
  return (values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i += 1) {
      const [key, column] = columns[i]!;
      const value = values[i];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row;
  };
}
