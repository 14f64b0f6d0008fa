// Security groups and their rules (Nova's security group API plus refresh_security_group_rules): changes are
// checked, stored, then applied at once on every host running a member of the group. These are not instance
// actions (no instance is locked), so they answer with how each host's refresh went instead of an Operation.
import { BaseUserError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { DriverServices } from '../../operations/action.js';
import {
  DuplicateNameError, type NewSecurityGroupRule, type SecurityGroup, type SecurityGroupProtocol, type SecurityGroupRule,
} from '../../store/index.js';
import { hostRange } from '../../store/ipv4.js';
import { requireCleanName, requireWellFormedText } from '../input-text.js';
import { hostsApplying, refreshHostFirewalls, type HostFirewallOutcome } from './apply.js';

/** Nova's "security group is in use": members must leave the group before it can go. */
export class SecurityGroupInUseError extends BaseUserError {
  override readonly code = 'SECURITY_GROUP_IN_USE';
  constructor(readonly group: SecurityGroup, readonly memberCount: number) {
    super(`Security group ${group.name} is in use by ${memberCount} instance${memberCount === 1 ? '' : 's'}`, { path: ['input', 'id'] });
  }
}

export interface RuleInput {
  readonly protocol: SecurityGroupProtocol;
  readonly fromPort: number | null;
  readonly toPort: number | null;
  readonly cidr: string | null;
  readonly sourceGroupId: string | null;
}

export interface RuleChange {
  readonly rule: SecurityGroupRule;
  readonly group: SecurityGroup;
  readonly hosts: readonly HostFirewallOutcome[];
}

const EVERYWHERE = '0.0.0.0/0';

async function requireGroup(services: DriverServices, id: string, path: readonly string[]): Promise<SecurityGroup> {
  const group = await services.store.securityGroups.get(id);
  if (!group) throw new NotFoundError('SecurityGroup', id, { path });
  return group;
}

export async function createSecurityGroup(services: DriverServices, input: { name: string; description: string }): Promise<SecurityGroup> {
  requireCleanName(input.name);
  requireWellFormedText(input.description, 'The description', ['input', 'description']);
  try {
    return await services.store.securityGroups.create(input);
  } catch (error) {
    if (error instanceof DuplicateNameError) throw new InvalidInputError(`A security group named ${input.name} already exists`, { path: ['input', 'name'] });
    throw error;
  }
}

/**
 * Refused while a live instance is a member. Rules of other groups naming it as their source go with it, as in
 * Nova; with no members they matched no address, so no host's filter changes.
 */
export async function deleteSecurityGroup(services: DriverServices, id: string): Promise<SecurityGroup> {
  const group = await requireGroup(services, id, ['input', 'id']);
  const members = await services.store.securityGroups.members({ groupIds: [id] });
  if (members.length > 0) throw new SecurityGroupInUseError(group, new Set(members.map((m) => m.instanceId)).size);
  await services.store.securityGroups.delete(id);
  return group;
}

const isInteger = (value: number | null): value is number => value !== null && Number.isInteger(value);

/** Nova's rule checks: tcp/udp need a port range within 1–65535, icmp a type and code within -1–255 (-1: any). */
function checkPorts(input: RuleInput): Pick<NewSecurityGroupRule, 'fromPort' | 'toPort'> {
  if (input.protocol === 'icmp') {
    const type = input.fromPort ?? -1;
    const code = input.toPort ?? -1;
    for (const [value, field] of [[type, 'fromPort'], [code, 'toPort']] as const) {
      if (!Number.isInteger(value) || value < -1 || value > 255) {
        throw new InvalidInputError(`An ICMP ${field === 'fromPort' ? 'type' : 'code'} is -1 (any) or 0 to 255`, { path: ['input', field] });
      }
    }
    if (type === -1 && code !== -1) throw new InvalidInputError('An ICMP code needs a type', { path: ['input', 'toPort'] });
    return { fromPort: type, toPort: code };
  }
  for (const field of ['fromPort', 'toPort'] as const) {
    const value = input[field];
    if (!isInteger(value) || value < 1 || value > 65535) {
      throw new InvalidInputError(`A ${input.protocol.toUpperCase()} rule needs ${field} between 1 and 65535`, { path: ['input', field] });
    }
  }
  if (input.fromPort! > input.toPort!) throw new InvalidInputError('fromPort cannot be greater than toPort', { path: ['input', 'fromPort'] });
  return { fromPort: input.fromPort, toPort: input.toPort };
}

async function checkRule(services: DriverServices, group: SecurityGroup, input: RuleInput): Promise<NewSecurityGroupRule> {
  if (input.cidr !== null && input.sourceGroupId !== null) {
    throw new InvalidInputError('Give a cidr or a sourceGroupId, not both', { path: ['input', 'cidr'] });
  }
  if (input.cidr !== null && !hostRange(input.cidr)) {
    throw new InvalidInputError(`${input.cidr} is not an IPv4 network in CIDR notation (e.g. 10.0.0.0/24)`, { path: ['input', 'cidr'] });
  }
  if (input.sourceGroupId !== null) await requireGroup(services, input.sourceGroupId, ['input', 'sourceGroupId']);
  const rule: NewSecurityGroupRule = {
    groupId: group.id, protocol: input.protocol, ...checkPorts(input),
    // As Nova, a rule with neither source admits everyone.
    cidr: input.sourceGroupId === null ? input.cidr ?? EVERYWHERE : null,
    sourceGroupId: input.sourceGroupId,
  };
  const existing = await services.store.securityGroups.rulesOf([group.id]);
  if (existing.some((other) => other.protocol === rule.protocol && other.fromPort === rule.fromPort && other.toPort === rule.toPort
    && other.cidr === rule.cidr && other.sourceGroupId === rule.sourceGroupId)) {
    throw new InvalidInputError(`Security group ${group.name} already has this rule`, { path: ['input'] });
  }
  return rule;
}

/** Adds the rule and applies it on every host running a member of the group. */
export async function addSecurityGroupRule(services: DriverServices, groupId: string, input: RuleInput): Promise<RuleChange> {
  const group = await requireGroup(services, groupId, ['input', 'groupId']);
  const rule = await services.store.securityGroups.addRule(await checkRule(services, group, input));
  return { rule, group, hosts: await refreshHostFirewalls(services, await hostsApplying(services.store, group.id)) };
}

/** Removes the rule and takes it off every host running a member of its group. */
export async function removeSecurityGroupRule(services: DriverServices, ruleId: string): Promise<RuleChange> {
  const rule = await services.store.securityGroups.removeRule(ruleId);
  if (!rule) throw new NotFoundError('SecurityGroupRule', ruleId, { path: ['input', 'ruleId'] });
  const group = await requireGroup(services, rule.groupId, ['input', 'ruleId']);
  return { rule, group, hosts: await refreshHostFirewalls(services, await hostsApplying(services.store, group.id)) };
}
