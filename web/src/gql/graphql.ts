/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Nova's operational_state of a pool aggregate. */
export type AggregatePoolState =
  /** The XAPI pool is up. */
  | 'ACTIVE'
  /** A host is joining or leaving; no other change is accepted meanwhile. */
  | 'CHANGING'
  /** No XAPI pool yet: the next host added becomes its master. */
  | 'CREATED'
  /** Deleted. */
  | 'DISMISSED'
  /** A change failed and was rolled back; hosts may still be removed, none added. */
  | 'ERROR';

/** What a disk of an instance is for. */
export type DiskType =
  /** A CD drive, with an ISO image or empty. */
  | 'CDROM'
  /** The read-only config drive. */
  | 'CONFIGDRIVE'
  /** A scratch disk the flavor asks for (ephemeralGb). */
  | 'EPHEMERAL'
  /** A disk xengraph did not make. */
  | 'OTHER'
  /** The disk the instance boots from, made from its image. */
  | 'ROOT'
  /** The swap disk the flavor asks for. */
  | 'SWAP'
  /** An attached volume (its VBD carries other_config osvol). */
  | 'VOLUME';

/** A mutation that acts on one host. */
export type HostMutation =
  /** The hostPowerAction mutation. */
  | 'HOST_POWER_ACTION'
  /** The hostSetEnabled mutation. */
  | 'HOST_SET_ENABLED'
  /** The hostSetMaintenanceMode mutation. */
  | 'HOST_SET_MAINTENANCE_MODE'
  /** The poolEmergencyTransition mutation. */
  | 'POOL_EMERGENCY_TRANSITION';

/** How an action ended. */
export type InstanceActionResult =
  /** Stopped by operationCancel. */
  | 'CANCELLED'
  /** Ended in an error (see message). */
  | 'FAILED'
  /** Ended as asked. */
  | 'SUCCEEDED';

/** Which events to deliver; every given condition must hold, none given delivers all. */
export type InstanceEventFilter = {
  /** Only instances on this host. */
  hostId?: string | null | undefined;
  /** Only this instance. */
  instanceId?: string | null | undefined;
  /** At most 16 items. */
  kinds?: Array<InstanceEventKind> | null | undefined;
};

/** What happened to an instance; each kind has its own InstanceEvent type. */
export type InstanceEventKind =
  /** Some of its fields changed; `fields` names them. */
  | 'INSTANCE_CHANGED'
  /** A VM appeared: spawned here or found on a pool. */
  | 'INSTANCE_CREATED'
  /** The VM is gone (destroyed, or vanished from its pool). */
  | 'INSTANCE_DELETED'
  /** A migration of it moved on. */
  | 'MIGRATION_PROGRESSED'
  /** Its XAPI power_state moved. */
  | 'POWER_STATE_CHANGED'
  /** Nova's task_state moved. */
  | 'TASK_STATE_CHANGED';

/** Which instances to list; every given field must match. */
export type InstanceFilter = {
  /** Only instances on a host of this aggregate. */
  aggregateId?: string | null | undefined;
  /** Only instances on this host. */
  hostId?: string | null | undefined;
  /** Also list DELETED instances (left out by default). */
  includeDeleted?: boolean | null | undefined;
  /** True: only instances xengraph created; false: only VMs found on a pool. */
  managed?: boolean | null | undefined;
  /** At most 255 characters. */
  nameContains?: string | null | undefined;
  /** Only instances in this power state. */
  powerState?: PowerState | null | undefined;
  /** Only instances in this vm state. */
  vmState?: VmState | null | undefined;
};

