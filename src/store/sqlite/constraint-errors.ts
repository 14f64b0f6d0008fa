// Recognises SQLite constraint failures, whether better-sqlite3 threw them directly or drizzle wrapped them.

export function uniqueViolation(error: unknown): string | null {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      // "UNIQUE constraint failed: operations.requested_by, operations.idempotency_key"
      return e.message.replace(/^UNIQUE constraint failed: /, '');
    }
  }
  return null;
}
