// Aggregate: a group of hosts; on XenServer, a resource pool with Nova's pool-state machine. Creating, deleting
// and annotating one are immediate; adding and removing hosts join and eject them on XAPI, as Operations on the
// aggregate (follow them with operationUpdated).
import { createAggregate, deleteAggregate, updateAggregateMetadata } from '../driver/aggregate/aggregates.js';
import {
  aggregateAddHostAction, aggregateRemoveHostAction, type AddHostInput, type RemoveHostInput,
} from '../driver/aggregate/host-membership.js';
import { InvalidAggregateActionError, isPoolAggregate, masterUuid } from '../driver/aggregate/pool-state.js';
import type { TargetAction } from '../operations/action.js';
import type { Aggregate, Operation } from '../store/types.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import {
  IdempotencyKeyReuseError, InvalidInputError, InvalidStateError, NotFoundError, OperationInProgressError, userErrorType,
} from './errors.js';
import { idempotent } from './idempotency.js';
import { idempotencyKeyField } from './instance-actions.js';
import { AggregateRef, HostRef, OperationRef } from './refs.js';
import { plainConnection } from './paging.js';
import { DESCRIBE } from './shared-descriptions.js';
import { boundedMetadata, boundedMetadataKeys, boundedText, metadataInput } from './input-bounds.js';

const AggregatePoolStateEnum = builder.enumType('AggregatePoolState', {
  description: 'Nova\'s operational_state of a pool aggregate.',
  values: {
    CREATED: { description: 'No XAPI pool yet: the next host added becomes its master.' },
    CHANGING: { description: 'A host is joining or leaving; no other change is accepted meanwhile.' },
    ACTIVE: { description: 'The XAPI pool is up.' },
    ERROR: { description: 'A change failed and was rolled back; hosts may still be removed, none added.' },
    DISMISSED: { description: 'Deleted.' },
  } as const,
});

const AggregateActionEnum = builder.enumType('AggregateAction', {
  description: 'A change to an aggregate, as InvalidAggregateActionError names the one refused.',
  values: {
    ADD_HOST: { description: 'aggregateAddHost.' },
    REMOVE_HOST: { description: 'aggregateRemoveHost.' },
    DELETE: { description: 'aggregateDelete.' },
    UPDATE_METADATA: { description: 'aggregateUpdateMetadata.' },
  } as const,
});

userErrorType(InvalidAggregateActionError, 'InvalidAggregateActionError', {
  description: 'The aggregate\'s pool state or membership does not allow this (Nova\'s InvalidAggregateAction); nothing changed.',
  fields: (t) => ({
    action: t.field({ type: AggregateActionEnum, description: 'The change refused.', resolve: (error) => error.action }),
    reason: t.exposeString('reason', { description: 'Why, for people (e.g. the pool state, or the host already a member).' }),
  }),
});

AggregateRef.implement({
  description: 'A group of hosts (Nova host aggregate); on XenServer usually a resource pool.',
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name; a pool aggregate\'s first host gives it to the XAPI pool (pool.name_label).' }),
    availabilityZone: t.string({ nullable: true, description: 'The availability zone it stands for; null when none.', resolve: (a) => a.availabilityZone }),
    hypervisorPool: t.boolean({
      description: 'Whether the aggregate is a XenServer pool (`hypervisor_pool` in its metadata); others group hosts only.',
      resolve: (a) => isPoolAggregate(a),
    }),
    poolState: t.field({ type: AggregatePoolStateEnum, description: 'Where its pool stands (Nova\'s operational_state).', resolve: (a) => a.poolState }),
    metadata: t.field({ type: 'JSON', description: 'All its metadata entries, string keys and values, those xengraph keeps for the pool included.', resolve: (a) => a.metadata }),
    hosts: t.field({
      type: [HostRef],
      description: 'Its member hosts.',
      resolve: (aggregate, _args, ctx) => ctx.services.store.aggregates.hostIds(aggregate.id),
    }),
    master: t.field({
      type: HostRef,
      nullable: true,
      description: 'The pool master (`master_compute`), the host the pool was built around.',
      resolve: async (aggregate, _args, ctx) => {
        const uuid = masterUuid(aggregate);
        return uuid ? ctx.services.store.hosts.getByUuid(uuid) : null;
      },
    }),
  }),
});

