// The domain store: Nova's concepts under xengraph's names. XAPI owns soft state (power state, resident
// host); the event pump mirrors it here and XAPI always wins. Enum columns carry CHECK constraints.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// SQLite refuses bound parameters in CHECK constraints, so the allowed values are inlined as literals.
const inList = (column: unknown, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '))})`;

const timestamps = {
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
};

export const VM_STATES = ['BUILDING', 'ACTIVE', 'PAUSED', 'SUSPENDED', 'STOPPED', 'RESCUED', 'RESIZED', 'SOFT_DELETED', 'DELETED', 'ERROR', 'SHELVED'] as const;
export const POWER_STATES = ['NOSTATE', 'RUNNING', 'PAUSED', 'SHUTDOWN', 'CRASHED', 'SUSPENDED'] as const;
export const OPERATION_STATUSES = ['PENDING', 'RUNNING', 'CANCELLING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export const ACTIVE_OPERATION_STATUSES = ['PENDING', 'RUNNING', 'CANCELLING'] as const;
export const ROLES = ['reader', 'operator', 'admin'] as const;
export const MAINTENANCE_STATES = ['NONE', 'ENTERING', 'ON', 'LEAVING', 'ERROR'] as const;
export const AGGREGATE_POOL_STATES = ['CREATED', 'CHANGING', 'ACTIVE', 'ERROR', 'DISMISSED'] as const;
export const MIGRATION_STATUSES = ['queued', 'preparing', 'running', 'migrating', 'post-migrating', 'completed', 'error', 'cancelled', 'finished', 'confirmed', 'reverted'] as const;
export const MIGRATION_TYPES = ['resize', 'migration', 'live-migration', 'evacuation'] as const;
export const IMAGE_STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted'] as const;

/** One XAPI pool xengraph is connected to (a master URL and what it learned about it). */
export const pools = sqliteTable('pools', {
  id: text('id').primaryKey(),
  uuid: text('uuid').notNull().unique(),
  name: text('name').notNull(),
  masterUrl: text('master_url').notNull(),
  ...timestamps,
});

/** Compute hosts: XAPI hosts plus Nova's compute-service state. */
export const hosts = sqliteTable('hosts', {
  id: text('id').primaryKey(),
  uuid: text('uuid').notNull().unique(),
  poolId: text('pool_id').notNull().references(() => pools.id),
  name: text('name').notNull(),
  address: text('address').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  disabledReason: text('disabled_reason'),
  maintenance: text('maintenance').notNull().default('NONE'),
  live: integer('live', { mode: 'boolean' }).notNull().default(true),
  memoryTotal: integer('memory_total').notNull().default(0),
  memoryFree: integer('memory_free').notNull().default(0),
  cpuCount: integer('cpu_count').notNull().default(0),
  ...timestamps,
}, (t) => [check('hosts_maintenance', inList(t.maintenance, MAINTENANCE_STATES))]);

export const flavors = sqliteTable('flavors', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  vcpus: integer('vcpus').notNull(),
  memoryMb: integer('memory_mb').notNull(),
  rootGb: integer('root_gb').notNull(),
  ephemeralGb: integer('ephemeral_gb').notNull().default(0),
  swapMb: integer('swap_mb').notNull().default(0),
  isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(true),
  /** Nova's flavor extra specs, e.g. `pci_passthrough:alias` = `gpu:1`. */
  extraSpecs: text('extra_specs', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  ...timestamps,
}, (t) => [check('flavors_positive', sql`${t.vcpus} > 0 and ${t.memoryMb} > 0 and ${t.rootGb} >= 0`)]);

/** Glance-like images; their bytes live under DATA_DIR/images/<id>. */
export const images = sqliteTable('images', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  diskFormat: text('disk_format').notNull(),
  containerFormat: text('container_format').notNull().default('bare'),
  sizeBytes: integer('size_bytes').notNull().default(0),
  checksum: text('checksum'),
  status: text('status').notNull().default('queued'),
  properties: text('properties', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  ...timestamps,
}, (t) => [
  check('images_status', inList(t.status, IMAGE_STATUSES)),
  check('images_disk_format', inList(t.diskFormat, ['vhd', 'raw', 'qcow2', 'iso'])),
]);

export const aggregates = sqliteTable('aggregates', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  availabilityZone: text('availability_zone'),
  poolState: text('pool_state').notNull().default('CREATED'),
  metadata: text('metadata', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  ...timestamps,
}, (t) => [check('aggregates_pool_state', inList(t.poolState, AGGREGATE_POOL_STATES))]);

export const aggregateHosts = sqliteTable('aggregate_hosts', {
  aggregateId: text('aggregate_id').notNull().references(() => aggregates.id, { onDelete: 'cascade' }),
  hostId: text('host_id').notNull().references(() => hosts.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.aggregateId, t.hostId] })]);

