import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { present, type Runner } from '../program.js';
import type { instanceActions } from '../schema.js';
import type {
  InstanceAction, InstanceActionFilter, InstanceActionRepository, InstanceActionResult, NewInstanceAction, PageWindow,
} from '../types.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

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
  const NEWEST_FIRST: Keyset<InstanceAction> = {
    key: 'instanceAction.createdAt', column: instanceActions.createdAt, idColumn: instanceActions.id, valueKind: 'timestamp',
    direction: 'DESC', valueOf: (action) => action.createdAt.getTime(),
  };

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

    async list(filter: InstanceActionFilter, window: PageWindow): Promise<InstanceAction[]> {
      const page = keysetPage(NEWEST_FIRST, window, conditions(filter));
      return (await r.all(db.select().from(instanceActions).where(page.where).orderBy(...page.orderBy).limit(page.limit))).map(toInstanceAction);
    }

    async count(filter: InstanceActionFilter): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(instanceActions).where(conditions(filter))))?.n ?? 0;
    }

    cursorOf(action: InstanceAction): string {
      return keysetCursor(NEWEST_FIRST, action);
    }
  }

  function conditions(filter: InstanceActionFilter): SQL | undefined {
    const ended = filter.results?.filter((result) => result !== null);
    return and(
      eq(instanceActions.instanceId, filter.instanceId),
      filter.actions === undefined ? undefined : inArray(instanceActions.action, [...filter.actions]),
      filter.results === undefined ? undefined : or(
        ended!.length > 0 ? inArray(instanceActions.result, ended!) : undefined,
        filter.results.includes(null) ? isNull(instanceActions.result) : undefined,
      ) ?? sql`0 = 1`,
      filter.since === undefined ? undefined : gte(instanceActions.createdAt, filter.since),
    );
  }
  return new DrizzleInstanceActionRepository();
}
