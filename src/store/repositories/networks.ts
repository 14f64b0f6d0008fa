import { randomUUID } from 'node:crypto';
import { count, eq, type SQL } from 'drizzle-orm';
import { present, type Runner } from '../program.js';
import type { networks } from '../schema.js';
import type { Network, NetworkFilter, NetworkRepository, NewNetwork, PageWindow } from '../types.js';
import { loadInInputOrder } from './batch.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type NetworkRow = typeof networks.$inferSelect;

export function toNetwork(row: NetworkRow): Network {
  return { id: row.id, name: row.name, bridge: row.bridge, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export function networkRepository(r: Runner): NetworkRepository {
  const { db, t: { networks } } = r;
  const BY_NAME: Keyset<Network> = {
    key: 'network.name', column: networks.name, idColumn: networks.id, valueKind: 'string', direction: 'ASC',
    valueOf: (network) => network.name,
  };

  class DrizzleNetworkRepository implements NetworkRepository {

    async get(id: string): Promise<Network | null> {
      const row = (await r.first(db.select().from(networks).where(eq(networks.id, id))));
      return row ? toNetwork(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(Network | null)[]> {
      return loadInInputOrder(ids, networks.id, (where) => (r.all(db.select().from(networks).where(where))), toNetwork);
    }

    async getByBridge(bridge: string): Promise<Network | null> {
      const row = (await r.first(db.select().from(networks).where(eq(networks.bridge, bridge))));
      return row ? toNetwork(row) : null;
    }

    async ensureForBridge(input: NewNetwork): Promise<Network> {
      (await r.changes(db.insert(networks).values({ id: randomUUID(), ...input }).onConflictDoNothing({ target: networks.bridge })));
      return toNetwork((await r.first(db.select().from(networks).where(eq(networks.bridge, input.bridge))))!);
    }

    async create(input: NewNetwork): Promise<Network> {
      return toNetwork(present(await r.first(db.insert(networks).values({ id: randomUUID(), ...input }).returning())));
    }

    async list(filter: NetworkFilter, window: PageWindow): Promise<Network[]> {
      const page = keysetPage(BY_NAME, window, conditions(filter));
      return (await r.all(db.select().from(networks).where(page.where).orderBy(...page.orderBy).limit(page.limit)))
        .map(toNetwork);
    }

    async count(filter: NetworkFilter = {}): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(networks).where(conditions(filter))))?.n ?? 0;
    }

    cursorOf(network: Network): string {
      return keysetCursor(BY_NAME, network);
    }
  }

  function conditions(filter: NetworkFilter): SQL | undefined {
    return filter.bridge === undefined ? undefined : eq(networks.bridge, filter.bridge);
  }
  return new DrizzleNetworkRepository();
}
