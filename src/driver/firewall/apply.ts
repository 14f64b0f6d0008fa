// Applying security groups on hosts (Nova's Dom0IptablesFirewallDriver): the rule set of a host is rendered
// from the store (every filtered instance on it, with its groups' rules and the addresses of source groups'
// members), merged into the host's own `iptables-save -c` and loaded back with `iptables-restore -c`, both
// through the dom0 plugin `xenhost.iptables_config`. A host is refreshed as a whole, one refresh at a time
// (Nova's `iptables` lock), so applying is idempotent and whoever applies last writes the newest state.
//
// Unlike Nova, which kept its chains only in the memory of nova-compute (lost on restart), the desired state is
// the store's: any refresh rebuilds a host's filter completely.
import { BaseUserError } from '../../errors.js';
import type { DriverServices } from '../../operations/action.js';
import { operationErrorOf } from '../../operations/outcome.js';
import { filterHostsOf, type Host, type Instance, type OperationError, type SecurityGroupRule, type Store } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { hostRef, poolClient } from '../xapi-access.js';
import { filterRestoreInput } from './iptables-save.js';
import { renderHostFilter, type FilteredInstance, type ResolvedRule } from './render.js';

export const IPTABLES_PLUGIN = 'xenhost';
export const IPTABLES_FUNCTION = 'iptables_config';

/** How one host's refresh went. */
export interface HostFirewallOutcome {
  readonly hostId: string;
  /** Instances with a chain on the host after the refresh. */
  readonly filteredInstances: number;
  readonly error: OperationError | null;
}

/** Security groups could not be applied on a host; the operation that needed them fails with this. */
export class FirewallApplyError extends BaseUserError {
  override readonly code = 'FIREWALL_NOT_APPLIED';
  constructor(readonly failures: readonly HostFirewallOutcome[]) {
    const refused = failures.find((f) => f.error?.xapiCode)?.error;
    super(`Security groups could not be applied on ${failures.map((f) => `host ${f.hostId}: ${f.error?.message}`).join('; ')}`, {
      xapiCause: refused?.xapiCode ? { code: refused.xapiCode, params: refused.xapiParams ?? [] } : null,
    });
  }
}

export function requireApplied(outcomes: readonly HostFirewallOutcome[]): void {
  const failures = outcomes.filter((outcome) => outcome.error !== null);
  if (failures.length > 0) throw new FirewallApplyError(failures);
}

/** Whether an instance gets a chain: alive, built by xengraph (its serial names the chain), and placed. */
function filterable(instance: Instance | null): instance is Instance & { serial: number } {
  return instance !== null && !instance.deletedAt && instance.vmState !== 'DELETED' && instance.vmUuid !== null
    && instance.serial !== null && filterHostsOf(instance).length > 0;
}

/** Instances to leave out although the store still lists them (one being destroyed or rolled back). */
export type Leaving = ReadonlySet<string>;

/** What the store says one host's filter must hold. */
export async function hostFilterOf(store: Store, hostId: string, leaving: Leaving = new Set()): Promise<FilteredInstance[]> {
  const members = await store.securityGroups.members({ hostId });
  const instanceIds = [...new Set(members.map((member) => member.instanceId))].filter((id) => !leaving.has(id));
  const sourceAddresses = new Map<string, Promise<string[]>>();
  const addressesOfGroup = (groupId: string): Promise<string[]> => {
    let found = sourceAddresses.get(groupId);
    if (!found) sourceAddresses.set(groupId, (found = memberAddresses(store, groupId, leaving)));
    return found;
  };
  const filtered: FilteredInstance[] = [];
  for (const instance of await store.instances.getMany(instanceIds)) {
    if (!filterable(instance)) continue;
    const groups = await store.securityGroups.groupsOf(instance.id);
    const order = new Map(groups.map((group, index) => [group.id, index]));
    const rules = (await store.securityGroups.rulesOf(groups.map((group) => group.id)))
      .sort((a, b) => order.get(a.groupId)! - order.get(b.groupId)!);
    const vifs = await store.vifs.listForInstance(instance.id);
    const subnetIds = [...new Set(vifs.flatMap((vif) => (vif.subnetId && vif.ip ? [vif.subnetId] : [])))];
    const subnets = (await store.vifs.getSubnets(subnetIds)).flatMap((subnet) => (subnet ? [subnet.cidr] : []));
    filtered.push({
      chainId: instance.serial,
      addresses: vifs.flatMap((vif) => (vif.ip ? [vif.ip] : [])),
      subnets,
      rules: await Promise.all(rules.map((rule) => resolveRule(rule, addressesOfGroup))),
    });
  }
  return filtered;
}

async function resolveRule(rule: SecurityGroupRule, addressesOfGroup: (groupId: string) => Promise<string[]>): Promise<ResolvedRule> {
  return {
    protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort, cidr: rule.cidr,
    sourceAddresses: rule.sourceGroupId ? await addressesOfGroup(rule.sourceGroupId) : null,
  };
}

/** The IPv4 addresses of a group's live members, as a source-group rule expands to them. */
async function memberAddresses(store: Store, groupId: string, leaving: Leaving): Promise<string[]> {
  const addresses: string[] = [];
  for (const { instanceId } of await store.securityGroups.members({ groupIds: [groupId] })) {
    if (leaving.has(instanceId)) continue;
    for (const vif of await store.vifs.listForInstance(instanceId)) if (vif.ip) addresses.push(vif.ip);
  }
  return addresses;
}

