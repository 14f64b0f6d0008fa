// Rows of a whole-table select, decoded from the driver's value arrays column by column. drizzle's own mapping
// re-inspects every selected field of every row (its kind, its path in the result); a listing of a thousand
// rows then spends as long mapping as SQLite spends reading. The table's columns are what is selected, in
// their declared order, so the decoding plan is made once per table.
import { getTableColumns, type Table } from 'drizzle-orm';

type Decode = (values: readonly unknown[]) => unknown;

const decoders = new WeakMap<Table, Decode>();

export function tableRowDecoder(table: Table): Decode {
  let decode = decoders.get(table);
  if (!decode) decoders.set(table, (decode = planFor(table)));
  return decode;
}

function planFor(table: Table): Decode {
  const columns = Object.entries(getTableColumns(table));
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