builder.queryField('aggregates', (t) => t.connection({
  type: AggregateRef,
  description: 'Host aggregates (XAPI pools as Nova saw them), in pages of at most 100.',
  authScopes: { reader: true },
  resolve: (_root, args, ctx) => plainConnection<Aggregate>(args, ctx.services.store.aggregates),
}));

const AGGREGATE_ID = 'The aggregate to change.';
const AGGREGATE_NOW = 'The aggregate as it is now.';

const principalOf = (ctx: GraphQLContext) => ctx.principal?.tokenId ?? '';


builder.relayMutationField(
  'aggregateCreate',
  {
    inputFields: (t) => ({
      name: t.string({ required: true, ...boundedText(255, { min: 1, trim: true, description: 'Its name, trimmed; not empty.' }) }),
      availabilityZone: t.string({ required: false, ...boundedText(255, { min: 1, trim: true, description: 'An availability zone to stand for; none when absent.' }) }),
      metadata: t.field({ type: 'JSON', required: false, ...boundedMetadata('Entries of your own: string keys and values.') }),
      hypervisorPool: t.boolean({
        required: false, defaultValue: true,
        description: 'A XenServer pool (default): its first host names the pool and later ones join it. False: hosts are only grouped.',
      }),
      idempotencyKey: t.string(idempotencyKeyField),
    }),
  },
  {
    description: 'Creates an empty aggregate; a pool aggregate starts CREATED.',
    authScopes: { admin: true },
    errors: { types: [InvalidInputError, IdempotencyKeyReuseError], directResult: true, union: { name: 'AggregateCreateResult' } },
    resolve: (_root, { input }, ctx) => {
      const request = {
        name: input.name.trim(), availabilityZone: input.availabilityZone?.trim() ?? null,
        metadata: metadataInput(input.metadata), hypervisorPool: input.hypervisorPool ?? true,
      };
      return idempotent(
        ctx.services.store,
        { principal: principalOf(ctx), key: input.idempotencyKey, hash: JSON.stringify(['aggregateCreate', request]) },
        () => createAggregate(ctx.services, request),
      );
    },
  },
  { outputFields: (t) => ({ aggregate: t.field({ type: AggregateRef, description: AGGREGATE_NOW, resolve: (aggregate) => aggregate }) }) },
);

builder.relayMutationField(
  'aggregateUpdateMetadata',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: AggregateRef, required: true, description: AGGREGATE_ID }),
      set: t.field({ type: 'JSON', required: false, ...boundedMetadata('Entries to add or overwrite: string keys and values.') }),
      remove: t.stringList({ required: false, ...boundedMetadataKeys('Keys to remove.') }),
      idempotencyKey: t.string(idempotencyKeyField),
    }),
  },
  {
    description: 'Sets and removes metadata entries; those xengraph keeps for the pool (hypervisor_pool, operational_state, master_compute, member hosts) are refused.',
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InvalidInputError, IdempotencyKeyReuseError], directResult: true, union: { name: 'AggregateUpdateMetadataResult' } },
    resolve: (_root, { input }, ctx) => {
      const set = metadataInput(input.set);
      const remove = [...new Set(input.remove ?? [])];
      return idempotent(
        ctx.services.store,
        { principal: principalOf(ctx), key: input.idempotencyKey, hash: JSON.stringify(['aggregateUpdateMetadata', input.id.id, set, remove]) },
        () => updateAggregateMetadata(ctx.services, input.id.id, set, remove),
      );
    },
  },
  { outputFields: (t) => ({ aggregate: t.field({ type: AggregateRef, description: AGGREGATE_NOW, resolve: (aggregate) => aggregate }) }) },
);

builder.relayMutationField(
  'aggregateDelete',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: AggregateRef, required: true, description: AGGREGATE_ID }),
      idempotencyKey: t.string(idempotencyKeyField),
    }),
  },
  {
    description: 'Deletes an aggregate without hosts.',
    authScopes: { admin: true },
    errors: {
      types: [NotFoundError, InvalidInputError, InvalidAggregateActionError, IdempotencyKeyReuseError], directResult: true, union: { name: 'AggregateDeleteResult' },
    },
    resolve: (_root, { input }, ctx) => idempotent(
      ctx.services.store,
      { principal: principalOf(ctx), key: input.idempotencyKey, hash: JSON.stringify(['aggregateDelete', input.id.id]) },
      () => deleteAggregate(ctx.services, input.id.id),
    ),
  },
  {
    outputFields: (t) => ({
      deletedAggregateId: t.globalID({ description: 'The global id the deleted aggregate had.', resolve: (aggregate) => ({ type: 'Aggregate', id: aggregate.id }) }),
    }),
  },
);

