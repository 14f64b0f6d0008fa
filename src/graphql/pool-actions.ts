// What an administrator does to a whole pool: a rolling reboot of its hosts, and bringing it back after its master
// died without HA (an emergency transition to master of a chosen host). Each answered at once with an Operation.
import { poolRollingRebootAction } from '../driver/actions/pool-rolling-reboot.js';
import { emergencyTransitionAction } from '../driver/host/emergency-master.js';
import type { Operation } from '../store/types.js';
import { builder } from './builder.js';
import { IdempotencyKeyReuseError, InvalidInputError, InvalidStateError, NotFoundError, OperationInProgressError } from './errors.js';
import { hostActionField } from './host-compute.js';
import { idempotencyKeyField } from './instance-actions.js';
import { boundedText } from './input-bounds.js';
import { OperationRef } from './refs.js';
import { DESCRIBE } from './shared-descriptions.js';

const PoolActionPayload = builder.objectRef<{ operation: Operation }>('PoolActionPayload').implement({
  description: 'An accepted pool action: its Operation (follow it with operationUpdated; its progress names the host at work).',
  fields: (t) => ({
    operation: t.field({ type: OperationRef, description: DESCRIBE.acceptedOperation, resolve: (s) => s.operation }),
  }),
});

builder.mutationField('poolRollingReboot', (t) => t.field({
  type: PoolActionPayload,
  description: 'Reboots every host of the pool in turn without stopping an instance: slaves first, the master last after '
    + 'handing its role to another host; each is emptied by live migration, rebooted, waited for and put back in service. '
    + 'Stops at the first failure, leaving that host in maintenance.',
  authScopes: { admin: true },
  errors: { types: [NotFoundError, InvalidStateError, InvalidInputError, OperationInProgressError, IdempotencyKeyReuseError], directResult: true, union: { name: 'PoolRollingRebootResult' } },
  args: {
    input: t.arg({
      required: true,
      description: DESCRIBE.mutationInput,
      type: builder.inputType('PoolRollingRebootInput', {
        fields: (f) => ({
          poolId: f.string({ required: true, ...boundedText(64, { min: 1, description: 'The pool (Pool.id, Host.poolId).' }) }),
          idempotencyKey: f.string(idempotencyKeyField),
        }),
      }),
    }),
  },
  resolve: async (_root, { input }, ctx) => ({
    operation: await ctx.services.operations.submitForTarget(poolRollingRebootAction, {
      target: { type: 'Pool', id: input.poolId }, input: {}, requestedBy: ctx.principal?.tokenId ?? '', requestId: ctx.requestId, idempotencyKey: input.idempotencyKey,
    }),
  }),
}));

hostActionField('poolEmergencyTransition', {
  description: 'Makes this host its pool\'s master after the master died with HA off (pool.emergency_transition_to_master), '
    + 'then points the other slaves at it (pool.recover_slaves); connectionStatus follows.',
  action: emergencyTransitionAction,
  inputFields: () => ({}),
  toInput: () => ({}),
  probeInput: () => ({}),
});
