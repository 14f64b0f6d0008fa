// Migration: a resize, cold or live migration of an instance, with the progress XAPI reports.
import { z } from 'zod';
import type { Migration, MigrationFilter } from '../store/types.js';
import type { GraphQLContext } from './context.js';
import { builder } from './builder.js';
import { MigrationStatusEnum, MigrationTypeEnum } from './enums.js';
import { NotFoundError } from './errors.js';
import { currentThenChanges } from './live-feed.js';
import { HostRef, InstanceRef, MigrationRef } from './refs.js';
import { pagedConnection, type ConnectionArgs } from './paging.js';

const TransferProgress = builder.simpleObject('TransferProgress', {
  description: 'Bytes moved so far, of memory or of disks.',
  fields: (t) => ({
    totalBytes: t.float({ description: 'Bytes to move in all.' }),
    processedBytes: t.float({ description: 'Bytes moved so far.' }),
    remainingBytes: t.float({ description: 'Bytes still to move.' }),
  }),
});

const MigrationProgress = builder.simpleObject('MigrationProgress', {
  description: 'How far a migration has got.',
  fields: (t) => ({
    percent: t.float({ description: 'Done so far, 0–100.' }),
    memory: t.field({ type: TransferProgress, nullable: true, description: 'Memory copied; null until the hypervisor reports a total.' }),
    disk: t.field({ type: TransferProgress, nullable: true, description: 'Disks copied (storage migration); null until reported or when no disk moves.' }),
  }),
});

const transferBytes = (p: Migration['memory']) =>
  (p ? { totalBytes: p.total, processedBytes: p.processed, remainingBytes: p.remaining } : null);

MigrationRef.implement({
  description: 'An instance moving between hosts or changing flavor (Nova\'s migration record), with its progress.',
  authScopes: { reader: true },
  fields: (t) => ({
    type: t.field({ type: MigrationTypeEnum, description: 'What kind of move.', resolve: (m) => m.type }),
    status: t.field({ type: MigrationStatusEnum, description: 'Where it stands.', resolve: (m) => m.status }),
    instance: t.field({ type: InstanceRef, description: 'The instance moving.', resolve: (m) => m.instanceId }),
    sourceHost: t.field({ type: HostRef, nullable: true, description: 'The host it leaves; null when unknown (e.g. a resize of an instance without one).', resolve: (m) => m.sourceHostId }),
    destHost: t.field({ type: HostRef, nullable: true, description: 'The host it goes to; null when unknown.', resolve: (m) => m.destHostId }),
    progress: t.field({
      type: MigrationProgress,
      description: 'How far it has got.',
      resolve: (m) => ({ percent: m.progressPercent, memory: transferBytes(m.memory), disk: transferBytes(m.disk) }),
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it started.', resolve: (m) => m.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When it last changed (status or progress).', resolve: (m) => m.updatedAt }),
  }),
});

const MigrationFilterInput = builder.inputType('MigrationFilter', {
  description: 'Narrows a list of migrations, as Nova\'s os-migrations query parameters do; every field given must match.',
  fields: (t) => ({
    status: t.field({ type: [MigrationStatusEnum], required: false, validate: z.array(z.string()).max(20), description: 'Any of these statuses (at most 20).' }),
    type: t.field({ type: [MigrationTypeEnum], required: false, validate: z.array(z.string()).max(20), description: 'Any of these types (at most 20).' }),
    hostId: t.globalID({ for: HostRef, required: false, description: 'Leaving or reaching this host.' }),
    instanceId: t.globalID({ for: InstanceRef, required: false, description: 'Of this instance (ignored on Instance.migrations).' }),
    since: t.field({ type: 'DateTime', required: false, description: 'Changed at or after this time (Nova\'s changes-since).' }),
  }),
});

type MigrationFilterArgs = typeof MigrationFilterInput.$inferInput | null | undefined;

function migrationFilterFrom(filter: MigrationFilterArgs): MigrationFilter {
  return {
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.type ? { type: filter.type } : {}),
    ...(filter?.hostId ? { hostId: filter.hostId.id } : {}),
    ...(filter?.instanceId ? { instanceId: filter.instanceId.id } : {}),
    ...(filter?.since ? { changedSince: filter.since } : {}),
  };
}

function migrationConnection(ctx: GraphQLContext, args: ConnectionArgs, filter: MigrationFilter) {
  const repo = ctx.services.store.migrations;
  return pagedConnection<Migration>(args, {
    list: (window) => repo.list(filter, window),
    count: () => repo.count(filter),
    cursorOf: (migration) => repo.cursorOf(migration),
  });
}

builder.queryField('migrations', (t) => t.connection({
  type: MigrationRef,
  description: 'Resizes, cold and live migrations of every instance, newest first, in pages of at most 100.',
  authScopes: { reader: true },
  args: { filter: t.arg({ type: MigrationFilterInput, required: false, description: 'Only migrations matching every field given.' }) },
  resolve: (_root, args, ctx) => migrationConnection(ctx, args, migrationFilterFrom(args.filter)),
}));

builder.objectField(InstanceRef, 'migrations', (t) => t.connection({
  type: MigrationRef,
  description: 'Resizes and migrations of the instance, newest first, in pages of at most 100.',
  args: { filter: t.arg({ type: MigrationFilterInput, required: false, description: 'Only migrations matching every field given.' }) },
  resolve: (instance, args, ctx) => migrationConnection(ctx, args, { ...migrationFilterFrom(args.filter), instanceId: instance.id }),
}));

const MIGRATION_DONE = new Set(['completed', 'error', 'cancelled', 'finished', 'confirmed', 'reverted']);

builder.subscriptionField('migrationUpdated', (t) => t.field({
  type: MigrationRef,
  description: 'The migration now, then at each step of its progress; completes once it has ended.',
  authScopes: { reader: true },
  args: { id: t.arg.globalID({ for: MigrationRef, required: true, description: 'The migration to follow.' }) },
  subscribe: (_root, args, ctx) => currentThenChanges(
    ctx.services.pubsub.subscribe('migration:changed', args.id.id),
    () => ctx.services.store.migrations.get(args.id.id),
    (migration) => MIGRATION_DONE.has(migration.status),
    () => new NotFoundError('Migration', args.id.id, { path: ['id'] }),
  ),
  resolve: (migration: Migration) => migration,
}));
