// Domain types and repository interfaces of the store. They are plain data (dates as Date, JSON columns as
// objects), not drizzle rows, and every method is async so a PostgreSQL implementation can sit behind them.
import type {
  AGGREGATE_POOL_STATES, IMAGE_STATUSES, MAINTENANCE_STATES, MIGRATION_STATUSES, MIGRATION_TYPES,
  OPERATION_STATUSES, POWER_STATES, ROLES, VM_STATES,
} from './schema.js';

export type VmState = (typeof VM_STATES)[number];
export type PowerState = (typeof POWER_STATES)[number];
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
export type Role = (typeof ROLES)[number];
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];
export type AggregatePoolState = (typeof AGGREGATE_POOL_STATES)[number];
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];
export type MigrationType = (typeof MIGRATION_TYPES)[number];
export type ImageStatus = (typeof IMAGE_STATUSES)[number];
export type DiskFormat = 'vhd' | 'raw' | 'qcow2' | 'iso';
export type InstanceActionResult = 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

// ---------------------------------------------------------------------------------------------------------
// Domain objects

export interface Pool {
  readonly id: string;
  readonly uuid: string;
  readonly name: string;
  readonly masterUrl: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface Host {
  readonly id: string;
  readonly uuid: string;
  readonly poolId: string;
  readonly name: string;
  readonly address: string;
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  readonly maintenance: MaintenanceState;
  readonly live: boolean;
  /** Bytes. */
  readonly memoryTotal: number;
  /** Bytes. */
  readonly memoryFree: number;
  readonly cpuCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface Flavor {
  readonly id: string;
  readonly name: string;
  readonly vcpus: number;
  readonly memoryMb: number;
  readonly rootGb: number;
  readonly ephemeralGb: number;
  readonly swapMb: number;
  readonly isPublic: boolean;
  /** Nova's flavor extra specs (`pci_passthrough:alias` = `<alias>:<count>[,…]`). */
  readonly extraSpecs: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface Image {
  readonly id: string;
  readonly name: string;
  readonly diskFormat: DiskFormat;
  readonly containerFormat: string;
  readonly sizeBytes: number;
  /** SHA-256 of the image file, hex. */
  readonly checksum: string | null;
  readonly status: ImageStatus;
  readonly properties: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface Aggregate {
  readonly id: string;
  readonly name: string;
  readonly availabilityZone: string | null;
  readonly poolState: AggregatePoolState;
  readonly metadata: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface Instance {
  readonly id: string;
  /** Nova's instance uuid; the VM's own uuid for unmanaged instances. */
  readonly uuid: string;
  readonly name: string;
  /** Set for managed instances: names their VM (see driver/naming). */
  readonly serial: number | null;
  /** The backing VM's XAPI uuid; null before spawn created it or after it disappeared. */
  readonly vmUuid: string | null;
  readonly poolId: string | null;
  /** The host the VM runs on; for a halted VM, the host it will start on (null when XAPI may pick any). */
  readonly hostId: string | null;
  /** The host a second VM standing in for the instance runs on (its rescue VM), while that VM runs. */
  readonly companionHostId: string | null;
  readonly flavorId: string | null;
  readonly imageId: string | null;
  /** False for VMs found on XAPI that xengraph did not create. */
  readonly managed: boolean;
  readonly vmState: VmState;
  readonly taskState: string | null;
  readonly powerState: PowerState;
  readonly progress: number;
  readonly vcpus: number;
  readonly memoryMb: number;
  readonly metadata: Readonly<Record<string, string>>;
  readonly systemMetadata: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly launchedAt: Date | null;
  readonly deletedAt: Date | null;
}

export interface OperationProgress {
  readonly percent: number;
  readonly phase: string | null;
  readonly message: string | null;
}

export interface OperationError {
  readonly code: string;
  readonly message: string;
  readonly xapiCode: string | null;
  readonly xapiParams: readonly string[] | null;
}

export interface Operation {
  readonly id: string;
  readonly kind: string;
  readonly status: OperationStatus;
  readonly instanceId: string | null;
  /** Global id of the target when it is not an instance (a host, an aggregate). */
  readonly targetId: string | null;
  readonly input: Readonly<Record<string, unknown>>;
  readonly idempotencyKey: string | null;
  readonly requestHash: string | null;
  readonly requestedBy: string;
  readonly progress: OperationProgress;
  readonly xapiTask: string | null;
  readonly error: OperationError | null;
  readonly result: Readonly<Record<string, unknown>> | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

/** Bytes moved so far by a migration, for memory or for disks. */
export interface TransferProgress {
  readonly total: number;
  readonly processed: number;
  readonly remaining: number;
}

export interface Migration {
  readonly id: string;
  readonly instanceId: string;
  readonly operationId: string | null;
  readonly type: MigrationType;
  readonly status: MigrationStatus;
  readonly sourceHostId: string | null;
  readonly destHostId: string | null;
  readonly oldFlavorId: string | null;
  readonly newFlavorId: string | null;
  readonly progressPercent: number;
  /** Null until the hypervisor reports a total. */
  readonly memory: TransferProgress | null;
  readonly disk: TransferProgress | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface Network {
  readonly id: string;
  readonly name: string;
  readonly bridge: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** An API token as callers see it; the secret is returned once by `create` and never stored. */
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface InstanceAction {
  readonly id: string;
  readonly instanceId: string;
  readonly operationId: string | null;
  readonly action: string;
  readonly requestedBy: string;
  readonly result: InstanceActionResult | null;
  readonly message: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

// ---------------------------------------------------------------------------------------------------------
// Paging

/**
 * One page request, shaped like the callback arguments of Pothos' `resolveCursorConnection`.
 * `after`/`before` are cursors from this store's `cursorOf`. When `inverted` is false the page starts just
 * after `after` (or at the beginning) and items come in list order; when true it ends just before `before`
 * (or at the end) and items come in *reverse* list order, nearest to `before` first, which is what
 * `resolveCursorConnection` expects (it reverses them back).
 */
export interface PageWindow {
  readonly after?: string;
  readonly before?: string;
  readonly limit: number;
  readonly inverted: boolean;
}

export type SortDirection = 'ASC' | 'DESC';

export interface InstanceOrder {
  readonly field: 'CREATED_AT' | 'NAME';
  readonly direction: SortDirection;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs and filters

export interface PoolInput {
  readonly uuid: string;
  readonly name: string;
  readonly masterUrl: string;
}

/** What the event pump read from XAPI's host record (and its metrics). */
export interface HostObservation {
  readonly uuid: string;
  readonly poolId: string;
  readonly name: string;
  readonly address: string;
  readonly enabled: boolean;
  readonly live: boolean;
  readonly memoryTotal: number;
  readonly memoryFree: number;
  readonly cpuCount: number;
}

export interface HostFilter {
  readonly poolId?: string;
  readonly aggregateId?: string;
}

/** Nova's compute-service state, which xengraph owns. */
export interface HostPatch {
  readonly enabled?: boolean;
  readonly disabledReason?: string | null;
  readonly maintenance?: MaintenanceState;
}

export interface InstanceFilter {
  readonly hostId?: string;
  readonly poolId?: string;
  readonly aggregateId?: string;
  readonly powerState?: PowerState;
  readonly vmState?: VmState;
  /** Case-insensitive substring of the name. */
  readonly nameContains?: string;
  readonly managed?: boolean;
  /** Include soft-deleted instances (deletedAt set); default false. */
  readonly includeDeleted?: boolean;
  /** Only instances whose systemMetadata has this key set to this value. */
  readonly systemMetadata?: { readonly key: string; readonly value: string };
}

export interface NewInstance {
  readonly uuid?: string;
  readonly name: string;
  readonly vmUuid?: string | null;
  readonly poolId?: string | null;
  readonly hostId?: string | null;
  readonly flavorId?: string | null;
  readonly imageId?: string | null;
  readonly managed?: boolean;
  readonly vmState?: VmState;
  readonly taskState?: string | null;
  readonly powerState?: PowerState;
  readonly vcpus?: number;
  readonly memoryMb?: number;
  readonly metadata?: Record<string, string>;
  readonly systemMetadata?: Record<string, string>;
}

export interface InstancePatch {
  readonly name?: string;
  readonly vmUuid?: string | null;
  readonly poolId?: string | null;
  readonly hostId?: string | null;
  readonly flavorId?: string | null;
  readonly imageId?: string | null;
  readonly vmState?: VmState;
  readonly taskState?: string | null;
  readonly powerState?: PowerState;
  readonly progress?: number;
  readonly vcpus?: number;
  readonly memoryMb?: number;
  readonly metadata?: Record<string, string>;
  readonly systemMetadata?: Record<string, string>;
  readonly launchedAt?: Date | null;
  readonly deletedAt?: Date | null;
}

/** A VM as the event pump sees it on XAPI. */
export interface VmObservation {
  readonly vmUuid: string;
  readonly name: string;
  readonly poolId: string;
  readonly hostId: string | null;
  readonly powerState: PowerState;
  readonly vcpus: number;
  readonly memoryMb: number;
  /** The instance uuid xengraph wrote into the VM's other_config, if any. */
  readonly novaUuid?: string | null;
}

export interface InstanceSyncResult {
  readonly instance: Instance;
  /** The instance as it was before this observation; null when it was just created. */
  readonly previous: Instance | null;
  /** A new (unmanaged) instance row was created for this VM. */
  readonly created: boolean;
  /** Instance fields this observation changed; empty when nothing did. */
  readonly changed: readonly (keyof Instance)[];
  /** The VM observed is not the instance's own but a second one standing in for it (its rescue VM). */
  readonly companion?: boolean;
}

export interface FlavorFilter {
  readonly isPublic?: boolean;
}

export interface FlavorInput {
  readonly name: string;
  readonly vcpus: number;
  readonly memoryMb: number;
  readonly rootGb: number;
  readonly ephemeralGb?: number;
  readonly swapMb?: number;
  readonly isPublic?: boolean;
  readonly extraSpecs?: Readonly<Record<string, string>>;
}

export interface ImageFilter {
  readonly status?: ImageStatus;
  readonly name?: string;
}

export interface NewImage {
  readonly name: string;
  readonly diskFormat: DiskFormat;
  readonly containerFormat?: string;
  readonly sizeBytes?: number;
  readonly checksum?: string | null;
  readonly status?: ImageStatus;
  readonly properties?: Record<string, string>;
}

export interface ImagePatch {
  readonly name?: string;
  readonly sizeBytes?: number;
  readonly checksum?: string | null;
  readonly status?: ImageStatus;
  readonly properties?: Record<string, string>;
}

export interface AggregateFilter {
  /** Only aggregates this host belongs to. */
  readonly hostId?: string;
}

export interface NewAggregate {
  readonly name: string;
  readonly availabilityZone?: string | null;
  readonly metadata?: Record<string, string>;
}

export interface AggregatePatch {
  readonly name?: string;
  readonly availabilityZone?: string | null;
  readonly poolState?: AggregatePoolState;
  readonly metadata?: Record<string, string>;
}

/** A change applied in one transaction: a new pool state, metadata keys set and removed. */
export interface AggregateChange {
  readonly poolState?: AggregatePoolState;
  readonly set?: Readonly<Record<string, string>>;
  readonly remove?: readonly string[];
}

export interface NetworkFilter {
  readonly bridge?: string;
}

export interface NewNetwork {
  readonly name: string;
  readonly bridge: string;
}

export interface OperationFilter {
  readonly status?: OperationStatus | readonly OperationStatus[];
  readonly kind?: string;
  readonly instanceId?: string;
  readonly targetId?: string;
}

export interface NewOperation {
  readonly kind: string;
  readonly requestedBy: string;
  readonly instanceId?: string | null;
  readonly targetId?: string | null;
  readonly input?: Record<string, unknown>;
  readonly idempotencyKey?: string | null;
  readonly requestHash?: string | null;
}

export interface OperationPatch {
  readonly status?: OperationStatus;
  readonly progress?: Partial<OperationProgress>;
  readonly xapiTask?: string | null;
  readonly error?: OperationError | null;
  readonly result?: Record<string, unknown> | null;
  readonly startedAt?: Date | null;
  readonly finishedAt?: Date | null;
}

export interface MigrationFilter {
  readonly instanceId?: string;
  readonly operationId?: string;
  /** One status, or any of several. */
  readonly status?: MigrationStatus | readonly MigrationStatus[];
  readonly type?: MigrationType | readonly MigrationType[];
  /** Leaving or reaching this host (Nova's os-migrations `host`). */
  readonly hostId?: string;
  /** Changed at or after this time (Nova's `changes-since`). */
  readonly changedSince?: Date;
}

export interface NewMigration {
  readonly instanceId: string;
  readonly operationId?: string | null;
  readonly type: MigrationType;
  readonly status?: MigrationStatus;
  readonly sourceHostId?: string | null;
  readonly destHostId?: string | null;
  readonly oldFlavorId?: string | null;
  readonly newFlavorId?: string | null;
}

export interface MigrationPatch {
  readonly status?: MigrationStatus;
  readonly destHostId?: string | null;
  readonly progressPercent?: number;
  readonly memory?: TransferProgress | null;
  readonly disk?: TransferProgress | null;
}

export interface ApiTokenFilter {
  readonly role?: Role;
  /** Include revoked tokens; default false. */
  readonly includeRevoked?: boolean;
}

export interface NewInstanceAction {
  readonly instanceId: string;
  readonly operationId?: string | null;
  readonly action: string;
  readonly requestedBy: string;
}

// ---------------------------------------------------------------------------------------------------------
// Repositories. `getMany` answers in input order with null for unknown ids (dataloader batches).
// `list` pages by keyset; `cursorOf` makes the cursor of an item for the same ordering.

export interface PoolRepository {
  /** Inserts the pool on first sight (with a new random id), else refreshes its name and master URL. */
  upsert(input: PoolInput): Promise<Pool>;
  get(id: string): Promise<Pool | null>;
  getByUuid(uuid: string): Promise<Pool | null>;
  /** All pools by name; there are few. */
  list(): Promise<Pool[]>;
}

/** Hosts list by name. */
export interface HostRepository {
  /** Inserts or refreshes the XAPI-owned fields; `changed` is true when inserted or any of them differed. */
  upsertFromXapi(input: HostObservation): Promise<{ host: Host; changed: boolean }>;
  get(id: string): Promise<Host | null>;
  getMany(ids: readonly string[]): Promise<(Host | null)[]>;
  getByUuid(uuid: string): Promise<Host | null>;
  list(filter: HostFilter, window: PageWindow): Promise<Host[]>;
  count(filter: HostFilter): Promise<number>;
  update(id: string, patch: HostPatch): Promise<Host | null>;
  cursorOf(host: Host): string;
}

export interface InstanceRepository {
  get(id: string): Promise<Instance | null>;
  getMany(ids: readonly string[]): Promise<(Instance | null)[]>;
  getByUuid(uuid: string): Promise<Instance | null>;
  getByVmUuid(vmUuid: string): Promise<Instance | null>;
  /** Names are not unique: the oldest live (not soft-deleted) instance with this name. */
  getByName(name: string): Promise<Instance | null>;
  /** The VMs backing live instances of a pool, so a full resync can tell which VMs disappeared. */
  vmUuidsInPool(poolId: string): Promise<string[]>;
  create(input: NewInstance): Promise<Instance>;
  /** Deletes an instance created for a request that then recorded no operation (a refused or raced spawn). */
  discardUnused(id: string): Promise<boolean>;
  update(id: string, patch: InstancePatch): Promise<Instance | null>;
  /** As update, and the instance just before it, read in the same transaction (so a change is told once). */
  change(id: string, patch: InstancePatch): Promise<{ readonly before: Instance; readonly after: Instance } | null>;
  /**
   * Mirrors one VM seen on XAPI. Finds its instance by vmUuid, else by `novaUuid` (linking the VM when the
   * instance has none yet), else creates an unmanaged instance. Updates only XAPI-owned soft state.
   */
  syncFromXapi(vm: VmObservation): Promise<InstanceSyncResult>;
  /** As syncFromXapi for a whole event batch (or a pool's first mirroring), in one transaction; results in input order. */
  syncManyFromXapi(vms: readonly VmObservation[]): Promise<InstanceSyncResult[]>;
  /** Memory (MiB) promised per host to instances still being built, whose VMs do not run yet. */
  buildingMemoryByHost(): Promise<Map<string, number>>;
  /**
   * The VM left XAPI (of `poolId`, when given: a VM that moved to another pool is not gone). Returns the
   * instance it backed, or null when no live instance had that VM there.
   */
  markVmGone(vmUuid: string, poolId?: string): Promise<Instance | null>;
  /** The instance's companion VM (see InstanceSyncResult.companion) stopped or vanished. */
  companionGone(id: string): Promise<InstanceSyncResult | null>;
  /**
   * A window of instances in order. With `fields`, only those fields (and the id and sort key, which paging
   * needs) are read from the store and set on what is returned: a listing that shows little reads little.
   */
  list(filter: InstanceFilter, order: InstanceOrder, window: PageWindow, fields?: readonly (keyof Instance)[]): Promise<Instance[]>;
  count(filter: InstanceFilter): Promise<number>;
  cursorOf(instance: Instance, order: InstanceOrder): string;
}

/** Flavors list by memory, smallest first. */
export interface FlavorRepository {
  get(id: string): Promise<Flavor | null>;
  getMany(ids: readonly string[]): Promise<(Flavor | null)[]>;
  getByName(name: string): Promise<Flavor | null>;
  create(input: FlavorInput): Promise<Flavor>;
  list(filter: FlavorFilter, window: PageWindow): Promise<Flavor[]>;
  count(filter?: FlavorFilter): Promise<number>;
  cursorOf(flavor: Flavor): string;
}

/** Images list by name. */
export interface ImageRepository {
  get(id: string): Promise<Image | null>;
  getMany(ids: readonly string[]): Promise<(Image | null)[]>;
  create(input: NewImage): Promise<Image>;
  update(id: string, patch: ImagePatch): Promise<Image | null>;
  list(filter: ImageFilter, window: PageWindow): Promise<Image[]>;
  count(filter: ImageFilter): Promise<number>;
  cursorOf(image: Image): string;
}

/** Aggregates list by name. */
export interface AggregateRepository {
  get(id: string): Promise<Aggregate | null>;
  getMany(ids: readonly string[]): Promise<(Aggregate | null)[]>;
  create(input: NewAggregate): Promise<Aggregate>;
  update(id: string, patch: AggregatePatch): Promise<Aggregate | null>;
  getByName(name: string): Promise<Aggregate | null>;
  /**
   * Applies `change` only while the pool state is one of `from` (any state when absent), so that of two
   * requests racing on the state machine one wins; null when the state did not match or the aggregate is gone.
   */
  change(id: string, change: AggregateChange, from?: readonly AggregatePoolState[]): Promise<Aggregate | null>;
  /** Deletes an aggregate that has no hosts; false when it has some (or does not exist). */
  delete(id: string): Promise<boolean>;
  /** Returns false when the host was already a member. */
  addHost(aggregateId: string, hostId: string): Promise<boolean>;
  /** Returns false when the host was not a member. */
  removeHost(aggregateId: string, hostId: string): Promise<boolean>;
  hostIds(aggregateId: string): Promise<string[]>;
  list(filter: AggregateFilter, window: PageWindow): Promise<Aggregate[]>;
  count(filter: AggregateFilter): Promise<number>;
  cursorOf(aggregate: Aggregate): string;
}

/** Networks list by name. */
export interface NetworkRepository {
  get(id: string): Promise<Network | null>;
  getMany(ids: readonly string[]): Promise<(Network | null)[]>;
  getByBridge(bridge: string): Promise<Network | null>;
  create(input: NewNetwork): Promise<Network>;
  /** A XAPI network seen on a pool: created on first sight of its bridge, else left as the operator named it. */
  ensureForBridge(input: NewNetwork): Promise<Network>;
  list(filter: NetworkFilter, window: PageWindow): Promise<Network[]>;
  count(filter?: NetworkFilter): Promise<number>;
  cursorOf(network: Network): string;
}

export interface Subnet {
  readonly id: string;
  readonly networkId: string;
  readonly cidr: string;
  readonly gateway: string | null;
  readonly dns: readonly string[];
}

export interface NewSubnet {
  readonly networkId: string;
  readonly cidr: string;
  readonly gateway?: string | null;
  readonly dns?: readonly string[];
}

/** An instance's network interface as xengraph allocated it: device index, MAC and (with a subnet) an IP. */
export interface InstanceVif {
  readonly id: string;
  readonly instanceId: string;
  readonly networkId: string;
  readonly subnetId: string | null;
  readonly device: number;
  readonly mac: string;
  readonly ip: string | null;
}

export interface VifRepository {
  createSubnet(input: NewSubnet): Promise<Subnet>;
  /** Deletes the subnet; false when there is none, SubnetInUseError while an interface holds one of its addresses. */
  removeSubnet(id: string): Promise<boolean>;
  subnetsOf(networkId: string): Promise<Subnet[]>;
  /**
   * Gives the instance a new interface on the network: a unique MAC and, when the network has a subnet with
   * room, the lowest free address in it. Throws NoFreeAddressError when every subnet is full. A requested MAC
   * or address is used as given, or refused with AddressInUseError (taken) or InvalidSubnetError (an address
   * outside every subnet of the network, or its gateway).
   */
  allocate(input: { instanceId: string; networkId: string; device: number; mac?: string | null; ip?: string | null }): Promise<InstanceVif>;
  get(id: string): Promise<InstanceVif | null>;
  getMany(ids: readonly string[]): Promise<(InstanceVif | null)[]>;
  getByMac(mac: string): Promise<InstanceVif | null>;
  getSubnets(ids: readonly string[]): Promise<(Subnet | null)[]>;
  listForInstance(instanceId: string): Promise<InstanceVif[]>;
  /** The interfaces holding an address or MAC on the network (or one subnet of it), oldest first. */
  listAllocated(filter: { networkId?: string; subnetId?: string }): Promise<InstanceVif[]>;
  release(vifIds: readonly string[]): Promise<void>;
}

/**
 * A volume attached to an instance (Nova's block device mapping): where it shows in the guest and how its
 * storage was reached. The connection info never holds a secret (no CHAP password).
 */
export interface VolumeAttachment {
  readonly id: string;
  readonly instanceId: string;
  /** The volume's id in the block storage service (Cinder's volume_id). */
  readonly volumeId: string;
  readonly mountpoint: string;
  /** The VBD userdevice derived from the mountpoint. */
  readonly deviceNumber: number | null;
  readonly connectionInfo: Readonly<Record<string, unknown>>;
  readonly srUuid: string | null;
  readonly vdiUuid: string | null;
  /** Whether the block storage service should delete the volume once the instance is destroyed (Nova's BDM flag). */
  readonly deleteOnTermination: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly detachedAt: Date | null;
}

export interface NewVolumeAttachment {
  readonly instanceId: string;
  readonly volumeId: string;
  readonly mountpoint: string;
  readonly deviceNumber: number;
  readonly connectionInfo: Readonly<Record<string, unknown>>;
  readonly srUuid: string;
  readonly vdiUuid: string;
  readonly deleteOnTermination?: boolean;
}

/** Attachments list oldest first. */
export interface VolumeAttachmentRepository {
  create(input: NewVolumeAttachment): Promise<VolumeAttachment>;
  get(id: string): Promise<VolumeAttachment | null>;
  getMany(ids: readonly string[]): Promise<(VolumeAttachment | null)[]>;
  /** The instance's attachments; detached ones only when asked. */
  listForInstance(instanceId: string, options?: { includeDetached?: boolean }): Promise<VolumeAttachment[]>;
  /** Attachments still in place whose volume lives on the SR with this uuid, any instance. */
  listActiveOnSr(srUuid: string): Promise<VolumeAttachment[]>;
  /** Null for an unknown id; detaching twice keeps the first time. */
  markDetached(id: string): Promise<VolumeAttachment | null>;
}

/** Operations list newest first. */
export interface OperationRepository {
  get(id: string): Promise<Operation | null>;
  getMany(ids: readonly string[]): Promise<(Operation | null)[]>;
  /**
   * Records a PENDING operation. Throws ActiveOperationExistsError when the instance already has an active
   * one, DuplicateIdempotencyKeyError when the principal already used the key.
   */
  create(input: NewOperation): Promise<Operation>;
  findByIdempotencyKey(requestedBy: string, idempotencyKey: string): Promise<Operation | null>;
  /** Changes an operation that has not ended; null when it is unknown or has ended (SUCCEEDED, FAILED, CANCELLED). */
  update(id: string, patch: OperationPatch): Promise<Operation | null>;
  list(filter: OperationFilter, window: PageWindow): Promise<Operation[]>;
  count(filter: OperationFilter): Promise<number>;
  cursorOf(operation: Operation): string;
}

/** Migrations list newest first. */
export interface MigrationRepository {
  get(id: string): Promise<Migration | null>;
  getMany(ids: readonly string[]): Promise<(Migration | null)[]>;
  create(input: NewMigration): Promise<Migration>;
  update(id: string, patch: MigrationPatch): Promise<Migration | null>;
  list(filter: MigrationFilter, window: PageWindow): Promise<Migration[]>;
  count(filter: MigrationFilter): Promise<number>;
  cursorOf(migration: Migration): string;
}

/** Tokens list oldest first. */
export interface ApiTokenRepository {
  /** The secret (`xg_` + 32 random bytes, base64url) is returned once; only its SHA-256 is stored. */
  create(input: { name: string; role: Role }): Promise<{ token: ApiToken; secret: string }>;
  /** Null for unknown or revoked secrets. Records use at most once a minute per token. */
  authenticate(secret: string): Promise<ApiToken | null>;
  /** Null for an unknown id; revoking twice keeps the first revocation time. */
  revoke(id: string): Promise<ApiToken | null>;
  get(id: string): Promise<ApiToken | null>;
  getMany(ids: readonly string[]): Promise<(ApiToken | null)[]>;
  list(filter: ApiTokenFilter, window: PageWindow): Promise<ApiToken[]>;
  count(filter?: ApiTokenFilter): Promise<number>;
  cursorOf(token: ApiToken): string;
}

/**
 * Named leases with an expiry, so that of several xengraph processes sharing the database only one runs a
 * periodic task at a time. A holder that stops renewing loses the lease once it expires.
 */
export interface LeaseRepository {
  /** Takes the lease, or renews it for its holder; false while another holder's lease is unexpired. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up early (a tidy stop); nothing happens when `holder` does not hold it. */
  release(name: string, holder: string): Promise<void>;
  /** Extends every unexpired lease `holder` has by `ttlMs` from now, in one statement (a replica's heartbeat). */
  renewAll(holder: string, ttlMs: number): Promise<void>;
}

export interface InstanceActionFilter {
  readonly instanceId: string;
  /** Operation kinds (instance.reboot, …). */
  readonly actions?: readonly string[];
  /** Ended this way; null in the list matches actions still running. */
  readonly results?: readonly (InstanceActionResult | null)[];
  /** Recorded at or after this time. */
  readonly since?: Date;
}

export interface InstanceActionRepository {
  record(input: NewInstanceAction): Promise<InstanceAction>;
  finish(id: string, result: InstanceActionResult, message?: string): Promise<InstanceAction | null>;
  /** Newest first, as Nova lists instance actions. */
  listForInstance(instanceId: string): Promise<InstanceAction[]>;
  /** A page of the instance's actions, newest first. */
  list(filter: InstanceActionFilter, window: PageWindow): Promise<InstanceAction[]>;
  count(filter: InstanceActionFilter): Promise<number>;
  cursorOf(action: InstanceAction): string;
}

export type SecurityGroupProtocol = 'tcp' | 'udp' | 'icmp';

/** A named set of ingress rules (Nova's security group); instances that are members get them on their host. */
export interface SecurityGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * One ingress rule. Ports are a range for tcp/udp; for icmp fromPort is the type and toPort the code (null:
 * any). The source is a CIDR or the members of another group (sourceGroupId), never both.
 */
export interface SecurityGroupRule {
  readonly id: string;
  readonly groupId: string;
  readonly protocol: SecurityGroupProtocol;
  readonly fromPort: number | null;
  readonly toPort: number | null;
  readonly cidr: string | null;
  readonly sourceGroupId: string | null;
  readonly createdAt: Date;
}

export interface NewSecurityGroupRule {
  readonly groupId: string;
  readonly protocol: SecurityGroupProtocol;
  readonly fromPort: number | null;
  readonly toPort: number | null;
  readonly cidr: string | null;
  readonly sourceGroupId: string | null;
}

/** A live (not deleted) instance in a group, with the host it is on. */
export interface SecurityGroupMember {
  readonly groupId: string;
  readonly instanceId: string;
  /** Hosts whose filter carries the member's chain: where it runs (or will start) and where its rescue VM runs. */
  readonly hostIds: readonly string[];
}

/** Groups list by name; rules oldest first. */
export interface SecurityGroupRepository {
  /** Throws DuplicateNameError when a group already has the name. */
  create(input: { name: string; description: string }): Promise<SecurityGroup>;
  get(id: string): Promise<SecurityGroup | null>;
  getMany(ids: readonly string[]): Promise<(SecurityGroup | null)[]>;
  /** Removes the group, its rules, the rules naming it as their source and its memberships. */
  delete(id: string): Promise<boolean>;
  list(filter: Record<string, never>, window: PageWindow): Promise<SecurityGroup[]>;
  count(filter?: Record<string, never>): Promise<number>;
  cursorOf(group: SecurityGroup): string;
  addRule(input: NewSecurityGroupRule): Promise<SecurityGroupRule>;
  getRule(id: string): Promise<SecurityGroupRule | null>;
  getRules(ids: readonly string[]): Promise<(SecurityGroupRule | null)[]>;
  removeRule(id: string): Promise<SecurityGroupRule | null>;
  /** The rules of the groups, oldest first. */
  rulesOf(groupIds: readonly string[]): Promise<SecurityGroupRule[]>;
  /** Rules of any group whose source is one of these groups. */
  rulesSourcedFrom(groupIds: readonly string[]): Promise<SecurityGroupRule[]>;
  /** Returns false when the instance already was a member. */
  addMember(groupId: string, instanceId: string): Promise<boolean>;
  /** Returns false when the instance was not a member. */
  removeMember(groupId: string, instanceId: string): Promise<boolean>;
  /** The instance's groups, by name. */
  groupsOf(instanceId: string): Promise<SecurityGroup[]>;
  /** Memberships of live instances, in the given groups and/or on the given host. */
  members(filter: { groupIds?: readonly string[]; hostId?: string }): Promise<SecurityGroupMember[]>;
}

/**
 * Traffic through one of an instance's interfaces (by MAC) in one accounting period (a calendar month, UTC),
 * from the hypervisor's per-VIF byte counters, polled; "in" is what the guest received.
 */
export interface BandwidthUsage {
  readonly instanceId: string;
  readonly mac: string;
  readonly periodStart: Date;
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** The hypervisor's running totals at the last poll; null before the first. */
  readonly lastCounterIn: number | null;
  readonly lastCounterOut: number | null;
  readonly lastRefreshed: Date;
}

export interface BandwidthUsageRepository {
  get(instanceId: string, mac: string, periodStart: Date): Promise<BandwidthUsage | null>;
  /** The most recent row of the interface before `periodStart` (where its last counters are). */
  latestBefore(instanceId: string, mac: string, periodStart: Date): Promise<BandwidthUsage | null>;
  /** Creates or replaces the row of (instance, mac, period). */
  save(usage: BandwidthUsage): Promise<void>;
  /** Rows of the instances in one period, by instance then MAC. */
  listForInstances(instanceIds: readonly string[], periodStart: Date): Promise<BandwidthUsage[]>;
  /** Rows of the live instances on the host in one period, by instance then MAC. */
  listForHost(hostId: string, periodStart: Date): Promise<BandwidthUsage[]>;
}
