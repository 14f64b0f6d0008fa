import { randomUUID } from 'node:crypto';
import { count, eq, type SQL } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { networks } from '../schema.js';
import type { Network, NetworkFilter, NetworkRepository, NewNetwork, PageWindow } from '../types.js';
import { loadInInputOrder } from './batch.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type NetworkRow = typeof networks.$inferSelect;

export function toNetwork(row: NetworkRow): Network {
  return { id: row.id, name: row.name, bridge: row.bridge, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

const BY_NAME: Keyset<Network> = {
  key: 'network.name', column: networks.name, idColumn: networks.id, valueKind: 'string', direction: 'ASC',
  valueOf: (network) => network.name,
};

export class SqliteNetworkRepository implements NetworkRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(id: string): Promise<Network | null> {
    const row = this.db.select().from(networks).where(eq(networks.id, id)).get();
    return row ? toNetwork(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<(Network | null)[]> {
    return loadInInputOrder(ids, networks.id, (where) => this.db.select().from(networks).where(where).all(), toNetwork);
  }

  async getByBridge(bridge: string): Promise<Network | null> {
    const row = this.db.select().from(networks).where(eq(networks.bridge, bridge)).get();
    return row ? toNetwork(row) : null;
  }

  async ensureForBridge(input: NewNetwork): Promise<Network> {
    this.db.insert(networks).values({ id: randomUUID(), ...input }).onConflictDoNothing({ target: networks.bridge }).run();
    return toNetwork(this.db.select().from(networks).where(eq(networks.bridge, input.bridge)).get()!);
  }

  async create(input: NewNetwork): Promise<Network> {
    return toNetwork(this.db.insert(networks).values({ id: randomUUID(), ...input }).returning().get());
  }

  async list(filter: NetworkFilter, window: PageWindow): Promise<Network[]> {
    const page = keysetPage(BY_NAME, window, conditions(filter));
    return this.db.select().from(networks).where(page.where).orderBy(...page.orderBy).limit(page.limit).all()
      .map(toNetwork);
  }

  async count(filter: NetworkFilter = {}): Promise<number> {
    return this.db.select({ n: count() }).from(networks).where(conditions(filter)).get()?.n ?? 0;
  }

  cursorOf(network: Network): string {
    return keysetCursor(BY_NAME, network);
  }
}

function conditions(filter: NetworkFilter): SQL | undefined {
  return filter.bridge === undefined ? undefined : eq(networks.bridge, filter.bridge);
}
