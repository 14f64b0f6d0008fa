import { randomUUID } from 'node:crypto';
import { and, count, eq, gte, inArray, or, type SQL } from 'drizzle-orm';
import { present, type Runner } from '../program.js';
import type { migrations } from '../schema.js';
import type {
  Migration, MigrationFilter, MigrationPatch, MigrationRepository, MigrationStatus, MigrationType, NewMigration,
  PageWindow, TransferProgress,
} from '../types.js';
import { loadInInputOrder } from './batch.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type MigrationRow = typeof migrations.$inferSelect;

function transfer(total: number | null, processed: number | null, remaining: number | null): TransferProgress | null {
  if (total === null) return null;
  const done = processed ?? 0;
  return { total, processed: done, remaining: remaining ?? Math.max(0, total - done) };
}

export function toMigration(row: MigrationRow): Migration {
  return {
    id: row.id, instanceId: row.instanceId, operationId: row.operationId, type: row.type as MigrationType,
    status: row.status as MigrationStatus, sourceHostId: row.sourceHostId, destHostId: row.destHostId,
    oldFlavorId: row.oldFlavorId, newFlavorId: row.newFlavorId, progressPercent: row.progressPercent,
    memory: transfer(row.memoryTotal, row.memoryProcessed, row.memoryRemaining),
    disk: transfer(row.diskTotal, row.diskProcessed, row.diskRemaining),
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function migrationRepository(r: Runner): MigrationRepository {
  const { db, t: { migrations } } = r;
  const NEWEST_FIRST: Keyset<Migration> = {
    key: 'migration.createdAt', column: migrations.createdAt, idColumn: migrations.id, valueKind: 'timestamp',
    direction: 'DESC', valueOf: (migration) => migration.createdAt.getTime(),
  };

  class DrizzleMigrationRepository implements MigrationRepository {

    async get(id: string): Promise<Migration | null> {
      const row = (await r.first(db.select().from(migrations).where(eq(migrations.id, id))));
      return row ? toMigration(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(Migration | null)[]> {
      return loadInInputOrder(ids, migrations.id, (where) => (r.all(db.select().from(migrations).where(where))), toMigration);
    }

    async create(input: NewMigration): Promise<Migration> {
      return toMigration(present(await r.first(db.insert(migrations).values({ id: randomUUID(), ...input }).returning())));
    }

    async update(id: string, patch: MigrationPatch): Promise<Migration | null> {
      const { memory, disk, ...plain } = patch;
      const row = (await r.first(db.update(migrations).set({
        ...plain,
        ...(memory === undefined ? {} : {
          memoryTotal: memory?.total ?? null, memoryProcessed: memory?.processed ?? null,
          memoryRemaining: memory?.remaining ?? null,
        }),
        ...(disk === undefined ? {} : {
          diskTotal: disk?.total ?? null, diskProcessed: disk?.processed ?? null, diskRemaining: disk?.remaining ?? null,
        }),
        updatedAt: new Date(),
      }).where(eq(migrations.id, id)).returning()));
      return row ? toMigration(row) : null;
    }

    async list(filter: MigrationFilter, window: PageWindow): Promise<Migration[]> {
      const page = keysetPage(NEWEST_FIRST, window, conditions(filter));
      return (await r.all(db.select().from(migrations).where(page.where).orderBy(...page.orderBy).limit(page.limit)))
        .map(toMigration);
    }

    async count(filter: MigrationFilter): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(migrations).where(conditions(filter))))?.n ?? 0;
    }

    cursorOf(migration: Migration): string {
      return keysetCursor(NEWEST_FIRST, migration);
    }
  }

  function conditions(filter: MigrationFilter): SQL | undefined {
    return and(
      filter.instanceId === undefined ? undefined : eq(migrations.instanceId, filter.instanceId),
      filter.operationId === undefined ? undefined : eq(migrations.operationId, filter.operationId),
      filter.status === undefined ? undefined : inArray(migrations.status, ([] as MigrationStatus[]).concat(filter.status)),
      filter.type === undefined ? undefined : inArray(migrations.type, ([] as MigrationType[]).concat(filter.type)),
      filter.hostId === undefined ? undefined : or(eq(migrations.sourceHostId, filter.hostId), eq(migrations.destHostId, filter.hostId)),
      filter.changedSince === undefined ? undefined : gte(migrations.updatedAt, filter.changedSince),
    );
  }
  return new DrizzleMigrationRepository();
}
