// instanceAddSecurityGroup / instanceRemoveSecurityGroup (Nova's add/remove security group followed by
// refresh_instance_security_rules): the membership changes in the store, then the instance's host is
// refreshed (its chain appears, changes or goes) and so are the hosts of instances whose rules name one of its
// groups as source (its addresses join or leave their chains). If a host cannot be updated, the membership is
// put back and the hosts refreshed again, so the store and the hosts keep telling the same story.
import { InvalidInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import type { ActionRun, DriverServices, InstanceAction } from '../../operations/action.js';
import type { Instance } from '../../store/index.js';
import {
  hostsFilteringInstance, refreshHostFirewalls, requireApplied, type HostFirewallOutcome,
} from '../firewall/apply.js';

export interface InstanceSecurityGroupInput {
  readonly securityGroupId: string;
}

async function checkMembership(instance: Instance, input: InstanceSecurityGroupInput, services: DriverServices, wanted: boolean): Promise<void> {
  if (instance.deletedAt || instance.vmState === 'DELETED') throw new InvalidStateError('The instance is deleted', 'DELETED');
  if (instance.serial === null) {
    throw new InvalidStateError('Security groups apply to instances xengraph built (their addresses are its own)', 'UNMANAGED');
  }
  const group = await services.store.securityGroups.get(input.securityGroupId);
  if (!group) throw new NotFoundError('SecurityGroup', input.securityGroupId, { path: ['input', 'securityGroupId'] });
  const member = (await services.store.securityGroups.groupsOf(instance.id)).some((g) => g.id === group.id);
  if (member !== wanted) {
    throw new InvalidInputError(`The instance is ${member ? 'already' : 'not'} in security group ${group.name}`, { path: ['input', 'securityGroupId'] });
  }
}

const summary = (outcomes: readonly HostFirewallOutcome[]) => outcomes.map(({ hostId, filteredInstances }) => ({ hostId, filteredInstances }));

/** Changes the membership, refreshes the hosts it touches; on a failed host, undoes it and fails. */
async function changeMembership(run: ActionRun, input: InstanceSecurityGroupInput, join: boolean): Promise<Record<string, unknown>> {
  const { store } = run.services;
  const { instance } = run;
  const apply = async (member: boolean) => (member
    ? store.securityGroups.addMember(input.securityGroupId, instance.id)
    : store.securityGroups.removeMember(input.securityGroupId, instance.id));
  // The hosts are taken while the instance is in the group, so those naming it as a source are among them.
  const before = join ? new Set<string>() : await hostsFilteringInstance(store, instance);
  await apply(join);
  const hosts = new Set([...before, ...(join ? await hostsFilteringInstance(store, instance) : [])]);
  if (instance.hostId) hosts.add(instance.hostId);
  await run.progress(30, 'applying security groups', `${hosts.size} host${hosts.size === 1 ? '' : 's'}`);
  const outcomes = await refreshHostFirewalls(run.services, hosts);
  try {
    requireApplied(outcomes);
  } catch (error) {
    await apply(!join);
    await refreshHostFirewalls(run.services, hosts);
    throw error;
  }
  return { securityGroupId: input.securityGroupId, hosts: summary(outcomes) };
}

export const addSecurityGroupAction: InstanceAction<InstanceSecurityGroupInput> = {
  kind: 'instance.addSecurityGroup',
  taskState: 'updating-security-groups',
  check: (instance, input, services) => checkMembership(instance, input, services, false),
  run: (run, input) => changeMembership(run, input, true),
  async reconcile(run, input) {
    // Whatever the store says now is re-applied; the request succeeded if the membership was recorded.
    const member = (await run.services.store.securityGroups.groupsOf(run.instance.id)).some((g) => g.id === input.securityGroupId);
    requireApplied(await refreshHostFirewalls(run.services, await hostsFilteringInstance(run.services.store, run.instance)));
    return member ? 'SUCCEEDED' : 'FAILED';
  },
};

export const removeSecurityGroupAction: InstanceAction<InstanceSecurityGroupInput> = {
  kind: 'instance.removeSecurityGroup',
  taskState: 'updating-security-groups',
  check: (instance, input, services) => checkMembership(instance, input, services, true),
  run: (run, input) => changeMembership(run, input, false),
  async reconcile(run, input) {
    const member = (await run.services.store.securityGroups.groupsOf(run.instance.id)).some((g) => g.id === input.securityGroupId);
    const hosts = await hostsFilteringInstance(run.services.store, run.instance);
    if (run.instance.hostId) hosts.add(run.instance.hostId);
    requireApplied(await refreshHostFirewalls(run.services, hosts));
    return member ? 'FAILED' : 'SUCCEEDED';
  },
};
