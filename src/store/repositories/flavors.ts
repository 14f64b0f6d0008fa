import { randomUUID } from 'node:crypto';
import { count, eq, type SQL } from 'drizzle-orm';
import { present, type Runner } from '../program.js';
import type { flavors } from '../schema.js';
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

export function flavorRepository(r: Runner): FlavorRepository {
  const { db, t: { flavors } } = r;
  const byMemory: Keyset<Flavor> = {
    key: 'flavor.memoryMb', column: flavors.memoryMb, idColumn: flavors.id, valueKind: 'number', direction: 'ASC',
    valueOf: (flavor) => flavor.memoryMb,
  };
  const conditions = (filter: FlavorFilter): SQL | undefined =>
    filter.isPublic === undefined ? undefined : eq(flavors.isPublic, filter.isPublic);

  return {
    async get(id) {
      const row = await r.first(db.select().from(flavors).where(eq(flavors.id, id)));
      return row ? toFlavor(row) : null;
    },

    getMany: (ids) => loadInInputOrder(ids, flavors.id, (where) => r.all(db.select().from(flavors).where(where)), toFlavor),

    async getByName(name) {
      const row = await r.first(db.select().from(flavors).where(eq(flavors.name, name)));
      return row ? toFlavor(row) : null;
    },

    async create(input: FlavorInput) {
      return toFlavor(present(await r.first(db.insert(flavors).values({ id: randomUUID(), ...input }).returning()))!);
    },

    async list(filter: FlavorFilter, window: PageWindow) {
      const page = keysetPage(byMemory, window, conditions(filter));
      return (await r.all(db.select().from(flavors).where(page.where).orderBy(...page.orderBy).limit(page.limit))).map(toFlavor);
    },

    async count(filter: FlavorFilter = {}) {
      return (await r.first(db.select({ n: count() }).from(flavors).where(conditions(filter))))?.n ?? 0;
    },

    cursorOf: (flavor) => keysetCursor(byMemory, flavor),
  };
}
