/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A change to an aggregate, as InvalidAggregateActionError names the one refused. */
export type AggregateAction =
  /** aggregateAddHost. */
  | 'ADD_HOST'
  /** aggregateDelete. */
  | 'DELETE'
  /** aggregateRemoveHost. */
  | 'REMOVE_HOST'
  /** aggregateUpdateMetadata. */
  | 'UPDATE_METADATA';

/** What `aggregateAddHost` is asked to do. */
export type AggregateAddHostInput = {
  /** The host to add: a pool master of its own (a host not yet pooled). */
  hostId: string;
  /** The aggregate to change. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** Nova's use_join_force: join with pool.join_force, which skips XAPI's homogeneity (CPU) checks. */
  joinForce?: boolean | null | undefined;
};

/** What `aggregateCreate` is asked to do. */
export type AggregateCreateInput = {
  /** An availability zone to stand for; none when absent. At most 255 characters. */
  availabilityZone?: string | null | undefined;
  /** A XenServer pool (default): its first host names the pool and later ones join it. False: hosts are only grouped. */
  hypervisorPool?: boolean | null | undefined;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** Entries of your own: string keys and values. At most 128 entries, keys of 1 to at most 255 characters, values of at most 255. */
  metadata?: unknown;
  /** Its name, trimmed; not empty. At most 255 characters. */
  name: string;
};

/** What `aggregateDelete` is asked to do. */
export type AggregateDeleteInput = {
  /** The aggregate to change. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

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

/** What `aggregateRemoveHost` is asked to do. */
export type AggregateRemoveHostInput = {
  /** The member host to remove. */
  hostId: string;
  /** The aggregate to change. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What `aggregateUpdateMetadata` is asked to do. */
export type AggregateUpdateMetadataInput = {
  /** The aggregate to change. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** Keys to remove. At most 128 items, each of 1 to at most 255 characters. */
  remove?: Array<string> | null | undefined;
  /** Entries to add or overwrite: string keys and values. At most 128 entries, keys of 1 to at most 255 characters, values of at most 255. */
  set?: unknown;
};

/** What `apiTokenCreate` is asked to do. */
export type ApiTokenCreateInput = {
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** A name to tell the token by (shown as requestedBy). At most 100 characters. */
  name: string;
  /** What the token may do. */
  role: Role;
};

/** What `apiTokenRevoke` is asked to do. */
export type ApiTokenRevokeInput = {
  /** The token to revoke. */
  id: string;
};

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

/** Whether the pool's HA restarts the instance on a surviving host when its host dies. */
export type HaRestartPriority =
  /** When capacity remains after the instances marked RESTART (XAPI `best-effort`). */
  | 'BEST_EFFORT'
  /** Never: the instance stays halted with its host. */
  | 'NONE'
  /** Always (XAPI `restart`). */
  | 'RESTART';

/** What hostPowerAction does to the host. */
export type HostPowerAction =
  /** Disable, empty (halt or evacuate the instances), reboot; back in service when it is up. */
  | 'REBOOT'
  /** Disable, empty, power off. */
  | 'SHUTDOWN'
  /** Power on through XAPI (host.power_on), for hosts with a power-on mode. */
  | 'STARTUP';

/** What hostPowerAction acts on and how. */
export type HostPowerActionInput = {
  /** Reboot, shut down or power on. */
  action: HostPowerAction;
  /** Move the instances to other hosts instead of halting them. */
  evacuate?: boolean | null | undefined;
  /** The host to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What hostSetEnabled acts on and how. */
export type HostSetEnabledInput = {
  /** True takes new instances (host.enable); false refuses them (host.disable). */
  enabled: boolean;
  /** The host to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** Why it is disabled (shown as disabledReason). At most 255 characters. */
  reason?: string | null | undefined;
};

/** What hostSetMaintenanceMode acts on and how. */
export type HostSetMaintenanceModeInput = {
  /** True enters maintenance (evacuating), false leaves it. */
  enabled: boolean;
  /** The host to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** Glance's image status: QUEUED until its bytes are in, then ACTIVE. */
export type ImageStatus =
  /** Ready to use. */
  | 'ACTIVE'
  /** Deleted. */
  | 'DELETED'
  /** Its upload or snapshot failed. */
  | 'KILLED'
  /** Registered; its bytes are not in yet. */
  | 'QUEUED'
  /** Its bytes are being written (upload or snapshot). */
  | 'SAVING';

/** A file the guest finds on its config drive, to be written at `path`. */
export type InjectedFileInput = {
  /** Base64, at most 10240 bytes (13656 characters). */
  contents: string;
  /** At most 255 characters. */
  path: string;
};

/** What instanceAddSecurityGroup acts on and how. */
export type InstanceAddSecurityGroupInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The security group. */
  securityGroupId: string;
};

/** What instanceAttachInterface acts on and how. */
export type InstanceAttachInterfaceInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** An unused host address of one of the network's subnets. At most 15 characters. */
  ip?: string | null | undefined;
  /** e.g. fa:16:3e:00:00:01; must be unicast and unused. At most 17 characters. */
  mac?: string | null | undefined;
  /** The network to attach to. */
  networkId: string;
};

/** What instanceAttachVolume acts on and how. */
export type InstanceAttachVolumeInput = {
  /** How to reach the volume: its iSCSI export, as the block storage service gave it. */
  connectionInfo: VolumeConnectionInput;
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** e.g. /dev/xvdb. At most 64 characters. */
  mountpoint: string;
};

/** What instanceCleanupSnapshots acts on and how. */
export type InstanceCleanupSnapshotsInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceConfirmResize acts on and how. */
export type InstanceConfirmResizeInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceDestroy acts on and how. */
export type InstanceDestroyInput = {
  /** False keeps the instance's VDIs on their SR. */
  deleteDisks?: boolean | null | undefined;
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceDetachInterface acts on and how. */
export type InstanceDetachInterfaceInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The interface to remove; give this or mac, not both. */
  interfaceId?: string | null | undefined;
  /** At most 17 characters. */
  mac?: string | null | undefined;
};

/** What instanceDetachVolume acts on and how. */
export type InstanceDetachVolumeInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** At most 64 characters. */
  mountpoint?: string | null | undefined;
  /** The attachment to remove; give this or mountpoint, not both. */
  volumeAttachmentId?: string | null | undefined;
};

/** What instanceEjectCd acts on and how. */
export type InstanceEjectCdInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

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

/** What instanceInjectFile acts on and how. */
export type InstanceInjectFileInput = {
  /** The file's bytes. Base64, at most 10240 bytes (13656 characters). */
  contents: string;
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** Where the guest puts the file. At most 255 characters. */
  path: string;
};

/** What instanceInjectNetworkInfo acts on and how. */
export type InstanceInjectNetworkInfoInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceLiveMigrate acts on and how. */
export type InstanceLiveMigrateInput = {
  /** Copy the disks too; leave out to decide from the storage the hosts share. */
  blockMigration?: boolean | null | undefined;
  /** The host to move to. */
  hostId: string;
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceMigrate acts on and how. */
export type InstanceMigrateInput = {
  /** The destination; the scheduler picks another host of the pool when absent. */
  hostId?: string | null | undefined;
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** Sort order for the instances list: a field and a direction. */
export type InstanceOrder = {
  /** Ascending (default) or descending. */
  direction?: OrderDirection | null | undefined;
  /** What to sort by. */
  field: InstanceOrderField;
};

/** What to sort instances by. */
export type InstanceOrderField =
  /** When xengraph recorded them. */
  | 'CREATED_AT'
  /** Their display name. */
  | 'NAME';

/** What instancePause acts on and how. */
export type InstancePauseInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instancePowerOff acts on and how. */
export type InstancePowerOffInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** Seconds between clean-shutdown requests while waiting (1–600). */
  retryInterval?: number | null | undefined;
  /** Seconds to wait for a clean shutdown before forcing it (0–3600); 0 forces at once. */
  timeout?: number | null | undefined;
};

/** What instancePowerOn acts on and how. */
export type InstancePowerOnInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceReboot acts on and how. */
export type InstanceRebootInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** SOFT or HARD. */
  type: RebootType;
};

/** What instanceRemoveSecurityGroup acts on and how. */
export type InstanceRemoveSecurityGroupInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The security group. */
  securityGroupId: string;
};

/** What instanceRescue acts on and how. */
export type InstanceRescueInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The rescue image; the instance's own image when absent. */
  imageId?: string | null | undefined;
  /** Set through the rescue image's guest agent when it has one (see the result's passwordSet). Never stored. At most 255 characters. */
  password?: string | null | undefined;
};

/** What instanceResetNetwork acts on and how. */
export type InstanceResetNetworkInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceResize acts on and how. */
export type InstanceResizeInput = {
  /** The flavor to resize to. */
  flavorId: string;
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceRestore acts on and how. */
export type InstanceRestoreInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceResume acts on and how. */
export type InstanceResumeInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceRevertResize acts on and how. */
export type InstanceRevertResizeInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceSetAdminPassword acts on and how. */
export type InstanceSetAdminPasswordInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** At most 255 characters. */
  password: string;
};

/** What instanceSetBootable acts on and how. */
export type InstanceSetBootableInput = {
  /** True allows starting the VM; false blocks it. */
  bootable: boolean;
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceSetHaRestartPriority acts on and how. */
export type InstanceSetHaRestartPriorityInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The priority to set (XAPI VM.ha_restart_priority). */
  priority: HaRestartPriority;
};

/** What instanceSnapshot acts on and how. */
export type InstanceSnapshotInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The new image's name. At most 255 characters. */
  name: string;
};

/** What instanceSoftDelete acts on and how. */
export type InstanceSoftDeleteInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What `instanceSpawn` is asked to do. */
export type InstanceSpawnInput = {
  /** Set for the guest through the config drive; never stored. At most 255 characters. */
  adminPassword?: string | null | undefined;
  /** Place on one of this aggregate's hosts. */
  aggregateId?: string | null | undefined;
  /** Attach an OpenStack config drive (device 3). Implied by userData, injectedFiles and adminPassword, which travel on it. */
  configDrive?: boolean | null | undefined;
  /** The flavor: VCPUs, memory and disk sizes. */
  flavorId: string;
  /** Place on this host rather than letting the scheduler choose. */
  hostId?: string | null | undefined;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The image of the root disk; required unless a volume is the root disk, whose instance takes only the image's properties. */
  imageId?: string | null | undefined;
  /** At most 5 items. */
  injectedFiles?: Array<InjectedFileInput> | null | undefined;
  /** String keys and values, readable by the guest under vm-data/user-metadata. At most 128 entries, keys of 1 to at most 255 characters, values of at most 255. */
  metadata?: unknown;
  /** At most 255 characters. */
  name: string;
  /** One interface per network, in order (device 0, 1, …). At most 7 items. */
  networkIds?: Array<string> | null | undefined;
  /** Security groups to join; their rules are applied on the host before the guest boots. At most 16 items. */
  securityGroupIds?: Array<string> | null | undefined;
  /** Cloud-init user data. Base64, at most 65536 bytes (87384 characters). */
  userData?: string | null | undefined;
  /** iSCSI volumes attached before the guest first boots; one on /dev/xvda (or bootIndex 0) is the root disk. At most 16 items. */
  volumes?: Array<SpawnVolumeInput> | null | undefined;
};

