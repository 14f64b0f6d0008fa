// The store as the rest of xengraph sees it: repositories over domain types, whatever the database.
import { openDatabase } from './database.js';
import { isPostgresUrl } from './database-url.js';
import type { Runner } from './program.js';
import { aggregateRepository } from './repositories/aggregates.js';
import { apiTokenRepository } from './repositories/api-tokens.js';
import { bandwidthUsageRepository } from './repositories/bandwidth-usage.js';
import { flavorRepository } from './repositories/flavors.js';
import { hostRepository } from './repositories/hosts.js';
import { imageRepository } from './repositories/images.js';
import { instanceActionRepository } from './repositories/instance-actions.js';
import { instanceRepository } from './repositories/instances.js';
import { leaseRepository } from './repositories/leases.js';
import { migrationRepository } from './repositories/migrations.js';
import { networkRepository } from './repositories/networks.js';
import { operationRepository } from './repositories/operations.js';
import { poolRepository } from './repositories/pools.js';
import { securityGroupRepository } from './repositories/security-groups.js';
import { vifRepository } from './repositories/vifs.js';
import { volumeAttachmentRepository } from './repositories/volume-attachments.js';
import { sqliteRunner } from './sqlite/runner.js';
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

/** The repositories over one dialect's runner. */
function storeOver(r: Runner, queryCount: () => number, close: () => Promise<void>): Store {
  return {
    pools: poolRepository(r),
    hosts: hostRepository(r),
    instances: instanceRepository(r),
    flavors: flavorRepository(r),
    images: imageRepository(r),
    aggregates: aggregateRepository(r),
    operations: operationRepository(r),
    migrations: migrationRepository(r),
    networks: networkRepository(r),
    vifs: vifRepository(r),
    volumeAttachments: volumeAttachmentRepository(r),
    securityGroups: securityGroupRepository(r),
    tokens: apiTokenRepository(r),
    instanceActions: instanceActionRepository(r),
    leases: leaseRepository(r),
    bandwidthUsage: bandwidthUsageRepository(r),
    queryCount,
    close,
  };
}

/** Opens (and migrates) the SQLite database at `url`: `file:./data/x.db`, a path, or `:memory:`. */
export function createSqliteStore(url: string): Store {
  const database = openDatabase(url);
  return storeOver(sqliteRunner(database.db), () => database.queryCount(), async () => database.close());
}

/**
 * Connects to (and migrates) the PostgreSQL database at a `postgres://` or `postgresql://` URL. Its driver is
 * loaded only then: a SQLite deployment does not pay for loading it at every start.
 */
export async function createPostgresStore(url: string): Promise<Store> {
  const [{ openPostgresDatabase }, { postgresRunner }] = await Promise.all([import('./postgres/database.js'), import('./postgres/runner.js')]);
  const database = await openPostgresDatabase(url);
  return storeOver(postgresRunner(database.db), () => database.queryCount(), () => database.close());
}

/** The store DATABASE_URL names: PostgreSQL for a postgres:// URL, SQLite otherwise. */
export async function openStore(url: string): Promise<Store> {
  return isPostgresUrl(url) ? createPostgresStore(url) : createSqliteStore(url);
}

export * from './types.js';
export { vmStateForPowerState } from './repositories/instances.js';
export { filterHostsOf } from './placement.js';
export {
  ActiveOperationExistsError, AddressInUseError, DuplicateIdempotencyKeyError, DuplicateNameError, InvalidCursorError,
  InvalidSubnetError, NoFreeAddressError, SubnetInUseError,
} from './errors.js';
export {
  AGGREGATE_POOL_STATES, IMAGE_STATUSES, MAINTENANCE_STATES, MIGRATION_STATUSES, MIGRATION_TYPES,
  OPERATION_STATUSES, POWER_STATES, ROLES, VM_STATES, ACTIVE_OPERATION_STATUSES,
} from './schema.js';
