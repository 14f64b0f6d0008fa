import { and, eq, lt, or } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { leases } from '../schema.js';
import type { LeaseRepository } from '../types.js';

export class SqliteLeaseRepository implements LeaseRepository {
  constructor(private readonly db: SqliteDb) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const expiresAt = new Date(now + ttlMs);
    // One statement: insert, or take over a lease that is ours or has expired; anyone else's live lease stays.
    const row = this.db.insert(leases).values({ name, holder, expiresAt })
      .onConflictDoUpdate({
        target: leases.name,
        set: { holder, expiresAt },
        setWhere: or(eq(leases.holder, holder), lt(leases.expiresAt, new Date(now))),
      })
      .returning().get();
    return row?.holder === holder;
  }

  async release(name: string, holder: string): Promise<void> {
    this.db.delete(leases).where(and(eq(leases.name, name), eq(leases.holder, holder))).run();
  }
}