/** What instanceSuspend acts on and how. */
export type InstanceSuspendInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceUnpause acts on and how. */
export type InstanceUnpauseInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceUnrescue acts on and how. */
export type InstanceUnrescueInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What instanceUpdateMetadata acts on and how. */
export type InstanceUpdateMetadataInput = {
  /** The instance to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** Keys to remove. At most 128 items, each of 1 to at most 255 characters. */
  remove?: Array<string> | null | undefined;
  /** Entries to add or overwrite: string keys and values. At most 128 entries, keys of 1 to at most 255 characters, values of at most 255. */
  set?: unknown;
};

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

/** What `networkAddSubnet` is asked to do. */
export type NetworkAddSubnetInput = {
  /** e.g. 10.0.0.0/24: a prefix of /16 to /30, outside reserved ranges (0/8, 127/8, 169.254/16, 224/4, 240/4). At most 18 characters. */
  cidr: string;
  /** DNS server addresses. At most 8 items, each of 1 to at most 15 characters. */
  dns?: Array<string> | null | undefined;
  /** At most 15 characters. */
  gateway?: string | null | undefined;
  /** The network to add it to. */
  networkId: string;
};

/** What `networkRemoveSubnet` is asked to do. */
export type NetworkRemoveSubnetInput = {
  /** The subnet to remove. */
  subnetId: string;
};

