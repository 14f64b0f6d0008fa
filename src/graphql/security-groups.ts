// Security groups (Nova's firewall methods as an API): the SecurityGroup and SecurityGroupRule nodes, the root
// `securityGroups` connection, Instance.securityGroups, group and rule mutations (applied on the hosts at once,
// each host's outcome in the payload) and instanceAddSecurityGroup / instanceRemoveSecurityGroup (Operations).
import { addSecurityGroupAction, removeSecurityGroupAction } from '../driver/actions/security-groups.js';
import type { HostFirewallOutcome } from '../driver/firewall/apply.js';
import {
  addSecurityGroupRule, createSecurityGroup, deleteSecurityGroup, removeSecurityGroupRule, SecurityGroupInUseError,
} from '../driver/firewall/security-groups.js';
import type { SecurityGroup, SecurityGroupProtocol } from '../store/index.js';
import { builder } from './builder.js';
import { IdempotencyKeyReuseError, InvalidInputError, NotFoundError, userErrorType } from './errors.js';
import { idempotent } from './idempotency.js';
import { idempotencyKeyField, instanceActionField } from './instance-actions.js';
import { plainConnection } from './paging.js';
import { HostRef, InstanceRef, SecurityGroupRef, SecurityGroupRuleRef } from './refs.js';
import { boundedText } from './input-bounds.js';

const ProtocolEnum = builder.enumType('SecurityGroupProtocol', {
  description: 'The IP protocol a rule lets in.',
  values: {
    TCP: { value: 'tcp', description: 'TCP, on the rule\'s port range.' },
    UDP: { value: 'udp', description: 'UDP, on the rule\'s port range.' },
    ICMP: { value: 'icmp', description: 'ICMP; the port range gives type and code.' },
  } as const,
});

userErrorType(SecurityGroupInUseError, 'SecurityGroupInUseError', {
  description: 'Instances are still members of the group; remove them first.',
  fields: (t) => ({ memberCount: t.exposeInt('memberCount', { description: 'How many instances are still members.' }) }),
});

SecurityGroupRef.implement({
  description: 'A named set of ingress rules; its members get them as iptables chains in the dom0 of their host.',
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its display name.' }),
    description: t.exposeString('description', { description: 'What it is for, in your words; empty when not given.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was created.', resolve: (group) => group.createdAt }),
    rules: t.field({
      type: [SecurityGroupRuleRef],
      description: 'Oldest first, the order they take in the members\' chains.',
      resolve: (group, _args, ctx) => ctx.services.store.securityGroups.rulesOf([group.id]),
    }),
    instances: t.field({
      type: [InstanceRef],
      description: 'The live instances in the group, oldest first.',
      resolve: async (group, _args, ctx) => [...new Set((await ctx.services.store.securityGroups.members({ groupIds: [group.id] })).map((m) => m.instanceId))],
    }),
  }),
});

