import { randomUUID } from 'node:crypto';
import { count, eq, type SQL } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { flavors } from '../schema.js';
import type { Flavor, FlavorFilter, FlavorInput, FlavorRepository, PageWindow } from '../types.js';
import { loadInInputOrder } from './batch.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type FlavorRow = typeof flavors.$inferSelect;

export function toFlavor(row: FlavorRow): Flavor {
  return {
    id: row.id, name: row.name, vcpus: row.vcpus, memoryMb: row.memoryMb, rootGb: row.rootGb,
    ephemeralGb: row.ephemeralGb, swapMb: row.swapMb, isPublic: row.isPublic, extraSpecs: row.extraSpecs,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

const BY_MEMORY: Keyset<Flavor> = {
  key: 'flavor.memoryMb', column: flavors.memoryMb, idColumn: flavors.id, valueKind: 'number', direction: 'ASC',
  valueOf: (flavor) => flavor.memoryMb,
};

export class SqliteFlavorRepository implements FlavorRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(id: string): Promise<Flavor | null> {
    const row = this.db.select().from(flavors).where(eq(flavors.id, id)).get();
    return row ? toFlavor(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<(Flavor | null)[]> {
    return loadInInputOrder(ids, flavors.id, (where) => this.db.select().from(flavors).where(where).all(), toFlavor);
  }

  async getByName(name: string): Promise<Flavor | null> {
    const row = this.db.select().from(flavors).where(eq(flavors.name, name)).get();
    return row ? toFlavor(row) : null;
  }

  async create(input: FlavorInput): Promise<Flavor> {
    return toFlavor(this.db.insert(flavors).values({ id: randomUUID(), ...input }).returning().get());
  }

  async list(filter: FlavorFilter, window: PageWindow): Promise<Flavor[]> {
    const page = keysetPage(BY_MEMORY, window, conditions(filter));
    return this.db.select().from(flavors).where(page.where).orderBy(...page.orderBy).limit(page.limit).all().map(toFlavor);
  }

  async count(filter: FlavorFilter = {}): Promise<number> {
    return this.db.select({ n: count() }).from(flavors).where(conditions(filter)).get()?.n ?? 0;
  }

  cursorOf(flavor: Flavor): string {
    return keysetCursor(BY_MEMORY, flavor);
  }
}

function conditions(filter: FlavorFilter): SQL | undefined {
  return filter.isPublic === undefined ? undefined : eq(flavors.isPublic, filter.isPublic);
}
