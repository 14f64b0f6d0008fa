// Nova's model of an aggregate that is a XenServer pool: the metadata keys the driver owns, the
// operational_state machine and the refusals that guard it. The state is kept twice, as `poolState` (what the
// API shows) and as Nova's lowercase `operational_state` metadata entry, always changed together.
import { BaseUserError } from '../../errors.js';
import type { Aggregate, AggregateChange, AggregatePoolState } from '../../store/index.js';

/** Present (any value) on aggregates that are hypervisor pools; other aggregates are plain groups of hosts. */
export const POOL_FLAG = 'hypervisor_pool';
export const STATE_KEY = 'operational_state';
/** The name of the member host that is the XAPI pool master. */
export const MASTER_KEY = 'master_compute';
// Each member host also has an entry: its name → its XAPI host uuid.

export type AggregateAction = 'ADD_HOST' | 'REMOVE_HOST' | 'DELETE' | 'UPDATE_METADATA';

const ACTION_TEXT: Record<AggregateAction, string> = {
  ADD_HOST: 'Adding a host to the aggregate',
  REMOVE_HOST: 'Removing a host from the aggregate',
  DELETE: 'Deleting the aggregate',
  UPDATE_METADATA: 'Changing the aggregate\'s metadata',
};

/** Nova's InvalidAggregateActionAdd / InvalidAggregateActionDelete: refused before anything changed. */
export class InvalidAggregateActionError extends BaseUserError {
  override readonly code = 'INVALID_AGGREGATE_ACTION';
  constructor(readonly action: AggregateAction, readonly aggregateId: string, readonly reason: string, options: { path?: readonly string[] } = {}) {
    super(`${ACTION_TEXT[action]} is not possible: ${reason}`, options);
  }
}

export function isPoolAggregate(aggregate: Aggregate): boolean {
  return POOL_FLAG in aggregate.metadata;
}

/** States from which Nova refuses each change, with its reason. */
const REFUSED: Record<'ADD_HOST' | 'REMOVE_HOST', Partial<Record<AggregatePoolState, string>>> = {
  ADD_HOST: { CHANGING: 'setup in progress', DISMISSED: 'aggregate deleted', ERROR: 'aggregate in error' },
  REMOVE_HOST: { CREATED: 'no hosts to remove', CHANGING: 'setup in progress', DISMISSED: 'aggregate deleted' },
};

/** The states a change may start from (the complement of REFUSED). */
export const STARTS_FROM: Record<'ADD_HOST' | 'REMOVE_HOST', readonly AggregatePoolState[]> = {
  ADD_HOST: ['CREATED', 'ACTIVE'],
  REMOVE_HOST: ['ACTIVE', 'ERROR'],
};

export function assertStateAllows(action: 'ADD_HOST' | 'REMOVE_HOST', aggregate: Aggregate): void {
  const reason = REFUSED[action][aggregate.poolState];
  if (reason) throw new InvalidAggregateActionError(action, aggregate.id, reason);
}

/** A state change with Nova's metadata entry, plus other entries set and removed in the same write. */
export function toState(state: AggregatePoolState, change: Omit<AggregateChange, 'poolState'> = {}): AggregateChange {
  return { ...change, poolState: state, set: { ...change.set, [STATE_KEY]: state.toLowerCase() } };
}

/** Metadata an administrator may not edit directly: the driver's own entries, a pool's member hosts' included. */
export function reservedKeys(aggregate: Aggregate | null, memberNames: readonly string[] = []): Set<string> {
  return new Set([POOL_FLAG, STATE_KEY, MASTER_KEY, ...(aggregate && isPoolAggregate(aggregate) ? memberNames : [])]);
}

/** The XAPI host uuid recorded for the pool master, if any. */
export function masterUuid(aggregate: Aggregate): string | undefined {
  const master = aggregate.metadata[MASTER_KEY];
  return master ? aggregate.metadata[master] : undefined;
}
