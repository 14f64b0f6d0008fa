import { and, eq, gte, lt, or } from 'drizzle-orm';
import type { Runner } from '../program.js';
import type { leases } from '../schema.js';
import type { LeaseRepository } from '../types.js';

export function leaseRepository(r: Runner): LeaseRepository {
  const { db, t: { leases } } = r;
  class DrizzleLeaseRepository implements LeaseRepository {

    async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
      const now = Date.now();
      const expiresAt = new Date(now + ttlMs);
      // One statement: insert, or take over a lease that is ours or has expired; anyone else's live lease stays.
      const row = (await r.first(db.insert(leases).values({ name, holder, expiresAt })
        .onConflictDoUpdate({
          target: leases.name,
          set: { holder, expiresAt },
          setWhere: or(eq(leases.holder, holder), lt(leases.expiresAt, new Date(now))),
        })
        .returning()));
      return row?.holder === holder;
    }

    async release(name: string, holder: string): Promise<void> {
      await r.changes(db.delete(leases).where(and(eq(leases.name, name), eq(leases.holder, holder))));
    }

    async renewAll(holder: string, ttlMs: number): Promise<void> {
      const now = Date.now();
      // A lease that already expired may have been taken over meanwhile (or is about to be): it stays lost.
      await r.changes(db.update(leases).set({ expiresAt: new Date(now + ttlMs) })
        .where(and(eq(leases.holder, holder), gte(leases.expiresAt, new Date(now)))));
    }
  }
  return new DrizzleLeaseRepository();
}