/** A mutation that acts on one instance. */
export type InstanceMutation =
  /** The instanceAddSecurityGroup mutation. */
  | 'INSTANCE_ADD_SECURITY_GROUP'
  /** The instanceAttachInterface mutation. */
  | 'INSTANCE_ATTACH_INTERFACE'
  /** The instanceAttachVolume mutation. */
  | 'INSTANCE_ATTACH_VOLUME'
  /** The instanceCleanupSnapshots mutation. */
  | 'INSTANCE_CLEANUP_SNAPSHOTS'
  /** The instanceConfirmResize mutation. */
  | 'INSTANCE_CONFIRM_RESIZE'
  /** The instanceDestroy mutation. */
  | 'INSTANCE_DESTROY'
  /** The instanceDetachInterface mutation. */
  | 'INSTANCE_DETACH_INTERFACE'
  /** The instanceDetachVolume mutation. */
  | 'INSTANCE_DETACH_VOLUME'
  /** The instanceEjectCd mutation. */
  | 'INSTANCE_EJECT_CD'
  /** The instanceInjectFile mutation. */
  | 'INSTANCE_INJECT_FILE'
  /** The instanceInjectNetworkInfo mutation. */
  | 'INSTANCE_INJECT_NETWORK_INFO'
  /** The instanceLiveMigrate mutation. */
  | 'INSTANCE_LIVE_MIGRATE'
  /** The instanceMigrate mutation. */
  | 'INSTANCE_MIGRATE'
  /** The instancePause mutation. */
  | 'INSTANCE_PAUSE'
  /** The instancePowerOff mutation. */
  | 'INSTANCE_POWER_OFF'
  /** The instancePowerOn mutation. */
  | 'INSTANCE_POWER_ON'
  /** The instanceReboot mutation. */
  | 'INSTANCE_REBOOT'
  /** The instanceRemoveSecurityGroup mutation. */
  | 'INSTANCE_REMOVE_SECURITY_GROUP'
  /** The instanceRescue mutation. */
  | 'INSTANCE_RESCUE'
  /** The instanceResetNetwork mutation. */
  | 'INSTANCE_RESET_NETWORK'
  /** The instanceResize mutation. */
  | 'INSTANCE_RESIZE'
  /** The instanceRestore mutation. */
  | 'INSTANCE_RESTORE'
  /** The instanceResume mutation. */
  | 'INSTANCE_RESUME'
  /** The instanceRevertResize mutation. */
  | 'INSTANCE_REVERT_RESIZE'
  /** The instanceSetAdminPassword mutation. */
  | 'INSTANCE_SET_ADMIN_PASSWORD'
  /** The instanceSetBootable mutation. */
  | 'INSTANCE_SET_BOOTABLE'
  /** The instanceSetHaRestartPriority mutation. */
  | 'INSTANCE_SET_HA_RESTART_PRIORITY'
  /** The instanceSnapshot mutation. */
  | 'INSTANCE_SNAPSHOT'
  /** The instanceSoftDelete mutation. */
  | 'INSTANCE_SOFT_DELETE'
  /** The instanceSuspend mutation. */
  | 'INSTANCE_SUSPEND'
  /** The instanceUnpause mutation. */
  | 'INSTANCE_UNPAUSE'
  /** The instanceUnrescue mutation. */
  | 'INSTANCE_UNRESCUE'
  /** The instanceUpdateMetadata mutation. */
  | 'INSTANCE_UPDATE_METADATA';

/** Where a host stands in maintenance mode (Nova's host_maintenance_mode). */
export type MaintenanceState =
  /** Disabled, its instances being live-migrated away. */
  | 'ENTERING'
  /** Entering or leaving failed part-way; the host stays disabled. */
  | 'ERROR'
  /** Being put back in service. */
  | 'LEAVING'
  /** In service. */
  | 'NONE'
  /** Disabled and empty; safe to work on. */
  | 'ON';

/** Nova's migration status. */
export type MigrationStatus =
  /** Cancelled. */
  | 'CANCELLED'
  /** A live migration that ended well. */
  | 'COMPLETED'
  /** Confirmed; the source's copy is gone. */
  | 'CONFIRMED'
  /** Failed; what was moved was rolled back. */
  | 'ERROR'
  /** A resize or migration waiting for confirm or revert. */
  | 'FINISHED'
  /** Moving disks and VM (resize, cold migration). */
  | 'MIGRATING'
  /** Finishing on the destination. */
  | 'POST_MIGRATING'
  /** Checking and preparing the destination. */
  | 'PREPARING'
  /** Recorded, not started. */
  | 'QUEUED'
  /** Reverted to the source. */
  | 'REVERTED'
  /** Moving (live migration). */
  | 'RUNNING';

/** What kind of move a migration is. */
export type MigrationType =
  /** A move off a host entering maintenance. */
  | 'EVACUATION'
  /** A move while running (instanceLiveMigrate). */
  | 'LIVE_MIGRATION'
  /** A cold move to another host (instanceMigrate). */
  | 'MIGRATION'
  /** A change of flavor (instanceResize). */
  | 'RESIZE';

/** Which operations to list; every given field must match. */
export type OperationFilter = {
  /** Only operations on this instance. */
  instanceId?: string | null | undefined;
  /** Only this action. */
  kind?: OperationKind | null | undefined;
  /** Only operations in this status. */
  status?: OperationStatus | null | undefined;
};

