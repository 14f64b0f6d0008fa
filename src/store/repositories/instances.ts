import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { all, first, insertRows, one, type Db, type Program, type Runner } from '../program.js';
import type { aggregateHosts, instances } from '../schema.js';
import type {
  Instance, InstanceFilter, InstanceOrder, InstancePatch, InstanceRepository, InstanceSyncResult, NewInstance,
  PageWindow, PowerState, VmObservation, VmState,
} from '../types.js';
import { loadInInputOrder } from './batch.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type InstanceRow = typeof instances.$inferSelect;

// Well under SQLite's bound-parameter limit (about 15 per inserted row).
const SYNC_CHUNK = 500;
const INSERT_CHUNK = 200;

export function toInstance(row: InstanceRow): Instance {
  return {
    id: row.id, uuid: row.uuid, name: row.name, serial: row.serial, vmUuid: row.vmUuid, poolId: row.poolId, hostId: row.hostId,
    companionHostId: row.companionHostId,
    flavorId: row.flavorId, imageId: row.imageId, managed: row.managed,
    vmState: row.vmState as VmState, taskState: row.taskState, powerState: row.powerState as PowerState,
    progress: row.progress, vcpus: row.vcpus, memoryMb: row.memoryMb,
    metadata: row.metadata, systemMetadata: row.systemMetadata,
    createdAt: row.createdAt, updatedAt: row.updatedAt, launchedAt: row.launchedAt, deletedAt: row.deletedAt,
  };
}

/** What an unmanaged instance's vmState is, given what XAPI says about its VM. */
export function vmStateForPowerState(powerState: PowerState): VmState {
  switch (powerState) {
    case 'RUNNING': return 'ACTIVE';
    case 'PAUSED': return 'PAUSED';
    case 'SUSPENDED': return 'SUSPENDED';
    case 'CRASHED': return 'ERROR';
    case 'SHUTDOWN':
    case 'NOSTATE': return 'STOPPED';
  }
}

