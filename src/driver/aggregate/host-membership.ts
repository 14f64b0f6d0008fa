// Nova's add_to_aggregate / remove_from_aggregate / undo_aggregate_operation as Operations on the aggregate.
// The first host of a pool aggregate names its XAPI pool and is the master; later hosts join the master's pool
// (or, already in it, are only recorded); removing a slave ejects it, and the master may only leave an empty
// pool. Any XAPI failure is undone as Nova did: the aggregate goes to ERROR and the membership change is rolled
// back. Aggregates without `hypervisor_pool` are plain groups: membership only, no XAPI call.
import { InvalidStateError, NotFoundError, OperationInProgressError } from '../../errors.js';
import type { PoolLink } from '../../events/pool-connections.js';
import { targetIdOf, type DriverServices, type TargetAction, type TargetRun } from '../../operations/action.js';
import type { Aggregate, AggregateChange, AggregatePoolState, Host } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { hostRef } from '../xapi-access.js';
import {
  ejectFromPool, followHost, joinPool, linkEjectedHost, masterRefOf, namePool, poolNameOf,
} from './pool-membership.js';
import {
  assertStateAllows, InvalidAggregateActionError, isPoolAggregate, MASTER_KEY, masterUuid, STARTS_FROM, toState,
} from './pool-state.js';

export interface AddHostInput {
  readonly hostId: string;
  /** Nova's use_join_force: join with pool.join_force, which skips XAPI's homogeneity checks. */
  readonly joinForce: boolean;
}

export interface RemoveHostInput {
  readonly hostId: string;
}

type AddPlan =
  | { readonly kind: 'plain' }
  /** The first member: its pool is named after the aggregate and it becomes the master. */
  | { readonly kind: 'first'; readonly link: PoolLink }
  /** Already in the master's XAPI pool: only recorded. */
  | { readonly kind: 'member'; readonly master: Host }
  | { readonly kind: 'join'; readonly master: Host; readonly joiner: PoolLink };

type RemovePlan =
  | { readonly kind: 'plain' }
  /** The last member, the master: its pool loses the aggregate's name. */
  | { readonly kind: 'master'; readonly link: PoolLink }
  | { readonly kind: 'eject'; readonly link: PoolLink; readonly ref: string }
  /** No longer in the master's XAPI pool (left it by other means): only forgotten. */
  | { readonly kind: 'forget' };

interface Subject {
  readonly aggregate: Aggregate;
  readonly host: Host;
  readonly members: readonly Host[];
}

async function subject(services: DriverServices, aggregateId: string, hostId: string): Promise<Subject> {
  const { store } = services;
  const aggregate = await store.aggregates.get(aggregateId);
  if (!aggregate) throw new NotFoundError('Aggregate', aggregateId, { path: ['input', 'id'] });
  const host = await store.hosts.get(hostId);
  if (!host) throw new NotFoundError('Host', hostId, { path: ['input', 'hostId'] });
  const members = (await store.hosts.getMany(await store.aggregates.hostIds(aggregate.id))).filter((h): h is Host => h !== null);
  return { aggregate, host, members };
}

function link(services: DriverServices, host: Host): PoolLink {
  const found = services.pools.get(host.poolId);
  if (!found) throw new InvalidStateError(`The pool of ${host.name} is not connected`, 'NO_POOL');
  return found;
}

async function recordedMaster(services: DriverServices, action: 'ADD_HOST' | 'REMOVE_HOST', aggregate: Aggregate): Promise<Host> {
  const uuid = masterUuid(aggregate);
  const master = uuid ? await services.store.hosts.getByUuid(uuid) : null;
  if (!master) throw new InvalidAggregateActionError(action, aggregate.id, 'no pool master is recorded');
  return master;
}

/** A maintenance or power action on the host must not run while it changes pools. */
async function assertHostIdle(services: DriverServices, host: Host): Promise<void> {
  const targetId = targetIdOf({ type: 'Host', id: host.id });
  const [active] = await services.store.operations.list({ targetId, status: ['PENDING', 'RUNNING', 'CANCELLING'] }, { limit: 1, inverted: false });
  if (active) throw new OperationInProgressError(host.id, active.id, 'host');
}