SecurityGroupRuleRef.implement({
  description: 'Lets traffic in: a protocol with a port range (or ICMP type and code) from a CIDR or from the members of a group.',
  authScopes: { reader: true },
  fields: (t) => ({
    securityGroup: t.field({ type: SecurityGroupRef, description: 'The group the rule belongs to.', resolve: (rule) => rule.groupId }),
    protocol: t.field({ type: ProtocolEnum, description: 'The protocol it lets in.', resolve: (rule) => rule.protocol }),
    fromPort: t.int({ nullable: true, description: 'TCP/UDP: first port. ICMP: the type, -1 for any.', resolve: (rule) => rule.fromPort }),
    toPort: t.int({ nullable: true, description: 'TCP/UDP: last port. ICMP: the code, -1 for any.', resolve: (rule) => rule.toPort }),
    cidr: t.string({ nullable: true, description: 'The source addresses it lets in (IPv4 CIDR); null when it names a source group instead.', resolve: (rule) => rule.cidr }),
    sourceGroup: t.field({
      type: SecurityGroupRef,
      nullable: true,
      description: 'Traffic from this group\'s members is let in (the rule expands to their addresses).',
      resolve: (rule) => rule.sourceGroupId,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was added.', resolve: (rule) => rule.createdAt }),
  }),
});

builder.objectField(InstanceRef, 'securityGroups', (t) => t.field({
  type: [SecurityGroupRef],
  description: 'The groups whose rules filter traffic to the instance, by name.',
  resolve: (instance, _args, ctx) => ctx.services.store.securityGroups.groupsOf(instance.id),
}));

builder.queryField('securityGroups', (t) => t.connection({
  type: SecurityGroupRef,
  authScopes: { reader: true },
  description: 'Security groups by name.',
  resolve: (_root, args, ctx) => plainConnection<SecurityGroup>(args, ctx.services.store.securityGroups),
}));

const HostFirewallRefresh = builder.objectRef<HostFirewallOutcome>('HostFirewallRefresh').implement({
  description: 'How the rules reached one host running a member: its iptables rebuilt, or why not.',
  fields: (t) => ({
    host: t.field({ type: HostRef, description: 'A host running members of the group.', resolve: (outcome) => outcome.hostId }),
    applied: t.boolean({ description: 'Whether its iptables were rebuilt; false when that failed (see error).', resolve: (outcome) => outcome.error === null }),
    filteredInstances: t.exposeInt('filteredInstances', { description: 'Instances with a chain on the host now.' }),
    error: t.string({ nullable: true, description: 'Why the rules did not reach it; null when applied.', resolve: (outcome) => outcome.error?.message ?? null }),
    xapiCode: t.string({ nullable: true, description: 'The XAPI failure code of that failure; null when applied or not from XAPI.', resolve: (outcome) => outcome.error?.xapiCode ?? null }),
  }),
});

const FIREWALL_HOSTS = 'Each host running a member of the group, and whether the change reached its firewall.';

const principalOf = (ctx: { principal?: { tokenId: string } | null }) => ctx.principal?.tokenId ?? '';

builder.relayMutationField(
  'securityGroupCreate',
  {
    inputFields: (t) => ({
      name: t.string({ required: true, ...boundedText(255, { min: 1, trim: true }) }),
      description: t.string({ required: false, ...boundedText(255) }),
      idempotencyKey: t.string(idempotencyKeyField),
    }),
  },
  {
    description: 'Creates an empty security group (it lets nothing in until it has rules).',
    authScopes: { operator: true },
    errors: { types: [InvalidInputError, IdempotencyKeyReuseError], directResult: true, union: { name: 'SecurityGroupCreateResult' } },
    resolve: (_root, { input }, ctx) => {
      const request = { name: input.name.trim(), description: input.description ?? '' };
      return idempotent(
        ctx.services.store,
        { principal: principalOf(ctx), key: input.idempotencyKey, hash: JSON.stringify(['securityGroupCreate', request]) },
        () => createSecurityGroup(ctx.services, request),
      );
    },
  },
  { outputFields: (t) => ({ securityGroup: t.field({ type: SecurityGroupRef, description: 'The new group.', resolve: (group) => group }) }) },
);

builder.relayMutationField(
  'securityGroupDelete',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: SecurityGroupRef, required: true, description: 'The group to delete; it must have no members.' }),
      idempotencyKey: t.string(idempotencyKeyField),
    }),
  },
  {
    description: 'Deletes a group no instance is in; rules of other groups naming it as their source go with it.',
    authScopes: { operator: true },
    errors: {
      types: [NotFoundError, InvalidInputError, SecurityGroupInUseError, IdempotencyKeyReuseError], directResult: true, union: { name: 'SecurityGroupDeleteResult' },
    },
    resolve: (_root, { input }, ctx) => idempotent(
      ctx.services.store,
      { principal: principalOf(ctx), key: input.idempotencyKey, hash: JSON.stringify(['securityGroupDelete', input.id.id]) },
      () => deleteSecurityGroup(ctx.services, input.id.id),
    ),
  },
  {
    outputFields: (t) => ({
      deletedSecurityGroupId: t.globalID({ description: 'The global id the deleted group had.', resolve: (group) => ({ type: 'SecurityGroup', id: group.id }) }),
    }),
  },
);

