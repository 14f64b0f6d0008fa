import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { pools } from '../schema.js';
import type { Pool, PoolInput, PoolRepository } from '../types.js';

type PoolRow = typeof pools.$inferSelect;

export function toPool(row: PoolRow): Pool {
  return {
    id: row.id, uuid: row.uuid, name: row.name, masterUrl: row.masterUrl,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export class SqlitePoolRepository implements PoolRepository {
  constructor(private readonly db: SqliteDb) {}

  async upsert(input: PoolInput): Promise<Pool> {
    return this.db.transaction((tx) => {
      const existing = tx.select().from(pools).where(eq(pools.uuid, input.uuid)).get();
      if (!existing) {
        return toPool(tx.insert(pools).values({ id: randomUUID(), ...input }).returning().get());
      }
      if (existing.name === input.name && existing.masterUrl === input.masterUrl) return toPool(existing);
      return toPool(tx.update(pools)
        .set({ name: input.name, masterUrl: input.masterUrl, updatedAt: new Date() })
        .where(eq(pools.id, existing.id)).returning().get());
    }, { behavior: 'immediate' });
  }

  async get(id: string): Promise<Pool | null> {
    const row = this.db.select().from(pools).where(eq(pools.id, id)).get();
    return row ? toPool(row) : null;
  }

  async getByUuid(uuid: string): Promise<Pool | null> {
    const row = this.db.select().from(pools).where(eq(pools.uuid, uuid)).get();
    return row ? toPool(row) : null;
  }

  async list(): Promise<Pool[]> {
    return this.db.select().from(pools).orderBy(asc(pools.name), asc(pools.id)).all().map(toPool);
  }
}