interface AggregateSubmitted {
  readonly operation: Operation;
  readonly aggregate: Aggregate;
}

const AggregateActionPayload = builder.objectRef<AggregateSubmitted>('AggregateActionPayload').implement({
  description: 'An accepted membership change: its Operation (follow it with operationUpdated) and the aggregate as it is now.',
  fields: (t) => ({
    operation: t.field({ type: OperationRef, description: DESCRIBE.acceptedOperation, resolve: (s) => s.operation }),
    aggregate: t.field({ type: AggregateRef, description: 'The aggregate as it is now (CHANGING while a pool\'s membership changes).', resolve: (s) => s.aggregate }),
  }),
});

const MEMBERSHIP_ERRORS = [
  NotFoundError, InvalidInputError, InvalidAggregateActionError, InvalidStateError, OperationInProgressError, IdempotencyKeyReuseError,
];

async function submitForAggregate<Input>(
  ctx: GraphQLContext, action: TargetAction<Input>, aggregateId: string, idempotencyKey: string | null | undefined, input: Input,
): Promise<AggregateSubmitted> {
  const { operations, store } = ctx.services;
  const operation = await operations.submitForTarget(action, {
    target: { type: 'Aggregate', id: aggregateId }, input, requestedBy: principalOf(ctx), requestId: ctx.requestId, idempotencyKey,
  });
  const aggregate = await store.aggregates.get(aggregateId);
  if (!aggregate) throw new NotFoundError('Aggregate', aggregateId, { path: ['input', 'id'] });
  return { operation, aggregate };
}

builder.mutationField('aggregateAddHost', (t) => t.field({
  type: AggregateActionPayload,
  description: 'Adds a host. To a pool aggregate: the first host names its XAPI pool and becomes the master; a later '
    + 'host from a pool of its own joins the master\'s pool (pool.join_force unless joinForce is false), one already in '
    + 'it is recorded. A failed join leaves the aggregate in ERROR and the host outside.',
  authScopes: { admin: true },
  errors: { types: MEMBERSHIP_ERRORS, directResult: true, union: { name: 'AggregateAddHostResult' } },
  args: {
    input: t.arg({
      required: true,
      description: 'The aggregate and the host to add.',
      type: builder.inputType('AggregateAddHostInput', {
        fields: (f) => ({
          id: f.globalID({ for: AggregateRef, required: true, description: AGGREGATE_ID }),
          hostId: f.globalID({ for: HostRef, required: true, description: 'The host to add: a pool master of its own (a host not yet pooled).' }),
          joinForce: f.boolean({
            required: false, defaultValue: true,
            description: 'Nova\'s use_join_force: join with pool.join_force, which skips XAPI\'s homogeneity (CPU) checks.',
          }),
          idempotencyKey: f.string(idempotencyKeyField),
        }),
      }),
    }),
  },
  resolve: (_root, { input }, ctx) => submitForAggregate<AddHostInput>(ctx, aggregateAddHostAction, input.id.id, input.idempotencyKey, {
    hostId: input.hostId.id, joinForce: input.joinForce ?? true,
  }),
}));

builder.mutationField('aggregateRemoveHost', (t) => t.field({
  type: AggregateActionPayload,
  description: 'Removes a host. From a pool aggregate a slave is ejected from the XAPI pool (it reboots as a pool of '
    + 'its own, losing the VMs on its local storage); the master can leave only as the last member.',
  authScopes: { admin: true },
  errors: { types: MEMBERSHIP_ERRORS, directResult: true, union: { name: 'AggregateRemoveHostResult' } },
  args: {
    input: t.arg({
      required: true,
      description: 'The aggregate and the host to remove.',
      type: builder.inputType('AggregateRemoveHostInput', {
        fields: (f) => ({
          id: f.globalID({ for: AggregateRef, required: true, description: AGGREGATE_ID }),
          hostId: f.globalID({ for: HostRef, required: true, description: 'The member host to remove.' }),
          idempotencyKey: f.string(idempotencyKeyField),
        }),
      }),
    }),
  },
  resolve: (_root, { input }, ctx) => submitForAggregate<RemoveHostInput>(ctx, aggregateRemoveHostAction, input.id.id, input.idempotencyKey, {
    hostId: input.hostId.id,
  }),
}));