builder.relayMutationField(
  'securityGroupAddRule',
  {
    inputFields: (t) => ({
      groupId: t.globalID({ for: SecurityGroupRef, required: true, description: 'The group to add the rule to.' }),
      protocol: t.field({ type: ProtocolEnum, required: true, description: 'The protocol to let in.' }),
      fromPort: t.int({ required: false, description: 'TCP/UDP: first port (1–65535). ICMP: the type, -1 or absent for any.' }),
      toPort: t.int({ required: false, description: 'TCP/UDP: last port. ICMP: the code, -1 or absent for any.' }),
      cidr: t.string({ required: false, ...boundedText(18, { description: 'IPv4 source network; 0.0.0.0/0 when neither source is given.' }) }),
      sourceGroupId: t.globalID({ for: SecurityGroupRef, required: false, description: 'Let in the members of this group instead of a CIDR.' }),
      idempotencyKey: t.string(idempotencyKeyField),
    }),
  },
  {
    description: 'Adds an ingress rule and applies it at once on every host running a member of the group.',
    authScopes: { operator: true },
    errors: {
      types: [NotFoundError, InvalidInputError, IdempotencyKeyReuseError], directResult: true, union: { name: 'SecurityGroupAddRuleResult' },
    },
    resolve: (_root, { input }, ctx) => {
      const rule = {
        protocol: input.protocol as SecurityGroupProtocol, fromPort: input.fromPort ?? null, toPort: input.toPort ?? null,
        cidr: input.cidr ?? null, sourceGroupId: input.sourceGroupId?.id ?? null,
      };
      return idempotent(
        ctx.services.store,
        { principal: principalOf(ctx), key: input.idempotencyKey, hash: JSON.stringify(['securityGroupAddRule', input.groupId.id, rule]) },
        () => addSecurityGroupRule(ctx.services, input.groupId.id, rule),
      );
    },
  },
  {
    outputFields: (t) => ({
      rule: t.field({ type: SecurityGroupRuleRef, description: 'The new rule.', resolve: (change) => change.rule }),
      securityGroup: t.field({ type: SecurityGroupRef, description: 'The group as it is now.', resolve: (change) => change.group }),
      hosts: t.field({ type: [HostFirewallRefresh], description: FIREWALL_HOSTS, resolve: (change) => [...change.hosts] }),
    }),
  },
);

builder.relayMutationField(
  'securityGroupRemoveRule',
  {
    inputFields: (t) => ({
      ruleId: t.globalID({ for: SecurityGroupRuleRef, required: true, description: 'The rule to remove.' }),
      idempotencyKey: t.string(idempotencyKeyField),
    }),
  },
  {
    description: 'Removes a rule and takes it off every host running a member of its group.',
    authScopes: { operator: true },
    errors: { types: [NotFoundError, InvalidInputError, IdempotencyKeyReuseError], directResult: true, union: { name: 'SecurityGroupRemoveRuleResult' } },
    resolve: (_root, { input }, ctx) => idempotent(
      ctx.services.store,
      { principal: principalOf(ctx), key: input.idempotencyKey, hash: JSON.stringify(['securityGroupRemoveRule', input.ruleId.id]) },
      () => removeSecurityGroupRule(ctx.services, input.ruleId.id),
    ),
  },
  {
    outputFields: (t) => ({
      deletedRuleId: t.globalID({ description: 'The global id the removed rule had.', resolve: (change) => ({ type: 'SecurityGroupRule', id: change.rule.id }) }),
      securityGroup: t.field({ type: SecurityGroupRef, description: 'The group as it is now.', resolve: (change) => change.group }),
      hosts: t.field({ type: [HostFirewallRefresh], description: FIREWALL_HOSTS, resolve: (change) => [...change.hosts] }),
    }),
  },
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Pothos input field builder
const groupInput = (t: any) => ({ securityGroupId: t.globalID({ for: SecurityGroupRef, required: true, description: 'The security group.' }) });

instanceActionField('instanceAddSecurityGroup', {
  description: 'Puts the instance in a security group: its chain on its host gets the group\'s rules, and the hosts of '
    + 'instances whose rules name the group as source let its addresses in.',
  action: addSecurityGroupAction,
  inputFields: groupInput,
  toInput: (input: { securityGroupId: { id: string } }) => ({ securityGroupId: input.securityGroupId.id }),
  probeInput: { securityGroupId: '' },
});

instanceActionField('instanceRemoveSecurityGroup', {
  description: 'Takes the instance out of a security group; with no group left its chain leaves its host.',
  action: removeSecurityGroupAction,
  inputFields: groupInput,
  toInput: (input: { securityGroupId: { id: string } }) => ({ securityGroupId: input.securityGroupId.id }),
  probeInput: { securityGroupId: '' },
});