export const instances = sqliteTable('instances', {
  id: text('id').primaryKey(),
  /** Nova's instance uuid; for VMs found on XAPI (unmanaged) the VM's uuid. */
  uuid: text('uuid').notNull().unique(),
  name: text('name').notNull(),
  /** Managed instances get a serial; their VM is named after it (instance-%08x), as Nova named VMs by id. */
  serial: integer('serial').unique(),
  /** Which VM backs it, by XAPI uuid (stable across XAPI restarts, unlike refs). */
  vmUuid: text('vm_uuid').unique(),
  poolId: text('pool_id').references(() => pools.id),
  /** Where the VM runs; for a halted VM, the host it starts on (its XAPI affinity). */
  hostId: text('host_id').references(() => hosts.id),
  /** Where a second VM standing in for the instance (its rescue VM) runs, while it runs. */
  companionHostId: text('companion_host_id').references(() => hosts.id),
  flavorId: text('flavor_id').references(() => flavors.id),
  imageId: text('image_id').references(() => images.id),
  /** False for VMs that exist on XAPI but were not created through xengraph. */
  managed: integer('managed', { mode: 'boolean' }).notNull().default(true),
  vmState: text('vm_state').notNull().default('BUILDING'),
  taskState: text('task_state'),
  powerState: text('power_state').notNull().default('NOSTATE'),
  progress: integer('progress').notNull().default(0),
  vcpus: integer('vcpus').notNull().default(0),
  memoryMb: integer('memory_mb').notNull().default(0),
  metadata: text('metadata', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  systemMetadata: text('system_metadata', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  ...timestamps,
  launchedAt: integer('launched_at', { mode: 'timestamp_ms' }),
  deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
}, (t) => [
  check('instances_vm_state', inList(t.vmState, VM_STATES)),
  check('instances_power_state', inList(t.powerState, POWER_STATES)),
  check('instances_progress', sql`${t.progress} between 0 and 100`),
  index('instances_host').on(t.hostId),
  index('instances_companion_host').on(t.companionHostId),
  index('instances_name').on(t.name),
  index('instances_created').on(t.createdAt, t.id),
]);

export const operations = sqliteTable('operations', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  status: text('status').notNull().default('PENDING'),
  instanceId: text('instance_id').references(() => instances.id),
  /** Global id of what the operation acts on when that is not an instance (a host, an aggregate). */
  targetId: text('target_id'),
  input: text('input', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  idempotencyKey: text('idempotency_key'),
  requestHash: text('request_hash'),
  requestedBy: text('requested_by').notNull(),
  progressPercent: real('progress_percent').notNull().default(0),
  progressPhase: text('progress_phase'),
  progressMessage: text('progress_message'),
  xapiTask: text('xapi_task'),
  errorCode: text('error_code'),
  errorMessage: text('error_message'),
  xapiCode: text('xapi_code'),
  xapiParams: text('xapi_params', { mode: 'json' }).$type<string[]>(),
  result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
  ...timestamps,
  startedAt: integer('started_at', { mode: 'timestamp_ms' }),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
}, (t) => [
  check('operations_status', inList(t.status, OPERATION_STATUSES)),
  check('operations_progress', sql`${t.progressPercent} between 0 and 100`),
  // One active mutating operation per instance, enforced by the database itself.
  uniqueIndex('operations_one_active_per_instance').on(t.instanceId)
    .where(sql`status in ('PENDING', 'RUNNING', 'CANCELLING') and instance_id is not null`),
  // …and per other target (a host, an aggregate): one maintenance or power action at a time.
  uniqueIndex('operations_one_active_per_target').on(t.targetId)
    .where(sql`status in ('PENDING', 'RUNNING', 'CANCELLING') and target_id is not null`),
  uniqueIndex('operations_idempotency').on(t.requestedBy, t.idempotencyKey),
  index('operations_status_idx').on(t.status),
  index('operations_created').on(t.createdAt, t.id),
]);

export const migrations = sqliteTable('migrations', {
  id: text('id').primaryKey(),
  instanceId: text('instance_id').notNull().references(() => instances.id),
  operationId: text('operation_id').references(() => operations.id),
  type: text('type').notNull(),
  status: text('status').notNull().default('queued'),
  sourceHostId: text('source_host_id').references(() => hosts.id),
  destHostId: text('dest_host_id').references(() => hosts.id),
  oldFlavorId: text('old_flavor_id').references(() => flavors.id),
  newFlavorId: text('new_flavor_id').references(() => flavors.id),
  progressPercent: real('progress_percent').notNull().default(0),
  memoryTotal: integer('memory_total'),
  memoryProcessed: integer('memory_processed'),
  memoryRemaining: integer('memory_remaining'),
  diskTotal: integer('disk_total'),
  diskProcessed: integer('disk_processed'),
  diskRemaining: integer('disk_remaining'),
  ...timestamps,
}, (t) => [
  check('migrations_status', inList(t.status, MIGRATION_STATUSES)),
  check('migrations_type', inList(t.type, MIGRATION_TYPES)),
  index('migrations_instance').on(t.instanceId),
]);

export const volumeAttachments = sqliteTable('volume_attachments', {
  id: text('id').primaryKey(),
  instanceId: text('instance_id').notNull().references(() => instances.id),
  volumeId: text('volume_id').notNull(),
  mountpoint: text('mountpoint').notNull(),
  deviceNumber: integer('device_number'),
  connectionInfo: text('connection_info', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  srUuid: text('sr_uuid'),
  vdiUuid: text('vdi_uuid'),
  ...timestamps,
  detachedAt: integer('detached_at', { mode: 'timestamp_ms' }),
}, (t) => [index('volume_attachments_instance').on(t.instanceId)]);

export const networks = sqliteTable('networks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The XAPI network (bridge) it maps to in each pool, by bridge name. */
  bridge: text('bridge').notNull().unique(),
  ...timestamps,
});

export const subnets = sqliteTable('subnets', {
  id: text('id').primaryKey(),
  networkId: text('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  cidr: text('cidr').notNull(),
  gateway: text('gateway'),
  dns: text('dns', { mode: 'json' }).$type<string[]>().notNull().default([]),
  ...timestamps,
});

export const instanceVifs = sqliteTable('instance_vifs', {
  id: text('id').primaryKey(),
  instanceId: text('instance_id').notNull().references(() => instances.id),
  networkId: text('network_id').notNull().references(() => networks.id),
  subnetId: text('subnet_id').references(() => subnets.id),
  device: integer('device').notNull(),
  mac: text('mac').notNull().unique(),
  ip: text('ip'),
  ...timestamps,
}, (t) => [
  index('instance_vifs_instance').on(t.instanceId),
  uniqueIndex('instance_vifs_ip').on(t.subnetId, t.ip),
]);

export const securityGroups = sqliteTable('security_groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  ...timestamps,
});

export const securityGroupRules = sqliteTable('security_group_rules', {
  id: text('id').primaryKey(),
  groupId: text('group_id').notNull().references(() => securityGroups.id, { onDelete: 'cascade' }),
  protocol: text('protocol').notNull(),
  fromPort: integer('from_port'),
  toPort: integer('to_port'),
  cidr: text('cidr'),
  sourceGroupId: text('source_group_id').references(() => securityGroups.id),
  ...timestamps,
}, (t) => [check('security_group_rules_protocol', inList(t.protocol, ['tcp', 'udp', 'icmp']))]);

export const instanceSecurityGroups = sqliteTable('instance_security_groups', {
  instanceId: text('instance_id').notNull().references(() => instances.id, { onDelete: 'cascade' }),
  groupId: text('group_id').notNull().references(() => securityGroups.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.instanceId, t.groupId] })]);