async function planAdd(services: DriverServices, { aggregate, host, members }: Subject): Promise<AddPlan> {
  const refuse = (reason: string) => new InvalidAggregateActionError('ADD_HOST', aggregate.id, reason, { path: ['input', 'hostId'] });
  if (members.some((m) => m.id === host.id)) throw refuse(`${host.name} is already a member`);
  if (!isPoolAggregate(aggregate)) return { kind: 'plain' };
  assertStateAllows('ADD_HOST', aggregate);
  const others = await services.store.aggregates.list({ hostId: host.id }, { limit: 100, inverted: false });
  const otherPool = others.find((a) => a.id !== aggregate.id && isPoolAggregate(a));
  if (otherPool) throw refuse(`${host.name} already belongs to the pool aggregate ${otherPool.name}`);
  await assertHostIdle(services, host);
  if (members.length === 0) {
    const own = link(services, host);
    const masterRef = masterRefOf(own.client);
    const master = masterRef ? own.client.cache.get('host', masterRef) : undefined;
    if (master?.uuid !== host.uuid) {
      throw refuse(`the first host becomes the pool master, so it must be the master of its XAPI pool (${String(master?.name_label ?? 'unknown')})`);
    }
    return { kind: 'first', link: own };
  }
  const master = await recordedMaster(services, 'ADD_HOST', aggregate);
  if (host.poolId === master.poolId) return { kind: 'member', master };
  link(services, master);
  const joiner = link(services, host);
  if (await services.store.hosts.count({ poolId: host.poolId }) > 1) {
    throw refuse(`${host.name} is in a pool with other hosts; it can only join from a pool of its own`);
  }
  return { kind: 'join', master, joiner };
}

async function planRemove(services: DriverServices, { aggregate, host, members }: Subject): Promise<RemovePlan> {
  const refuse = (reason: string) => new InvalidAggregateActionError('REMOVE_HOST', aggregate.id, reason, { path: ['input', 'hostId'] });
  if (!members.some((m) => m.id === host.id)) throw refuse(`${host.name} is not a member`);
  if (!isPoolAggregate(aggregate)) return { kind: 'plain' };
  assertStateAllows('REMOVE_HOST', aggregate);
  await assertHostIdle(services, host);
  if (aggregate.metadata[MASTER_KEY] === host.name) {
    if (members.length > 1) throw refuse(`${host.name} is the pool master, and a master cannot leave a pool that has other members`);
    return { kind: 'master', link: link(services, host) };
  }
  const master = await recordedMaster(services, 'REMOVE_HOST', aggregate);
  if (host.poolId !== master.poolId) return { kind: 'forget' };
  const pool = link(services, master);
  const ref = hostRef(pool.client, host);
  // XAPI refuses to eject a host with VMs on it; said here, before the aggregate is touched.
  const running = [...pool.client.cache.all('VM').values()]
    .filter((vm) => vm.resident_on === ref && !vm.is_control_domain && vm.power_state !== 'Halted');
  if (running.length > 0) throw refuse(`${running.length} VM(s) still run on ${host.name}; move or stop them first`);
  return { kind: 'eject', link: pool, ref };
}

/**
 * Nova's undo_aggregate_operation: the aggregate is marked ERROR and the membership change reverted. A failure
 * here is logged, not raised: the operation's own error is what the caller needs to see.
 */
async function undoAggregateOperation(services: DriverServices, aggregateId: string, revert: () => Promise<unknown>, change: Omit<AggregateChange, 'poolState'> = {}): Promise<void> {
  try {
    await services.store.aggregates.change(aggregateId, toState('ERROR', change));
    await revert();
  } catch (error) {
    services.log.error({ err: error, aggregateId }, 'could not undo a failed pool change: the aggregate is left in an unrecoverable state');
  }
}

