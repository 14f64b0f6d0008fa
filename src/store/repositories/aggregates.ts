import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import { changes, first, present, one, type Runner } from '../program.js';
import type { aggregateHosts, aggregates } from '../schema.js';
import type {
  Aggregate, AggregateChange, AggregateFilter, AggregatePatch, AggregatePoolState, AggregateRepository, NewAggregate,
  PageWindow,
} from '../types.js';
import { loadInInputOrder } from './batch.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type AggregateRow = typeof aggregates.$inferSelect;

export function toAggregate(row: AggregateRow): Aggregate {
  return {
    id: row.id, name: row.name, availabilityZone: row.availabilityZone,
    poolState: row.poolState as AggregatePoolState, metadata: row.metadata,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function aggregateRepository(r: Runner): AggregateRepository {
  const { db, t: { aggregateHosts, aggregates } } = r;
  const BY_NAME: Keyset<Aggregate> = {
    key: 'aggregate.name', column: aggregates.name, idColumn: aggregates.id, valueKind: 'string', direction: 'ASC',
    valueOf: (aggregate) => aggregate.name,
  };

  class DrizzleAggregateRepository implements AggregateRepository {

    async get(id: string): Promise<Aggregate | null> {
      const row = (await r.first(db.select().from(aggregates).where(eq(aggregates.id, id))));
      return row ? toAggregate(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(Aggregate | null)[]> {
      return loadInInputOrder(ids, aggregates.id, (where) => (r.all(db.select().from(aggregates).where(where))), toAggregate);
    }

    async create(input: NewAggregate): Promise<Aggregate> {
      return toAggregate(present(await r.first(db.insert(aggregates).values({ id: randomUUID(), ...input }).returning())));
    }

    async update(id: string, patch: AggregatePatch): Promise<Aggregate | null> {
      const row = (await r.first(db.update(aggregates).set({ ...patch, updatedAt: new Date() })
        .where(eq(aggregates.id, id)).returning()));
      return row ? toAggregate(row) : null;
    }

    async getByName(name: string): Promise<Aggregate | null> {
      const row = (await r.first(db.select().from(aggregates).where(eq(aggregates.name, name))));
      return row ? toAggregate(row) : null;
    }

    async change(id: string, change: AggregateChange, from?: readonly AggregatePoolState[]): Promise<Aggregate | null> {
      return r.transaction(function* (tx) {
        const row = (yield* first(tx.select().from(aggregates).where(eq(aggregates.id, id))));
        if (!row || (from && !from.includes(row.poolState as AggregatePoolState))) return null;
        const metadata = { ...row.metadata, ...change.set };
        for (const key of change.remove ?? []) delete metadata[key];
        return toAggregate((yield* one(tx.update(aggregates)
          .set({ metadata, ...(change.poolState ? { poolState: change.poolState } : {}), updatedAt: new Date() })
          .where(eq(aggregates.id, id)).returning())));
      });
    }

    async delete(id: string): Promise<boolean> {
      return r.transaction(function* (tx) {
        const members = (yield* first(tx.select({ n: count() }).from(aggregateHosts).where(eq(aggregateHosts.aggregateId, id))))?.n ?? 0;
        if (members > 0) return false;
        return (yield* changes(tx.delete(aggregates).where(eq(aggregates.id, id)))) > 0;
      });
    }

    async addHost(aggregateId: string, hostId: string): Promise<boolean> {
      const result = (await r.changes(db.insert(aggregateHosts).values({ aggregateId, hostId }).onConflictDoNothing()));
      return result> 0;
    }

    async removeHost(aggregateId: string, hostId: string): Promise<boolean> {
      const result = (await r.changes(db.delete(aggregateHosts)
        .where(and(eq(aggregateHosts.aggregateId, aggregateId), eq(aggregateHosts.hostId, hostId)))));
      return result> 0;
    }

    async hostIds(aggregateId: string): Promise<string[]> {
      return (await r.all(db.select({ hostId: aggregateHosts.hostId }).from(aggregateHosts)
        .where(eq(aggregateHosts.aggregateId, aggregateId)).orderBy(asc(aggregateHosts.hostId))))
        .map((row) => row.hostId);
    }

    async list(filter: AggregateFilter, window: PageWindow): Promise<Aggregate[]> {
      const page = keysetPage(BY_NAME, window, this.conditions(filter));
      return (await r.all(db.select().from(aggregates).where(page.where).orderBy(...page.orderBy).limit(page.limit)))
        .map(toAggregate);
    }

    async count(filter: AggregateFilter): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(aggregates).where(this.conditions(filter))))?.n ?? 0;
    }

    cursorOf(aggregate: Aggregate): string {
      return keysetCursor(BY_NAME, aggregate);
    }

    private conditions(filter: AggregateFilter): SQL | undefined {
      if (filter.hostId === undefined) return undefined;
      return inArray(aggregates.id, db.select({ id: aggregateHosts.aggregateId }).from(aggregateHosts)
        .where(eq(aggregateHosts.hostId, filter.hostId)));
    }
  }
  return new DrizzleAggregateRepository();
}
