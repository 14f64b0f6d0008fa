import { randomUUID } from 'node:crypto';
import { and, count, eq, type SQL } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { migrations } from '../schema.js';
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

const NEWEST_FIRST: Keyset<Migration> = {
  key: 'migration.createdAt', column: migrations.createdAt, idColumn: migrations.id, valueKind: 'number',
  direction: 'DESC', valueOf: (migration) => migration.createdAt.getTime(),
};

export class SqliteMigrationRepository implements MigrationRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(id: string): Promise<Migration | null> {
    const row = this.db.select().from(migrations).where(eq(migrations.id, id)).get();
    return row ? toMigration(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<(Migration | null)[]> {
    return loadInInputOrder(ids, migrations.id, (where) => this.db.select().from(migrations).where(where).all(), toMigration);
  }

  async create(input: NewMigration): Promise<Migration> {
    return toMigration(this.db.insert(migrations).values({ id: randomUUID(), ...input }).returning().get());
  }

  async update(id: string, patch: MigrationPatch): Promise<Migration | null> {
    const { memory, disk, ...plain } = patch;
    const row = this.db.update(migrations).set({
      ...plain,
      ...(memory === undefined ? {} : {
        memoryTotal: memory?.total ?? null, memoryProcessed: memory?.processed ?? null,
        memoryRemaining: memory?.remaining ?? null,
      }),
      ...(disk === undefined ? {} : {
        diskTotal: disk?.total ?? null, diskProcessed: disk?.processed ?? null, diskRemaining: disk?.remaining ?? null,
      }),
      updatedAt: new Date(),
    }).where(eq(migrations.id, id)).returning().get();
    return row ? toMigration(row) : null;
  }

  async list(filter: MigrationFilter, window: PageWindow): Promise<Migration[]> {
    const page = keysetPage(NEWEST_FIRST, window, conditions(filter));
    return this.db.select().from(migrations).where(page.where).orderBy(...page.orderBy).limit(page.limit).all()
      .map(toMigration);
  }

  async count(filter: MigrationFilter): Promise<number> {
    return this.db.select({ n: count() }).from(migrations).where(conditions(filter)).get()?.n ?? 0;
  }

  cursorOf(migration: Migration): string {
    return keysetCursor(NEWEST_FIRST, migration);
  }
}

function conditions(filter: MigrationFilter): SQL | undefined {
  return and(
    filter.instanceId === undefined ? undefined : eq(migrations.instanceId, filter.instanceId),
    filter.operationId === undefined ? undefined : eq(migrations.operationId, filter.operationId),
    filter.status === undefined ? undefined : eq(migrations.status, filter.status),
    filter.type === undefined ? undefined : eq(migrations.type, filter.type),
  );
}
