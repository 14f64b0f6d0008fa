// Live instance feeds: one instance's state (current first, then every change) and a typed event stream.
import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { DomainEvent } from '../events/domain-events.js';
import type { Instance } from '../store/types.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { PowerStateEnum, TaskStateEnum } from './enums.js';
import { HostRef, InstanceRef, MigrationRef } from './refs.js';
import { boundedList } from './input-bounds.js';
import { NotFoundError } from './errors.js';
import { filterEvents, mapEvents } from './event-stream-operators.js';
import { currentThenChanges } from './live-feed.js';

const InstanceEventKindEnum = builder.enumType('InstanceEventKind', {
  description: 'What happened to an instance; each kind has its own InstanceEvent type.',
  values: {
    INSTANCE_CREATED: { description: 'A VM appeared: spawned here or found on a pool.' },
    INSTANCE_DELETED: { description: 'The VM is gone (destroyed, or vanished from its pool).' },
    INSTANCE_CHANGED: { description: 'Some of its fields changed; `fields` names them.' },
    POWER_STATE_CHANGED: { description: 'Its XAPI power_state moved.' },
    TASK_STATE_CHANGED: { description: "Nova's task_state moved." },
    MIGRATION_PROGRESSED: { description: 'A migration of it moved on.' },
  } as const,
});

const InstanceEventInterface = builder.interfaceRef<DomainEvent>('InstanceEvent').implement({
  description: 'Something that happened to an instance, as instanceEvents delivers it.',
  fields: (t) => ({
    kind: t.field({ description: 'Which kind of event this is.', type: InstanceEventKindEnum, resolve: (e) => e.kind }),
    at: t.field({ description: 'When it happened (server time).', type: 'DateTime', resolve: (e) => e.at }),
    instance: t.field({ description: 'The instance as it is now (as it was last, for a deletion).', type: InstanceRef, resolve: (e) => e.instance }),
  }),
  resolveType: (event) => ({
    INSTANCE_CREATED: 'InstanceCreated',
    INSTANCE_DELETED: 'InstanceDeleted',
    INSTANCE_CHANGED: 'InstanceChanged',
    POWER_STATE_CHANGED: 'PowerStateChanged',
    TASK_STATE_CHANGED: 'TaskStateChanged',
    MIGRATION_PROGRESSED: 'MigrationProgressed',
  })[event.kind],
});

builder.objectType(builder.objectRef<DomainEvent>('InstanceCreated'), {
  description: 'An instance appeared: spawned through the API or found on a pool.',
  interfaces: [InstanceEventInterface], fields: () => ({}) });
builder.objectType(builder.objectRef<DomainEvent>('InstanceDeleted'), {
  description: 'An instance is gone; `instance` is its last known state.',
  interfaces: [InstanceEventInterface], fields: () => ({}) });
builder.objectType(builder.objectRef<Extract<DomainEvent, { kind: 'INSTANCE_CHANGED' }>>('InstanceChanged'), {
  description: 'Some fields of an instance changed (from XAPI or an action).',
  interfaces: [InstanceEventInterface],
  fields: (t) => ({ fields: t.stringList({ description: 'Names of the Instance fields that changed.', resolve: (e) => [...e.fields] }) }),
});
builder.objectType(builder.objectRef<Extract<DomainEvent, { kind: 'POWER_STATE_CHANGED' }>>('PowerStateChanged'), {
  description: 'The VM\'s XAPI power_state moved.',
  interfaces: [InstanceEventInterface],
  fields: (t) => ({
    from: t.field({ description: 'The power state before.', type: PowerStateEnum, resolve: (e) => e.from as never }),
    to: t.field({ description: 'The power state now.', type: PowerStateEnum, resolve: (e) => e.to as never }),
  }),
});

builder.objectType(builder.objectRef<Extract<DomainEvent, { kind: 'TASK_STATE_CHANGED' }>>('TaskStateChanged'), {
  description: "Nova's task_state moved: an action started (e.g. rebooting) or ended (null).",
  interfaces: [InstanceEventInterface],
  fields: (t) => ({
    from: t.field({ description: 'The task state before; null when no action was running.', type: TaskStateEnum, nullable: true, resolve: (e) => e.from }),
    to: t.field({ description: 'The task state now; null when the action ended.', type: TaskStateEnum, nullable: true, resolve: (e) => e.to }),
  }),
});

builder.objectType(builder.objectRef<Extract<DomainEvent, { kind: 'MIGRATION_PROGRESSED' }>>('MigrationProgressed'), {
  description: 'A migration of the instance moved on; follow migrationUpdated for memory and disk figures.',
  interfaces: [InstanceEventInterface],
  fields: (t) => ({
    migration: t.field({ description: 'The migration that moved on.', type: MigrationRef, resolve: (e) => e.migrationId }),
    percent: t.int({ description: 'Its progress, 0–100.', resolve: (e) => e.percent }),
  }),
});

const InstanceEventFilterInput = builder.inputType('InstanceEventFilter', {
  description: 'Which events to deliver; every given condition must hold, none given delivers all.',
  fields: (t) => ({
    hostId: t.globalID({ description: 'Only instances on this host.', for: HostRef, required: false }),
    instanceId: t.globalID({ description: 'Only this instance.', for: InstanceRef, required: false }),
    kinds: t.field({ type: [InstanceEventKindEnum], required: false, ...boundedList(16) }),
  }),
});

/** A subscription's context lives as long as it does: forget loaded objects so each event reads fresh state. */
function fresh<T>(ctx: GraphQLContext, value: T): T {
  clearAllDataLoaders(ctx);
  return value;
}

builder.subscriptionFields((t) => ({
  instanceUpdated: t.field({
    type: InstanceRef,
    description: 'The instance now, then again after every change XAPI or xengraph makes to it.',
    authScopes: { reader: true },
    args: { id: t.arg.globalID({ for: InstanceRef, required: true, description: 'The instance to follow.' }) },
    // The changes carry the instance as they left it: no subscriber reads it back.
    subscribe: (_root, args, ctx) => currentThenChanges(
      mapEvents(ctx.services.pubsub.subscribe('instance:changed', args.id.id), (event: DomainEvent) => event.instance),
      () => ctx.services.store.instances.get(args.id.id),
      () => false,
      () => new NotFoundError('Instance', args.id.id, { path: ['id'] }),
    ),
    resolve: (instance: Instance, _args, ctx) => fresh(ctx, instance),
  }),
  instanceEvents: t.field({
    type: InstanceEventInterface,
    description: 'Typed feed of instance events, optionally narrowed to a host, an instance or event kinds.',
    authScopes: { reader: true },
    args: { filter: t.arg({ type: InstanceEventFilterInput, required: false, description: 'Only events matching every field given; all events when absent.' }) },
    subscribe: (_root, args, ctx) => {
      const kinds = args.filter?.kinds;
      const instanceId = args.filter?.instanceId?.id;
      const hostId = args.filter?.hostId?.id;
      return filterEvents(
        ctx.services.pubsub.subscribe('instance:events'),
        (event: DomainEvent) => (!kinds || kinds.includes(event.kind))
          && (!instanceId || event.instanceId === instanceId)
          && (!hostId || event.instance.hostId === hostId),
      );
    },
    resolve: (event: DomainEvent, _args, ctx) => fresh(ctx, event),
  }),
}));