/** What an operation (and the instance action it records) does, e.g. INSTANCE_REBOOT. */
export type OperationKind =
  /** The work of the aggregateAddHost mutation. */
  | 'AGGREGATE_ADD_HOST'
  /** The work of the aggregateRemoveHost mutation. */
  | 'AGGREGATE_REMOVE_HOST'
  /** The work of the hostPowerAction mutation. */
  | 'HOST_POWER_ACTION'
  /** The work of the hostSetEnabled mutation. */
  | 'HOST_SET_ENABLED'
  /** The work of the hostSetMaintenanceMode mutation. */
  | 'HOST_SET_MAINTENANCE_MODE'
  /** The work of the instanceAddSecurityGroup mutation. */
  | 'INSTANCE_ADD_SECURITY_GROUP'
  /** The work of the instanceAttachInterface mutation. */
  | 'INSTANCE_ATTACH_INTERFACE'
  /** The work of the instanceAttachVolume mutation. */
  | 'INSTANCE_ATTACH_VOLUME'
  /** The work of the instanceCleanupSnapshots mutation. */
  | 'INSTANCE_CLEANUP_SNAPSHOTS'
  /** The work of the instanceConfirmResize mutation. */
  | 'INSTANCE_CONFIRM_RESIZE'
  /** The work of the instanceDestroy mutation. */
  | 'INSTANCE_DESTROY'
  /** The work of the instanceDetachInterface mutation. */
  | 'INSTANCE_DETACH_INTERFACE'
  /** The work of the instanceDetachVolume mutation. */
  | 'INSTANCE_DETACH_VOLUME'
  /** The work of the instanceEjectCd mutation. */
  | 'INSTANCE_EJECT_CD'
  /** The work of the instanceInjectFile mutation. */
  | 'INSTANCE_INJECT_FILE'
  /** The work of the instanceInjectNetworkInfo mutation. */
  | 'INSTANCE_INJECT_NETWORK_INFO'
  /** The work of the instanceLiveMigrate mutation. */
  | 'INSTANCE_LIVE_MIGRATE'
  /** The work of the instanceMigrate mutation. */
  | 'INSTANCE_MIGRATE'
  /** The work of the instancePause mutation. */
  | 'INSTANCE_PAUSE'
  /** The work of the instancePowerOff mutation. */
  | 'INSTANCE_POWER_OFF'
  /** The work of the instancePowerOn mutation. */
  | 'INSTANCE_POWER_ON'
  /** The work of the instanceReboot mutation. */
  | 'INSTANCE_REBOOT'
  /** The work of the instanceRemoveSecurityGroup mutation. */
  | 'INSTANCE_REMOVE_SECURITY_GROUP'
  /** The work of the instanceRescue mutation. */
  | 'INSTANCE_RESCUE'
  /** The work of the instanceResetNetwork mutation. */
  | 'INSTANCE_RESET_NETWORK'
  /** The work of the instanceResize mutation. */
  | 'INSTANCE_RESIZE'
  /** The work of the instanceRestore mutation. */
  | 'INSTANCE_RESTORE'
  /** The work of the instanceResume mutation. */
  | 'INSTANCE_RESUME'
  /** Restarting an instance that ran on a host when it went down, once the host is back. */
  | 'INSTANCE_RESUME_STATE_ON_HOST_BOOT'
  /** The work of the instanceRevertResize mutation. */
  | 'INSTANCE_REVERT_RESIZE'
  /** The work of the instanceSetAdminPassword mutation. */
  | 'INSTANCE_SET_ADMIN_PASSWORD'
  /** The work of the instanceSetBootable mutation. */
  | 'INSTANCE_SET_BOOTABLE'
  /** The work of the instanceSetHaRestartPriority mutation. */
  | 'INSTANCE_SET_HA_RESTART_PRIORITY'
  /** The work of the instanceSnapshot mutation. */
  | 'INSTANCE_SNAPSHOT'
  /** The work of the instanceSoftDelete mutation. */
  | 'INSTANCE_SOFT_DELETE'
  /** The work of the instanceSpawn mutation. */
  | 'INSTANCE_SPAWN'
  /** The work of the instanceSuspend mutation. */
  | 'INSTANCE_SUSPEND'
  /** The work of the instanceUnpause mutation. */
  | 'INSTANCE_UNPAUSE'
  /** The work of the instanceUnrescue mutation. */
  | 'INSTANCE_UNRESCUE'
  /** The work of the instanceUpdateMetadata mutation. */
  | 'INSTANCE_UPDATE_METADATA'
  /** The work of the poolEmergencyTransition mutation. */
  | 'POOL_EMERGENCY_TRANSITION'
  /** The work of the poolRollingReboot mutation. */
  | 'POOL_ROLLING_REBOOT';

