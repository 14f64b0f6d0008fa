import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { instanceActions } from '../schema.js';
import type { InstanceAction, InstanceActionRepository, InstanceActionResult, NewInstanceAction } from '../types.js';

type InstanceActionRow = typeof instanceActions.$inferSelect;

export function toInstanceAction(row: InstanceActionRow): InstanceAction {
  return {
    id: row.id, instanceId: row.instanceId, operationId: row.operationId, action: row.action,
    requestedBy: row.requestedBy, result: row.result as InstanceActionResult | null, message: row.message,
    createdAt: row.createdAt, finishedAt: row.finishedAt,
  };
}

export class SqliteInstanceActionRepository implements InstanceActionRepository {
  constructor(private readonly db: SqliteDb) {}

  async record(input: NewInstanceAction): Promise<InstanceAction> {
    return toInstanceAction(this.db.insert(instanceActions).values({ id: randomUUID(), ...input }).returning().get());
  }

  async finish(id: string, result: InstanceActionResult, message?: string): Promise<InstanceAction | null> {
    const now = new Date();
    const row = this.db.update(instanceActions)
      .set({ result, message: message ?? null, finishedAt: now, updatedAt: now })
      .where(eq(instanceActions.id, id)).returning().get();
    return row ? toInstanceAction(row) : null;
  }

  async listForInstance(instanceId: string): Promise<InstanceAction[]> {
    return this.db.select().from(instanceActions).where(eq(instanceActions.instanceId, instanceId))
      // rowid breaks ties within a millisecond in insertion order, which an audit trail needs.
      .orderBy(desc(instanceActions.createdAt), desc(sql`rowid`)).all().map(toInstanceAction);
  }
}