/** What `operationCancel` is asked to do. */
export type OperationCancelInput = {
  /** The operation to stop. */
  id: string;
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

/** Sort direction. */
export type OrderDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

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

/** What poolEmergencyTransition acts on and how. */
export type PoolEmergencyTransitionInput = {
  /** The host to act on. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** What `poolRollingReboot` is asked to do. */
export type PoolRollingRebootInput = {
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The pool (Pool.id, Host.poolId). At most 64 characters. */
  poolId: string;
};

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

/** How to reboot (Nova's reboot_type). */
export type RebootType =
  /** Reset the VM, like pressing the reset button. */
  | 'HARD'
  /** Ask the guest to restart (clean reboot). */
  | 'SOFT';

/** What a token may do; each role includes the ones before it. */
export type Role =
  /** Also manage API tokens and see raw XAPI events. */
  | 'ADMIN'
  /** Also run actions on instances and hosts. */
  | 'OPERATOR'
  /** Read everything, subscribe to feeds. */
  | 'READER';

/** What `securityGroupAddRule` is asked to do. */
export type SecurityGroupAddRuleInput = {
  /** IPv4 source network; 0.0.0.0/0 when neither source is given. At most 18 characters. */
  cidr?: string | null | undefined;
  /** TCP/UDP: first port (1–65535). ICMP: the type, -1 or absent for any. */
  fromPort?: number | null | undefined;
  /** The group to add the rule to. */
  groupId: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The protocol to let in. */
  protocol: SecurityGroupProtocol;
  /** Let in the members of this group instead of a CIDR. */
  sourceGroupId?: string | null | undefined;
  /** TCP/UDP: last port. ICMP: the code, -1 or absent for any. */
  toPort?: number | null | undefined;
};

/** What `securityGroupCreate` is asked to do. */
export type SecurityGroupCreateInput = {
  /** At most 255 characters. */
  description?: string | null | undefined;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** At most 255 characters. */
  name: string;
};

/** What `securityGroupDelete` is asked to do. */
export type SecurityGroupDeleteInput = {
  /** The group to delete; it must have no members. */
  id: string;
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
};

/** The IP protocol a rule lets in. */
export type SecurityGroupProtocol =
  /** ICMP; the port range gives type and code. */
  | 'ICMP'
  /** TCP, on the rule's port range. */
  | 'TCP'
  /** UDP, on the rule's port range. */
  | 'UDP';

/** What `securityGroupRemoveRule` is asked to do. */
export type SecurityGroupRemoveRuleInput = {
  /** Sent again with the same request, it answers with the first result instead of acting twice. At most 255 characters. */
  idempotencyKey?: string | null | undefined;
  /** The rule to remove. */
  ruleId: string;
};

/** A volume to attach at spawn (Nova's block device mapping of a Cinder volume). */
export type SpawnVolumeInput = {
  /** 0 makes the volume the root disk the instance boots from (on /dev/xvda). */
  bootIndex?: number | null | undefined;
  /** How to reach the volume: its iSCSI export, as the block storage service gave it. */
  connectionInfo: VolumeConnectionInput;
  /** Recorded on the attachment and reported by instanceDestroy, for the block storage service to delete the volume. */
  deleteOnTermination?: boolean | null | undefined;
  /** e.g. /dev/xvdb; /dev/xvda makes the volume the root disk. Absent only with bootIndex 0. At most 64 characters. */
  mountpoint?: string | null | undefined;
};

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

/** How to reach a volume, as a block storage service (Cinder) describes an iSCSI export. */
export type VolumeConnectionInput = {
  /** "CHAP", or absent for an open target. At most 16 characters. */
  authMethod?: string | null | undefined;
  /** The CHAP secret: handed to XAPI only, never stored. At most 255 characters. */
  authPassword?: string | null | undefined;
  /** The CHAP user name; absent for an open target. At most 255 characters. */
  authUsername?: string | null | undefined;
  /** The transport; only "iscsi". At most 16 characters. */
  driverVolumeType: string;
  /** The iSCSI target's qualified name (IQN). At most 223 characters. */
  targetIqn: string;
  /** The LUN; the target's first when absent. */
  targetLun?: number | null | undefined;
  /** host[:port] of the iSCSI portal (port 3260 when absent). At most 261 characters. */
  targetPortal: string;
  /** The volume's id in the block storage service. At most 255 characters. */
  volumeId: string;
};

export type AggregateViewFragment = { id: string, name: string, availabilityZone: string | null, hypervisorPool: boolean, poolState: AggregatePoolState, metadata: unknown, hosts: Array<{ id: string, name: string, poolName: string }>, master: { name: string } | null };

type AggregateRefusal_AgentNotImplementedError_Fragment = { __typename: 'AgentNotImplementedError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_BaseUserError_Fragment = { __typename: 'BaseUserError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_ConsoleNotAvailableError_Fragment = { __typename: 'ConsoleNotAvailableError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_EvacuationFailedError_Fragment = { __typename: 'EvacuationFailedError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_IdempotencyKeyReuseError_Fragment = { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_InvalidAggregateActionError_Fragment = { __typename: 'InvalidAggregateActionError', action: AggregateAction, reason: string, code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_InvalidInputError_Fragment = { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_InvalidStateError_Fragment = { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_MigrationRefusedError_Fragment = { __typename: 'MigrationRefusedError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_NoValidHostError_Fragment = { __typename: 'NoValidHostError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_NotFoundError_Fragment = { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_OperationInProgressError_Fragment = { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_PowerOnUnavailableError_Fragment = { __typename: 'PowerOnUnavailableError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_ResizeError_Fragment = { __typename: 'ResizeError', code: UserErrorCode, message: string, path: Array<string> | null };

type AggregateRefusal_SecurityGroupInUseError_Fragment = { __typename: 'SecurityGroupInUseError', code: UserErrorCode, message: string, path: Array<string> | null };

export type AggregateRefusalFragment =
  | AggregateRefusal_AgentNotImplementedError_Fragment
  | AggregateRefusal_BaseUserError_Fragment
  | AggregateRefusal_ConsoleNotAvailableError_Fragment
  | AggregateRefusal_EvacuationFailedError_Fragment
  | AggregateRefusal_IdempotencyKeyReuseError_Fragment
  | AggregateRefusal_InvalidAggregateActionError_Fragment
  | AggregateRefusal_InvalidInputError_Fragment
  | AggregateRefusal_InvalidStateError_Fragment
  | AggregateRefusal_MigrationRefusedError_Fragment
  | AggregateRefusal_NoValidHostError_Fragment
  | AggregateRefusal_NotFoundError_Fragment
  | AggregateRefusal_OperationInProgressError_Fragment
  | AggregateRefusal_PowerOnUnavailableError_Fragment
  | AggregateRefusal_ResizeError_Fragment
  | AggregateRefusal_SecurityGroupInUseError_Fragment
;

export type CreateAggregateMutationVariables = Exact<{
  input: AggregateCreateInput;
}>;


export type CreateAggregateMutation = { aggregateCreate:
    | { __typename: 'AggregateCreatePayload', aggregate: { id: string, name: string, availabilityZone: string | null, hypervisorPool: boolean, poolState: AggregatePoolState, metadata: unknown, hosts: Array<{ id: string, name: string, poolName: string }>, master: { name: string } | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type UpdateAggregateMetadataMutationVariables = Exact<{
  input: AggregateUpdateMetadataInput;
}>;


export type UpdateAggregateMetadataMutation = { aggregateUpdateMetadata:
    | { __typename: 'AggregateUpdateMetadataPayload', aggregate: { id: string, name: string, availabilityZone: string | null, hypervisorPool: boolean, poolState: AggregatePoolState, metadata: unknown, hosts: Array<{ id: string, name: string, poolName: string }>, master: { name: string } | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type DeleteAggregateMutationVariables = Exact<{
  input: AggregateDeleteInput;
}>;


export type DeleteAggregateMutation = { aggregateDelete:
    | { __typename: 'AggregateDeletePayload', deletedAggregateId: string }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidAggregateActionError', action: AggregateAction, reason: string, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type AddAggregateHostMutationVariables = Exact<{
  input: AggregateAddHostInput;
}>;


export type AddAggregateHostMutation = { aggregateAddHost:
    | { __typename: 'AggregateActionPayload', operation: { id: string, kind: OperationKind, status: OperationStatus }, aggregate: { id: string, name: string, availabilityZone: string | null, hypervisorPool: boolean, poolState: AggregatePoolState, metadata: unknown, hosts: Array<{ id: string, name: string, poolName: string }>, master: { name: string } | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidAggregateActionError', action: AggregateAction, reason: string, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type RemoveAggregateHostMutationVariables = Exact<{
  input: AggregateRemoveHostInput;
}>;


export type RemoveAggregateHostMutation = { aggregateRemoveHost:
    | { __typename: 'AggregateActionPayload', operation: { id: string, kind: OperationKind, status: OperationStatus }, aggregate: { id: string, name: string, availabilityZone: string | null, hypervisorPool: boolean, poolState: AggregatePoolState, metadata: unknown, hosts: Array<{ id: string, name: string, poolName: string }>, master: { name: string } | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidAggregateActionError', action: AggregateAction, reason: string, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type AggregateStateQueryVariables = Exact<{
  id: string;
}>;


export type AggregateStateQuery = { node:
    | { id: string, name: string, availabilityZone: string | null, hypervisorPool: boolean, poolState: AggregatePoolState, metadata: unknown, hosts: Array<{ id: string, name: string, poolName: string }>, master: { name: string } | null }
    | Record<PropertyKey, never>
   | null };

export type AggregateOperationQueryVariables = Exact<{
  id: string;
}>;


export type AggregateOperationQuery = { node:
    | { id: string, kind: OperationKind, status: OperationStatus, result: unknown, target:
        | { __typename: 'Aggregate', id: string }
        | { __typename: 'ApiToken', id: string }
        | { __typename: 'Flavor', id: string }
        | { __typename: 'Host', id: string }
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
       | null, progress: { percent: number, phase: string | null, message: string | null }, error: { code: string, message: string, xapiCode: string | null, xapiParams: Array<string> | null } | null }
    | Record<PropertyKey, never>
   | null };

export type AggregateOperationFeedSubscriptionVariables = Exact<{
  id: string;
}>;


export type AggregateOperationFeedSubscription = { operationUpdated: { status: OperationStatus, progress: { percent: number, phase: string | null } } };

export type PoolHostsQueryVariables = Exact<{ [key: string]: never; }>;


export type PoolHostsQuery = { hosts: { edges: Array<{ node: { id: string, name: string, uuid: string, poolName: string, instances: { totalCount: number, edges: Array<{ node: { name: string, powerState: PowerState } }> } } }> }, connectionStatus: Array<{ poolName: string, state: PoolConnectionState }> };

export type AggregateOperationsQueryVariables = Exact<{
  kind?: OperationKind | null | undefined;
}>;


export type AggregateOperationsQuery = { operations: { edges: Array<{ node: { id: string, kind: OperationKind, status: OperationStatus } }> } };

export type ApiTokensQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeRevoked?: boolean | null | undefined;
}>;


export type ApiTokensQuery = { apiTokens: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } }> } };

export type ApiTokenCreateMutationVariables = Exact<{
  input: ApiTokenCreateInput;
}>;


export type ApiTokenCreateMutation = { apiTokenCreate:
    | { __typename: 'ApiTokenCreatePayload', secret: string | null, token: { id: string, name: string, role: Role } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type ApiTokenRevokeMutationVariables = Exact<{
  input: ApiTokenRevokeInput;
}>;


export type ApiTokenRevokeMutation = { apiTokenRevoke:
    | { __typename: 'ApiTokenRevokePayload', token: { id: string, revokedAt: string | null } }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', resourceType: string, resourceId: string, code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type NodeByIdQueryVariables = Exact<{
  id: string;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Aggregate', id: string }
    | { __typename: 'ApiToken', name: string, role: Role, id: string }
    | { __typename: 'Flavor', id: string }
    | { __typename: 'Host', id: string }
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
   | null };

export type SetAdminPasswordMutationVariables = Exact<{
  input: InstanceSetAdminPasswordInput;
}>;


export type SetAdminPasswordMutation = { instanceSetAdminPassword:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'AgentNotImplementedError', command: string, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type InjectFileMutationVariables = Exact<{
  input: InstanceInjectFileInput;
}>;


export type InjectFileMutation = { instanceInjectFile:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'AgentNotImplementedError', command: string, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type ResetNetworkMutationVariables = Exact<{
  input: InstanceResetNetworkInput;
}>;


export type ResetNetworkMutation = { instanceResetNetwork:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'AgentNotImplementedError', command: string, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type InjectNetworkInfoMutationVariables = Exact<{
  input: InstanceInjectNetworkInfoInput;
}>;


export type InjectNetworkInfoMutation = { instanceInjectNetworkInfo:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type AgentOperationQueryVariables = Exact<{
  id: string;
}>;


export type AgentOperationQuery = { node:
    | { id: string, kind: OperationKind, status: OperationStatus, result: unknown, progress: { percent: number, phase: string | null }, error: { code: string, message: string } | null, instance: { id: string, vmState: VmState, taskState: TaskState | null } | null }
    | Record<PropertyKey, never>
   | null };

export type DiagnosticsConsoleOutputQueryVariables = Exact<{
  id: string;
  tailLines?: number | null | undefined;
}>;


export type DiagnosticsConsoleOutputQuery = { node:
    | { consoleOutput:
        | { __typename: 'ConsoleNotAvailableError', code: UserErrorCode, message: string }
        | { __typename: 'ConsoleOutput', text: string, domId: number, vmName: string, rescue: boolean }
       }
    | Record<PropertyKey, never>
   | null };

export type DiagnosticsVncConsoleQueryVariables = Exact<{
  id: string;
}>;


export type DiagnosticsVncConsoleQuery = { node:
    | { vmState: VmState, vncConsole:
        | { __typename: 'ConsoleNotAvailableError', code: UserErrorCode, message: string }
        | { __typename: 'VncConsole', url: string, host: string, port: number, path: string, consoleUuid: string, vmName: string, rescue: boolean }
       }
    | Record<PropertyKey, never>
   | null };

export type DiagnosticsInstanceQueryVariables = Exact<{
  id: string;
}>;


export type DiagnosticsInstanceQuery = { node:
    | { diagnostics: { state: string, driver: string, hypervisor: string, configDrive: boolean, uptimeSeconds: number | null, lastUpdate: string | null, unavailableReason: string | null, cpus: Array<{ id: number, utilisation: number | null, timeSeconds: number | null }>, memory: { maximumMb: number, usedMb: number | null, targetMb: number | null, guestFreeMb: number | null }, nics: Array<{ device: string, macAddress: string, rxRate: number | null, txRate: number | null, rxOctets: number | null, txOctets: number | null }>, disks: Array<{ device: string, userdevice: string, readRate: number | null, writeRate: number | null, readBytes: number | null, writeBytes: number | null }>, dataSources: Array<{ name: string, value: number | null }> } | null }
    | Record<PropertyKey, never>
   | null };

export type DiagnosticsUsageQueryVariables = Exact<{
  id: string;
}>;


export type DiagnosticsUsageQuery = { node:
    | { id: string, uuid: string, vmName: string, bandwidth: Array<{ macAddress: string, bytesIn: number, bytesOut: number, periodStart: string, lastRefreshed: string, instance: { id: string } }>, host: { id: string, bandwidth: Array<{ macAddress: string, bytesIn: number, bytesOut: number, instance: { id: string } }>, instanceUsage: Array<{ uuid: string, memoryMb: number, instance: { id: string } | null }> } | null }
    | Record<PropertyKey, never>
   | null };

export type DiagnosticsFlavorOverheadsQueryVariables = Exact<{ [key: string]: never; }>;


export type DiagnosticsFlavorOverheadsQuery = { flavors: { edges: Array<{ node: { name: string, memoryMb: number, vcpus: number, overheadMemoryMb: number } }> } };

export type DiagnosticsInstanceByNameQueryVariables = Exact<{
  name: string;
}>;


export type DiagnosticsInstanceByNameQuery = { instance: { id: string, managed: boolean } | null };

export type HostActionOutcomeFragment = { operation: { id: string, status: OperationStatus, kind: OperationKind }, host: { id: string, enabled: boolean, maintenance: MaintenanceState } };

export type HostsStateQueryVariables = Exact<{
  id: string;
}>;


export type HostsStateQuery = { node:
    | { id: string, name: string, enabled: boolean, disabledReason: string | null, maintenance: MaintenanceState, live: boolean, hypervisorInstanceNames: Array<string>, uptime: { seconds: number, bootedAt: string } | null, instances: { totalCount: number, edges: Array<{ node: { id: string, name: string, powerState: PowerState } }> } }
    | Record<PropertyKey, never>
   | null };

export type HostsResourcesQueryVariables = Exact<{
  id: string;
}>;


export type HostsResourcesQuery = { node:
    | { resources: { vcpus: number, vcpusUsed: number, memoryMb: number, memoryMbUsed: number, memoryMbFree: number, localGb: number, localGbUsed: number, diskAvailableLeastGb: number, hypervisorType: string, hypervisorVersion: number, hypervisorHostname: string, cpuInfo: { model: string, vendor: string, count: number, sockets: number, coresPerSocket: number, threadsPerCore: number, features: Array<string> }, supportedInstances: Array<{ arch: string, hypervisorType: string, vmMode: string }>, storage: Array<{ uuid: string, name: string, isDefault: boolean, sizeBytes: number, usedBytes: number, allocatedBytes: number }> } | null }
    | Record<PropertyKey, never>
   | null };

export type HostsSetEnabledMutationVariables = Exact<{
  input: HostSetEnabledInput;
}>;


export type HostsSetEnabledMutation = { hostSetEnabled:
    | { __typename: 'HostActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, host: { id: string, enabled: boolean, maintenance: MaintenanceState } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NoValidHostError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type HostsSetMaintenanceModeMutationVariables = Exact<{
  input: HostSetMaintenanceModeInput;
}>;


export type HostsSetMaintenanceModeMutation = { hostSetMaintenanceMode:
    | { __typename: 'HostActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, host: { id: string, enabled: boolean, maintenance: MaintenanceState } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NoValidHostError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type HostsPowerActionMutationVariables = Exact<{
  input: HostPowerActionInput;
}>;


export type HostsPowerActionMutation = { hostPowerAction:
    | { __typename: 'HostActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, host: { id: string, enabled: boolean, maintenance: MaintenanceState } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NoValidHostError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'PowerOnUnavailableError', hostName: string, code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type HostsOperationQueryVariables = Exact<{
  id: string;
}>;


export type HostsOperationQuery = { node:
    | { id: string, kind: OperationKind, status: OperationStatus, requestedBy: string, result: unknown, progress: { percent: number, phase: string | null, message: string | null }, error: { code: string, message: string, xapiCode: string | null } | null, target:
        | { __typename: 'Aggregate', id: string }
        | { __typename: 'ApiToken', id: string }
        | { __typename: 'Flavor', id: string }
        | { __typename: 'Host', id: string }
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
       | null }
    | Record<PropertyKey, never>
   | null };

export type HostsInstanceOperationsQueryVariables = Exact<{
  instanceId: string;
}>;


export type HostsInstanceOperationsQuery = { operations: { edges: Array<{ node: { id: string, kind: OperationKind, status: OperationStatus, requestedBy: string } }> } };

export type HostsFeedSubscriptionVariables = Exact<{
  id: string;
}>;


export type HostsFeedSubscription = { hostUpdated: { id: string, live: boolean, enabled: boolean, maintenance: MaintenanceState } };

export type HostsMigrationEventsSubscriptionVariables = Exact<{
  filter?: InstanceEventFilter | null | undefined;
}>;


export type HostsMigrationEventsSubscription = { instanceEvents:
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { percent: number, kind: InstanceEventKind, migration: { id: string, type: MigrationType, status: MigrationStatus }, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
   };

export type EjectInstanceCdMutationVariables = Exact<{
  input: InstanceEjectCdInput;
}>;


export type EjectInstanceCdMutation = { instanceEjectCd:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type LiveMigrationCheckQueryVariables = Exact<{
  instanceId: string;
  hostId: string;
  blockMigration?: boolean | null | undefined;
}>;


export type LiveMigrationCheckQuery = { liveMigrationCheck:
    | { __typename: 'LiveMigrationCheck', possible: boolean, blockMigration: boolean, reason: string | null }
    | { __typename: 'NotFoundError' }
   };

export type LiveMigrateInstanceMutationVariables = Exact<{
  input: InstanceLiveMigrateInput;
}>;


export type LiveMigrateInstanceMutation = { instanceLiveMigrate:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError' }
    | { __typename: 'InvalidInputError' }
    | { __typename: 'InvalidStateError' }
    | { __typename: 'MigrationRefusedError', code: UserErrorCode, reason: string }
    | { __typename: 'NotFoundError' }
    | { __typename: 'OperationInProgressError' }
   };

export type OperationMigrationQueryVariables = Exact<{
  id: string;
}>;


export type OperationMigrationQuery = { node:
    | { status: OperationStatus, migration: { id: string, status: MigrationStatus, type: MigrationType } | null }
    | Record<PropertyKey, never>
   | null };

export type MigrationProgressFeedSubscriptionVariables = Exact<{
  id: string;
}>;


export type MigrationProgressFeedSubscription = { migrationUpdated: { id: string, status: MigrationStatus, progress: { percent: number, memory: { totalBytes: number, processedBytes: number, remainingBytes: number } | null, disk: { totalBytes: number, processedBytes: number } | null }, sourceHost: { name: string } | null, destHost: { name: string } | null } };

export type InstancePlacementQueryVariables = Exact<{
  id: string;
}>;


export type InstancePlacementQuery = { node:
    | { vmState: VmState, powerState: PowerState, host: { id: string, name: string, poolName: string } | null }
    | Record<PropertyKey, never>
   | null };

export type DestroyInstanceMutationVariables = Exact<{
  input: InstanceDestroyInput;
}>;


export type DestroyInstanceMutation = { instanceDestroy:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type RescueInstanceMutationVariables = Exact<{
  input: InstanceRescueInput;
}>;


export type RescueInstanceMutation = { instanceRescue:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', currentState: string, allowedStates: Array<string>, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type UnrescueInstanceMutationVariables = Exact<{
  input: InstanceUnrescueInput;
}>;


export type UnrescueInstanceMutation = { instanceUnrescue:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', currentState: string, allowedStates: Array<string>, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type UpdateInstanceMetadataMutationVariables = Exact<{
  input: InstanceUpdateMetadataInput;
}>;


export type UpdateInstanceMetadataMutation = { instanceUpdateMetadata:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type OperationOutcomeQueryVariables = Exact<{
  id: string;
}>;


export type OperationOutcomeQuery = { node:
    | { id: string, kind: OperationKind, status: OperationStatus, result: unknown, progress: { percent: number, phase: string | null }, error: { code: string, message: string, xapiCode: string | null } | null }
    | Record<PropertyKey, never>
   | null };

export type InstanceDetailQueryVariables = Exact<{
  id: string;
}>;


export type InstanceDetailQuery = { node:
    | { id: string, uuid: string, name: string, vmName: string, vmState: VmState, powerState: PowerState, taskState: TaskState | null, progress: number, metadata: unknown, deletedAt: string | null, info: { maxMemKb: number, memKb: number, numCpu: number, cpuTimeNs: number } | null }
    | Record<PropertyKey, never>
   | null };

export type InstanceLookupQueryVariables = Exact<{
  uuid?: string | null | undefined;
  name?: string | null | undefined;
}>;


export type InstanceLookupQuery = { instance: { id: string, name: string, vmName: string, vmState: VmState } | null };

export type LiveInstanceNamesQueryVariables = Exact<{
  filter?: InstanceFilter | null | undefined;
}>;


export type LiveInstanceNamesQuery = { instances: { edges: Array<{ node: { id: string, name: string } }> } };

export type InstanceEventKindsSubscriptionVariables = Exact<{
  filter?: InstanceEventFilter | null | undefined;
}>;


export type InstanceEventKindsSubscription = { instanceEvents:
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
   };

export type AttachInterfaceMutationVariables = Exact<{
  input: InstanceAttachInterfaceInput;
}>;


export type AttachInterfaceMutation = { instanceAttachInterface:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type DetachInterfaceMutationVariables = Exact<{
  input: InstanceDetachInterfaceInput;
}>;


export type DetachInterfaceMutation = { instanceDetachInterface:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type InstanceNetworkingQueryVariables = Exact<{
  id: string;
}>;


export type InstanceNetworkingQuery = { node:
    | { id: string, vmName: string, host: { id: string, name: string } | null, interfaces: Array<{ id: string, device: number, mac: string, ip: string | null, attached: boolean | null, network: { id: string }, subnet: { id: string, cidr: string } | null }>, securityGroups: Array<{ id: string, name: string }> }
    | Record<PropertyKey, never>
   | null };

export type NetworkAllocationsQueryVariables = Exact<{
  id: string;
}>;


export type NetworkAllocationsQuery = { node:
    | { id: string, interfaces: Array<{ id: string, mac: string }>, subnets: Array<{ id: string, cidr: string, addressCount: number, network: { id: string }, interfaces: Array<{ id: string, ip: string | null, instance: { id: string } }> }> }
    | Record<PropertyKey, never>
   | null };

export type NetworkOperationQueryVariables = Exact<{
  id: string;
}>;


export type NetworkOperationQuery = { node:
    | { id: string, kind: OperationKind, status: OperationStatus, result: unknown, progress: { percent: number, phase: string | null }, error: { code: string, message: string, xapiCode: string | null } | null }
    | Record<PropertyKey, never>
   | null };

export type CreateSecurityGroupMutationVariables = Exact<{
  input: SecurityGroupCreateInput;
}>;


export type CreateSecurityGroupMutation = { securityGroupCreate:
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'SecurityGroupCreatePayload', securityGroup: { id: string, name: string, description: string } }
   };

export type DeleteSecurityGroupMutationVariables = Exact<{
  input: SecurityGroupDeleteInput;
}>;


export type DeleteSecurityGroupMutation = { securityGroupDelete:
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'SecurityGroupDeletePayload', deletedSecurityGroupId: string }
    | { __typename: 'SecurityGroupInUseError', memberCount: number, code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type AddSecurityGroupRuleMutationVariables = Exact<{
  input: SecurityGroupAddRuleInput;
}>;


export type AddSecurityGroupRuleMutation = { securityGroupAddRule:
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'SecurityGroupAddRulePayload', rule: { id: string, protocol: SecurityGroupProtocol, fromPort: number | null, toPort: number | null, cidr: string | null, sourceGroup: { id: string } | null }, hosts: Array<{ applied: boolean, filteredInstances: number, error: string | null, host: { id: string, name: string } }> }
   };

export type RemoveSecurityGroupRuleMutationVariables = Exact<{
  input: SecurityGroupRemoveRuleInput;
}>;


export type RemoveSecurityGroupRuleMutation = { securityGroupRemoveRule:
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'SecurityGroupRemoveRulePayload', deletedRuleId: string, hosts: Array<{ applied: boolean, host: { name: string } }> }
   };

export type AddInstanceSecurityGroupMutationVariables = Exact<{
  input: InstanceAddSecurityGroupInput;
}>;


export type AddInstanceSecurityGroupMutation = { instanceAddSecurityGroup:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type RemoveInstanceSecurityGroupMutationVariables = Exact<{
  input: InstanceRemoveSecurityGroupInput;
}>;


export type RemoveInstanceSecurityGroupMutation = { instanceRemoveSecurityGroup:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type SecurityGroupListQueryVariables = Exact<{ [key: string]: never; }>;


export type SecurityGroupListQuery = { securityGroups: { totalCount: number, edges: Array<{ node: { id: string, name: string, rules: Array<{ id: string, protocol: SecurityGroupProtocol }>, instances: Array<{ id: string }> } }> } };

export type AddSubnetForRemovalMutationVariables = Exact<{
  input: NetworkAddSubnetInput;
}>;


export type AddSubnetForRemovalMutation = { networkAddSubnet:
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NetworkAddSubnetPayload', subnet: { id: string, addressCount: number } }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type RemoveSubnetMutationVariables = Exact<{
  input: NetworkRemoveSubnetInput;
}>;


export type RemoveSubnetMutation = { networkRemoveSubnet:
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', currentState: string, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NetworkRemoveSubnetPayload', network: { id: string, subnets: Array<{ cidr: string }> } }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type HostPciDevicesQueryVariables = Exact<{
  id: string;
}>;


export type HostPciDevicesQuery = { node:
    | { name: string, resources: { pciDevices: Array<{ address: string, vendorId: string, productId: string, className: string, name: string, heldBy: string | null, instance: { id: string } | null }> } | null }
    | Record<PropertyKey, never>
   | null };

export type ResizeInstanceMutationVariables = Exact<{
  input: InstanceResizeInput;
}>;


export type ResizeInstanceMutation = { instanceResize:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NoValidHostError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'ResizeError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type MigrateInstanceMutationVariables = Exact<{
  input: InstanceMigrateInput;
}>;


export type MigrateInstanceMutation = { instanceMigrate:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NoValidHostError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type ConfirmResizeMutationVariables = Exact<{
  input: InstanceConfirmResizeInput;
}>;


export type ConfirmResizeMutation = { instanceConfirmResize:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', currentState: string, allowedStates: Array<string>, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type RevertResizeMutationVariables = Exact<{
  input: InstanceRevertResizeInput;
}>;


export type RevertResizeMutation = { instanceRevertResize:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', currentState: string, allowedStates: Array<string>, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type ResizeOperationQueryVariables = Exact<{
  id: string;
}>;


export type ResizeOperationQuery = { node:
    | { id: string, kind: OperationKind, status: OperationStatus, result: unknown, progress: { percent: number, phase: string | null }, error: { code: string, message: string, xapiCode: string | null } | null }
    | Record<PropertyKey, never>
   | null };

export type ResizedInstanceQueryVariables = Exact<{
  id: string;
}>;


export type ResizedInstanceQuery = { node:
    | { id: string, uuid: string, name: string, vmName: string, vmState: VmState, taskState: TaskState | null, powerState: PowerState, progress: number, vcpus: number, memoryMb: number, flavor: { id: string, name: string } | null, host: { id: string, name: string } | null }
    | Record<PropertyKey, never>
   | null };

export type MigrationDetailQueryVariables = Exact<{
  id: string;
}>;


export type MigrationDetailQuery = { node:
    | { id: string, type: MigrationType, status: MigrationStatus, sourceHost: { name: string } | null, destHost: { name: string } | null, oldFlavor: { name: string } | null, newFlavor: { name: string } | null, progress: { percent: number } }
    | Record<PropertyKey, never>
   | null };

export type SnapshotInstanceMutationVariables = Exact<{
  input: InstanceSnapshotInput;
}>;


export type SnapshotInstanceMutation = { instanceSnapshot:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', currentState: string, allowedStates: Array<string>, code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type CleanupInstanceSnapshotsMutationVariables = Exact<{
  input: InstanceCleanupSnapshotsInput;
}>;


export type CleanupInstanceSnapshotsMutation = { instanceCleanupSnapshots:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type SnapshotImageFieldsFragment = { id: string, name: string, status: ImageStatus, diskFormat: string, containerFormat: string, sizeBytes: number, checksum: string | null, properties: unknown };

export type SnapshotOutcomeQueryVariables = Exact<{
  id: string;
}>;


export type SnapshotOutcomeQuery = { node:
    | { id: string, kind: OperationKind, status: OperationStatus, result: unknown, progress: { percent: number, phase: string | null }, error: { code: string, message: string, xapiCode: string | null, xapiParams: Array<string> | null } | null, image: { id: string, name: string, status: ImageStatus, diskFormat: string, containerFormat: string, sizeBytes: number, checksum: string | null, properties: unknown } | null }
    | Record<PropertyKey, never>
   | null };

export type SnapshotImagesQueryVariables = Exact<{ [key: string]: never; }>;


export type SnapshotImagesQuery = { images: { edges: Array<{ node: { id: string, name: string, status: ImageStatus, diskFormat: string, containerFormat: string, sizeBytes: number, checksum: string | null, properties: unknown } }> } };

export type TaskStateFeedSubscriptionVariables = Exact<{
  filter?: InstanceEventFilter | null | undefined;
}>;


export type TaskStateFeedSubscription = { instanceEvents:
    | { kind: InstanceEventKind }
    | { kind: InstanceEventKind }
    | { kind: InstanceEventKind }
    | { kind: InstanceEventKind }
    | { kind: InstanceEventKind }
    | { from: TaskState | null, to: TaskState | null, kind: InstanceEventKind }
   };

export type AttachVolumeMutationVariables = Exact<{
  input: InstanceAttachVolumeInput;
}>;


export type AttachVolumeMutation = { instanceAttachVolume:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type DetachVolumeMutationVariables = Exact<{
  input: InstanceDetachVolumeInput;
}>;


export type DetachVolumeMutation = { instanceDetachVolume:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type InstanceVolumesQueryVariables = Exact<{
  id: string;
  includeDetached?: boolean | null | undefined;
}>;


export type InstanceVolumesQuery = { node:
    | { id: string, volumes: Array<{ id: string, volumeId: string, mountpoint: string, device: string | null, deleteOnTermination: boolean, srUuid: string | null, vdiUuid: string | null, attachedAt: string, detachedAt: string | null, instance: { id: string }, connectionInfo: { driverVolumeType: string, targetPortal: string, targetIqn: string, targetLun: number | null, authMethod: string | null, authUsername: string | null } }>, disks: Array<{ device: string, guestDevice: string | null, type: DiskType, sizeBytes: number | null, vdiUuid: string | null, srUuid: string | null, readOnly: boolean, bootable: boolean, attached: boolean, volume: { id: string, volumeId: string } | null }> | null }
    | Record<PropertyKey, never>
   | null };

export type VolumeConnectorsQueryVariables = Exact<{ [key: string]: never; }>;


export type VolumeConnectorsQuery = { hosts: { edges: Array<{ node: { id: string, name: string, address: string, volumeConnector: { ip: string, initiator: string | null, host: string } } }> } };

export type VolumeOperationQueryVariables = Exact<{
  id: string;
}>;


export type VolumeOperationQuery = { node:
    | { id: string, kind: OperationKind, status: OperationStatus, result: unknown, error: { code: string, message: string, xapiCode: string | null, xapiParams: Array<string> | null } | null }
    | Record<PropertyKey, never>
   | null };

export type ActionOutcomeFragment = { operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } };

type RefusedAction_AgentNotImplementedError_Fragment = { __typename: 'AgentNotImplementedError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_BaseUserError_Fragment = { __typename: 'BaseUserError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_ConsoleNotAvailableError_Fragment = { __typename: 'ConsoleNotAvailableError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_EvacuationFailedError_Fragment = { __typename: 'EvacuationFailedError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_IdempotencyKeyReuseError_Fragment = { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_InvalidAggregateActionError_Fragment = { __typename: 'InvalidAggregateActionError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_InvalidInputError_Fragment = { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_InvalidStateError_Fragment = { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_MigrationRefusedError_Fragment = { __typename: 'MigrationRefusedError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_NoValidHostError_Fragment = { __typename: 'NoValidHostError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_NotFoundError_Fragment = { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_OperationInProgressError_Fragment = { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_PowerOnUnavailableError_Fragment = { __typename: 'PowerOnUnavailableError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_ResizeError_Fragment = { __typename: 'ResizeError', code: UserErrorCode, message: string, path: Array<string> | null };

type RefusedAction_SecurityGroupInUseError_Fragment = { __typename: 'SecurityGroupInUseError', code: UserErrorCode, message: string, path: Array<string> | null };

export type RefusedActionFragment =
  | RefusedAction_AgentNotImplementedError_Fragment
  | RefusedAction_BaseUserError_Fragment
  | RefusedAction_ConsoleNotAvailableError_Fragment
  | RefusedAction_EvacuationFailedError_Fragment
  | RefusedAction_IdempotencyKeyReuseError_Fragment
  | RefusedAction_InvalidAggregateActionError_Fragment
  | RefusedAction_InvalidInputError_Fragment
  | RefusedAction_InvalidStateError_Fragment
  | RefusedAction_MigrationRefusedError_Fragment
  | RefusedAction_NoValidHostError_Fragment
  | RefusedAction_NotFoundError_Fragment
  | RefusedAction_OperationInProgressError_Fragment
  | RefusedAction_PowerOnUnavailableError_Fragment
  | RefusedAction_ResizeError_Fragment
  | RefusedAction_SecurityGroupInUseError_Fragment
;

export type SpawnInstanceMutationVariables = Exact<{
  input: InstanceSpawnInput;
}>;


export type SpawnInstanceMutation = { instanceSpawn:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NoValidHostError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type OperationProgressFeedSubscriptionVariables = Exact<{
  id: string;
}>;


export type OperationProgressFeedSubscription = { operationUpdated: { id: string, status: OperationStatus, progress: { percent: number, phase: string | null }, error: { code: string, xapiCode: string | null, xapiParams: Array<string> | null } | null } };

export type OperationStateQueryVariables = Exact<{
  id: string;
}>;


export type OperationStateQuery = { node:
    | { id: string, kind: OperationKind, status: OperationStatus, progress: { percent: number, phase: string | null }, error: { code: string, message: string, xapiCode: string | null, xapiParams: Array<string> | null } | null, instance: { id: string, uuid: string, name: string, vmState: VmState, powerState: PowerState, taskState: TaskState | null, progress: number } | null }
    | Record<PropertyKey, never>
   | null };

export type SpawnChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type SpawnChoicesQuery = { flavors: { edges: Array<{ node: { id: string, name: string, memoryMb: number } }> }, images: { edges: Array<{ node: { id: string, name: string } }> }, networks: { edges: Array<{ node: { id: string, name: string } }> }, hosts: { edges: Array<{ node: { id: string, name: string } }> } };

export type RebootInstanceMutationVariables = Exact<{
  input: InstanceRebootInput;
}>;


export type RebootInstanceMutation = { instanceReboot:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type PowerOffInstanceMutationVariables = Exact<{
  input: InstancePowerOffInput;
}>;


export type PowerOffInstanceMutation = { instancePowerOff:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type PowerOnInstanceMutationVariables = Exact<{
  input: InstancePowerOnInput;
}>;


export type PowerOnInstanceMutation = { instancePowerOn:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type PauseInstanceMutationVariables = Exact<{
  input: InstancePauseInput;
}>;


export type PauseInstanceMutation = { instancePause:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type UnpauseInstanceMutationVariables = Exact<{
  input: InstanceUnpauseInput;
}>;


export type UnpauseInstanceMutation = { instanceUnpause:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type SuspendInstanceMutationVariables = Exact<{
  input: InstanceSuspendInput;
}>;


export type SuspendInstanceMutation = { instanceSuspend:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type ResumeInstanceMutationVariables = Exact<{
  input: InstanceResumeInput;
}>;


export type ResumeInstanceMutation = { instanceResume:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type SoftDeleteInstanceMutationVariables = Exact<{
  input: InstanceSoftDeleteInput;
}>;


export type SoftDeleteInstanceMutation = { instanceSoftDelete:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type RestoreInstanceMutationVariables = Exact<{
  input: InstanceRestoreInput;
}>;


export type RestoreInstanceMutation = { instanceRestore:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type SetInstanceBootableMutationVariables = Exact<{
  input: InstanceSetBootableInput;
}>;


export type SetInstanceBootableMutation = { instanceSetBootable:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type CancelOperationMutationVariables = Exact<{
  input: OperationCancelInput;
}>;


export type CancelOperationMutation = { operationCancel:
    | { __typename: 'BaseUserError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationCancelPayload', operation: { id: string, status: OperationStatus } }
   };

export type AddSubnetMutationVariables = Exact<{
  input: NetworkAddSubnetInput;
}>;


export type AddSubnetMutation = { networkAddSubnet:
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NetworkAddSubnetPayload', subnet: { cidr: string, gateway: string | null, dns: Array<string> } }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type LifecycleEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LifecycleEventsSubscription = { instanceEvents:
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { percent: number, kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, powerFrom: PowerState, powerTo: PowerState, instance: { id: string } }
    | { kind: InstanceEventKind, taskFrom: TaskState | null, taskTo: TaskState | null, instance: { id: string } }
   };

export type InstancePageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: InstanceFilter | null | undefined;
  orderBy?: InstanceOrder | null | undefined;
}>;


export type InstancePageQuery = { instances: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string } }> } };

export type InstancesWithPlacementQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: InstanceFilter | null | undefined;
}>;


export type InstancesWithPlacementQuery = { instances: { totalCount: number, edges: Array<{ node: { id: string, name: string, managed: boolean, powerState: PowerState, host: { id: string, name: string } | null, flavor: { id: string, name: string } | null } }> } };

export type InstanceUpdatedFeedSubscriptionVariables = Exact<{
  id: string;
}>;


export type InstanceUpdatedFeedSubscription = { instanceUpdated: { id: string, powerState: PowerState, host: { name: string } | null } };

export type InstanceEventsFeedSubscriptionVariables = Exact<{
  filter?: InstanceEventFilter | null | undefined;
}>;


export type InstanceEventsFeedSubscription = { instanceEvents:
    | { kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
    | { kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
    | { kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
    | { kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
    | { from: PowerState, to: PowerState, kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
    | { kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
   };

export type HostUpdatedFeedSubscriptionVariables = Exact<{
  id: string;
}>;


export type HostUpdatedFeedSubscription = { hostUpdated: { id: string, enabled: boolean, memoryFreeBytes: number } };

export type ConnectionStatusFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConnectionStatusFeedSubscription = { connectionStatus: { poolName: string, state: PoolConnectionState } };

export type XapiEventsFeedSubscriptionVariables = Exact<{
  classes?: Array<string> | string | null | undefined;
}>;


export type XapiEventsFeedSubscription = { xapiEvents: { class: string, operation: string } };

export type PoolRollingRebootMutationVariables = Exact<{
  input: PoolRollingRebootInput;
}>;


export type PoolRollingRebootMutation = { poolRollingReboot:
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode }
    | { __typename: 'InvalidInputError', code: UserErrorCode }
    | { __typename: 'InvalidStateError', code: UserErrorCode }
    | { __typename: 'NotFoundError', code: UserErrorCode }
    | { __typename: 'OperationInProgressError', code: UserErrorCode }
    | { __typename: 'PoolActionPayload', operation: { id: string } }
   };

export type PoolEmergencyTransitionMutationVariables = Exact<{
  input: PoolEmergencyTransitionInput;
}>;


export type PoolEmergencyTransitionMutation = { poolEmergencyTransition:
    | { __typename: 'HostActionPayload', operation: { id: string } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode }
    | { __typename: 'InvalidInputError', code: UserErrorCode }
    | { __typename: 'InvalidStateError', code: UserErrorCode }
    | { __typename: 'NoValidHostError', code: UserErrorCode }
    | { __typename: 'NotFoundError', code: UserErrorCode }
    | { __typename: 'OperationInProgressError', code: UserErrorCode }
   };

export type InstanceSetHaRestartPriorityMutationVariables = Exact<{
  input: InstanceSetHaRestartPriorityInput;
}>;


export type InstanceSetHaRestartPriorityMutation = { instanceSetHaRestartPriority:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: OperationKind }, instance: { id: string, vmState: VmState, taskState: TaskState | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: UserErrorCode, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: UserErrorCode, message: string, path: Array<string> | null }
   };

export type PoolOperationProgressSubscriptionVariables = Exact<{
  id: string;
}>;


export type PoolOperationProgressSubscription = { operationUpdated: { status: OperationStatus, progress: { percent: number, phase: string | null, message: string | null } } };

export type PoolInstancePlacesQueryVariables = Exact<{ [key: string]: never; }>;


export type PoolInstancePlacesQuery = { instances: { edges: Array<{ node: { name: string, powerState: PowerState, host: { name: string } | null } }> } };

export type ResilienceConnectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ResilienceConnectionsQuery = { connectionStatus: Array<{ poolId: string | null, poolName: string, masterUrl: string, state: PoolConnectionState, reason: string | null }> };

export type ResilienceInstanceQueryVariables = Exact<{
  name: string;
}>;


export type ResilienceInstanceQuery = { instance: { id: string, powerState: PowerState, vmState: VmState, taskState: TaskState | null } | null };

export type ResiliencePoolHostsQueryVariables = Exact<{ [key: string]: never; }>;


export type ResiliencePoolHostsQuery = { hosts: { edges: Array<{ node: { id: string, name: string } }> } };

export type ResiliencePowerOffMutationVariables = Exact<{
  input: InstancePowerOffInput;
}>;


export type ResiliencePowerOffMutation = { instancePowerOff:
    | { __typename: 'ActionPayload', operation: { id: string } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode }
    | { __typename: 'InvalidInputError', code: UserErrorCode }
    | { __typename: 'InvalidStateError', code: UserErrorCode }
    | { __typename: 'NotFoundError', code: UserErrorCode }
    | { __typename: 'OperationInProgressError', code: UserErrorCode }
   };

export type ResilienceRebootMutationVariables = Exact<{
  input: InstanceRebootInput;
}>;


export type ResilienceRebootMutation = { instanceReboot:
    | { __typename: 'ActionPayload', operation: { id: string } }
    | { __typename: 'IdempotencyKeyReuseError', code: UserErrorCode }
    | { __typename: 'InvalidInputError', code: UserErrorCode }
    | { __typename: 'InvalidStateError', code: UserErrorCode }
    | { __typename: 'NotFoundError', code: UserErrorCode }
    | { __typename: 'OperationInProgressError', code: UserErrorCode }
   };

export type ResilienceOperationQueryVariables = Exact<{
  id: string;
}>;


export type ResilienceOperationQuery = { node:
    | { status: OperationStatus, error: { code: string } | null, instance: { powerState: PowerState, vmState: VmState, taskState: TaskState | null } | null }
    | Record<PropertyKey, never>
   | null };

export type ResilienceInstanceUpdatedSubscriptionVariables = Exact<{
  id: string;
}>;


export type ResilienceInstanceUpdatedSubscription = { instanceUpdated: { powerState: PowerState } };

export type PoolConnectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PoolConnectionsQuery = { pools: Array<{ id: string | null, name: string, connection: { state: PoolConnectionState, reason: string | null, since: string, lastError: string | null } }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, role: Role } };

export const AggregateViewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Aggregate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityZone"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorPool"}},{"kind":"Field","name":{"kind":"Name","value":"poolState"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"master"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AggregateViewFragment, unknown>;
export const AggregateRefusalFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateRefusal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidAggregateActionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<AggregateRefusalFragment, unknown>;
export const HostActionOutcomeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"maintenance"}}]}}]}}]} as unknown as DocumentNode<HostActionOutcomeFragment, unknown>;
export const SnapshotImageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SnapshotImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Image"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}}]}}]} as unknown as DocumentNode<SnapshotImageFieldsFragment, unknown>;
export const ActionOutcomeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}}]} as unknown as DocumentNode<ActionOutcomeFragment, unknown>;
export const RefusedActionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RefusedActionFragment, unknown>;
export const CreateAggregateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAggregate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregateCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateCreatePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateView"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateRefusal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Aggregate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityZone"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorPool"}},{"kind":"Field","name":{"kind":"Name","value":"poolState"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"master"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateRefusal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidAggregateActionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<CreateAggregateMutation, CreateAggregateMutationVariables>;
export const UpdateAggregateMetadataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAggregateMetadata"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateUpdateMetadataInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregateUpdateMetadata"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateUpdateMetadataPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateView"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateRefusal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Aggregate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityZone"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorPool"}},{"kind":"Field","name":{"kind":"Name","value":"poolState"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"master"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateRefusal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidAggregateActionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<UpdateAggregateMetadataMutation, UpdateAggregateMetadataMutationVariables>;
export const DeleteAggregateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAggregate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateDeleteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregateDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateDeletePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedAggregateId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateRefusal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateRefusal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidAggregateActionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<DeleteAggregateMutation, DeleteAggregateMutationVariables>;
export const AddAggregateHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAggregateHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateAddHostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregateAddHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateView"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateRefusal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Aggregate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityZone"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorPool"}},{"kind":"Field","name":{"kind":"Name","value":"poolState"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"master"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateRefusal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidAggregateActionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<AddAggregateHostMutation, AddAggregateHostMutationVariables>;
export const RemoveAggregateHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveAggregateHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateRemoveHostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregateRemoveHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AggregateActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateView"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateRefusal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Aggregate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityZone"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorPool"}},{"kind":"Field","name":{"kind":"Name","value":"poolState"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"master"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateRefusal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidAggregateActionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<RemoveAggregateHostMutation, RemoveAggregateHostMutationVariables>;
export const AggregateStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AggregateState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AggregateView"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AggregateView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Aggregate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityZone"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorPool"}},{"kind":"Field","name":{"kind":"Name","value":"poolState"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"master"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AggregateStateQuery, AggregateStateQueryVariables>;
export const AggregateOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AggregateOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}},{"kind":"Field","name":{"kind":"Name","value":"xapiParams"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}}]}}]} as unknown as DocumentNode<AggregateOperationQuery, AggregateOperationQueryVariables>;
export const AggregateOperationFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AggregateOperationFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}}]}}]}}]} as unknown as DocumentNode<AggregateOperationFeedSubscription, AggregateOperationFeedSubscriptionVariables>;
export const PoolHostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolHosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"connectionStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"poolName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<PoolHostsQuery, PoolHostsQueryVariables>;
export const AggregateOperationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AggregateOperations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OperationKind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AggregateOperationsQuery, AggregateOperationsQueryVariables>;
export const ApiTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRevoked"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeRevoked"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRevoked"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApiTokensQuery, ApiTokensQueryVariables>;
export const ApiTokenCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiTokenCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApiTokenCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokenCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiTokenCreatePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<ApiTokenCreateMutation, ApiTokenCreateMutationVariables>;
export const ApiTokenRevokeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiTokenRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApiTokenRevokeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokenRevoke"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiTokenRevokePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<ApiTokenRevokeMutation, ApiTokenRevokeMutationVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const SetAdminPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetAdminPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSetAdminPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSetAdminPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgentNotImplementedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"command"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<SetAdminPasswordMutation, SetAdminPasswordMutationVariables>;
export const InjectFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InjectFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceInjectFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceInjectFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgentNotImplementedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"command"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<InjectFileMutation, InjectFileMutationVariables>;
export const ResetNetworkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetNetwork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceResetNetworkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceResetNetwork"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgentNotImplementedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"command"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<ResetNetworkMutation, ResetNetworkMutationVariables>;
export const InjectNetworkInfoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InjectNetworkInfo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceInjectNetworkInfoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceInjectNetworkInfo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<InjectNetworkInfoMutation, InjectNetworkInfoMutationVariables>;
export const AgentOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgentOperationQuery, AgentOperationQueryVariables>;
export const DiagnosticsConsoleOutputDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiagnosticsConsoleOutput"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tailLines"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consoleOutput"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tailLines"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tailLines"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsoleOutput"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"domId"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"rescue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsoleNotAvailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiagnosticsConsoleOutputQuery, DiagnosticsConsoleOutputQueryVariables>;
export const DiagnosticsVncConsoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiagnosticsVncConsole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"vncConsole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VncConsole"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"consoleUuid"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"rescue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsoleNotAvailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiagnosticsVncConsoleQuery, DiagnosticsVncConsoleQueryVariables>;
export const DiagnosticsInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiagnosticsInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diagnostics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisor"}},{"kind":"Field","name":{"kind":"Name","value":"configDrive"}},{"kind":"Field","name":{"kind":"Name","value":"uptimeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"cpus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"utilisation"}},{"kind":"Field","name":{"kind":"Name","value":"timeSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maximumMb"}},{"kind":"Field","name":{"kind":"Name","value":"usedMb"}},{"kind":"Field","name":{"kind":"Name","value":"targetMb"}},{"kind":"Field","name":{"kind":"Name","value":"guestFreeMb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"macAddress"}},{"kind":"Field","name":{"kind":"Name","value":"rxRate"}},{"kind":"Field","name":{"kind":"Name","value":"txRate"}},{"kind":"Field","name":{"kind":"Name","value":"rxOctets"}},{"kind":"Field","name":{"kind":"Name","value":"txOctets"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"userdevice"}},{"kind":"Field","name":{"kind":"Name","value":"readRate"}},{"kind":"Field","name":{"kind":"Name","value":"writeRate"}},{"kind":"Field","name":{"kind":"Name","value":"readBytes"}},{"kind":"Field","name":{"kind":"Name","value":"writeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiagnosticsInstanceQuery, DiagnosticsInstanceQueryVariables>;
export const DiagnosticsUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiagnosticsUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"bandwidth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"macAddress"}},{"kind":"Field","name":{"kind":"Name","value":"bytesIn"}},{"kind":"Field","name":{"kind":"Name","value":"bytesOut"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"lastRefreshed"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bandwidth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"macAddress"}},{"kind":"Field","name":{"kind":"Name","value":"bytesIn"}},{"kind":"Field","name":{"kind":"Name","value":"bytesOut"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"instanceUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiagnosticsUsageQuery, DiagnosticsUsageQueryVariables>;
export const DiagnosticsFlavorOverheadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiagnosticsFlavorOverheads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flavors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"vcpus"}},{"kind":"Field","name":{"kind":"Name","value":"overheadMemoryMb"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiagnosticsFlavorOverheadsQuery, DiagnosticsFlavorOverheadsQueryVariables>;
export const DiagnosticsInstanceByNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiagnosticsInstanceByName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"managed"}}]}}]}}]} as unknown as DocumentNode<DiagnosticsInstanceByNameQuery, DiagnosticsInstanceByNameQueryVariables>;
export const HostsStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostsState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"maintenance"}},{"kind":"Field","name":{"kind":"Name","value":"live"}},{"kind":"Field","name":{"kind":"Name","value":"uptime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seconds"}},{"kind":"Field","name":{"kind":"Name","value":"bootedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorInstanceNames"}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostsStateQuery, HostsStateQueryVariables>;
export const HostsResourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostsResources"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vcpus"}},{"kind":"Field","name":{"kind":"Name","value":"vcpusUsed"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMbUsed"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMbFree"}},{"kind":"Field","name":{"kind":"Name","value":"localGb"}},{"kind":"Field","name":{"kind":"Name","value":"localGbUsed"}},{"kind":"Field","name":{"kind":"Name","value":"diskAvailableLeastGb"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorType"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorVersion"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorHostname"}},{"kind":"Field","name":{"kind":"Name","value":"cpuInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sockets"}},{"kind":"Field","name":{"kind":"Name","value":"coresPerSocket"}},{"kind":"Field","name":{"kind":"Name","value":"threadsPerCore"}},{"kind":"Field","name":{"kind":"Name","value":"features"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportedInstances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arch"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisorType"}},{"kind":"Field","name":{"kind":"Name","value":"vmMode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"storage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"usedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"allocatedBytes"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostsResourcesQuery, HostsResourcesQueryVariables>;
export const HostsSetEnabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HostsSetEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HostSetEnabledInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostSetEnabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"maintenance"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<HostsSetEnabledMutation, HostsSetEnabledMutationVariables>;
export const HostsSetMaintenanceModeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HostsSetMaintenanceMode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HostSetMaintenanceModeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostSetMaintenanceMode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"maintenance"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<HostsSetMaintenanceModeMutation, HostsSetMaintenanceModeMutationVariables>;
export const HostsPowerActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HostsPowerAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HostPowerActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostPowerAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PowerOnUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostName"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"maintenance"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<HostsPowerActionMutation, HostsPowerActionMutationVariables>;
export const HostsOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostsOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostsOperationQuery, HostsOperationQueryVariables>;
export const HostsInstanceOperationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostsInstanceOperations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostsInstanceOperationsQuery, HostsInstanceOperationsQueryVariables>;
export const HostsFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HostsFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"live"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"maintenance"}}]}}]}}]} as unknown as DocumentNode<HostsFeedSubscription, HostsFeedSubscriptionVariables>;
export const HostsMigrationEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HostsMigrationEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationProgressed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostsMigrationEventsSubscription, HostsMigrationEventsSubscriptionVariables>;
export const EjectInstanceCdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EjectInstanceCd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceEjectCdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEjectCd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<EjectInstanceCdMutation, EjectInstanceCdMutationVariables>;
export const LiveMigrationCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveMigrationCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"blockMigration"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"liveMigrationCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"blockMigration"},"value":{"kind":"Variable","name":{"kind":"Name","value":"blockMigration"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LiveMigrationCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"possible"}},{"kind":"Field","name":{"kind":"Name","value":"blockMigration"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<LiveMigrationCheckQuery, LiveMigrationCheckQueryVariables>;
export const LiveMigrateInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveMigrateInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceLiveMigrateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceLiveMigrate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}}]} as unknown as DocumentNode<LiveMigrateInstanceMutation, LiveMigrateInstanceMutationVariables>;
export const OperationMigrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationMigration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OperationMigrationQuery, OperationMigrationQueryVariables>;
export const MigrationProgressFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MigrationProgressFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"memory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"processedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"remainingBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"processedBytes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MigrationProgressFeedSubscription, MigrationProgressFeedSubscriptionVariables>;
export const InstancePlacementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstancePlacement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstancePlacementQuery, InstancePlacementQueryVariables>;
export const DestroyInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DestroyInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceDestroyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceDestroy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<DestroyInstanceMutation, DestroyInstanceMutationVariables>;
export const RescueInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RescueInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceRescueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceRescue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedStates"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RescueInstanceMutation, RescueInstanceMutationVariables>;
export const UnrescueInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnrescueInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceUnrescueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUnrescue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedStates"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<UnrescueInstanceMutation, UnrescueInstanceMutationVariables>;
export const UpdateInstanceMetadataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateInstanceMetadata"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceUpdateMetadataInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUpdateMetadata"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<UpdateInstanceMetadataMutation, UpdateInstanceMetadataMutationVariables>;
export const OperationOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OperationOutcomeQuery, OperationOutcomeQueryVariables>;
export const InstanceDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"info"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxMemKb"}},{"kind":"Field","name":{"kind":"Name","value":"memKb"}},{"kind":"Field","name":{"kind":"Name","value":"numCpu"}},{"kind":"Field","name":{"kind":"Name","value":"cpuTimeNs"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstanceDetailQuery, InstanceDetailQueryVariables>;
export const InstanceLookupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uuid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uuid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uuid"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}}]}}]}}]} as unknown as DocumentNode<InstanceLookupQuery, InstanceLookupQueryVariables>;
export const LiveInstanceNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveInstanceNames"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveInstanceNamesQuery, LiveInstanceNamesQueryVariables>;
export const InstanceEventKindsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceEventKinds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<InstanceEventKindsSubscription, InstanceEventKindsSubscriptionVariables>;
export const AttachInterfaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachInterface"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceAttachInterfaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceAttachInterface"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<AttachInterfaceMutation, AttachInterfaceMutationVariables>;
export const DetachInterfaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DetachInterface"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceDetachInterfaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceDetachInterface"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<DetachInterfaceMutation, DetachInterfaceMutationVariables>;
export const InstanceNetworkingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceNetworking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interfaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"attached"}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subnet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cidr"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstanceNetworkingQuery, InstanceNetworkingQueryVariables>;
export const NetworkAllocationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NetworkAllocations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Network"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"interfaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subnets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cidr"}},{"kind":"Field","name":{"kind":"Name","value":"addressCount"}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interfaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NetworkAllocationsQuery, NetworkAllocationsQueryVariables>;
export const NetworkOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NetworkOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NetworkOperationQuery, NetworkOperationQueryVariables>;
export const CreateSecurityGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSecurityGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityGroupCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityGroupCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityGroupCreatePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<CreateSecurityGroupMutation, CreateSecurityGroupMutationVariables>;
export const DeleteSecurityGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSecurityGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityGroupDeleteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityGroupDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityGroupDeletePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedSecurityGroupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityGroupInUseError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<DeleteSecurityGroupMutation, DeleteSecurityGroupMutationVariables>;
export const AddSecurityGroupRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddSecurityGroupRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityGroupAddRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityGroupAddRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityGroupAddRulePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"fromPort"}},{"kind":"Field","name":{"kind":"Name","value":"toPort"}},{"kind":"Field","name":{"kind":"Name","value":"cidr"}},{"kind":"Field","name":{"kind":"Name","value":"sourceGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"filteredInstances"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<AddSecurityGroupRuleMutation, AddSecurityGroupRuleMutationVariables>;
export const RemoveSecurityGroupRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveSecurityGroupRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityGroupRemoveRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityGroupRemoveRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityGroupRemoveRulePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedRuleId"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applied"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RemoveSecurityGroupRuleMutation, RemoveSecurityGroupRuleMutationVariables>;
export const AddInstanceSecurityGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddInstanceSecurityGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceAddSecurityGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceAddSecurityGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<AddInstanceSecurityGroupMutation, AddInstanceSecurityGroupMutationVariables>;
export const RemoveInstanceSecurityGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveInstanceSecurityGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceRemoveSecurityGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceRemoveSecurityGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RemoveInstanceSecurityGroupMutation, RemoveInstanceSecurityGroupMutationVariables>;
export const SecurityGroupListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecurityGroupList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityGroups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SecurityGroupListQuery, SecurityGroupListQueryVariables>;
export const AddSubnetForRemovalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddSubnetForRemoval"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NetworkAddSubnetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"networkAddSubnet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NetworkAddSubnetPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subnet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"addressCount"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<AddSubnetForRemovalMutation, AddSubnetForRemovalMutationVariables>;
export const RemoveSubnetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveSubnet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NetworkRemoveSubnetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"networkRemoveSubnet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NetworkRemoveSubnetPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subnets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cidr"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentState"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RemoveSubnetMutation, RemoveSubnetMutationVariables>;
export const HostPciDevicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostPciDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pciDevices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"vendorId"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"heldBy"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostPciDevicesQuery, HostPciDevicesQueryVariables>;
export const ResizeInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResizeInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceResizeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceResize"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<ResizeInstanceMutation, ResizeInstanceMutationVariables>;
export const MigrateInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MigrateInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceMigrateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceMigrate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<MigrateInstanceMutation, MigrateInstanceMutationVariables>;
export const ConfirmResizeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmResize"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceConfirmResizeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceConfirmResize"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedStates"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<ConfirmResizeMutation, ConfirmResizeMutationVariables>;
export const RevertResizeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevertResize"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceRevertResizeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceRevertResize"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedStates"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RevertResizeMutation, RevertResizeMutationVariables>;
export const ResizeOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResizeOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResizeOperationQuery, ResizeOperationQueryVariables>;
export const ResizedInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResizedInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"vcpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResizedInstanceQuery, ResizedInstanceQueryVariables>;
export const MigrationDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MigrationDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Migration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"oldFlavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newFlavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MigrationDetailQuery, MigrationDetailQueryVariables>;
export const SnapshotInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SnapshotInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSnapshotInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSnapshot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedStates"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<SnapshotInstanceMutation, SnapshotInstanceMutationVariables>;
export const CleanupInstanceSnapshotsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CleanupInstanceSnapshots"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceCleanupSnapshotsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceCleanupSnapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<CleanupInstanceSnapshotsMutation, CleanupInstanceSnapshotsMutationVariables>;
export const SnapshotOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SnapshotOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}},{"kind":"Field","name":{"kind":"Name","value":"xapiParams"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SnapshotImageFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SnapshotImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Image"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}}]}}]} as unknown as DocumentNode<SnapshotOutcomeQuery, SnapshotOutcomeQueryVariables>;
export const SnapshotImagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SnapshotImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SnapshotImageFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SnapshotImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Image"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}}]}}]} as unknown as DocumentNode<SnapshotImagesQuery, SnapshotImagesQueryVariables>;
export const TaskStateFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TaskStateFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TaskStateChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}}]}}]} as unknown as DocumentNode<TaskStateFeedSubscription, TaskStateFeedSubscriptionVariables>;
export const AttachVolumeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachVolume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceAttachVolumeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceAttachVolume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<AttachVolumeMutation, AttachVolumeMutationVariables>;
export const DetachVolumeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DetachVolume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceDetachVolumeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceDetachVolume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<DetachVolumeMutation, DetachVolumeMutationVariables>;
export const InstanceVolumesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceVolumes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeDetached"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeDetached"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeDetached"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"volumeId"}},{"kind":"Field","name":{"kind":"Name","value":"mountpoint"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"deleteOnTermination"}},{"kind":"Field","name":{"kind":"Name","value":"srUuid"}},{"kind":"Field","name":{"kind":"Name","value":"vdiUuid"}},{"kind":"Field","name":{"kind":"Name","value":"attachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"detachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"connectionInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"driverVolumeType"}},{"kind":"Field","name":{"kind":"Name","value":"targetPortal"}},{"kind":"Field","name":{"kind":"Name","value":"targetIqn"}},{"kind":"Field","name":{"kind":"Name","value":"targetLun"}},{"kind":"Field","name":{"kind":"Name","value":"authMethod"}},{"kind":"Field","name":{"kind":"Name","value":"authUsername"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"disks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"guestDevice"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"vdiUuid"}},{"kind":"Field","name":{"kind":"Name","value":"srUuid"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"attached"}},{"kind":"Field","name":{"kind":"Name","value":"volume"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"volumeId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstanceVolumesQuery, InstanceVolumesQueryVariables>;
export const VolumeConnectorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolumeConnectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"volumeConnector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"initiator"}},{"kind":"Field","name":{"kind":"Name","value":"host"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VolumeConnectorsQuery, VolumeConnectorsQueryVariables>;
export const VolumeOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolumeOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}},{"kind":"Field","name":{"kind":"Name","value":"xapiParams"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VolumeOperationQuery, VolumeOperationQueryVariables>;
export const SpawnInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SpawnInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSpawnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSpawn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<SpawnInstanceMutation, SpawnInstanceMutationVariables>;
export const OperationProgressFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OperationProgressFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}},{"kind":"Field","name":{"kind":"Name","value":"xapiParams"}}]}}]}}]}}]} as unknown as DocumentNode<OperationProgressFeedSubscription, OperationProgressFeedSubscriptionVariables>;
export const OperationStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}},{"kind":"Field","name":{"kind":"Name","value":"xapiParams"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OperationStateQuery, OperationStateQueryVariables>;
export const SpawnChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SpawnChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flavors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SpawnChoicesQuery, SpawnChoicesQueryVariables>;
export const RebootInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RebootInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceRebootInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceReboot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RebootInstanceMutation, RebootInstanceMutationVariables>;
export const PowerOffInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PowerOffInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstancePowerOffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instancePowerOff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<PowerOffInstanceMutation, PowerOffInstanceMutationVariables>;
export const PowerOnInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PowerOnInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstancePowerOnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instancePowerOn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<PowerOnInstanceMutation, PowerOnInstanceMutationVariables>;
export const PauseInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PauseInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstancePauseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instancePause"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<PauseInstanceMutation, PauseInstanceMutationVariables>;
export const UnpauseInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnpauseInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceUnpauseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUnpause"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<UnpauseInstanceMutation, UnpauseInstanceMutationVariables>;
export const SuspendInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSuspendInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSuspend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<SuspendInstanceMutation, SuspendInstanceMutationVariables>;
export const ResumeInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceResumeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceResume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<ResumeInstanceMutation, ResumeInstanceMutationVariables>;
export const SoftDeleteInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SoftDeleteInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSoftDeleteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSoftDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<SoftDeleteInstanceMutation, SoftDeleteInstanceMutationVariables>;
export const RestoreInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceRestoreInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceRestore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RestoreInstanceMutation, RestoreInstanceMutationVariables>;
export const SetInstanceBootableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetInstanceBootable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSetBootableInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSetBootable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<SetInstanceBootableMutation, SetInstanceBootableMutationVariables>;
export const CancelOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OperationCancelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OperationCancelPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<CancelOperationMutation, CancelOperationMutationVariables>;
export const AddSubnetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddSubnet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NetworkAddSubnetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"networkAddSubnet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NetworkAddSubnetPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subnet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cidr"}},{"kind":"Field","name":{"kind":"Name","value":"gateway"}},{"kind":"Field","name":{"kind":"Name","value":"dns"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<AddSubnetMutation, AddSubnetMutationVariables>;
export const LifecycleEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LifecycleEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PowerStateChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"powerFrom"},"name":{"kind":"Name","value":"from"}},{"kind":"Field","alias":{"kind":"Name","value":"powerTo"},"name":{"kind":"Name","value":"to"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TaskStateChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"taskFrom"},"name":{"kind":"Name","value":"from"}},{"kind":"Field","alias":{"kind":"Name","value":"taskTo"},"name":{"kind":"Name","value":"to"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationProgressed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleEventsSubscription, LifecycleEventsSubscriptionVariables>;
export const InstancePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstancePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstancePageQuery, InstancePageQueryVariables>;
export const InstancesWithPlacementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstancesWithPlacement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"managed"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstancesWithPlacementQuery, InstancesWithPlacementQueryVariables>;
export const InstanceUpdatedFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceUpdatedFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<InstanceUpdatedFeedSubscription, InstanceUpdatedFeedSubscriptionVariables>;
export const InstanceEventsFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceEventsFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"managed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PowerStateChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}}]}}]} as unknown as DocumentNode<InstanceEventsFeedSubscription, InstanceEventsFeedSubscriptionVariables>;
export const HostUpdatedFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HostUpdatedFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"memoryFreeBytes"}}]}}]}}]} as unknown as DocumentNode<HostUpdatedFeedSubscription, HostUpdatedFeedSubscriptionVariables>;
export const ConnectionStatusFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConnectionStatusFeed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectionStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"poolName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ConnectionStatusFeedSubscription, ConnectionStatusFeedSubscriptionVariables>;
export const XapiEventsFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"XapiEventsFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"xapiEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"classes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}}]}}]} as unknown as DocumentNode<XapiEventsFeedSubscription, XapiEventsFeedSubscriptionVariables>;
export const PoolRollingRebootDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PoolRollingReboot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PoolRollingRebootInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"poolRollingReboot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PoolActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<PoolRollingRebootMutation, PoolRollingRebootMutationVariables>;
export const PoolEmergencyTransitionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PoolEmergencyTransition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PoolEmergencyTransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"poolEmergencyTransition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<PoolEmergencyTransitionMutation, PoolEmergencyTransitionMutationVariables>;
export const InstanceSetHaRestartPriorityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstanceSetHaRestartPriority"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSetHaRestartPriorityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSetHaRestartPriority"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<InstanceSetHaRestartPriorityMutation, InstanceSetHaRestartPriorityMutationVariables>;
export const PoolOperationProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PoolOperationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PoolOperationProgressSubscription, PoolOperationProgressSubscriptionVariables>;
export const PoolInstancePlacesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolInstancePlaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoolInstancePlacesQuery, PoolInstancePlacesQueryVariables>;
export const ResilienceConnectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResilienceConnections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectionStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"poolId"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}},{"kind":"Field","name":{"kind":"Name","value":"masterUrl"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<ResilienceConnectionsQuery, ResilienceConnectionsQueryVariables>;
export const ResilienceInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResilienceInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}}]} as unknown as DocumentNode<ResilienceInstanceQuery, ResilienceInstanceQueryVariables>;
export const ResiliencePoolHostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResiliencePoolHosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResiliencePoolHostsQuery, ResiliencePoolHostsQueryVariables>;
export const ResiliencePowerOffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResiliencePowerOff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstancePowerOffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instancePowerOff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ResiliencePowerOffMutation, ResiliencePowerOffMutationVariables>;
export const ResilienceRebootDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResilienceReboot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceRebootInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceReboot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ResilienceRebootMutation, ResilienceRebootMutationVariables>;
export const ResilienceOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResilienceOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResilienceOperationQuery, ResilienceOperationQueryVariables>;
export const ResilienceInstanceUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ResilienceInstanceUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"powerState"}}]}}]}}]} as unknown as DocumentNode<ResilienceInstanceUpdatedSubscription, ResilienceInstanceUpdatedSubscriptionVariables>;
export const PoolConnectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolConnections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}}]}}]} as unknown as DocumentNode<PoolConnectionsQuery, PoolConnectionsQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;