/** Where an operation stands. */
export type OperationStatus =
  /** Stopped by operationCancel (or a stuck-reboot timeout). */
  | 'CANCELLED'
  /** Cancel asked; its XAPI task is being cancelled. */
  | 'CANCELLING'
  /** Ended in an error (see error). */
  | 'FAILED'
  /** Recorded, not started yet. */
  | 'PENDING'
  /** Running. */
  | 'RUNNING'
  /** Ended as asked. */
  | 'SUCCEEDED';

/** The state of the link to one XAPI pool. */
export type PoolConnectionState =
  /** Logged in; events flow. */
  | 'CONNECTED'
  /** Logging in for the first time. */
  | 'CONNECTING'
  /** Lost; retrying in the background. */
  | 'RECONNECTING'
  /** Closed (the server is stopping). */
  | 'STOPPED';

/** Power state of the VM as XAPI reports it, in Nova's terms. */
export type PowerState =
  /** The domain crashed. */
  | 'CRASHED'
  /** Unknown: no VM, or XAPI has not said. */
  | 'NOSTATE'
  /** Paused in memory (XAPI Paused). */
  | 'PAUSED'
  /** Running (XAPI Running). */
  | 'RUNNING'
  /** Halted (XAPI Halted). */
  | 'SHUTDOWN'
  /** Suspended to disk (XAPI Suspended). */
  | 'SUSPENDED';

/** What a token may do; each role includes the ones before it. */
export type Role =
  /** Also manage API tokens and see raw XAPI events. */
  | 'ADMIN'
  /** Also run actions on instances and hosts. */
  | 'OPERATOR'
  /** Read everything, subscribe to feeds. */
  | 'READER';

/** Nova's task state: what an instance is busy with. */
export type TaskState =
  /** Busy with instanceAttachInterface. */
  | 'ATTACHING_INTERFACE'
  /** Busy with instanceAttachVolume. */
  | 'ATTACHING_VOLUME'
  /** Busy with instanceCleanupSnapshots. */
  | 'CLEANING_SNAPSHOTS'
  /** Busy with instanceDestroy. */
  | 'DELETING'
  /** Busy with instanceDetachInterface. */
  | 'DETACHING_INTERFACE'
  /** Busy with instanceDetachVolume. */
  | 'DETACHING_VOLUME'
  /** Busy with instanceEjectCd. */
  | 'EJECTING_CD'
  /** A snapshot taken, waiting to upload. */
  | 'IMAGE_PENDING_UPLOAD'
  /** Busy with instanceSnapshot. */
  | 'IMAGE_SNAPSHOT'
  /** A snapshot uploading to its image. */
  | 'IMAGE_UPLOADING'
  /** Busy with instanceInjectFile. */
  | 'INJECTING_FILE'
  /** Busy with instanceInjectNetworkInfo. */
  | 'INJECTING_NETWORK_INFO'
  /** Busy with instanceLiveMigrate. */
  | 'MIGRATING'
  /** Busy with instancePause. */
  | 'PAUSING'
  /** Busy with instancePowerOff. */
  | 'POWERING_OFF'
  /** Restarting an instance that ran on a host when it went down, once the host is back. */
  | 'POWERING_ON'
  /** Busy with instanceReboot. */
  | 'REBOOTING'
  /** Busy with instanceRescue. */
  | 'RESCUING'
  /** Busy with instanceResetNetwork. */
  | 'RESETTING_NETWORK'
  /** Busy with instanceConfirmResize. */
  | 'RESIZE_CONFIRMING'
  /** Busy with instanceResize or instanceMigrate. */
  | 'RESIZE_MIGRATING'
  /** Busy with instanceRevertResize. */
  | 'RESIZE_REVERTING'
  /** Busy with instanceRestore. */
  | 'RESTORING'
  /** Busy with instanceResume. */
  | 'RESUMING'
  /** Busy with instanceSoftDelete. */
  | 'SOFT_DELETING'
  /** Busy with instanceSpawn. */
  | 'SPAWNING'
  /** Busy with instanceSuspend. */
  | 'SUSPENDING'
  /** Busy with instanceUnpause. */
  | 'UNPAUSING'
  /** Busy with instanceUnrescue. */
  | 'UNRESCUING'
  /** Busy with instanceSetBootable. */
  | 'UPDATING_BOOTABLE'
  /** Busy with instanceSetHaRestartPriority. */
  | 'UPDATING_HA_PROTECTION'
  /** Busy with instanceUpdateMetadata. */
  | 'UPDATING_METADATA'
  /** Busy with instanceSetAdminPassword. */
  | 'UPDATING_PASSWORD'
  /** Busy with instanceAddSecurityGroup or instanceRemoveSecurityGroup. */
  | 'UPDATING_SECURITY_GROUPS';

