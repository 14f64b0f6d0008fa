// The PostgreSQL twin of ../schema.ts: the same tables, columns and constraints, in PostgreSQL's types. Rows read
// through either schema have the same TypeScript shape, so the repositories and their row mapping are shared.
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, check, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  AGGREGATE_POOL_STATES, IMAGE_STATUSES, MAINTENANCE_STATES, MIGRATION_STATUSES, MIGRATION_TYPES, OPERATION_STATUSES,
  POWER_STATES, ROLES, VM_STATES,
} from '../schema.js';

// Binary collation on every text column: keyset paging and unique names then order and compare as in SQLite,
// whatever locale the database was created with.
const text = customType<{ data: string; driverData: string }>({ dataType: () => 'text COLLATE "C"' });

const inList = (column: unknown, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '))})`;

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().$defaultFn(() => new Date()),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().$defaultFn(() => new Date()),
};

/** One XAPI pool xengraph is connected to (a master URL and what it learned about it). */
export const pools = pgTable('pools', {
  id: text('id').primaryKey(),
  uuid: text('uuid').notNull().unique(),
  name: text('name').notNull(),
  masterUrl: text('master_url').notNull(),
  ...timestamps,
});

/** Compute hosts: XAPI hosts plus Nova's compute-service state. */
export const hosts = pgTable('hosts', {
  id: text('id').primaryKey(),
  uuid: text('uuid').notNull().unique(),
  poolId: text('pool_id').notNull().references(() => pools.id),
  name: text('name').notNull(),
  address: text('address').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  disabledReason: text('disabled_reason'),
  maintenance: text('maintenance').notNull().default('NONE'),
  live: boolean('live').notNull().default(true),
  memoryTotal: bigint('memory_total', { mode: 'number' }).notNull().default(0),
  memoryFree: bigint('memory_free', { mode: 'number' }).notNull().default(0),
  cpuCount: integer('cpu_count').notNull().default(0),
  ...timestamps,
}, (t) => [check('hosts_maintenance', inList(t.maintenance, MAINTENANCE_STATES))]);

export const flavors = pgTable('flavors', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  vcpus: integer('vcpus').notNull(),
  memoryMb: integer('memory_mb').notNull(),
  rootGb: integer('root_gb').notNull(),
  ephemeralGb: integer('ephemeral_gb').notNull().default(0),
  swapMb: integer('swap_mb').notNull().default(0),
  isPublic: boolean('is_public').notNull().default(true),
  /** Nova's flavor extra specs, e.g. `pci_passthrough:alias` = `gpu:1`. */
  extraSpecs: jsonb('extra_specs').$type<Record<string, string>>().notNull().default({}),
  ...timestamps,
}, (t) => [check('flavors_positive', sql`${t.vcpus} > 0 and ${t.memoryMb} > 0 and ${t.rootGb} >= 0`)]);

/** Glance-like images; their bytes live under DATA_DIR/images/<id>. */
export const images = pgTable('images', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  diskFormat: text('disk_format').notNull(),
  containerFormat: text('container_format').notNull().default('bare'),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull().default(0),
  checksum: text('checksum'),
  status: text('status').notNull().default('queued'),
  properties: jsonb('properties').$type<Record<string, string>>().notNull().default({}),
  ...timestamps,
}, (t) => [
  check('images_status', inList(t.status, IMAGE_STATUSES)),
  check('images_disk_format', inList(t.diskFormat, ['vhd', 'raw', 'qcow2', 'iso'])),
]);

export const aggregates = pgTable('aggregates', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  availabilityZone: text('availability_zone'),
  poolState: text('pool_state').notNull().default('CREATED'),
  metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
  ...timestamps,
}, (t) => [check('aggregates_pool_state', inList(t.poolState, AGGREGATE_POOL_STATES))]);

export const aggregateHosts = pgTable('aggregate_hosts', {
  aggregateId: text('aggregate_id').notNull().references(() => aggregates.id, { onDelete: 'cascade' }),
  hostId: text('host_id').notNull().references(() => hosts.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.aggregateId, t.hostId] })]);

export const instances = pgTable('instances', {
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
  managed: boolean('managed').notNull().default(true),
  vmState: text('vm_state').notNull().default('BUILDING'),
  taskState: text('task_state'),
  powerState: text('power_state').notNull().default('NOSTATE'),
  progress: integer('progress').notNull().default(0),
  vcpus: integer('vcpus').notNull().default(0),
  memoryMb: integer('memory_mb').notNull().default(0),
  metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
  systemMetadata: jsonb('system_metadata').$type<Record<string, string>>().notNull().default({}),
  ...timestamps,
  launchedAt: timestamp('launched_at', { withTimezone: true, precision: 3 }),
  deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
}, (t) => [
  check('instances_vm_state', inList(t.vmState, VM_STATES)),
  check('instances_power_state', inList(t.powerState, POWER_STATES)),
  check('instances_progress', sql`${t.progress} between 0 and 100`),
  index('instances_host').on(t.hostId),
  index('instances_companion_host').on(t.companionHostId),
  index('instances_name').on(t.name),
  index('instances_created').on(t.createdAt, t.id),
]);

