import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { first, one, type Runner } from '../program.js';
import type { aggregateHosts, hosts } from '../schema.js';
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

export function hostRepository(r: Runner): HostRepository {
  const { db, t: { aggregateHosts, hosts } } = r;
  const BY_NAME: Keyset<Host> = {
    key: 'host.name', column: hosts.name, idColumn: hosts.id, valueKind: 'string', direction: 'ASC',
    valueOf: (host) => host.name,
  };

  const XAPI_FIELDS = ['poolId', 'name', 'address', 'enabled', 'live', 'memoryTotal', 'memoryFree', 'cpuCount'] as const;

  // Prepared once: the statement behind every lookup of one row by id.
  const byId = r.prepared(db.select().from(hosts).where(eq(hosts.id, sql.placeholder('id'))));

  class DrizzleHostRepository implements HostRepository {
    async upsertFromXapi(input: HostObservation): Promise<{ host: Host; changed: boolean }> {
      return r.transaction(function* (tx) {
        const existing = (yield* first(tx.select().from(hosts).where(eq(hosts.uuid, input.uuid))));
        if (!existing) {
          const row = (yield* one(tx.insert(hosts).values({ id: randomUUID(), ...input }).returning()));
          return { host: toHost(row), changed: true };
        }
        const patch: Partial<HostRow> = {};
        for (const field of XAPI_FIELDS) {
          if (existing[field] !== input[field]) Object.assign(patch, { [field]: input[field] });
        }
        if (Object.keys(patch).length === 0) return { host: toHost(existing), changed: false };
        const row = (yield* one(tx.update(hosts).set({ ...patch, updatedAt: new Date() })
          .where(eq(hosts.id, existing.id)).returning()));
        return { host: toHost(row), changed: true };
      });
    }


    async get(id: string): Promise<Host | null> {
      const row = await byId({ id });
      return row ? toHost(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(Host | null)[]> {
      return loadInInputOrder(ids, hosts.id, (where) => (r.all(db.select().from(hosts).where(where))), toHost, (id) => byId({ id }));
    }

    async getByUuid(uuid: string): Promise<Host | null> {
      const row = (await r.first(db.select().from(hosts).where(eq(hosts.uuid, uuid))));
      return row ? toHost(row) : null;
    }

    async list(filter: HostFilter, window: PageWindow): Promise<Host[]> {
      const page = keysetPage(BY_NAME, window, this.conditions(filter));
      return (await r.all(db.select().from(hosts).where(page.where).orderBy(...page.orderBy).limit(page.limit))).map(toHost);
    }

    async count(filter: HostFilter): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(hosts).where(this.conditions(filter))))?.n ?? 0;
    }

    async update(id: string, patch: HostPatch): Promise<Host | null> {
      const row = (await r.first(db.update(hosts).set({ ...patch, updatedAt: new Date() }).where(eq(hosts.id, id)).returning()));
      return row ? toHost(row) : null;
    }

    cursorOf(host: Host): string {
      return keysetCursor(BY_NAME, host);
    }

    private conditions(filter: HostFilter): SQL | undefined {
      return and(
        filter.poolId === undefined ? undefined : eq(hosts.poolId, filter.poolId),
        filter.aggregateId === undefined ? undefined : inArray(hosts.id, db.select({ id: aggregateHosts.hostId })
          .from(aggregateHosts).where(eq(aggregateHosts.aggregateId, filter.aggregateId))),
      );
    }
  }
  return new DrizzleHostRepository();
}