/** Stable machine-readable code of a UserError. */
export type UserErrorCode =
  /** The guest agent answered with an error. */
  | 'AGENT_ERROR'
  /** The instance has no guest agent, or it lacks the command. */
  | 'AGENT_NOT_IMPLEMENTED'
  /** The guest agent did not answer within AGENT_TIMEOUT seconds. */
  | 'AGENT_TIMEOUT'
  /** The disk chain did not coalesce in time for a snapshot. */
  | 'COALESCE_TIMEOUT'
  /** The instance has no console to connect to now. */
  | 'CONSOLE_NOT_AVAILABLE'
  /** Some instances could not leave the host. */
  | 'EVACUATION_FAILED'
  /** The host refused the security group rules. */
  | 'FIREWALL_NOT_APPLIED'
  /** The caller's role is too low (a top-level error, named here by allowedActions). */
  | 'FORBIDDEN'
  /** The idempotency key was used before for a different request. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** A VM with this name already exists on the pool. */
  | 'INSTANCE_EXISTS'
  /** The VM takes no further network interface. */
  | 'INTERFACE_ATTACH_FAILED'
  /** The aggregate's state does not allow the action (Nova's InvalidAggregateAction). */
  | 'INVALID_AGGREGATE_ACTION'
  /** An input value is well-formed but not acceptable; `path` names it. */
  | 'INVALID_INPUT'
  /** The object's state does not allow the action now (e.g. pausing a stopped instance). */
  | 'INVALID_STATE'
  /** The live migration checks said no; the reason says why. */
  | 'MIGRATION_REFUSED'
  /** The object an input names does not exist (or the caller may not see it). */
  | 'NOT_FOUND'
  /** No host can take the instance (disabled, down or short of memory). */
  | 'NO_VALID_HOST'
  /** The object already has an operation running; one at a time. */
  | 'OPERATION_IN_PROGRESS'
  /** The host has no power-on mode configured. */
  | 'POWER_ON_UNAVAILABLE'
  /** The new flavor cannot take the instance (e.g. a smaller disk). */
  | 'RESIZE_ERROR'
  /** The security group still has member instances. */
  | 'SECURITY_GROUP_IN_USE'
  /** The storage refused (e.g. an iSCSI target that does not answer). */
  | 'STORAGE_ERROR'
  /** A refusal with no more specific code. */
  | 'USER_ERROR'
  /** The instance's VM is no longer on its pool. */
  | 'VM_NOT_FOUND';

/** Nova's stable state of an instance. */
export type VmState =
  /** Built and running. */
  | 'ACTIVE'
  /** Being spawned. */
  | 'BUILDING'
  /** Destroyed. */
  | 'DELETED'
  /** An action failed and left it in no known state. */
  | 'ERROR'
  /** Paused in memory. */
  | 'PAUSED'
  /** Its rescue VM runs in its place. */
  | 'RESCUED'
  /** Resized or migrated, waiting for confirm or revert. */
  | 'RESIZED'
  /** Shelved (Nova's state; no action here shelves). */
  | 'SHELVED'
  /** Stopped and blocked from booting until restored or destroyed. */
  | 'SOFT_DELETED'
  /** Powered off. */
  | 'STOPPED'
  /** Suspended to disk. */
  | 'SUSPENDED';

export type InstanceEventsFeedSubscriptionVariables = Exact<{
  filter?: InstanceEventFilter | null | undefined;
}>;


export type InstanceEventsFeedSubscription = { instanceEvents:
    | { at: string, kind: InstanceEventKind, instance: { id: string } }
    | { at: string, kind: InstanceEventKind, instance: { id: string } }
    | { at: string, kind: InstanceEventKind, instance: { id: string } }
    | { at: string, kind: InstanceEventKind, instance: { id: string } }
    | { at: string, kind: InstanceEventKind, instance: { id: string } }
    | { at: string, kind: InstanceEventKind, instance: { id: string } }
   };

export type OperationLiveSubscriptionVariables = Exact<{
  id: string;
}>;


export type OperationLiveSubscription = { operationUpdated: { id: string, kind: OperationKind, status: OperationStatus, createdAt: string, finishedAt: string | null, requestedBy: string, progress: { percent: number, phase: string | null, message: string | null }, error: { code: string, message: string } | null, instance: { id: string, name: string } | null, target:
      | { __typename: 'Aggregate', name: string, id: string }
      | { __typename: 'ApiToken', id: string }
      | { __typename: 'Flavor', id: string }
      | { __typename: 'Host', name: string, id: string }
      | { __typename: 'Image', id: string }
      | { __typename: 'Instance', id: string }
      | { __typename: 'InstanceInterface', id: string }
      | { __typename: 'Migration', id: string }
      | { __typename: 'Network', id: string }
      | { __typename: 'Operation', id: string }
      | { __typename: 'SecurityGroup', id: string }
      | { __typename: 'SecurityGroupRule', id: string }
      | { __typename: 'Subnet', id: string }
      | { __typename: 'VolumeAttachment', id: string }
     | null, migration: { id: string } | null } };