/** Moves the aggregate to CHANGING, unless another request got there first. */
async function startChanging(services: DriverServices, action: 'ADD_HOST' | 'REMOVE_HOST', aggregate: Aggregate): Promise<AggregatePoolState> {
  const changed = await services.store.aggregates.change(aggregate.id, toState('CHANGING'), STARTS_FROM[action]);
  if (!changed) throw new InvalidAggregateActionError(action, aggregate.id, 'the aggregate changed meanwhile');
  return aggregate.poolState;
}

async function addFirst(run: TargetRun, { aggregate, host }: Subject, client: XapiClient): Promise<Record<string, unknown>> {
  await run.progress(20, 'naming the pool', `the pool of ${host.name} is named ${aggregate.name}`);
  await namePool(client, aggregate.name);
  await run.services.store.aggregates.change(aggregate.id, toState('ACTIVE', { set: { [MASTER_KEY]: host.name, [host.name]: host.uuid } }));
  return { master: host.name };
}

async function addByJoin(run: TargetRun, { aggregate, host }: Subject, master: Host, joiner: PoolLink, force: boolean): Promise<Record<string, unknown>> {
  const { services } = run;
  await run.progress(5, 'joining', `${host.name} joins the pool of ${master.name}`);
  await joinPool(run, joiner.client, master, force, 5, 85);
  await services.store.aggregates.change(aggregate.id, toState('ACTIVE', { set: { [host.name]: host.uuid } }));
  // The joined host's old pool is gone; its host, disks and VMs now arrive through the master's event stream.
  await run.progress(85, 'following', `${host.name} is now followed through the pool of ${master.name}`);
  await services.pools.disconnect(joiner.id);
  const followed = await followHost(services, host.uuid, master.poolId, run.signal);
  return { joined: master.name, force, followed };
}

export const aggregateAddHostAction: TargetAction<AddHostInput> = {
  kind: 'aggregate.addHost',
  targetType: 'Aggregate',
  async check(target, input, services) {
    await planAdd(services, await subject(services, target.id, input.hostId));
  },
  async run(run, input) {
    const { services } = run;
    const { store } = services;
    const current = await subject(services, run.target.id, input.hostId);
    const plan = await planAdd(services, current);
    const { aggregate, host } = current;
    if (plan.kind === 'plain') {
      await store.aggregates.addHost(aggregate.id, host.id);
      return { pool: false };
    }
    await startChanging(services, 'ADD_HOST', aggregate);
    await store.aggregates.addHost(aggregate.id, host.id);
    try {
      switch (plan.kind) {
        case 'first': return await addFirst(run, current, plan.link.client);
        case 'member':
          await store.aggregates.change(aggregate.id, toState('ACTIVE', { set: { [host.name]: host.uuid } }));
          return { alreadyInPool: plan.master.name };
        case 'join': return await addByJoin(run, current, plan.master, plan.joiner, input.joinForce);
      }
    } catch (error) {
      await undoAggregateOperation(services, aggregate.id, () => store.aggregates.removeHost(aggregate.id, host.id));
      throw error;
    }
  },
  async reconcile(run, input) {
    // Interrupted between CHANGING and the end: done if XAPI shows the host where it was going, else undone.
    const { services } = run;
    const { store } = services;
    const aggregate = await store.aggregates.get(run.target.id);
    const host = await store.hosts.get(input.hostId);
    if (!aggregate || !host || aggregate.poolState !== 'CHANGING') return 'FAILED';
    const master = masterUuid(aggregate) ? await store.hosts.getByUuid(masterUuid(aggregate)!) : null;
    const first = !master || master.id === host.id;
    const own = services.pools.get(host.poolId);
    const done = first
      ? own !== undefined && poolNameOf(own.client) === aggregate.name
      : services.pools.get(master.poolId)?.client.cache.refByUuid('host', host.uuid) !== undefined;
    if (!done) {
      await undoAggregateOperation(services, aggregate.id, () => store.aggregates.removeHost(aggregate.id, host.id));
      return 'FAILED';
    }
    const set: Record<string, string> = first ? { [MASTER_KEY]: host.name, [host.name]: host.uuid } : { [host.name]: host.uuid };
    await store.aggregates.change(aggregate.id, toState('ACTIVE', { set }));
    return 'SUCCEEDED';
  },
};

