// PostgreSQL's tables handed to the shared repositories, which are typed against SQLite's. The cast is safe only
// because both schemas have the same tables with the same row shapes, which the types below prove at compile time.
import { sqliteTables, type Tables } from '../tables.js';
import {
  aggregateHosts, aggregates, apiTokens, bandwidthUsage, flavors, hosts, images, instanceActions, instances,
  instanceSecurityGroups, instanceVifs, leases, migrations, networks, operations, pools, securityGroupRules,
  securityGroups, subnets, volumeAttachments,
} from './schema.js';

const postgresTablesAsDeclared = {
  aggregateHosts, aggregates, apiTokens, bandwidthUsage, flavors, hosts, images, instanceActions, instances,
  instanceSecurityGroups, instanceVifs, leases, migrations, networks, operations, pools, securityGroupRules,
  securityGroups, subnets, volumeAttachments,
};

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SameRows<K extends keyof Tables> = Same<Tables[K]['$inferSelect'], (typeof postgresTablesAsDeclared)[K]['$inferSelect']>
  & Same<Tables[K]['$inferInsert'], (typeof postgresTablesAsDeclared)[K]['$inferInsert']>;
type EveryTable = { [K in keyof Tables]: SameRows<K> };
type SameTableNames = Same<keyof Tables, keyof typeof postgresTablesAsDeclared>;

// Fails to compile when a column differs in name, type or nullability between the two schemas.
const rowsMatch: EveryTable = Object.fromEntries(Object.keys(sqliteTables).map((name) => [name, true])) as EveryTable;
const namesMatch: SameTableNames = true;
void rowsMatch;
void namesMatch;

export const postgresTables = postgresTablesAsDeclared as unknown as Tables;