/** Audit trail: who asked for what on which instance, and how it ended. */
export const instanceActions = sqliteTable('instance_actions', {
  id: text('id').primaryKey(),
  instanceId: text('instance_id').notNull().references(() => instances.id),
  operationId: text('operation_id').references(() => operations.id),
  action: text('action').notNull(),
  requestedBy: text('requested_by').notNull(),
  result: text('result'),
  message: text('message'),
  ...timestamps,
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
}, (t) => [index('instance_actions_instance').on(t.instanceId)]);

export const bandwidthUsage = sqliteTable('bandwidth_usage', {
  instanceId: text('instance_id').notNull().references(() => instances.id, { onDelete: 'cascade' }),
  mac: text('mac').notNull(),
  /** Start of the accounting period. */
  periodStart: integer('period_start', { mode: 'timestamp_ms' }).notNull(),
  bytesIn: integer('bytes_in').notNull().default(0),
  bytesOut: integer('bytes_out').notNull().default(0),
  /** The hypervisor's running totals at the last poll, so the next one adds only what came since (or all after a reset). */
  lastCounterIn: integer('last_counter_in'),
  lastCounterOut: integer('last_counter_out'),
  lastRefreshed: integer('last_refreshed', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.instanceId, t.mac, t.periodStart] })]);

export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  secretHash: text('secret_hash').notNull().unique(),
  ...timestamps,
  lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
}, (t) => [check('api_tokens_role', inList(t.role, ROLES))]);

/** Leases so that only one API process runs each periodic task (ready for several replicas). */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});
