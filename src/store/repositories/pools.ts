import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { first, one, type Runner } from '../program.js';
import type { pools } from '../schema.js';
import type { Pool, PoolInput, PoolRepository } from '../types.js';

type PoolRow = typeof pools.$inferSelect;

export function toPool(row: PoolRow): Pool {
  return {
    id: row.id, uuid: row.uuid, name: row.name, masterUrl: row.masterUrl,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function poolRepository(r: Runner): PoolRepository {
  const { db, t: { pools } } = r;
  class DrizzlePoolRepository implements PoolRepository {

    async upsert(input: PoolInput): Promise<Pool> {
      return r.transaction(function* (tx) {
        const existing = (yield* first(tx.select().from(pools).where(eq(pools.uuid, input.uuid))));
        if (!existing) {
          return toPool((yield* one(tx.insert(pools).values({ id: randomUUID(), ...input }).returning())));
        }
        if (existing.name === input.name && existing.masterUrl === input.masterUrl) return toPool(existing);
        return toPool((yield* one(tx.update(pools)
          .set({ name: input.name, masterUrl: input.masterUrl, updatedAt: new Date() })
          .where(eq(pools.id, existing.id)).returning())));
      });
    }

    async get(id: string): Promise<Pool | null> {
      const row = (await r.first(db.select().from(pools).where(eq(pools.id, id))));
      return row ? toPool(row) : null;
    }

    async getByUuid(uuid: string): Promise<Pool | null> {
      const row = (await r.first(db.select().from(pools).where(eq(pools.uuid, uuid))));
      return row ? toPool(row) : null;
    }

    async list(): Promise<Pool[]> {
      return (await r.all(db.select().from(pools).orderBy(asc(pools.name), asc(pools.id)))).map(toPool);
    }
  }
  return new DrizzlePoolRepository();
}
