import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { present, type Runner } from '../program.js';
import type { instanceActions } from '../schema.js';
import type { InstanceAction, InstanceActionRepository, InstanceActionResult, NewInstanceAction } from '../types.js';

type InstanceActionRow = typeof instanceActions.$inferSelect;

export function toInstanceAction(row: InstanceActionRow): InstanceAction {
  return {
    id: row.id, instanceId: row.instanceId, operationId: row.operationId, action: row.action,
    requestedBy: row.requestedBy, result: row.result as InstanceActionResult | null, message: row.message,
    createdAt: row.createdAt, finishedAt: row.finishedAt,
  };
}

export function instanceActionRepository(r: Runner): InstanceActionRepository {
  const { db, t: { instanceActions } } = r;
  class DrizzleInstanceActionRepository implements InstanceActionRepository {

    async record(input: NewInstanceAction): Promise<InstanceAction> {
      return toInstanceAction(present(await r.first(db.insert(instanceActions).values({ id: randomUUID(), ...input }).returning())));
    }

    async finish(id: string, result: InstanceActionResult, message?: string): Promise<InstanceAction | null> {
      const now = new Date();
      const row = (await r.first(db.update(instanceActions)
        .set({ result, message: message ?? null, finishedAt: now, updatedAt: now })
        .where(eq(instanceActions.id, id)).returning()));
      return row ? toInstanceAction(row) : null;
    }

    async listForInstance(instanceId: string): Promise<InstanceAction[]> {
      return (await r.all(db.select().from(instanceActions).where(eq(instanceActions.instanceId, instanceId))
        // Insertion order breaks ties within a millisecond in insertion order, which an audit trail needs.
        .orderBy(desc(instanceActions.createdAt), desc(r.sql.insertionOrder)))).map(toInstanceAction);
    }
  }
  return new DrizzleInstanceActionRepository();
}