export type OperationSummaryFragment = { id: string, kind: OperationKind, status: OperationStatus, createdAt: string, finishedAt: string | null, requestedBy: string, progress: { percent: number, phase: string | null, message: string | null }, error: { code: string, message: string } | null, instance: { id: string, name: string } | null, target:
    | { __typename: 'Aggregate', name: string, id: string }
    | { __typename: 'ApiToken', id: string }
    | { __typename: 'Flavor', id: string }
    | { __typename: 'Host', name: string, id: string }
    | { __typename: 'Image', id: string }
    | { __typename: 'Instance', id: string }
    | { __typename: 'InstanceInterface', id: string }
    | { __typename: 'Migration', id: string }
    | { __typename: 'Network', id: string }
    | { __typename: 'Operation', id: string }
    | { __typename: 'SecurityGroup', id: string }
    | { __typename: 'SecurityGroupRule', id: string }
    | { __typename: 'Subnet', id: string }
    | { __typename: 'VolumeAttachment', id: string }
   | null, migration: { id: string } | null };

export type OperationCancelMutationVariables = Exact<{
  id: string;
}>;


export type OperationCancelMutation = { operationCancel:
    | { __typename: 'BaseUserError', message: string, code: UserErrorCode }
    | { __typename: 'InvalidInputError', message: string, code: UserErrorCode }
    | { __typename: 'InvalidStateError', message: string, code: UserErrorCode }
    | { __typename: 'NotFoundError', message: string, code: UserErrorCode }
    | { __typename: 'OperationCancelPayload' }
   };

export type MigrationLiveSubscriptionVariables = Exact<{
  id: string;
}>;


export type MigrationLiveSubscription = { migrationUpdated: { id: string, type: MigrationType, status: MigrationStatus, createdAt: string, updatedAt: string, instance: { id: string, name: string }, sourceHost: { name: string } | null, destHost: { name: string } | null, progress: { percent: number, memory: { processedBytes: number, totalBytes: number } | null, disk: { processedBytes: number, totalBytes: number } | null } } };

export type MigrationSummaryFragment = { id: string, type: MigrationType, status: MigrationStatus, createdAt: string, updatedAt: string, instance: { id: string, name: string }, sourceHost: { name: string } | null, destHost: { name: string } | null, progress: { percent: number, memory: { processedBytes: number, totalBytes: number } | null, disk: { processedBytes: number, totalBytes: number } | null } };

export type AggregatesPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AggregatesPageQuery = { aggregates: { edges: Array<{ node: { id: string, name: string, availabilityZone: string | null, hypervisorPool: boolean, poolState: AggregatePoolState, metadata: unknown, master: { name: string } | null, hosts: Array<{ id: string, name: string, poolName: string, enabled: boolean }> } }> } };

export type InstanceDetailQueryVariables = Exact<{
  id: string;
}>;


export type InstanceDetailQuery = { node:
    | { __typename: 'Aggregate' }
    | { __typename: 'ApiToken' }
    | { __typename: 'Flavor' }
    | { __typename: 'Host' }
    | { __typename: 'Image' }
    | { __typename: 'Instance', id: string, uuid: string, name: string, vmName: string, managed: boolean, powerState: PowerState, vmState: VmState, taskState: TaskState | null, progress: number, vcpus: number, memoryMb: number, createdAt: string, updatedAt: string, allowedActions: Array<{ action: InstanceMutation, allowed: boolean, reason: string | null }>, host: { id: string, name: string } | null, flavor: { name: string, vcpus: number, memoryMb: number, rootGb: number } | null, image: { name: string } | null, info: { numCpu: number, memKb: number, maxMemKb: number } | null, interfaces: Array<{ id: string, device: number, mac: string, ip: string | null, attached: boolean | null, network: { name: string } }>, disks: Array<{ device: string, type: DiskType, sizeBytes: number | null, bootable: boolean, readOnly: boolean, attached: boolean }> | null, volumes: Array<{ id: string, volumeId: string, mountpoint: string, device: string | null, attachedAt: string }>, securityGroups: Array<{ id: string, name: string, description: string }>, actions: { edges: Array<{ node: { action: OperationKind, createdAt: string, finishedAt: string | null, result: InstanceActionResult | null, message: string | null, requestedBy: string } }> } }
    | { __typename: 'InstanceInterface' }
    | { __typename: 'Migration' }
    | { __typename: 'Network' }
    | { __typename: 'Operation' }
    | { __typename: 'SecurityGroup' }
    | { __typename: 'SecurityGroupRule' }
    | { __typename: 'Subnet' }
    | { __typename: 'VolumeAttachment' }
   | null };