async function removeByEject(run: TargetRun, { aggregate, host }: Subject, pool: PoolLink, ref: string, before: AggregatePoolState) {
  const { services } = run;
  await run.progress(5, 'ejecting', `${host.name} leaves the pool; it reboots as a pool of its own`);
  await ejectFromPool(run, pool.client, ref, 5, 70);
  await services.store.aggregates.change(aggregate.id, toState(before, { remove: [host.name] }));
  await run.progress(70, 'reconnecting', `waiting for ${host.name} to come back after its reboot`);
  const ejected = await linkEjectedHost(services, pool, host, run.signal);
  return { ejected: host.name, reconnected: ejected !== null };
}

export const aggregateRemoveHostAction: TargetAction<RemoveHostInput> = {
  kind: 'aggregate.removeHost',
  targetType: 'Aggregate',
  async check(target, input, services) {
    await planRemove(services, await subject(services, target.id, input.hostId));
  },
  async run(run, input) {
    const { services } = run;
    const { store } = services;
    const current = await subject(services, run.target.id, input.hostId);
    const plan = await planRemove(services, current);
    const { aggregate, host } = current;
    if (plan.kind === 'plain') {
      await store.aggregates.removeHost(aggregate.id, host.id);
      return { pool: false };
    }
    const before = await startChanging(services, 'REMOVE_HOST', aggregate);
    await store.aggregates.removeHost(aggregate.id, host.id);
    try {
      switch (plan.kind) {
        case 'master':
          await run.progress(20, 'unnaming the pool');
          await namePool(plan.link.client, '');
          // Empty again, the aggregate can start over with a new first host (Nova left it ACTIVE without a master).
          await store.aggregates.change(aggregate.id, toState('CREATED', { remove: [MASTER_KEY, host.name] }));
          return { masterLeft: host.name };
        case 'forget':
          await store.aggregates.change(aggregate.id, toState(before, { remove: [host.name] }));
          return { notInPool: host.name };
        case 'eject': return await removeByEject(run, current, plan.link, plan.ref, before);
      }
    } catch (error) {
      await undoAggregateOperation(services, aggregate.id, () => store.aggregates.addHost(aggregate.id, host.id));
      throw error;
    }
  },
  async reconcile(run, input) {
    const { services } = run;
    const { store } = services;
    const aggregate = await store.aggregates.get(run.target.id);
    const host = await store.hosts.get(input.hostId);
    if (!aggregate || !host || aggregate.poolState !== 'CHANGING') return 'FAILED';
    const leavingMaster = aggregate.metadata[MASTER_KEY] === host.name;
    const master = leavingMaster ? host : await store.hosts.getByUuid(masterUuid(aggregate) ?? '');
    const pool = master ? services.pools.get(master.poolId) : undefined;
    const done = leavingMaster
      ? pool !== undefined && poolNameOf(pool.client) === ''
      : pool !== undefined && pool.client.cache.refByUuid('host', host.uuid) === undefined;
    if (!done) {
      await undoAggregateOperation(services, aggregate.id, () => store.aggregates.addHost(aggregate.id, host.id));
      return 'FAILED';
    }
    await store.aggregates.change(aggregate.id, leavingMaster
      ? toState('CREATED', { remove: [MASTER_KEY, host.name] })
      : toState('ACTIVE', { remove: [host.name] }));
    if (!leavingMaster && pool) await linkEjectedHost(services, pool, host, run.signal);
    return 'SUCCEEDED';
  },
};

/** The aggregate actions by Operation kind, for recovery after a restart. */
export const AGGREGATE_ACTIONS: ReadonlyMap<string, TargetAction<never>> = new Map([
  [aggregateAddHostAction.kind, aggregateAddHostAction as TargetAction<never>],
  [aggregateRemoveHostAction.kind, aggregateRemoveHostAction as TargetAction<never>],
]);
