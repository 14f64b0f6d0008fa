// The tables repositories query, as one object so each dialect can hand over its own.
import {
  aggregateHosts, aggregates, apiTokens, bandwidthUsage, flavors, hosts, images, instanceActions, instances,
  instanceSecurityGroups, instanceVifs, leases, migrations, networks, operations, pools, securityGroupRules,
  securityGroups, subnets, volumeAttachments,
} from './schema.js';

export const sqliteTables = {
  aggregateHosts, aggregates, apiTokens, bandwidthUsage, flavors, hosts, images, instanceActions, instances,
  instanceSecurityGroups, instanceVifs, leases, migrations, networks, operations, pools, securityGroupRules,
  securityGroups, subnets, volumeAttachments,
};

export type Tables = typeof sqliteTables;
