// Migration: a resize, cold or live migration of an instance, with the progress XAPI reports.
import type { Migration } from '../store/types.js';
import { builder } from './builder.js';
import { MigrationStatusEnum, MigrationTypeEnum } from './enums.js';
import { NotFoundError } from './errors.js';
import { currentThenChanges } from './live-feed.js';
import { HostRef, InstanceRef, MigrationRef } from './refs.js';
import { plainConnection } from './paging.js';

/** Bytes moved so far, for memory or for disks; null until the hypervisor reports a total. */
const TransferProgress = builder.simpleObject('TransferProgress', {
  fields: (t) => ({
    totalBytes: t.float(),
    processedBytes: t.float(),
    remainingBytes: t.float(),
  }),
});

const MigrationProgress = builder.simpleObject('MigrationProgress', {
  fields: (t) => ({
    percent: t.float(),
    memory: t.field({ type: TransferProgress, nullable: true }),
    disk: t.field({ type: TransferProgress, nullable: true }),
  }),
});

const transferBytes = (p: Migration['memory']) =>
  (p ? { totalBytes: p.total, processedBytes: p.processed, remainingBytes: p.remaining } : null);

MigrationRef.implement({
  authScopes: { reader: true },
  fields: (t) => ({
    type: t.field({ type: MigrationTypeEnum, resolve: (m) => m.type }),
    status: t.field({ type: MigrationStatusEnum, resolve: (m) => m.status }),
    instance: t.field({ type: InstanceRef, resolve: (m) => m.instanceId }),
    sourceHost: t.field({ type: HostRef, nullable: true, resolve: (m) => m.sourceHostId }),
    destHost: t.field({ type: HostRef, nullable: true, resolve: (m) => m.destHostId }),
    progress: t.field({
      type: MigrationProgress,
      resolve: (m) => ({ percent: m.progressPercent, memory: transferBytes(m.memory), disk: transferBytes(m.disk) }),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (m) => m.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (m) => m.updatedAt }),
  }),
});

builder.queryField('migrations', (t) => t.connection({
  type: MigrationRef,
  authScopes: { reader: true },
  resolve: (_root, args, ctx) => plainConnection<Migration>(args, ctx.services.store.migrations),
}));

const MIGRATION_DONE = new Set(['completed', 'error', 'cancelled', 'finished', 'confirmed', 'reverted']);

builder.subscriptionField('migrationUpdated', (t) => t.field({
  type: MigrationRef,
  description: 'The migration now, then at each step of its progress; completes once it has ended.',
  authScopes: { reader: true },
  args: { id: t.arg.globalID({ for: MigrationRef, required: true }) },
  subscribe: (_root, args, ctx) => currentThenChanges(
    ctx.services.pubsub.subscribe('migration:changed', args.id.id),
    () => ctx.services.store.migrations.get(args.id.id),
    (migration) => MIGRATION_DONE.has(migration.status),
    () => new NotFoundError('Migration', args.id.id, { path: ['id'] }),
  ),
  resolve: (migration: Migration) => migration,
}));