// Nova's `iptables` lock, per host: a refresh renders and applies while holding it.
const hostQueues = new Map<string, Promise<unknown>>();

function serialisedOnHost<T>(hostId: string, work: () => Promise<T>): Promise<T> {
  const previous = hostQueues.get(hostId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  hostQueues.set(hostId, settled);
  void settled.then(() => {
    if (hostQueues.get(hostId) === settled) hostQueues.delete(hostId);
  });
  return next;
}

/** One iptables command in the host's dom0, as Nova's executor sent it; answers the command's output. */
export async function runIptables(client: XapiClient, host: string, hostUuid: string, command: readonly string[], input?: string): Promise<string> {
  const args: Record<string, string> = { cmd_args: JSON.stringify(command), run_as_root: 'True', host_uuid: hostUuid };
  if (input !== undefined) args.process_input = input;
  const reply = await client.call<string>('host.call_plugin', host, IPTABLES_PLUGIN, IPTABLES_FUNCTION, args);
  return String((JSON.parse(reply) as { out?: unknown }).out ?? '');
}

async function applyOnHost(services: DriverServices, host: Host, leaving: Leaving): Promise<number> {
  const client = poolClient(services, host.poolId);
  const ref = hostRef(client, host);
  const filtered = await hostFilterOf(services.store, host.id, leaving);
  const saved = await runIptables(client, ref, host.uuid, ['iptables-save', '-c']);
  await runIptables(client, ref, host.uuid, ['iptables-restore', '-c'], filterRestoreInput(saved, renderHostFilter(filtered)));
  return filtered.length;
}

/**
 * Rebuilds the filter of each host from the store. Never throws: each host's outcome says whether it worked
 * (callers decide whether a failure fails them).
 */
export async function refreshHostFirewalls(services: DriverServices, hostIds: Iterable<string>, leaving: Leaving = new Set()): Promise<HostFirewallOutcome[]> {
  const outcomes: HostFirewallOutcome[] = [];
  for (const hostId of [...new Set(hostIds)].sort()) {
    try {
      const host = await services.store.hosts.get(hostId);
      if (!host) continue;
      const filteredInstances = await serialisedOnHost(hostId, () => applyOnHost(services, host, leaving));
      outcomes.push({ hostId, filteredInstances, error: null });
    } catch (error) {
      services.log.warn({ err: error, hostId }, 'security groups not applied on a host');
      outcomes.push({ hostId, filteredInstances: 0, error: operationErrorOf(error) });
    }
  }
  return outcomes;
}

const hostsOf = (members: readonly { hostIds: readonly string[] }[]): string[] => members.flatMap((m) => m.hostIds);

/** Hosts whose filters expand these groups' members as a source (Nova's trigger_members_refresh). */
export async function hostsSourcing(store: Store, groupIds: readonly string[]): Promise<Set<string>> {
  const referencing = [...new Set((await store.securityGroups.rulesSourcedFrom(groupIds)).map((rule) => rule.groupId))];
  return new Set(hostsOf(await store.securityGroups.members({ groupIds: referencing })));
}

/** Hosts running a member of the group, whose chains carry its rules (Nova's refresh_security_group_rules). */
export async function hostsApplying(store: Store, groupId: string): Promise<Set<string>> {
  return new Set(hostsOf(await store.securityGroups.members({ groupIds: [groupId] })));
}

/**
 * Hosts an instance's filtering touches: its own when it is in a group, and those of instances whose rules
 * name one of its groups as source (its addresses are in their chains).
 */
export async function hostsFilteringInstance(store: Store, instance: Instance, hostIds: readonly (string | null)[] = filterHostsOf(instance)): Promise<Set<string>> {
  const groupIds = (await store.securityGroups.groupsOf(instance.id)).map((group) => group.id);
  const hosts = await hostsSourcing(store, groupIds);
  if (groupIds.length > 0) for (const hostId of hostIds) if (hostId) hosts.add(hostId);
  return hosts;
}

/**
 * Nova's ensure_filtering_rules_for_instance / prepare_instance_filter (spawn, a new interface): the
 * instance's host and every host that names its groups as source are brought up to date.
 */
export async function refreshInstanceFilters(services: DriverServices, instance: Instance, hostIds?: readonly (string | null)[]): Promise<HostFirewallOutcome[]> {
  return refreshHostFirewalls(services, await hostsFilteringInstance(services.store, instance, hostIds));
}

/**
 * Nova's unfilter_instance (destroy, a spawn rolled back): the instance's chain goes from its host, its
 * addresses from other instances' source-group rules. A failure is logged, as Nova did, and does not fail the
 * caller.
 */
export async function unfilterInstance(services: DriverServices, instance: Instance): Promise<HostFirewallOutcome[]> {
  try {
    const hosts = await hostsFilteringInstance(services.store, instance);
    return await refreshHostFirewalls(services, hosts, new Set([instance.id]));
  } catch (error) {
    services.log.error({ err: error, instanceId: instance.id }, 'could not unfilter an instance');
    return [];
  }
}
