// Which dialect a DATABASE_URL names, decided without loading either dialect's driver.

/** A `postgres://` or `postgresql://` URL names PostgreSQL; anything else is a SQLite location. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
