// Enums shared by several types. Domain values the store keeps in its own spelling (lower case, dotted,
// hyphenated) are mapped to GraphQL's upper-case names here, once per enum: resolvers return the domain value
// and inputs arrive as it.
import { INSTANCE_ACTIONS } from '../driver/actions/index.js';
import { AGGREGATE_ACTIONS } from '../driver/aggregate/host-membership.js';
import { HOST_ACTIONS } from '../driver/host/host-actions.js';
import { POOL_ACTIONS } from '../driver/host/pool-actions.js';
import {
  IMAGE_STATUSES, MIGRATION_STATUSES, MIGRATION_TYPES, OPERATION_STATUSES, POWER_STATES, VM_STATES,
} from '../store/schema.js';
import type { ConnectionState } from '../xapi/index.js';
import { builder } from './builder.js';

/** GraphQL's name for a domain value: instance.setBootable → INSTANCE_SET_BOOTABLE, post-migrating → POST_MIGRATING. */
export function enumValueName(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

/** An enum whose GraphQL names are the upper-case spelling of the domain's values. */
function domainEnum<const Value extends string>(name: string, values: readonly Value[], description?: string) {
  const entries = values.map((value) => [enumValueName(value), { value }] as const);
  return builder.enumType(name, { description, values: Object.fromEntries(entries) as Record<string, { value: Value }> });
}

export const PowerStateEnum = builder.enumType('PowerState', {
  description: 'Power state of the VM as XAPI reports it, in Nova\'s terms.',
  values: POWER_STATES,
});

export const VmStateEnum = builder.enumType('VmState', {
  description: 'Nova\'s stable state of an instance.',
  values: VM_STATES,
});

export const OperationStatusEnum = builder.enumType('OperationStatus', { values: OPERATION_STATUSES });

export const OrderDirectionEnum = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });

export const ImageStatusEnum = domainEnum('ImageStatus', IMAGE_STATUSES, 'Glance\'s image status: QUEUED until its bytes are in, then ACTIVE.');

export const MigrationStatusEnum = domainEnum('MigrationStatus', MIGRATION_STATUSES, 'Nova\'s migration status.');

export const MigrationTypeEnum = domainEnum('MigrationType', MIGRATION_TYPES);

const CONNECTION_STATES: readonly ConnectionState[] = ['connecting', 'connected', 'reconnecting', 'stopped'];
export const PoolConnectionStateEnum = domainEnum('PoolConnectionState', CONNECTION_STATES);

/** Every operation kind: the actions the runner knows, which are the only ones that make operations. */
const OPERATION_KINDS = [...INSTANCE_ACTIONS.keys(), ...AGGREGATE_ACTIONS.keys(), ...HOST_ACTIONS.keys(), ...POOL_ACTIONS.keys()];
export const OperationKindEnum = domainEnum('OperationKind', OPERATION_KINDS, 'What an operation (and the instance action it records) does, e.g. INSTANCE_REBOOT.');

// Snapshot moves through Nova's upload stages within its run; every other task state is an action's own.
const IN_STEP_TASK_STATES = ['image_pending_upload', 'image_uploading'];
const TASK_STATES = [...new Set([...[...INSTANCE_ACTIONS.values()].map((action) => action.taskState), ...IN_STEP_TASK_STATES])];
export const TaskStateEnum = domainEnum('TaskState', TASK_STATES, 'Nova\'s task state: what an instance is busy with.');
