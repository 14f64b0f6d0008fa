// The store as the rest of xengraph sees it: repositories over domain types, whatever the database.
import { openDatabase } from './database.js';
import { SqliteAggregateRepository } from './sqlite/aggregates.js';
import { SqliteApiTokenRepository } from './sqlite/api-tokens.js';
import { SqliteBandwidthUsageRepository } from './sqlite/bandwidth-usage.js';
import { SqliteFlavorRepository } from './sqlite/flavors.js';
import { SqliteHostRepository } from './sqlite/hosts.js';
import { SqliteImageRepository } from './sqlite/images.js';
import { SqliteInstanceActionRepository } from './sqlite/instance-actions.js';
import { SqliteInstanceRepository } from './sqlite/instances.js';
import { SqliteLeaseRepository } from './sqlite/leases.js';
import { SqliteMigrationRepository } from './sqlite/migrations.js';
import { SqliteNetworkRepository } from './sqlite/networks.js';
import { SqliteOperationRepository } from './sqlite/operations.js';
import { SqlitePoolRepository } from './sqlite/pools.js';
import { SqliteSecurityGroupRepository } from './sqlite/security-groups.js';
import { SqliteVifRepository } from './sqlite/vifs.js';
import { SqliteVolumeAttachmentRepository } from './sqlite/volume-attachments.js';
import type {
  AggregateRepository, ApiTokenRepository, BandwidthUsageRepository, FlavorRepository, HostRepository, ImageRepository,
  InstanceActionRepository, InstanceRepository, LeaseRepository, MigrationRepository, NetworkRepository, OperationRepository,
  PoolRepository, SecurityGroupRepository, VifRepository, VolumeAttachmentRepository,
} from './types.js';

export interface Store {
  readonly pools: PoolRepository;
  readonly hosts: HostRepository;
  readonly instances: InstanceRepository;
  readonly flavors: FlavorRepository;
  readonly images: ImageRepository;
  readonly aggregates: AggregateRepository;
  readonly operations: OperationRepository;
  readonly migrations: MigrationRepository;
  readonly networks: NetworkRepository;
  readonly vifs: VifRepository;
  readonly volumeAttachments: VolumeAttachmentRepository;
  readonly securityGroups: SecurityGroupRepository;
  readonly tokens: ApiTokenRepository;
  readonly instanceActions: InstanceActionRepository;
  readonly leases: LeaseRepository;
  readonly bandwidthUsage: BandwidthUsageRepository;
  /** SQL statements executed so far, for tests that bound the queries a request makes. */
  queryCount(): number;
  close(): Promise<void>;
}

/** Opens (and migrates) the SQLite database at `url`: `file:./data/x.db`, a path, or `:memory:`. */
export function createSqliteStore(url: string): Store {
  const database = openDatabase(url);
  const { db } = database;
  return {
    pools: new SqlitePoolRepository(db),
    hosts: new SqliteHostRepository(db),
    instances: new SqliteInstanceRepository(db),
    flavors: new SqliteFlavorRepository(db),
    images: new SqliteImageRepository(db),
    aggregates: new SqliteAggregateRepository(db),
    operations: new SqliteOperationRepository(db),
    migrations: new SqliteMigrationRepository(db),
    networks: new SqliteNetworkRepository(db),
    vifs: new SqliteVifRepository(db),
    volumeAttachments: new SqliteVolumeAttachmentRepository(db),
    securityGroups: new SqliteSecurityGroupRepository(db),
    tokens: new SqliteApiTokenRepository(db),
    instanceActions: new SqliteInstanceActionRepository(db),
    leases: new SqliteLeaseRepository(db),
    bandwidthUsage: new SqliteBandwidthUsageRepository(db),
    queryCount: () => database.queryCount(),
    close: async () => database.close(),
  };
}

export * from './types.js';
export { vmStateForPowerState } from './sqlite/instances.js';
export { filterHostsOf } from './placement.js';
export {
  ActiveOperationExistsError, AddressInUseError, DuplicateIdempotencyKeyError, DuplicateNameError, InvalidCursorError,
  InvalidSubnetError, NoFreeAddressError, SubnetInUseError,
} from './errors.js';
export {
  AGGREGATE_POOL_STATES, IMAGE_STATUSES, MAINTENANCE_STATES, MIGRATION_STATUSES, MIGRATION_TYPES,
  OPERATION_STATUSES, POWER_STATES, ROLES, VM_STATES, ACTIVE_OPERATION_STATUSES,
} from './schema.js';