export const operations = pgTable('operations', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  status: text('status').notNull().default('PENDING'),
  instanceId: text('instance_id').references(() => instances.id),
  /** Global id of what the operation acts on when that is not an instance (a host, an aggregate). */
  targetId: text('target_id'),
  input: jsonb('input').$type<Record<string, unknown>>().notNull().default({}),
  idempotencyKey: text('idempotency_key'),
  requestHash: text('request_hash'),
  requestedBy: text('requested_by').notNull(),
  progressPercent: doublePrecision('progress_percent').notNull().default(0),
  progressPhase: text('progress_phase'),
  progressMessage: text('progress_message'),
  xapiTask: text('xapi_task'),
  errorCode: text('error_code'),
  errorMessage: text('error_message'),
  xapiCode: text('xapi_code'),
  xapiParams: jsonb('xapi_params').$type<string[]>(),
  result: jsonb('result').$type<Record<string, unknown>>(),
  ...timestamps,
  startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
  finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
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

export const migrations = pgTable('migrations', {
  id: text('id').primaryKey(),
  instanceId: text('instance_id').notNull().references(() => instances.id),
  operationId: text('operation_id').references(() => operations.id),
  type: text('type').notNull(),
  status: text('status').notNull().default('queued'),
  sourceHostId: text('source_host_id').references(() => hosts.id),
  destHostId: text('dest_host_id').references(() => hosts.id),
  oldFlavorId: text('old_flavor_id').references(() => flavors.id),
  newFlavorId: text('new_flavor_id').references(() => flavors.id),
  progressPercent: doublePrecision('progress_percent').notNull().default(0),
  memoryTotal: bigint('memory_total', { mode: 'number' }),
  memoryProcessed: bigint('memory_processed', { mode: 'number' }),
  memoryRemaining: bigint('memory_remaining', { mode: 'number' }),
  diskTotal: bigint('disk_total', { mode: 'number' }),
  diskProcessed: bigint('disk_processed', { mode: 'number' }),
  diskRemaining: bigint('disk_remaining', { mode: 'number' }),
  ...timestamps,
}, (t) => [
  check('migrations_status', inList(t.status, MIGRATION_STATUSES)),
  check('migrations_type', inList(t.type, MIGRATION_TYPES)),
  index('migrations_instance').on(t.instanceId),
]);

export const volumeAttachments = pgTable('volume_attachments', {
  id: text('id').primaryKey(),
  instanceId: text('instance_id').notNull().references(() => instances.id),
  volumeId: text('volume_id').notNull(),
  mountpoint: text('mountpoint').notNull(),
  deviceNumber: integer('device_number'),
  connectionInfo: jsonb('connection_info').$type<Record<string, unknown>>().notNull(),
  srUuid: text('sr_uuid'),
  vdiUuid: text('vdi_uuid'),
  ...timestamps,
  detachedAt: timestamp('detached_at', { withTimezone: true, precision: 3 }),
}, (t) => [index('volume_attachments_instance').on(t.instanceId)]);

export const networks = pgTable('networks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The XAPI network (bridge) it maps to in each pool, by bridge name. */
  bridge: text('bridge').notNull().unique(),
  ...timestamps,
});

export const subnets = pgTable('subnets', {
  id: text('id').primaryKey(),
  networkId: text('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  cidr: text('cidr').notNull(),
  gateway: text('gateway'),
  dns: jsonb('dns').$type<string[]>().notNull().default([]),
  ...timestamps,
});

export const instanceVifs = pgTable('instance_vifs', {
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

export const securityGroups = pgTable('security_groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  ...timestamps,
});

export const securityGroupRules = pgTable('security_group_rules', {
  id: text('id').primaryKey(),
  groupId: text('group_id').notNull().references(() => securityGroups.id, { onDelete: 'cascade' }),
  protocol: text('protocol').notNull(),
  fromPort: integer('from_port'),
  toPort: integer('to_port'),
  cidr: text('cidr'),
  sourceGroupId: text('source_group_id').references(() => securityGroups.id),
  ...timestamps,
}, (t) => [check('security_group_rules_protocol', inList(t.protocol, ['tcp', 'udp', 'icmp']))]);

export const instanceSecurityGroups = pgTable('instance_security_groups', {
  instanceId: text('instance_id').notNull().references(() => instances.id, { onDelete: 'cascade' }),
  groupId: text('group_id').notNull().references(() => securityGroups.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.instanceId, t.groupId] })]);

/** Audit trail: who asked for what on which instance, and how it ended. */
export const instanceActions = pgTable('instance_actions', {
  id: text('id').primaryKey(),
  instanceId: text('instance_id').notNull().references(() => instances.id),
  operationId: text('operation_id').references(() => operations.id),
  action: text('action').notNull(),
  requestedBy: text('requested_by').notNull(),
  result: text('result'),
  message: text('message'),
  ...timestamps,
  finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
}, (t) => [index('instance_actions_instance').on(t.instanceId)]);

export const bandwidthUsage = pgTable('bandwidth_usage', {
  instanceId: text('instance_id').notNull().references(() => instances.id, { onDelete: 'cascade' }),
  mac: text('mac').notNull(),
  /** Start of the accounting period. */
  periodStart: timestamp('period_start', { withTimezone: true, precision: 3 }).notNull(),
  bytesIn: bigint('bytes_in', { mode: 'number' }).notNull().default(0),
  bytesOut: bigint('bytes_out', { mode: 'number' }).notNull().default(0),
  /** The hypervisor's running totals at the last poll, so the next one adds only what came since (or all after a reset). */
  lastCounterIn: bigint('last_counter_in', { mode: 'number' }),
  lastCounterOut: bigint('last_counter_out', { mode: 'number' }),
  lastRefreshed: timestamp('last_refreshed', { withTimezone: true, precision: 3 }).notNull(),
}, (t) => [primaryKey({ columns: [t.instanceId, t.mac, t.periodStart] })]);

export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  secretHash: text('secret_hash').notNull().unique(),
  ...timestamps,
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
}, (t) => [check('api_tokens_role', inList(t.role, ROLES))]);

/** Leases so that only one API process runs each periodic task (ready for several replicas). */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
});
