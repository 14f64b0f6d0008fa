// Nova's operational_state machine for pool aggregates: which states refuse which change, and the metadata
// entry that mirrors the state.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  assertStateAllows, InvalidAggregateActionError, masterUuid, reservedKeys, STARTS_FROM, toState,
} from '../../src/driver/aggregate/pool-state.js';
import { AGGREGATE_POOL_STATES, type Aggregate, type AggregatePoolState } from '../../src/store/index.js';

const aggregate = (poolState: AggregatePoolState, metadata: Record<string, string> = { hypervisor_pool: 'true' }): Aggregate => ({
  id: 'a1', name: 'rack', availabilityZone: null, poolState, metadata, createdAt: new Date(0), updatedAt: new Date(0),
});

function reasonFor(action: 'ADD_HOST' | 'REMOVE_HOST', state: AggregatePoolState): string | null {
  try {
    assertStateAllows(action, aggregate(state));
    return null;
  } catch (error) {
    assert.ok(error instanceof InvalidAggregateActionError);
    assert.equal(error.action, action);
    return error.reason;
  }
}

it('refuses adds and removals in the states Nova refused them, with its reasons', () => {
  assert.deepEqual(Object.fromEntries(AGGREGATE_POOL_STATES.map((s) => [s, reasonFor('ADD_HOST', s)])), {
    CREATED: null, CHANGING: 'setup in progress', ACTIVE: null, ERROR: 'aggregate in error', DISMISSED: 'aggregate deleted',
  });
  assert.deepEqual(Object.fromEntries(AGGREGATE_POOL_STATES.map((s) => [s, reasonFor('REMOVE_HOST', s)])), {
    CREATED: 'no hosts to remove', CHANGING: 'setup in progress', ACTIVE: null, ERROR: null, DISMISSED: 'aggregate deleted',
  });
  for (const action of ['ADD_HOST', 'REMOVE_HOST'] as const) {
    assert.deepEqual([...STARTS_FROM[action]].sort(), AGGREGATE_POOL_STATES.filter((s) => reasonFor(action, s) === null).sort());
  }
});

it('writes the state twice: as poolState and as Nova\'s lowercase operational_state entry', () => {
  assert.deepEqual(toState('ERROR', { remove: ['xen-b1'] }), { poolState: 'ERROR', set: { operational_state: 'error' }, remove: ['xen-b1'] });
  assert.deepEqual(toState('ACTIVE', { set: { master_compute: 'xen-a1' } }).set, { master_compute: 'xen-a1', operational_state: 'active' });
});

it('keeps the driver\'s entries, and a pool\'s member hosts, out of administrators\' edits', () => {
  assert.deepEqual([...reservedKeys(aggregate('ACTIVE'), ['xen-a1'])].sort(), ['hypervisor_pool', 'master_compute', 'operational_state', 'xen-a1']);
  assert.deepEqual([...reservedKeys(aggregate('CREATED', {}), ['xen-a1'])].sort(), ['hypervisor_pool', 'master_compute', 'operational_state']);
  assert.equal(masterUuid(aggregate('ACTIVE', { master_compute: 'xen-a1', 'xen-a1': 'u-1' })), 'u-1');
  assert.equal(masterUuid(aggregate('CREATED')), undefined);
});
