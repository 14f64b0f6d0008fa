// Creating, deleting and annotating aggregates: no XAPI call, only Nova's rules. A pool aggregate starts
// CREATED (Nova left that to the administrator; here it is what creating one means) and may be deleted only
// once it has no hosts, its XAPI pool having been taken apart host by host.
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { DriverServices } from '../../operations/action.js';
import type { Aggregate, Host } from '../../store/index.js';
import { requireCleanName } from '../input-text.js';
import { InvalidAggregateActionError, isPoolAggregate, POOL_FLAG, reservedKeys, STATE_KEY } from './pool-state.js';

export interface NewAggregateInput {
  readonly name: string;
  readonly availabilityZone: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  /** Whether the aggregate is a XenServer pool (Nova's `hypervisor_pool` entry). */
  readonly hypervisorPool: boolean;
}

async function requireAggregate(services: DriverServices, id: string): Promise<Aggregate> {
  const aggregate = await services.store.aggregates.get(id);
  if (!aggregate) throw new NotFoundError('Aggregate', id, { path: ['input', 'id'] });
  return aggregate;
}

async function memberNames(services: DriverServices, aggregate: Aggregate): Promise<string[]> {
  const hosts = await services.store.hosts.getMany(await services.store.aggregates.hostIds(aggregate.id));
  return hosts.filter((h): h is Host => h !== null).map((h) => h.name);
}

function assertNotReserved(keys: Iterable<string>, reserved: ReadonlySet<string>, path: readonly string[]): void {
  const taken = [...keys].filter((key) => reserved.has(key));
  if (taken.length > 0) throw new InvalidInputError(`${taken.join(', ')}: kept by xengraph for the pool it manages`, { path });
}

export async function createAggregate(services: DriverServices, input: NewAggregateInput): Promise<Aggregate> {
  const { store } = services;
  const name = input.name.trim();
  requireCleanName(name);
  if (await store.aggregates.getByName(name)) throw new InvalidInputError(`An aggregate named ${name} exists already`, { path: ['input', 'name'] });
  const pool = input.hypervisorPool;
  assertNotReserved(Object.keys(input.metadata), reservedKeys(null), ['input', 'metadata']);
  const metadata = { ...input.metadata, ...(pool ? { [POOL_FLAG]: 'true', [STATE_KEY]: 'created' } : {}) };
  return store.aggregates.create({ name, availabilityZone: input.availabilityZone, metadata });
}

export async function updateAggregateMetadata(
  services: DriverServices, id: string, set: Readonly<Record<string, string>>, remove: readonly string[],
): Promise<Aggregate> {
  const aggregate = await requireAggregate(services, id);
  const reserved = reservedKeys(aggregate, await memberNames(services, aggregate));
  assertNotReserved(Object.keys(set), reserved, ['input', 'set']);
  assertNotReserved(remove, reserved, ['input', 'remove']);
  const changed = await services.store.aggregates.change(aggregate.id, { set, remove });
  if (!changed) throw new NotFoundError('Aggregate', id, { path: ['input', 'id'] });
  return changed;
}

/** Removes an empty aggregate (Nova's `dismissed`: the row goes, as Nova's aggregate delete did). */
export async function deleteAggregate(services: DriverServices, id: string): Promise<Aggregate> {
  const aggregate = await requireAggregate(services, id);
  if (isPoolAggregate(aggregate) && aggregate.poolState === 'CHANGING') {
    throw new InvalidAggregateActionError('DELETE', aggregate.id, 'setup in progress');
  }
  const members = await memberNames(services, aggregate);
  if (members.length > 0 || !await services.store.aggregates.delete(aggregate.id)) {
    throw new InvalidAggregateActionError('DELETE', aggregate.id, `it still has hosts (${members.join(', ')}); remove them first`);
  }
  return { ...aggregate, poolState: 'DISMISSED' };
}
