import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import { present, type Runner } from '../program.js';
import { ActiveOperationExistsError, DuplicateIdempotencyKeyError } from '../errors.js';
import type { operations } from '../schema.js';
import type {
  NewOperation, Operation, OperationFilter, OperationPatch, OperationRepository, OperationStatus, PageWindow,
} from '../types.js';
import { loadInInputOrder } from './batch.js';
import { uniqueViolation } from '../constraint-errors.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type OperationRow = typeof operations.$inferSelect;

const ENDED: OperationStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export function toOperation(row: OperationRow): Operation {
  return {
    id: row.id, kind: row.kind, status: row.status as OperationStatus, instanceId: row.instanceId,
    targetId: row.targetId, input: row.input, idempotencyKey: row.idempotencyKey, requestHash: row.requestHash,
    requestedBy: row.requestedBy,
    progress: { percent: row.progressPercent, phase: row.progressPhase, message: row.progressMessage },
    xapiTask: row.xapiTask,
    error: row.errorCode === null ? null : {
      code: row.errorCode, message: row.errorMessage ?? '', xapiCode: row.xapiCode, xapiParams: row.xapiParams,
    },
    result: row.result, createdAt: row.createdAt, updatedAt: row.updatedAt,
    startedAt: row.startedAt, finishedAt: row.finishedAt,
  };
}

export function operationRepository(r: Runner): OperationRepository {
  const { db, t: { operations } } = r;
  const NEWEST_FIRST: Keyset<Operation> = {
    key: 'operation.createdAt', column: operations.createdAt, idColumn: operations.id, valueKind: 'timestamp',
    direction: 'DESC', valueOf: (operation) => operation.createdAt.getTime(),
  };

  class DrizzleOperationRepository implements OperationRepository {

    async get(id: string): Promise<Operation | null> {
      const row = (await r.first(db.select().from(operations).where(eq(operations.id, id))));
      return row ? toOperation(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(Operation | null)[]> {
      return loadInInputOrder(ids, operations.id, (where) => (r.all(db.select().from(operations).where(where))), toOperation);
    }

    async create(input: NewOperation): Promise<Operation> {
      try {
        return toOperation(present(await r.first(db.insert(operations).values({ id: randomUUID(), ...input }).returning())));
      } catch (error) {
        const columns = uniqueViolation(error);
        if (columns === 'operations.instance_id' && input.instanceId) throw new ActiveOperationExistsError(input.instanceId);
        if (columns === 'operations.target_id' && input.targetId) throw new ActiveOperationExistsError(input.targetId);
        if (columns?.includes('operations.idempotency_key') && input.idempotencyKey) {
          throw new DuplicateIdempotencyKeyError(input.requestedBy, input.idempotencyKey);
        }
        throw error;
      }
    }

    async findByIdempotencyKey(requestedBy: string, idempotencyKey: string): Promise<Operation | null> {
      const row = (await r.first(db.select().from(operations)
        .where(and(eq(operations.requestedBy, requestedBy), eq(operations.idempotencyKey, idempotencyKey)))));
      return row ? toOperation(row) : null;
    }

    async update(id: string, patch: OperationPatch): Promise<Operation | null> {
      // An ended operation is final: a late progress report or a cancel request racing the end must not reopen it.
      const { progress, error, ...plain } = patch;
      const row = (await r.first(db.update(operations).set({
        ...plain,
        ...(progress === undefined ? {} : {
          progressPercent: progress.percent, progressPhase: progress.phase, progressMessage: progress.message,
        }),
        ...(error === undefined ? {} : {
          errorCode: error?.code ?? null, errorMessage: error?.message ?? null,
          xapiCode: error?.xapiCode ?? null, xapiParams: error?.xapiParams ? [...error.xapiParams] : null,
        }),
        updatedAt: new Date(),
      }).where(and(eq(operations.id, id), notInArray(operations.status, ENDED))).returning()));
      return row ? toOperation(row) : null;
    }

    async list(filter: OperationFilter, window: PageWindow): Promise<Operation[]> {
      const page = keysetPage(NEWEST_FIRST, window, conditions(filter));
      return (await r.all(db.select().from(operations).where(page.where).orderBy(...page.orderBy).limit(page.limit)))
        .map(toOperation);
    }

    async count(filter: OperationFilter): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(operations).where(conditions(filter))))?.n ?? 0;
    }

    cursorOf(operation: Operation): string {
      return keysetCursor(NEWEST_FIRST, operation);
    }
  }

  function conditions(filter: OperationFilter): SQL | undefined {
    const statuses = filter.status === undefined ? undefined : ([] as OperationStatus[]).concat(filter.status);
    return and(
      statuses === undefined ? undefined : inArray(operations.status, statuses),
      filter.kind === undefined ? undefined : eq(operations.kind, filter.kind),
      filter.instanceId === undefined ? undefined : eq(operations.instanceId, filter.instanceId),
      filter.targetId === undefined ? undefined : eq(operations.targetId, filter.targetId),
    );
  }
  return new DrizzleOperationRepository();
}
