import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { aggregateHosts, hosts } from '../schema.js';
import type { Host, HostFilter, HostObservation, HostPatch, HostRepository, MaintenanceState, PageWindow } from '../types.js';
import { loadInInputOrder } from './batch.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type HostRow = typeof hosts.$inferSelect;

export function toHost(row: HostRow): Host {
  return {
    id: row.id, uuid: row.uuid, poolId: row.poolId, name: row.name, address: row.address,
    enabled: row.enabled, disabledReason: row.disabledReason, maintenance: row.maintenance as MaintenanceState,
    live: row.live, memoryTotal: row.memoryTotal, memoryFree: row.memoryFree, cpuCount: row.cpuCount,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

const BY_NAME: Keyset<Host> = {
  key: 'host.name', column: hosts.name, idColumn: hosts.id, valueKind: 'string', direction: 'ASC',
  valueOf: (host) => host.name,
};

const XAPI_FIELDS = ['poolId', 'name', 'address', 'enabled', 'live', 'memoryTotal', 'memoryFree', 'cpuCount'] as const;

function prepareHostById(db: SqliteDb) {
  return db.select().from(hosts).where(eq(hosts.id, sql.placeholder('id'))).prepare();
}

export class SqliteHostRepository implements HostRepository {
  // Prepared once: the statement behind every lookup of one host by id.
  private readonly byId: ReturnType<typeof prepareHostById>;

  constructor(private readonly db: SqliteDb) {
    this.byId = prepareHostById(db);
  }

  async upsertFromXapi(input: HostObservation): Promise<{ host: Host; changed: boolean }> {
    return this.db.transaction((tx) => {
      const existing = tx.select().from(hosts).where(eq(hosts.uuid, input.uuid)).get();
      if (!existing) {
        const row = tx.insert(hosts).values({ id: randomUUID(), ...input }).returning().get();
        return { host: toHost(row), changed: true };
      }
      const patch: Partial<HostRow> = {};
      for (const field of XAPI_FIELDS) {
        if (existing[field] !== input[field]) Object.assign(patch, { [field]: input[field] });
      }
      if (Object.keys(patch).length === 0) return { host: toHost(existing), changed: false };
      const row = tx.update(hosts).set({ ...patch, updatedAt: new Date() })
        .where(eq(hosts.id, existing.id)).returning().get();
      return { host: toHost(row), changed: true };
    }, { behavior: 'immediate' });
  }


  async get(id: string): Promise<Host | null> {
    const row = this.byId.get({ id });
    return row ? toHost(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<(Host | null)[]> {
    return loadInInputOrder(ids, hosts.id, (where) => this.db.select().from(hosts).where(where).all(), toHost, (id) => this.byId.get({ id }));
  }

  async getByUuid(uuid: string): Promise<Host | null> {
    const row = this.db.select().from(hosts).where(eq(hosts.uuid, uuid)).get();
    return row ? toHost(row) : null;
  }

  async list(filter: HostFilter, window: PageWindow): Promise<Host[]> {
    const page = keysetPage(BY_NAME, window, this.conditions(filter));
    return this.db.select().from(hosts).where(page.where).orderBy(...page.orderBy).limit(page.limit).all().map(toHost);
  }

  async count(filter: HostFilter): Promise<number> {
    return this.db.select({ n: count() }).from(hosts).where(this.conditions(filter)).get()?.n ?? 0;
  }

  async update(id: string, patch: HostPatch): Promise<Host | null> {
    const row = this.db.update(hosts).set({ ...patch, updatedAt: new Date() }).where(eq(hosts.id, id)).returning().get();
    return row ? toHost(row) : null;
  }

  cursorOf(host: Host): string {
    return keysetCursor(BY_NAME, host);
  }

  private conditions(filter: HostFilter): SQL | undefined {
    return and(
      filter.poolId === undefined ? undefined : eq(hosts.poolId, filter.poolId),
      filter.aggregateId === undefined ? undefined : inArray(hosts.id, this.db.select({ id: aggregateHosts.hostId })
        .from(aggregateHosts).where(eq(aggregateHosts.aggregateId, filter.aggregateId))),
    );
  }
}