export type InstanceConsoleQueryVariables = Exact<{
  id: string;
}>;


export type InstanceConsoleQuery = { node:
    | { __typename: 'Aggregate' }
    | { __typename: 'ApiToken' }
    | { __typename: 'Flavor' }
    | { __typename: 'Host' }
    | { __typename: 'Image' }
    | { __typename: 'Instance', id: string, consoleOutput:
        | { __typename: 'ConsoleNotAvailableError', message: string }
        | { __typename: 'ConsoleOutput', text: string }
      , vncConsole:
        | { __typename: 'ConsoleNotAvailableError', message: string }
        | { __typename: 'VncConsole', url: string }
       }
    | { __typename: 'InstanceInterface' }
    | { __typename: 'Migration' }
    | { __typename: 'Network' }
    | { __typename: 'Operation' }
    | { __typename: 'SecurityGroup' }
    | { __typename: 'SecurityGroupRule' }
    | { __typename: 'Subnet' }
    | { __typename: 'VolumeAttachment' }
   | null };

export type InstanceDiagnosticsSampleQueryVariables = Exact<{
  id: string;
}>;


export type InstanceDiagnosticsSampleQuery = { node:
    | { __typename: 'Aggregate' }
    | { __typename: 'ApiToken' }
    | { __typename: 'Flavor' }
    | { __typename: 'Host' }
    | { __typename: 'Image' }
    | { __typename: 'Instance', id: string, diagnostics: { state: string, uptimeSeconds: number | null, unavailableReason: string | null, cpus: Array<{ id: number, utilisation: number | null }>, memory: { maximumMb: number, guestFreeMb: number | null } } | null }
    | { __typename: 'InstanceInterface' }
    | { __typename: 'Migration' }
    | { __typename: 'Network' }
    | { __typename: 'Operation' }
    | { __typename: 'SecurityGroup' }
    | { __typename: 'SecurityGroupRule' }
    | { __typename: 'Subnet' }
    | { __typename: 'VolumeAttachment' }
   | null };

export type InstancesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: InstanceFilter | null | undefined;
}>;


export type InstancesPageQuery = { instances: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, powerState: PowerState, vmState: VmState, taskState: TaskState | null, progress: number, host: { id: string, name: string } | null, flavor: { id: string, name: string } | null } }> }, hosts: { edges: Array<{ node: { id: string, name: string } }> } };

export type InstanceRowFragment = { id: string, name: string, powerState: PowerState, vmState: VmState, taskState: TaskState | null, progress: number, host: { id: string, name: string } | null, flavor: { id: string, name: string } | null };

export type MigrationsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type MigrationsPageQuery = { migrations: { totalCount: number, edges: Array<{ node: { id: string, type: MigrationType, status: MigrationStatus, createdAt: string, updatedAt: string, instance: { id: string, name: string }, sourceHost: { name: string } | null, destHost: { name: string } | null, progress: { percent: number, memory: { processedBytes: number, totalBytes: number } | null, disk: { processedBytes: number, totalBytes: number } | null } } }> } };

export type OperationsPageQueryVariables = Exact<{
  filter?: OperationFilter | null | undefined;
}>;


export type OperationsPageQuery = { operations: { totalCount: number, edges: Array<{ node: { id: string, kind: OperationKind, status: OperationStatus, createdAt: string, finishedAt: string | null, requestedBy: string, progress: { percent: number, phase: string | null, message: string | null }, error: { code: string, message: string } | null, instance: { id: string, name: string } | null, target:
          | { __typename: 'Aggregate', name: string, id: string }
          | { __typename: 'ApiToken', id: string }
          | { __typename: 'Flavor', id: string }
          | { __typename: 'Host', name: string, id: string }
          | { __typename: 'Image', id: string }
          | { __typename: 'Instance', id: string }
          | { __typename: 'InstanceInterface', id: string }
          | { __typename: 'Migration', id: string }
          | { __typename: 'Network', id: string }
          | { __typename: 'Operation', id: string }
          | { __typename: 'SecurityGroup', id: string }
          | { __typename: 'SecurityGroupRule', id: string }
          | { __typename: 'Subnet', id: string }
          | { __typename: 'VolumeAttachment', id: string }
         | null, migration: { id: string } | null } }> } };