/** vmStates that only describe power; others (RESCUED, SOFT_DELETED, ERROR, BUILDING …) are xengraph's own. */
export function instanceRepository(r: Runner): InstanceRepository {
  const { db, t: { aggregateHosts, instances } } = r;
  const FOLLOWS_POWER = new Set<VmState>(['ACTIVE', 'STOPPED', 'PAUSED', 'SUSPENDED']);

  /** The instance fields a XAPI observation may change. */
  type SyncedFields = {
    -readonly [K in 'vmUuid' | 'poolId' | 'hostId' | 'companionHostId' | 'name' | 'powerState' | 'vcpus' | 'memoryMb' | 'vmState' | 'deletedAt']?:
      Instance[K];
  };

  function keysetFor(order: InstanceOrder): Keyset<Instance> & { readonly field: 'name' | 'createdAt' } {
    return order.field === 'NAME'
      ? { key: 'instance.name', field: 'name', column: instances.name, idColumn: instances.id, valueKind: 'string',
          direction: order.direction, valueOf: (i) => i.name }
      : { key: 'instance.createdAt', field: 'createdAt', column: instances.createdAt, idColumn: instances.id, valueKind: 'timestamp',
          direction: order.direction, valueOf: (i) => i.createdAt.getTime() };
  }

  // Prepared once: the statement behind every lookup of one row by id.
  const byId = r.prepared(db.select().from(instances).where(eq(instances.id, sql.placeholder('id'))));

  class DrizzleInstanceRepository implements InstanceRepository {

    async get(id: string): Promise<Instance | null> {
      const row = await byId({ id });
      return row ? toInstance(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(Instance | null)[]> {
      return loadInInputOrder(ids, instances.id, (where) => (r.all(db.select().from(instances).where(where))), toInstance, (id) => byId({ id }));
    }

    async getByUuid(uuid: string): Promise<Instance | null> {
      const row = (await r.first(db.select().from(instances).where(eq(instances.uuid, uuid))));
      return row ? toInstance(row) : null;
    }

    async getByVmUuid(vmUuid: string): Promise<Instance | null> {
      const row = (await r.first(db.select().from(instances).where(eq(instances.vmUuid, vmUuid))));
      return row ? toInstance(row) : null;
    }

    async getByName(name: string): Promise<Instance | null> {
      const row = (await r.first(db.select().from(instances).where(and(eq(instances.name, name), isNull(instances.deletedAt)))
        .orderBy(asc(instances.createdAt), asc(instances.id)).limit(1)));
      return row ? toInstance(row) : null;
    }

    async vmUuidsInPool(poolId: string): Promise<string[]> {
      return (await r.all(db.select({ vmUuid: instances.vmUuid }).from(instances)
        .where(and(eq(instances.poolId, poolId), isNull(instances.deletedAt), isNotNull(instances.vmUuid)))))
        .flatMap((row) => (row.vmUuid === null ? [] : [row.vmUuid]));
    }

    async create(input: NewInstance): Promise<Instance> {
      return r.transaction(function* (tx) {
        // Serials only grow, so a VM name is never reused for another instance.
        const serial = input.managed === false
          ? null
          : ((yield* first(tx.select({ top: sql<number | null>`max(${instances.serial})` }).from(instances)))?.top ?? 0) + 1;
        const row = (yield* one(tx.insert(instances)
          .values({ id: randomUUID(), uuid: input.uuid ?? randomUUID(), serial, ...withoutUuid(input) })
          .returning()));
        return toInstance(row);
      });
    }

    async discardUnused(id: string): Promise<boolean> {
      // Its security group memberships go with it (cascade); nothing else can refer to an instance no action ran for.
      return (await r.changes(db.delete(instances).where(eq(instances.id, id)))) > 0;
    }

    async update(id: string, patch: InstancePatch): Promise<Instance | null> {
      const row = (await r.first(db.update(instances).set({ ...patch, updatedAt: new Date() })
        .where(eq(instances.id, id)).returning()));
      return row ? toInstance(row) : null;
    }

    async change(id: string, patch: InstancePatch): Promise<{ before: Instance; after: Instance } | null> {
      return r.transaction(function* (tx) {
        const row = (yield* first(tx.select().from(instances).where(eq(instances.id, id))));
        if (!row) return null;
        const updated = (yield* one(tx.update(instances).set({ ...patch, updatedAt: new Date() }).where(eq(instances.id, id)).returning()));
        return { before: toInstance(row), after: toInstance(updated) };
      });
    }

    async syncFromXapi(vm: VmObservation): Promise<InstanceSyncResult> {
      return (await this.syncManyFromXapi([vm]))[0]!;
    }

    async syncManyFromXapi(vms: readonly VmObservation[]): Promise<InstanceSyncResult[]> {
      if (vms.length === 0) return [];
      return r.transaction(function* (tx) {
        // One read per chunk instead of one per VM: mirroring a pool is mostly VMs already known.
        const known = new Map<string, InstanceRow>();
        const uuids = [...new Set(vms.map((vm) => vm.vmUuid))];
        for (let i = 0; i < uuids.length; i += SYNC_CHUNK) {
          for (const row of (yield* all(tx.select().from(instances).where(inArray(instances.vmUuid, uuids.slice(i, i + SYNC_CHUNK)))))) {
            known.set(row.vmUuid!, row);
          }
        }
        // VMs no instance backs yet are inserted a chunk at a time (a pool's first mirroring finds thousands).
        const results: InstanceSyncResult[] = new Array(vms.length);
        const pending: { index: number; row: typeof instances.$inferInsert }[] = [];
        function* flush(): Program<void> {
          if (pending.length === 0) return;
          const created = yield* insertRows<InstanceRow>(instances, pending.map((p) => p.row));
          const byId = new Map(created.map((row) => [row.id, row]));
          for (const { index, row } of pending) {
            const inserted = byId.get(row.id!)!;
            known.set(inserted.vmUuid!, inserted);
            results[index] = { instance: toInstance(inserted), previous: null, created: true, changed: [] };
          }
          pending.length = 0;
        }
        const seen = new Set<string>();
        for (const [index, vm] of vms.entries()) {
          if (seen.has(vm.vmUuid)) {
            // The same VM twice in one batch: what the first observation wrote must be read back.
            yield* flush();
            known.set(vm.vmUuid, (yield* first(tx.select().from(instances).where(eq(instances.vmUuid, vm.vmUuid))))!);
          }
          seen.add(vm.vmUuid);
          let row = known.get(vm.vmUuid);
          let linking = false;
          if (!row && vm.novaUuid) {
            yield* flush();
            row = (yield* first(tx.select().from(instances).where(eq(instances.uuid, vm.novaUuid))));
            // A second VM carrying the same nova uuid (Nova's "-rescue" or "-orig" VMs) belongs to the instance
            // but does not back it (the driver switches vmUuid itself when it means to); only where it runs matters.
            if (row && row.vmUuid !== null) {
              results[index] = yield* companionObserved(tx, row, vm.powerState === 'RUNNING' || vm.powerState === 'PAUSED' ? vm.hostId : null);
              continue;
            }
            linking = row !== undefined;
          }
          if (!row) {
            const at = new Date();
            pending.push({ index, row: {
              id: randomUUID(), uuid: vm.vmUuid, vmUuid: vm.vmUuid, name: vm.name, poolId: vm.poolId,
              hostId: vm.hostId, managed: false, vmState: vmStateForPowerState(vm.powerState),
              powerState: vm.powerState, vcpus: vm.vcpus, memoryMb: vm.memoryMb, createdAt: at, updatedAt: at,
            } });
            if (pending.length >= INSERT_CHUNK) yield* flush();
            continue;
          }
          results[index] = yield* observed(tx, row, vm, linking);
        }
        yield* flush();
        return results;
      });
    }

    async companionGone(id: string): Promise<InstanceSyncResult | null> {
      return r.transaction(function* (tx) {
        const row = (yield* first(tx.select().from(instances).where(eq(instances.id, id))));
        return row ? yield* companionObserved(tx, row, null) : null;
      });
    }

    async buildingMemoryByHost(): Promise<Map<string, number>> {
      const rows = (await r.all(db.select({ hostId: instances.hostId, mb: sql<number>`sum(${instances.memoryMb})`.mapWith(Number) }).from(instances)
        .where(and(eq(instances.vmState, 'BUILDING'), isNotNull(instances.hostId), sql`${instances.powerState} <> 'RUNNING'`))
        .groupBy(instances.hostId)));
      return new Map(rows.map((row) => [row.hostId!, row.mb]));
    }

    async markVmGone(vmUuid: string, poolId?: string): Promise<Instance | null> {
      return r.transaction(function* (tx) {
        const row = (yield* first(tx.select().from(instances)
          .where(and(eq(instances.vmUuid, vmUuid), isNull(instances.deletedAt),
            // A VM that left this pool for another (cross-pool migration) is gone only from here.
            poolId === undefined ? undefined : eq(instances.poolId, poolId)))));
        if (!row) return null;
        const now = new Date();
        const patch: Partial<InstanceRow> = row.managed
          // The managed instance outlives its VM (Nova decides what happens to it); dropping the link lets a
          // re-created VM carrying the instance's uuid be linked again by syncFromXapi.
          ? { powerState: 'NOSTATE', vmUuid: null, updatedAt: now }
          : { powerState: 'NOSTATE', vmState: 'DELETED', deletedAt: now, updatedAt: now };
        return toInstance((yield* one(tx.update(instances).set(patch).where(eq(instances.id, row.id)).returning())));
      });
    }

    async list(filter: InstanceFilter, order: InstanceOrder, window: PageWindow, fields?: readonly (keyof Instance)[]): Promise<Instance[]> {
      const keyset = keysetFor(order);
      const page = keysetPage(keyset, window, this.conditions(filter));
      // With fields, partial instances (as the contract says): only those columns, the id and the sort key.
      const keys = fields && [...new Set<keyof Instance>(['id', keyset.field, ...fields])];
      const selection = keys && Object.fromEntries(keys.map((key) => [key, instances[key]]));
      // A page is up to a thousand rows (an inventory listing): decoded straight into instances, with no copy.
      const query = (selection ? db.select(selection) : db.select()).from(instances).where(page.where).orderBy(...page.orderBy).limit(page.limit);
      return await r.tableRows(query, instances, keys) as unknown as Instance[];
    }

    async count(filter: InstanceFilter): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(instances).where(this.conditions(filter))))?.n ?? 0;
    }

    cursorOf(instance: Instance, order: InstanceOrder): string {
      return keysetCursor(keysetFor(order), instance);
    }

    private conditions(filter: InstanceFilter): SQL | undefined {
      return and(
        filter.includeDeleted ? undefined : isNull(instances.deletedAt),
        filter.systemMetadata === undefined ? undefined
          : sql`${r.sql.jsonText(instances.systemMetadata, filter.systemMetadata.key)} = ${filter.systemMetadata.value}`,
        filter.hostId === undefined ? undefined : eq(instances.hostId, filter.hostId),
        filter.poolId === undefined ? undefined : eq(instances.poolId, filter.poolId),
        filter.aggregateId === undefined ? undefined : inArray(instances.hostId, db.select({ id: aggregateHosts.hostId })
          .from(aggregateHosts).where(eq(aggregateHosts.aggregateId, filter.aggregateId))),
        filter.powerState === undefined ? undefined : eq(instances.powerState, filter.powerState),
        filter.vmState === undefined ? undefined : eq(instances.vmState, filter.vmState),
        filter.managed === undefined ? undefined : eq(instances.managed, filter.managed),
        filter.nameContains ? r.sql.containsIgnoringCase(instances.name, filter.nameContains) : undefined,
      );
    }
  }

  /** An observation of the VM backing `row` (or about to: `linking`): what XAPI owns follows it. */
  function* observed(tx: Db, row: InstanceRow, vm: VmObservation, linking: boolean): Program<InstanceSyncResult> {
    const next: SyncedFields = {
      powerState: vm.powerState, hostId: vm.hostId, vcpus: vm.vcpus, memoryMb: vm.memoryMb,
    };
    if (linking) next.vmUuid = vm.vmUuid;
    // The pool that reports the VM is where it lives now (it may have migrated there from another pool).
    next.poolId = vm.poolId;
    if (!row.managed) {
      // Nothing but XAPI tells us about an unmanaged VM, so its Nova-side state follows the VM; one that
      // comes back after it vanished is un-deleted.
      next.name = vm.name;
      next.vmState = vmStateForPowerState(vm.powerState);
      next.deletedAt = null;
    } else if (row.taskState === null && FOLLOWS_POWER.has(row.vmState as VmState)) {
      // A managed instance at rest whose VM was powered on or off by another tool: like Nova's power-state
      // sync, its vmState follows. Mid-action (task state set) the action decides.
      next.vmState = vmStateForPowerState(vm.powerState);
    }
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => !sameValue(row[field], next[field]));
    const previous = toInstance(row);
    if (changed.length === 0) return { instance: previous, previous, created: false, changed: [] };
    const patch = Object.fromEntries(changed.map((field) => [field, next[field]]));
    const updated = (yield* one(tx.update(instances).set({ ...patch, updatedAt: new Date() })
      .where(eq(instances.id, row.id)).returning()));
    return { instance: toInstance(updated), previous, created: false, changed };
  }

  /** Records where the instance's companion VM runs (null: it does not run, or is gone). */
  function* companionObserved(tx: Db, row: InstanceRow, hostId: string | null): Program<InstanceSyncResult> {
    const previous = toInstance(row);
    if (row.companionHostId === hostId) return { instance: previous, previous, created: false, changed: [], companion: true };
    const updated = (yield* one(tx.update(instances).set({ companionHostId: hostId, updatedAt: new Date() })
      .where(eq(instances.id, row.id)).returning()));
    return { instance: toInstance(updated), previous, created: false, changed: ['companionHostId'], companion: true };
  }

  function withoutUuid(input: NewInstance): Omit<NewInstance, 'uuid'> {
    const { uuid: _uuid, ...rest } = input;
    return rest;
  }

  function sameValue(a: unknown, b: unknown): boolean {
    if (a instanceof Date || b instanceof Date) {
      return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    }
    return a === b;
  }
  return new DrizzleInstanceRepository();
}
