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

/** An enum whose GraphQL names are the upper-case spelling of the domain's values; `meaning` describes each. */
function domainEnum<const Value extends string>(name: string, values: readonly Value[], description: string, meaning: (value: Value) => string) {
  const entries = values.map((value) => [enumValueName(value), { value, description: meaning(value) }] as const);
  return builder.enumType(name, { description, values: Object.fromEntries(entries) as Record<string, { value: Value; description: string }> });
}

/** An enum of fixed upper-case values, each with its meaning. */
function describedEnum<const Value extends string>(name: string, description: string, meanings: Record<Value, string>) {
  const values = Object.fromEntries(Object.entries<string>(meanings).map(([value, meaning]) => [value, { description: meaning }]));
  return builder.enumType(name, { description, values: values as Record<Value, { description: string }> });
}

/** The mutation that submits an operation kind: instance.setBootable → instanceSetBootable. */
function mutationOfKind(kind: string): string {
  const [subject, verb] = kind.split('.');
  return `${subject}${verb![0]!.toUpperCase()}${verb!.slice(1)}`;
}

function kindMeaning(kind: string): string {
  // Not a mutation: the host-boot check starts it for each instance that ran on a host that came back.
  if (kind === 'instance.resumeStateOnHostBoot') return 'Restarting an instance that ran on a host when it went down, once the host is back.';
  return `The work of the ${mutationOfKind(kind)} mutation.`;
}

export const PowerStateEnum = describedEnum<(typeof POWER_STATES)[number]>('PowerState', 'Power state of the VM as XAPI reports it, in Nova\'s terms.', {
  NOSTATE: 'Unknown: no VM, or XAPI has not said.',
  RUNNING: 'Running (XAPI Running).',
  PAUSED: 'Paused in memory (XAPI Paused).',
  SHUTDOWN: 'Halted (XAPI Halted).',
  CRASHED: 'The domain crashed.',
  SUSPENDED: 'Suspended to disk (XAPI Suspended).',
});

export const VmStateEnum = describedEnum<(typeof VM_STATES)[number]>('VmState', 'Nova\'s stable state of an instance.', {
  BUILDING: 'Being spawned.',
  ACTIVE: 'Built and running.',
  PAUSED: 'Paused in memory.',
  SUSPENDED: 'Suspended to disk.',
  STOPPED: 'Powered off.',
  RESCUED: 'Its rescue VM runs in its place.',
  RESIZED: 'Resized or migrated, waiting for confirm or revert.',
  SOFT_DELETED: 'Stopped and blocked from booting until restored or destroyed.',
  DELETED: 'Destroyed.',
  ERROR: 'An action failed and left it in no known state.',
  SHELVED: 'Shelved (Nova\'s state; no action here shelves).',
});

export const OperationStatusEnum = describedEnum<(typeof OPERATION_STATUSES)[number]>('OperationStatus', 'Where an operation stands.', {
  PENDING: 'Recorded, not started yet.',
  RUNNING: 'Running.',
  CANCELLING: 'Cancel asked; its XAPI task is being cancelled.',
  SUCCEEDED: 'Ended as asked.',
  FAILED: 'Ended in an error (see error).',
  CANCELLED: 'Stopped by operationCancel (or a stuck-reboot timeout).',
});

export const OrderDirectionEnum = describedEnum('OrderDirection', 'Sort direction.', { ASC: 'Smallest first.', DESC: 'Largest first.' });

const IMAGE_STATUS_MEANINGS: Record<(typeof IMAGE_STATUSES)[number], string> = {
  queued: 'Registered; its bytes are not in yet.', saving: 'Its bytes are being written (upload or snapshot).',
  active: 'Ready to use.', killed: 'Its upload or snapshot failed.', deleted: 'Deleted.',
};
export const ImageStatusEnum = domainEnum('ImageStatus', IMAGE_STATUSES, 'Glance\'s image status: QUEUED until its bytes are in, then ACTIVE.', (s) => IMAGE_STATUS_MEANINGS[s]);

const MIGRATION_STATUS_MEANINGS: Record<(typeof MIGRATION_STATUSES)[number], string> = {
  queued: 'Recorded, not started.', preparing: 'Checking and preparing the destination.', running: 'Moving (live migration).',
  migrating: 'Moving disks and VM (resize, cold migration).', 'post-migrating': 'Finishing on the destination.',
  completed: 'A live migration that ended well.', error: 'Failed; what was moved was rolled back.', cancelled: 'Cancelled.',
  finished: 'A resize or migration waiting for confirm or revert.', confirmed: 'Confirmed; the source\'s copy is gone.',
  reverted: 'Reverted to the source.',
};
export const MigrationStatusEnum = domainEnum('MigrationStatus', MIGRATION_STATUSES, 'Nova\'s migration status.', (s) => MIGRATION_STATUS_MEANINGS[s]);

const MIGRATION_TYPE_MEANINGS: Record<(typeof MIGRATION_TYPES)[number], string> = {
  resize: 'A change of flavor (instanceResize).', migration: 'A cold move to another host (instanceMigrate).',
  'live-migration': 'A move while running (instanceLiveMigrate).', evacuation: 'A move off a host entering maintenance.',
};
export const MigrationTypeEnum = domainEnum('MigrationType', MIGRATION_TYPES, 'What kind of move a migration is.', (t) => MIGRATION_TYPE_MEANINGS[t]);

const CONNECTION_STATES: readonly ConnectionState[] = ['connecting', 'connected', 'reconnecting', 'stopped'];
const CONNECTION_STATE_MEANINGS: Record<ConnectionState, string> = {
  connecting: 'Logging in for the first time.', connected: 'Logged in; events flow.',
  reconnecting: 'Lost; retrying in the background.', stopped: 'Closed (the server is stopping).',
};
export const PoolConnectionStateEnum = domainEnum('PoolConnectionState', CONNECTION_STATES, 'The state of the link to one XAPI pool.', (s) => CONNECTION_STATE_MEANINGS[s]);

/** Every operation kind: the actions the runner knows, which are the only ones that make operations. */
const OPERATION_KINDS = [...INSTANCE_ACTIONS.keys(), ...AGGREGATE_ACTIONS.keys(), ...HOST_ACTIONS.keys(), ...POOL_ACTIONS.keys()];
export const OperationKindEnum = domainEnum('OperationKind', OPERATION_KINDS, 'What an operation (and the instance action it records) does, e.g. INSTANCE_REBOOT.', kindMeaning);

// Snapshot moves through Nova's upload stages within its run; every other task state is an action's own.
const IN_STEP_TASK_STATES = ['image_pending_upload', 'image_uploading'];
const TASK_STATES = [...new Set([...[...INSTANCE_ACTIONS.values()].map((action) => action.taskState), ...IN_STEP_TASK_STATES])];
function taskStateMeaning(taskState: string): string {
  if (taskState === 'image_pending_upload') return 'A snapshot taken, waiting to upload.';
  if (taskState === 'image_uploading') return 'A snapshot uploading to its image.';
  const kinds = [...INSTANCE_ACTIONS.values()].filter((action) => action.taskState === taskState).map((action) => action.kind);
  if (kinds.includes('instance.resumeStateOnHostBoot')) return kindMeaning('instance.resumeStateOnHostBoot');
  return `Busy with ${kinds.map(mutationOfKind).join(' or ')}.`;
}
export const TaskStateEnum = domainEnum('TaskState', TASK_STATES, 'Nova\'s task state: what an instance is busy with.', taskStateMeaning);