export type PoolsOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type PoolsOverviewQuery = { pools: Array<{ id: string | null, name: string, masterUrl: string, connection: { state: PoolConnectionState, reason: string | null, since: string } }>, hosts: { edges: Array<{ node: { id: string, name: string, poolName: string, address: string, enabled: boolean, disabledReason: string | null, live: boolean, maintenance: MaintenanceState, allowedActions: Array<{ action: HostMutation, allowed: boolean, reason: string | null }>, uptime: { seconds: number } | null, resources: { vcpus: number, memoryMb: number, memoryMbUsed: number, localGb: number, localGbUsed: number } | null, instances: { totalCount: number } } }> } };

export type HostCardFragment = { id: string, name: string, poolName: string, address: string, enabled: boolean, disabledReason: string | null, live: boolean, maintenance: MaintenanceState, allowedActions: Array<{ action: HostMutation, allowed: boolean, reason: string | null }>, uptime: { seconds: number } | null, resources: { vcpus: number, memoryMb: number, memoryMbUsed: number, localGb: number, localGbUsed: number } | null, instances: { totalCount: number } };

export type SignInViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInViewerQuery = { viewer: { name: string, role: Role } };

export const OperationSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Aggregate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OperationSummaryFragment, unknown>;
export const MigrationSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MigrationSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Migration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"memory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}}]}}]}}]}}]} as unknown as DocumentNode<MigrationSummaryFragment, unknown>;
export const InstanceRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InstanceRowFragment, unknown>;
export const HostCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"live"}},{"kind":"Field","name":{"kind":"Name","value":"maintenance"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uptime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vcpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMbUsed"}},{"kind":"Field","name":{"kind":"Name","value":"localGb"}},{"kind":"Field","name":{"kind":"Name","value":"localGbUsed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<HostCardFragment, unknown>;
export const InstanceEventsFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceEventsFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<InstanceEventsFeedSubscription, InstanceEventsFeedSubscriptionVariables>;
export const OperationLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OperationLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Aggregate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OperationLiveSubscription, OperationLiveSubscriptionVariables>;
export const OperationCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperationCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<OperationCancelMutation, OperationCancelMutationVariables>;
export const MigrationLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MigrationLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MigrationSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MigrationSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Migration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"memory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}}]}}]}}]}}]} as unknown as DocumentNode<MigrationLiveSubscription, MigrationLiveSubscriptionVariables>;
export const AggregatesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AggregatesPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityZone"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorPool"}},{"kind":"Field","name":{"kind":"Name","value":"poolState"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"master"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AggregatesPageQuery, AggregatesPageQueryVariables>;
export const InstanceDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"managed"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"vcpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vcpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"rootGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"info"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numCpu"}},{"kind":"Field","name":{"kind":"Name","value":"memKb"}},{"kind":"Field","name":{"kind":"Name","value":"maxMemKb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interfaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"attached"}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"disks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"attached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"volumeId"}},{"kind":"Field","name":{"kind":"Name","value":"mountpoint"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"attachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstanceDetailQuery, InstanceDetailQueryVariables>;
export const InstanceConsoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceConsole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consoleOutput"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tailLines"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsoleOutput"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsoleNotAvailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"vncConsole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VncConsole"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsoleNotAvailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstanceConsoleQuery, InstanceConsoleQueryVariables>;
export const InstanceDiagnosticsSampleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceDiagnosticsSample"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"diagnostics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"uptimeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"cpus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"utilisation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maximumMb"}},{"kind":"Field","name":{"kind":"Name","value":"guestFreeMb"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstanceDiagnosticsSampleQuery, InstanceDiagnosticsSampleQueryVariables>;
export const InstancesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstancesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceRow"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InstancesPageQuery, InstancesPageQueryVariables>;
export const MigrationsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MigrationsPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MigrationSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MigrationSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Migration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"memory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}}]}}]}}]}}]} as unknown as DocumentNode<MigrationsPageQuery, MigrationsPageQueryVariables>;
export const OperationsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OperationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Aggregate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OperationsPageQuery, OperationsPageQueryVariables>;
export const PoolsOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolsOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"masterUrl"}},{"kind":"Field","name":{"kind":"Name","value":"connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostCard"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"live"}},{"kind":"Field","name":{"kind":"Name","value":"maintenance"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uptime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vcpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMbUsed"}},{"kind":"Field","name":{"kind":"Name","value":"localGb"}},{"kind":"Field","name":{"kind":"Name","value":"localGbUsed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<PoolsOverviewQuery, PoolsOverviewQueryVariables>;
export const SignInViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignInViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<SignInViewerQuery, SignInViewerQueryVariables>;