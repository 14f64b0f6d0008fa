// Recognises unique-constraint failures of either dialect, whether the driver threw them directly or drizzle
// wrapped them, as the violated `table.column` list (SQLite's wording), so repositories map them to domain errors once.

/** PostgreSQL's SQLSTATE for unique_violation. */
const PG_UNIQUE_VIOLATION = '23505';

export function uniqueViolation(error: unknown): string | null {
  for (let e = error; e instanceof Error; e = e.cause) {
    const { code, table, detail } = e as { code?: unknown; table?: unknown; detail?: unknown };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      // "UNIQUE constraint failed: operations.requested_by, operations.idempotency_key"
      return e.message.replace(/^UNIQUE constraint failed: /, '');
    }
    if (code === PG_UNIQUE_VIOLATION && typeof table === 'string' && typeof detail === 'string') {
      // "Key (requested_by, idempotency_key)=(u, k) already exists."
      const columns = /^Key \(([^)]*)\)=/.exec(detail)?.[1]?.split(', ') ?? [];
      return columns.map((column) => `${table}.${column}`).join(', ');
    }
  }
  return null;
}
