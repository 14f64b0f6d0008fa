// Node refs, declared apart from their fields so modules can point at each other without import cycles.
// Each loads through a per-request dataloader from the store.
import type {
  Aggregate, Flavor, Host, Image, Instance, InstanceVif, Migration, Network, Operation, SecurityGroup, SecurityGroupRule, Subnet,
  VolumeAttachment,
} from '../store/types.js';
import { builder } from './builder.js';

// getMany answers one row per id in order, null where missing, so `node(id)` of an unknown id is null.

export const InstanceRef = builder.loadableNodeRef('Instance', {
  id: { resolve: (instance: Instance) => instance.id },
  load: (ids: string[], ctx) => ctx.services.store.instances.getMany(ids),
});

export const HostRef = builder.loadableNodeRef('Host', {
  id: { resolve: (host: Host) => host.id },
  load: (ids: string[], ctx) => ctx.services.store.hosts.getMany(ids),
});

export const FlavorRef = builder.loadableNodeRef('Flavor', {
  id: { resolve: (flavor: Flavor) => flavor.id },
  load: (ids: string[], ctx) => ctx.services.store.flavors.getMany(ids),
});

export const ImageRef = builder.loadableNodeRef('Image', {
  id: { resolve: (image: Image) => image.id },
  load: (ids: string[], ctx) => ctx.services.store.images.getMany(ids),
});

export const AggregateRef = builder.loadableNodeRef('Aggregate', {
  id: { resolve: (aggregate: Aggregate) => aggregate.id },
  load: (ids: string[], ctx) => ctx.services.store.aggregates.getMany(ids),
});

export const NetworkRef = builder.loadableNodeRef('Network', {
  id: { resolve: (network: Network) => network.id },
  load: (ids: string[], ctx) => ctx.services.store.networks.getMany(ids),
});

export const OperationRef = builder.loadableNodeRef('Operation', {
  id: { resolve: (operation: Operation) => operation.id },
  load: (ids: string[], ctx) => ctx.services.store.operations.getMany(ids),
});

export const MigrationRef = builder.loadableNodeRef('Migration', {
  id: { resolve: (migration: Migration) => migration.id },
  load: (ids: string[], ctx) => ctx.services.store.migrations.getMany(ids),
});

export const VolumeAttachmentRef = builder.loadableNodeRef('VolumeAttachment', {
  id: { resolve: (attachment: VolumeAttachment) => attachment.id },
  load: (ids: string[], ctx) => ctx.services.store.volumeAttachments.getMany(ids),
});

export const SubnetRef = builder.loadableNodeRef('Subnet', {
  id: { resolve: (subnet: Subnet) => subnet.id },
  load: (ids: string[], ctx) => ctx.services.store.vifs.getSubnets(ids),
});

export const InstanceInterfaceRef = builder.loadableNodeRef('InstanceInterface', {
  id: { resolve: (vif: InstanceVif) => vif.id },
  load: (ids: string[], ctx) => ctx.services.store.vifs.getMany(ids),
});

export const SecurityGroupRef = builder.loadableNodeRef('SecurityGroup', {
  id: { resolve: (group: SecurityGroup) => group.id },
  load: (ids: string[], ctx) => ctx.services.store.securityGroups.getMany(ids),
});

export const SecurityGroupRuleRef = builder.loadableNodeRef('SecurityGroupRule', {
  id: { resolve: (rule: SecurityGroupRule) => rule.id },
  load: (ids: string[], ctx) => ctx.services.store.securityGroups.getRules(ids),
});
