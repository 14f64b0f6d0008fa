// Live migration: the liveMigrationCheck query (can it move, and if not why), instanceLiveMigrate, and the
// links from operations and instances to their migrations.
import { liveMigrateAction, liveMigrationVerdict, MigrationRefusedError } from '../driver/live-migration/live-migrate-action.js';
import { builder } from './builder.js';
import { NotFoundError, userErrorType } from './errors.js';
import { instanceActionField } from './instance-actions.js';
import { HostRef, InstanceRef, MigrationRef, OperationRef } from './refs.js';

const MIGRATION_REFUSAL = 'Why it cannot move, for people (e.g. not running, the host disabled or short of memory, PCI devices).';

userErrorType(MigrationRefusedError, 'MigrationRefusedError', {
  description: 'The instance cannot move live to that host (Nova\'s MigrationPreCheckError); nothing was started.',
  fields: (t) => ({ reason: t.exposeString('reason', { description: MIGRATION_REFUSAL }) }),
});

const LiveMigrationCheck = builder.simpleObject('LiveMigrationCheck', {
  description: 'Whether the instance can move live to the host; when it cannot, why.',
  fields: (t) => ({
    possible: t.boolean({ description: 'Whether instanceLiveMigrate to the host would be accepted now.' }),
    blockMigration: t.boolean({ description: 'Whether the disks would be copied (they must be to leave the pool or without shared storage).' }),
    reason: t.string({ nullable: true, description: `${MIGRATION_REFUSAL} Null when possible.` }),
  }),
});

builder.queryField('liveMigrationCheck', (t) => t.field({
  type: LiveMigrationCheck,
  description: "Nova's destination and source checks, including XAPI's own dry run for block migrations. Moves nothing.",
  authScopes: { operator: true },
  args: {
    instanceId: t.arg.globalID({ for: InstanceRef, required: true, description: 'The instance that would move.' }),
    hostId: t.arg.globalID({ for: HostRef, required: true, description: 'The destination host.' }),
    blockMigration: t.arg.boolean({ required: false, description: 'Leave out to let the check decide.' }),
    diskOverCommit: t.arg.boolean({ required: false, defaultValue: false, description: 'Accepted for Nova compatibility; XAPI accounts disk space itself.' }),
  },
  errors: { types: [NotFoundError], directResult: true, union: { name: 'LiveMigrationCheckResult', description: 'The verdict, or NotFoundError for an unknown instance or host.' } },
  resolve: async (_root, args, ctx) => {
    const instance = await ctx.services.store.instances.get(args.instanceId.id);
    if (!instance || instance.deletedAt) throw new NotFoundError('Instance', args.instanceId.id, { path: ['instanceId'] });
    const verdict = await liveMigrationVerdict(ctx.services, instance, args.hostId.id, args.blockMigration ?? null);
    return { possible: verdict.possible, blockMigration: verdict.blockMigration, reason: verdict.possible ? null : verdict.reason };
  },
}));

instanceActionField('instanceLiveMigrate', {
  description: 'Moves a running instance to another host without stopping it; follow the Migration (migrationUpdated) for live progress.',
  action: liveMigrateAction,
  errors: [MigrationRefusedError],
  inputFields: (t) => ({
    hostId: t.globalID({ for: HostRef, required: true, description: 'The host to move to.' }),
    blockMigration: t.boolean({ required: false, description: 'Copy the disks too; leave out to decide from the storage the hosts share.' }),
  }),
  toInput: (input: { hostId: { id: string }; blockMigration?: boolean | null }) => ({ hostId: input.hostId.id, blockMigration: input.blockMigration ?? null }),
  probeInput: { hostId: '', blockMigration: null },
});

builder.objectField(OperationRef, 'migration', (t) => t.field({
  type: MigrationRef,
  nullable: true,
  description: 'The migration this operation drives, if any.',
  resolve: async (operation, _args, ctx) => (await ctx.services.store.migrations.list({ operationId: operation.id }, { limit: 1, inverted: false }))[0] ?? null,
}));
