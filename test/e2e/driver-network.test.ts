// Interfaces and security groups end to end: interfaces hot-plugged into and out of running instances (read
// back from XAPI: the VIF's device, MAC and plug state, the guest's vm-data/networking key), and security groups
// whose rules land in the dom0 iptables of every host running a member (read back from the simulator), follow
// members in and out of groups, expand source groups to their members' addresses, and leave with a destroyed
// or migrated instance.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  AddInstanceSecurityGroupDocument, AddSecurityGroupRuleDocument, AddSubnetDocument, AddSubnetForRemovalDocument, AttachInterfaceDocument,
  CreateSecurityGroupDocument, DeleteSecurityGroupDocument, DestroyInstanceDocument, DetachInterfaceDocument,
  InstanceNetworkingDocument, LiveMigrateInstanceDocument, MigrateInstanceDocument, RevertResizeDocument, NetworkAllocationsDocument, NetworkOperationDocument,
  RemoveInstanceSecurityGroupDocument, RemoveSecurityGroupRuleDocument, RemoveSubnetDocument, SecurityGroupListDocument, SpawnInstanceDocument,
  type AddSecurityGroupRuleMutation, type InstanceNetworkingQuery, type NetworkOperationQuery,
} from '../generated/graphql.js';
import { accepted, actionRunner, finished, spawnChoices, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';

type Xapi = Awaited<ReturnType<typeof xapiSession>>;
type Networking = Extract<NonNullable<InstanceNetworkingQuery['node']>, { interfaces: unknown }>;
type OperationView = Extract<NonNullable<NetworkOperationQuery['node']>, { status: unknown }>;
type Chains = Record<string, { policy: string | null; rules: string[] }>;

let stack: Stack;
let xapi: Xapi;
let operator: string;
let choices: SpawnChoices;
let eth0: string;
const groups: Record<string, string> = {};
const instances: Record<string, string> = {};

const actions = actionRunner<OperationView>(() => stack, () => operator, NetworkOperationDocument);

/** Each test file's world: one network with a subnet, groups, and instances on three hosts of pool-a. */
before(async () => {
  // No periodic bandwidth polls: a fault injected on host.call_plugin must strike the firewall's call.
  stack = await startStack({ env: { BANDWIDTH_POLL_SECONDS: '0' } });
  operator = await stack.tokenFor('operator');
  xapi = await xapiSession(stack, 0);
  choices = await spawnChoices(stack);
  eth0 = choices.network('eth0');
  const subnet = await stack.request(AddSubnetDocument, { input: { networkId: eth0, cidr: '10.30.0.0/24', gateway: '10.30.0.1' } }, stack.adminToken);
  assert.equal(subnet.data?.networkAddSubnet.__typename, 'NetworkAddSubnetPayload');
  for (const name of ['web', 'admin']) groups[name] = await createGroup(name);
  // Three spawns at once: web-1 and web-2 in "web" from the start, ops-1 in no group yet.
  const spawns = await Promise.all([
    spawn('web-1', 'xen-a1', [groups.web!]), spawn('web-2', 'xen-a2', [groups.web!]), spawn('ops-1', 'xen-a3', []),
  ]);
  [instances.web1, instances.web2, instances.ops1] = spawns;
});
after(async () => {
  await stack?.stop();
});

async function createGroup(name: string): Promise<string> {
  const { data } = await stack.request(CreateSecurityGroupDocument, { input: { name, description: `${name} servers` } }, operator);
  assert.equal(data?.securityGroupCreate.__typename, 'SecurityGroupCreatePayload', JSON.stringify(data));
  return (data!.securityGroupCreate as { securityGroup: { id: string } }).securityGroup.id;
}

async function spawn(name: string, host: string, securityGroupIds: string[]): Promise<string> {
  const result = await stack.request(SpawnInstanceDocument, {
    input: {
      name, flavorId: choices.flavor('m1.tiny'), imageId: choices.image('cirros'), networkIds: [eth0], hostId: choices.host(host),
      metadata: {}, securityGroupIds,
    },
  }, operator);
  const payload = accepted(result);
  const state = await finished(stack, payload.operation.id, 60_000);
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
  return payload.instance.id;
}

async function networking(id: string): Promise<Networking> {
  const { data, errors } = await stack.request(InstanceNetworkingDocument, { id }, operator);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data!.node as Networking;
}

/** The filter table of a host's dom0, as the simulator's admin API shows it. */
async function filterTable(host: string): Promise<Chains> {
  const response = await fetch(new URL(`/_sim/iptables?host=${host}`, stack.sim.pools[0]!.masterUrl));
  const body = await response.json() as { hosts: { name: string; ipv4: { filter: Chains } }[] };
  assert.equal(body.hosts.length, 1, `host ${host}`);
  return body.hosts[0]!.ipv4.filter;
}

/** xengraph's chain for an instance: named after its serial, which its VM name carries (instance-%08x). */
async function chainOf(id: string): Promise<string> {
  const { vmName } = await networking(id);
  return `xengraph-inst-${parseInt(vmName.replace('instance-', ''), 16)}`;
}

async function ipOf(id: string, device = 0): Promise<string> {
  const found = (await networking(id)).interfaces.find((i) => i.device === device);
  assert.ok(found?.ip, `instance ${id} has an address on device ${device}`);
  return found.ip;
}

async function vifRecords(vm: string): Promise<Record<string, any>[]> {
  return Promise.all((await xapi.call('VM.get_VIFs', vm)).map((vif: string) => xapi.call('VIF.get_record', vif)));
}

async function vmOf(id: string): Promise<string> {
  const [vm] = await xapi.call('VM.get_by_name_label', (await networking(id)).vmName);
  return vm;
}

describe('subnets', () => {
  async function subnetCidrs(networkId: string): Promise<string[]> {
    const { data, errors } = await stack.request(NetworkAllocationsDocument, { id: networkId }, stack.adminToken);
    assert.equal(errors, undefined, JSON.stringify(errors));
    return (data!.node as { subnets: { cidr: string }[] }).subnets.map((subnet) => subnet.cidr);
  }

  it('refuses ranges that are too big or reserved, storing nothing', async () => {
    const eth1 = choices.network('eth1');
    const before = await subnetCidrs(eth1);
    for (const cidr of ['0.0.0.0/0', '10.0.0.0/8', '10.0.0.0/15', '10.0.0.0/31', '0.0.0.0/16', '127.0.0.0/24', '169.254.0.0/24', '224.0.0.0/24', '255.255.255.0/24', '10.0.0.1/24']) {
      const { data } = await stack.request(AddSubnetForRemovalDocument, { input: { networkId: eth1, cidr } }, stack.adminToken);
      assert.deepEqual(
        { type: data?.networkAddSubnet.__typename, path: (data?.networkAddSubnet as { path?: string[] }).path },
        { type: 'InvalidInputError', path: ['input', 'cidr'] }, cidr,
      );
    }
    assert.deepEqual(await subnetCidrs(eth1), before);
  });

  it('removes an unused subnet, and refuses one whose addresses are allocated', async () => {
    const added = await stack.request(AddSubnetForRemovalDocument, { input: { networkId: eth0, cidr: '10.99.0.0/16' } }, stack.adminToken);
    const subnet = (added.data?.networkAddSubnet as { subnet: { id: string; addressCount: number } }).subnet;
    assert.equal(subnet.addressCount, 65534);
    const removed = await stack.request(RemoveSubnetDocument, { input: { subnetId: subnet.id } }, stack.adminToken);
    assert.equal(removed.data?.networkRemoveSubnet.__typename, 'NetworkRemoveSubnetPayload', JSON.stringify(removed));
    assert.deepEqual(await subnetCidrs(eth0), ['10.30.0.0/24']);
    const again = await stack.request(RemoveSubnetDocument, { input: { subnetId: subnet.id } }, stack.adminToken);
    assert.equal(again.data?.networkRemoveSubnet.__typename, 'NotFoundError');

    const { data } = await stack.request(NetworkAllocationsDocument, { id: eth0 }, stack.adminToken);
    const inUse = (data!.node as { subnets: { id: string }[] }).subnets[0]!.id;
    const refused = await stack.request(RemoveSubnetDocument, { input: { subnetId: inUse } }, stack.adminToken);
    assert.deepEqual(
      { type: refused.data?.networkRemoveSubnet.__typename, state: (refused.data?.networkRemoveSubnet as { currentState?: string }).currentState },
      { type: 'InvalidStateError', state: 'IN_USE' },
    );
    assert.deepEqual(await subnetCidrs(eth0), ['10.30.0.0/24']);
    const operatorRemove = await stack.request(RemoveSubnetDocument, { input: { subnetId: inUse } }, operator);
    assert.equal(operatorRemove.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('reads the address count of a huge range recorded before ranges were bounded, and lets it be removed', async () => {
    // As an earlier version stored it: every read of addressCount then overflowed Int for every caller.
    const eth1 = choices.network('eth1');
    await stack.app.services.store.vifs.createSubnet({ networkId: decodeGlobalID(eth1).id, cidr: '0.0.0.0/0' });
    const { data, errors } = await stack.request(NetworkAllocationsDocument, { id: eth1 }, stack.adminToken);
    assert.equal(errors, undefined, JSON.stringify(errors));
    const huge = (data!.node as { subnets: { id: string; cidr: string; addressCount: number }[] }).subnets.find((s) => s.cidr === '0.0.0.0/0')!;
    assert.equal(huge.addressCount, 2 ** 31 - 1);
    const removed = await stack.request(RemoveSubnetDocument, { input: { subnetId: huge.id } }, stack.adminToken);
    assert.equal(removed.data?.networkRemoveSubnet.__typename, 'NetworkRemoveSubnetPayload');
  });
});

describe('interfaces', () => {
  const mac = 'fa:16:3e:aa:bb:01';

  it('hot-plugs an interface at an allowed device with the requested MAC and address, and tells the guest', async () => {
    const vm = await vmOf(instances.web1!);
    const allowed: string[] = await xapi.call('VM.get_allowed_VIF_devices', vm);
    const op = await actions.act(AttachInterfaceDocument, { id: instances.web1, networkId: eth0, mac: 'FA-16-3E-AA-BB-01', ip: '10.30.0.50' });
    const result = op.result as Record<string, unknown>;
    assert.deepEqual([result.device, result.mac, result.ip, result.plugged], [allowed[0], mac, '10.30.0.50', true]);

    const vif = (await vifRecords(vm)).find((record) => record.MAC === mac);
    assert.ok(vif, 'a VIF with the requested MAC');
    assert.deepEqual([vif.device, vif.currently_attached, vif.MTU], [allowed[0], true, 1500]);
    const key = 'vm-data/networking/fa163eaabb01';
    const record = JSON.parse((await xapi.call('VM.get_xenstore_data', vm))[key]);
    assert.deepEqual([record.mac, record.ips[0].ip, record.ips[0].netmask], [mac, '10.30.0.50', '255.255.255.0']);
    const [host, domid] = await Promise.all([xapi.call('VM.get_resident_on', vm), xapi.call('VM.get_domid', vm)]);
    const live = await xapi.call('host.call_plugin', host, 'xenstore.py', 'read_record', { dom_id: String(domid), path: key, ignore_missing_path: 'True' });
    assert.equal(JSON.parse(live).ips[0].ip, '10.30.0.50', 'the running guest sees it in its live xenstore');

    const view = await networking(instances.web1!);
    assert.deepEqual(view.interfaces.map((i) => [i.device, i.mac, i.ip, i.attached]), [
      [0, view.interfaces[0]!.mac, view.interfaces[0]!.ip, true], [Number(allowed[0]), mac, '10.30.0.50', true],
    ]);
    // The instance is in "web": its chain on its host is entered from the new address too.
    const table = await filterTable('xen-a1');
    assert.ok(table['xengraph-local']!.rules.includes(`-d 10.30.0.50 -j ${await chainOf(instances.web1!)}`));
    const { data } = await stack.request(NetworkAllocationsDocument, { id: eth0 }, operator);
    const subnet = (data!.node as { subnets: { addressCount: number; interfaces: { ip: string | null }[] }[] }).subnets[0]!;
    assert.equal(subnet.addressCount, 254);
    assert.ok(subnet.interfaces.some((i) => i.ip === '10.30.0.50'));
  });

  it('refuses a MAC or an address already in use before anything is recorded', async () => {
    for (const [input, path] of [[{ mac }, 'mac'], [{ ip: '10.30.0.1' }, 'ip'], [{ ip: '10.99.0.5' }, 'ip'], [{ mac: '01:00:5e:00:00:01' }, 'mac']] as const) {
      const { data } = await stack.request(AttachInterfaceDocument, { input: { id: instances.web1!, networkId: eth0, ...input } }, operator);
      const refused = data!.instanceAttachInterface as { __typename: string; path: string[] };
      assert.equal(refused.__typename, 'InvalidInputError', JSON.stringify(input));
      assert.deepEqual(refused.path, ['input', path]);
    }
    assert.equal((await networking(instances.web1!)).interfaces.length, 2);
  });

  it('detaches by MAC: unplugs and destroys the VIF, removes the xenstore key and releases the address', async () => {
    const vm = await vmOf(instances.web1!);
    const op = await actions.act(DetachInterfaceDocument, { id: instances.web1, mac });
    assert.equal((op.result as { vifRemoved: boolean }).vifRemoved, true);
    assert.equal((await vifRecords(vm)).some((record) => record.MAC === mac), false);
    assert.equal((await xapi.call('VM.get_xenstore_data', vm))['vm-data/networking/fa163eaabb01'], undefined);
    assert.equal((await networking(instances.web1!)).interfaces.length, 1);
    const table = await filterTable('xen-a1');
    assert.equal(table['xengraph-local']!.rules.some((rule) => rule.includes('10.30.0.50')), false);
    const { data } = await stack.request(NetworkAllocationsDocument, { id: eth0 }, operator);
    const subnets = (data!.node as { subnets: { interfaces: { ip: string | null }[] }[] }).subnets;
    assert.equal(subnets[0]!.interfaces.some((i) => i.ip === '10.30.0.50'), false, 'the address is free again');
  });
});

describe('security groups', () => {
  let sshRule: string;

  it('filters members from spawn on: a chain per instance on its host, entered from its address', async () => {
    for (const [id, host] of [[instances.web1!, 'xen-a1'], [instances.web2!, 'xen-a2']] as const) {
      const table = await filterTable(host);
      const chain = await chainOf(id);
      assert.ok(table['xengraph-local']!.rules.includes(`-d ${await ipOf(id)} -j ${chain}`), host);
      assert.deepEqual(table[chain]!.rules, [
        '-m state --state INVALID -j DROP', '-m state --state ESTABLISHED,RELATED -j ACCEPT', '-s 10.30.0.0/24 -j ACCEPT',
        '-j xengraph-sg-fallback',
      ]);
      assert.equal(table.FORWARD!.rules[0], '-j xengraph-filter-top');
      assert.ok(table['RH-Firewall-1-INPUT']!.rules.length > 0, 'the host\'s own rules are kept');
    }
    assert.equal(Object.keys(await filterTable('xen-a3')).some((chain) => chain.startsWith('xengraph-inst-')), false, 'ops-1 is in no group');
  });

  it('adds a rule on every host running a member, and removes it again', async () => {
    const { data } = await stack.request(AddSecurityGroupRuleDocument, {
      input: { groupId: groups.web!, protocol: 'TCP', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' },
    }, operator);
    const added = data!.securityGroupAddRule as Extract<AddSecurityGroupRuleMutation['securityGroupAddRule'], { rule: unknown }>;
    assert.equal(added.__typename, 'SecurityGroupAddRulePayload', JSON.stringify(added));
    sshRule = added.rule.id;
    assert.deepEqual(added.hosts.map((h) => [h.host.name, h.applied, h.filteredInstances]).sort(), [['xen-a1', true, 1], ['xen-a2', true, 1]]);
    for (const [id, host] of [[instances.web1!, 'xen-a1'], [instances.web2!, 'xen-a2']] as const) {
      const rules = (await filterTable(host))[await chainOf(id)]!.rules;
      assert.deepEqual(rules.slice(-2), ['-j ACCEPT -p tcp --dport 22 -s 0.0.0.0/0', '-j xengraph-sg-fallback'], host);
    }

    const range = await stack.request(AddSecurityGroupRuleDocument, {
      input: { groupId: groups.web!, protocol: 'UDP', fromPort: 2000, toPort: 1000 },
    }, operator);
    assert.equal(range.data!.securityGroupAddRule.__typename, 'InvalidInputError');

    const removed = await stack.request(RemoveSecurityGroupRuleDocument, { input: { ruleId: sshRule } }, operator);
    assert.equal(removed.data!.securityGroupRemoveRule.__typename, 'SecurityGroupRemoveRulePayload');
    const rules = (await filterTable('xen-a2'))[await chainOf(instances.web2!)]!.rules;
    assert.equal(rules.some((rule) => rule.includes('--dport 22')), false);
  });

  it('expands a rule whose source is a group to that group\'s members\' addresses', async () => {
    const { data } = await stack.request(AddSecurityGroupRuleDocument, {
      input: { groupId: groups.web!, protocol: 'TCP', fromPort: 5432, toPort: 5432, sourceGroupId: groups.admin! },
    }, operator);
    assert.equal(data!.securityGroupAddRule.__typename, 'SecurityGroupAddRulePayload');
    const webChain = await chainOf(instances.web1!);
    assert.equal((await filterTable('xen-a1'))[webChain]!.rules.some((rule) => rule.includes('5432')), false, 'an empty source admits nobody');

    // ops-1 joins "admin": its own host gets its chain, and the web members' hosts let its address in.
    await actions.act(AddInstanceSecurityGroupDocument, { id: instances.ops1, securityGroupId: groups.admin });
    const opsIp = await ipOf(instances.ops1!);
    for (const [id, host] of [[instances.web1!, 'xen-a1'], [instances.web2!, 'xen-a2']] as const) {
      assert.ok((await filterTable(host))[await chainOf(id)]!.rules.includes(`-j ACCEPT -p tcp --dport 5432 -s ${opsIp}`), host);
    }
    assert.ok((await filterTable('xen-a3'))[await chainOf(instances.ops1!)], 'ops-1 has its chain on xen-a3');
    const list = await stack.request(SecurityGroupListDocument, {}, operator);
    const admin = list.data!.securityGroups.edges.find((e) => e.node.id === groups.admin)!.node;
    assert.deepEqual(admin.instances.map((i) => i.id), [instances.ops1]);
  });

  it('removes the chains of an instance taken out of its last group, and refuses to delete a group in use', async () => {
    const inUse = await stack.request(DeleteSecurityGroupDocument, { input: { id: groups.web! } }, operator);
    assert.deepEqual(inUse.data!.securityGroupDelete, {
      __typename: 'SecurityGroupInUseError', memberCount: 2, code: 'SECURITY_GROUP_IN_USE',
      message: 'Security group web is in use by 2 instances', path: ['input', 'id'],
    });

    const chain = await chainOf(instances.web2!);
    await actions.act(RemoveInstanceSecurityGroupDocument, { id: instances.web2, securityGroupId: groups.web });
    const table = await filterTable('xen-a2');
    assert.equal(table[chain], undefined);
    assert.equal(table['xengraph-local']!.rules.length, 0);
    assert.deepEqual((await networking(instances.web2!)).securityGroups, []);
    const again = await stack.request(RemoveInstanceSecurityGroupDocument, { input: { id: instances.web2!, securityGroupId: groups.web! } }, operator);
    assert.equal(again.data!.instanceRemoveSecurityGroup.__typename, 'InvalidInputError');
  });

  it('moves the chain with a live-migrated member: filtered on the destination, gone from the source', async () => {
    const chain = await chainOf(instances.web1!);
    await actions.act(LiveMigrateInstanceDocument, { id: instances.web1, hostId: choices.host('xen-a2') });
    assert.ok((await filterTable('xen-a2'))[chain]);
    assert.equal((await filterTable('xen-a1'))[chain], undefined);
    assert.ok((await filterTable('xen-a2'))['xengraph-local']!.rules.includes(`-d ${await ipOf(instances.web1!)} -j ${chain}`));
  });

  it('moves the chain with a member migrated cold, and back when the migration is reverted', async () => {
    const chain = await chainOf(instances.web1!);
    await actions.act(MigrateInstanceDocument, { id: instances.web1, hostId: choices.host('xen-a3') });
    assert.ok((await filterTable('xen-a3'))[chain], 'filtered on the destination');
    assert.equal((await filterTable('xen-a2'))[chain], undefined, 'gone from the source');
    await actions.act(RevertResizeDocument, { id: instances.web1 });
    assert.ok((await filterTable('xen-a2'))[chain], 'filtered on the source again');
    assert.equal((await filterTable('xen-a3'))[chain], undefined);
  });

  it('unfilters a destroyed member, on its host and in the source-group rules of others', async () => {
    const opsIp = await ipOf(instances.ops1!);
    const chain = await chainOf(instances.ops1!);
    const payload = accepted(await stack.request(DestroyInstanceDocument, { input: { id: instances.ops1! } }, operator));
    assert.equal((await finished(stack, payload.operation.id)).status, 'SUCCEEDED');
    assert.equal((await filterTable('xen-a3'))[chain], undefined);
    const webRules = (await filterTable('xen-a2'))[await chainOf(instances.web1!)]!.rules;
    assert.equal(webRules.some((rule) => rule.includes(opsIp)), false);

    const deleted = await stack.request(DeleteSecurityGroupDocument, { input: { id: groups.admin! } }, operator);
    assert.equal(deleted.data!.securityGroupDelete.__typename, 'SecurityGroupDeletePayload', 'no live member is left');
    const list = await stack.request(SecurityGroupListDocument, {}, operator);
    const web = list.data!.securityGroups.edges.find((e) => e.node.id === groups.web)!.node;
    assert.deepEqual(web.rules, [], 'the rule naming "admin" as its source went with it');
  });

  it('rolls a spawn back when its groups cannot be applied on its host', async () => {
    stack.sim.faults.add({ method: 'host.call_plugin', error: ['XENAPI_PLUGIN_FAILURE', 'iptables_config', 'PluginError', 'iptables-restore: line 1 failed'] });
    const result = await stack.request(SpawnInstanceDocument, {
      input: {
        name: 'web-3', flavorId: choices.flavor('m1.tiny'), imageId: choices.image('cirros'), networkIds: [eth0],
        hostId: choices.host('xen-a3'), metadata: {}, securityGroupIds: [groups.web!],
      },
    }, operator);
    const payload = accepted(result);
    const state = await finished(stack, payload.operation.id, 60_000);
    assert.equal(state.status, 'FAILED');
    assert.deepEqual([state.error?.code, state.progress.phase], ['FIREWALL_NOT_APPLIED', 'starting paused']);
    assert.equal(state.instance?.vmState, 'ERROR');
    assert.deepEqual(await xapi.call('VM.get_by_name_label', (await networking(payload.instance.id)).vmName), [], 'the VM is gone');
    assert.equal(Object.keys(await filterTable('xen-a3')).some((chain) => chain.startsWith('xengraph-inst-')), false);
  });
});
