import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { aggregateHosts, aggregates } from '../schema.js';
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

const BY_NAME: Keyset<Aggregate> = {
  key: 'aggregate.name', column: aggregates.name, idColumn: aggregates.id, valueKind: 'string', direction: 'ASC',
  valueOf: (aggregate) => aggregate.name,
};

export class SqliteAggregateRepository implements AggregateRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(id: string): Promise<Aggregate | null> {
    const row = this.db.select().from(aggregates).where(eq(aggregates.id, id)).get();
    return row ? toAggregate(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<(Aggregate | null)[]> {
    return loadInInputOrder(ids, aggregates.id, (where) => this.db.select().from(aggregates).where(where).all(), toAggregate);
  }

  async create(input: NewAggregate): Promise<Aggregate> {
    return toAggregate(this.db.insert(aggregates).values({ id: randomUUID(), ...input }).returning().get());
  }

  async update(id: string, patch: AggregatePatch): Promise<Aggregate | null> {
    const row = this.db.update(aggregates).set({ ...patch, updatedAt: new Date() })
      .where(eq(aggregates.id, id)).returning().get();
    return row ? toAggregate(row) : null;
  }

  async getByName(name: string): Promise<Aggregate | null> {
    const row = this.db.select().from(aggregates).where(eq(aggregates.name, name)).get();
    return row ? toAggregate(row) : null;
  }

  async change(id: string, change: AggregateChange, from?: readonly AggregatePoolState[]): Promise<Aggregate | null> {
    return this.db.transaction((tx) => {
      const row = tx.select().from(aggregates).where(eq(aggregates.id, id)).get();
      if (!row || (from && !from.includes(row.poolState as AggregatePoolState))) return null;
      const metadata = { ...row.metadata, ...change.set };
      for (const key of change.remove ?? []) delete metadata[key];
      return toAggregate(tx.update(aggregates)
        .set({ metadata, ...(change.poolState ? { poolState: change.poolState } : {}), updatedAt: new Date() })
        .where(eq(aggregates.id, id)).returning().get());
    }, { behavior: 'immediate' });
  }

  async delete(id: string): Promise<boolean> {
    return this.db.transaction((tx) => {
      const members = tx.select({ n: count() }).from(aggregateHosts).where(eq(aggregateHosts.aggregateId, id)).get()?.n ?? 0;
      if (members > 0) return false;
      return tx.delete(aggregates).where(eq(aggregates.id, id)).run().changes > 0;
    }, { behavior: 'immediate' });
  }

  async addHost(aggregateId: string, hostId: string): Promise<boolean> {
    const result = this.db.insert(aggregateHosts).values({ aggregateId, hostId }).onConflictDoNothing().run();
    return result.changes > 0;
  }

  async removeHost(aggregateId: string, hostId: string): Promise<boolean> {
    const result = this.db.delete(aggregateHosts)
      .where(and(eq(aggregateHosts.aggregateId, aggregateId), eq(aggregateHosts.hostId, hostId))).run();
    return result.changes > 0;
  }

  async hostIds(aggregateId: string): Promise<string[]> {
    return this.db.select({ hostId: aggregateHosts.hostId }).from(aggregateHosts)
      .where(eq(aggregateHosts.aggregateId, aggregateId)).orderBy(asc(aggregateHosts.hostId)).all()
      .map((row) => row.hostId);
  }

  async list(filter: AggregateFilter, window: PageWindow): Promise<Aggregate[]> {
    const page = keysetPage(BY_NAME, window, this.conditions(filter));
    return this.db.select().from(aggregates).where(page.where).orderBy(...page.orderBy).limit(page.limit).all()
      .map(toAggregate);
  }

  async count(filter: AggregateFilter): Promise<number> {
    return this.db.select({ n: count() }).from(aggregates).where(this.conditions(filter)).get()?.n ?? 0;
  }

  cursorOf(aggregate: Aggregate): string {
    return keysetCursor(BY_NAME, aggregate);
  }

  private conditions(filter: AggregateFilter): SQL | undefined {
    if (filter.hostId === undefined) return undefined;
    return inArray(aggregates.id, this.db.select({ id: aggregateHosts.aggregateId }).from(aggregateHosts)
      .where(eq(aggregateHosts.hostId, filter.hostId)));
  }
}
