// Filtering follows the VM and instances keep their host, end to end: an instance in a security group is started,
// resumed, restored, rebooted from halted, rescued and unrescued, through the API and behind its back through
// XAPI, and each time its chain ends up on the host that runs it and on no other (read back from the simulator's
// dom0 iptables). A halted instance shows the host it will start on, and starts there again unless that host
// cannot take it, when another does and the operation says why.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddSubnetDocument, CreateSecurityGroupDocument, HostsSetEnabledDocument, InstanceNetworkingDocument, InstancePlacementDocument,
  OperationOutcomeDocument, PowerOffInstanceDocument, PowerOnInstanceDocument, RebootInstanceDocument, RescueInstanceDocument,
  RestoreInstanceDocument, ResumeInstanceDocument, SoftDeleteInstanceDocument, SpawnInstanceDocument, SuspendInstanceDocument,
  UnrescueInstanceDocument, type InstanceNetworkingQuery, type InstancePlacementQuery, type OperationOutcomeQuery,
} from '../generated/graphql.js';
import { accepted, actionRunner, finished, spawnChoices, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { hostsFiltering as hostsFilteringOf } from '../helpers/host-filters.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { waitUntil } from '../helpers/wait.js';

type Xapi = Awaited<ReturnType<typeof xapiSession>>;
type Networking = Extract<NonNullable<InstanceNetworkingQuery['node']>, { interfaces: unknown }>;
type Placement = Extract<NonNullable<InstancePlacementQuery['node']>, { host?: unknown }>;
type OperationView = Extract<NonNullable<OperationOutcomeQuery['node']>, { status: unknown }>;

const HOSTS = ['xen-a1', 'xen-a2', 'xen-a3'];

let stack: Stack;
let xapi: Xapi;
let operator: string;
let choices: SpawnChoices;
let instanceId: string;
let chain: string;
let address: string;

const actions = actionRunner<OperationView>(() => stack, () => operator, OperationOutcomeDocument);

before(async () => {
  stack = await startStack({ env: { BANDWIDTH_POLL_SECONDS: '0' } });
  operator = await stack.tokenFor('operator');
  xapi = await xapiSession(stack, 0);
  choices = await spawnChoices(stack);
  const eth0 = choices.network('eth0');
  const subnet = await stack.request(AddSubnetDocument, { input: { networkId: eth0, cidr: '10.40.0.0/24', gateway: '10.40.0.1' } }, stack.adminToken);
  assert.equal(subnet.data?.networkAddSubnet.__typename, 'NetworkAddSubnetPayload');
  const group = await stack.request(CreateSecurityGroupDocument, { input: { name: 'web', description: 'web servers' } }, operator);
  const groupId = (group.data!.securityGroupCreate as { securityGroup: { id: string } }).securityGroup.id;
  const payload = accepted(await stack.request(SpawnInstanceDocument, {
    input: {
      name: 'follow-1', flavorId: choices.flavor('m1.tiny'), imageId: choices.image('cirros'), networkIds: [eth0],
      hostId: choices.host('xen-a1'), metadata: {}, securityGroupIds: [groupId],
    },
  }, operator));
  assert.equal((await finished(stack, payload.operation.id, 60_000)).status, 'SUCCEEDED');
  instanceId = payload.instance.id;
  const view = await networking();
  chain = `xengraph-inst-${parseInt(view.vmName.replace('instance-', ''), 16)}`;
  address = view.interfaces[0]!.ip!;
});
after(async () => {
  await stack?.stop();
});

async function networking(): Promise<Networking> {
  const { data } = await stack.request(InstanceNetworkingDocument, { id: instanceId }, operator);
  return data!.node as Networking;
}

async function placement(): Promise<Placement> {
  const { data } = await stack.request(InstancePlacementDocument, { id: instanceId }, operator);
  return data!.node as Placement;
}

/** The hosts whose filter holds the instance's chain and the jump to it from its address. */
function hostsFiltering(): Promise<string[]> {
  return hostsFilteringOf(stack.sim.pools[0]!.masterUrl, HOSTS, { chain, address });
}

/** Waits until exactly `host` filters the instance (events take a moment to arrive). */
async function filteredOnlyOn(host: string): Promise<void> {
  let last: string[] = [];
  await waitUntil(async () => {
    last = await hostsFiltering();
    return last.length === 1 && last[0] === host;
  }, 5_000, `the chain on ${host} only`).catch(() => assert.deepEqual(last, [host], 'hosts holding the chain'));
}

async function vm(name?: string): Promise<string> {
  const [ref] = await xapi.call('VM.get_by_name_label', name ?? (await networking()).vmName);
  return ref;
}

async function residentHost(ref: string): Promise<string> {
  return xapi.call('host.get_name_label', await xapi.call('VM.get_resident_on', ref));
}

async function hostRef(name: string): Promise<string> {
  const [ref] = await xapi.call('host.get_by_name_label', name);
  return ref;
}

async function setEnabled(host: string, enabled: boolean): Promise<void> {
  const { data } = await stack.request(HostsSetEnabledDocument, { input: { id: choices.host(host), enabled, reason: enabled ? null : 'test' } }, stack.adminToken);
  const payload = data!.hostSetEnabled;
  assert.equal(payload.__typename, 'HostActionPayload', JSON.stringify(data));
  assert.equal((await finished(stack, payload.operation.id)).status, 'SUCCEEDED');
  assert.equal(await xapi.call('host.get_enabled', await hostRef(host)), enabled);
}

/** Runs `work` while the instance's host is out of service, so XAPI must start it elsewhere. */
async function withHostDisabled<T>(host: string, work: () => Promise<T>): Promise<T> {
  await setEnabled(host, false);
  try {
    return await work();
  } finally {
    await setEnabled(host, true);
  }
}

describe('instances keep their host', () => {
  it('gives the VM an affinity for its host and shows that host while halted', async () => {
    const ref = await vm();
    assert.equal(await xapi.call('VM.get_affinity', ref), await hostRef('xen-a1'));
    await filteredOnlyOn('xen-a1');
    await actions.act(PowerOffInstanceDocument, { id: instanceId });
    const halted = await placement();
    assert.deepEqual([halted.powerState, halted.host?.name], ['SHUTDOWN', 'xen-a1']);
    await filteredOnlyOn('xen-a1');
  });

  it('powers on on its own host, or on another with the reason recorded; the chain follows', async () => {
    await actions.act(PowerOnInstanceDocument, { id: instanceId });
    assert.equal(await residentHost(await vm()), 'xen-a1');
    await actions.act(PowerOffInstanceDocument, { id: instanceId });

    const operation = await withHostDisabled('xen-a1', () => actions.act(PowerOnInstanceDocument, { id: instanceId }));
    const moved = await residentHost(await vm());
    assert.notEqual(moved, 'xen-a1');
    const result = operation.result as { hostName: string; placedElsewhere?: string };
    assert.equal(result.hostName, moved);
    assert.match(result.placedElsewhere ?? '', /xen-a1.*disabled/);
    assert.equal((await placement()).host?.name, moved);
    await filteredOnlyOn(moved);
    // It belongs to its new host now: halted and started again, it comes back there.
    assert.equal(await xapi.call('VM.get_affinity', await vm()), await hostRef(moved));
  });
});

describe('filtering follows the VM', () => {
  it('follows a VM started elsewhere behind xengraph\'s back (VM.start_on through XAPI)', async () => {
    const ref = await vm();
    const from = await residentHost(ref);
    const to = HOSTS.find((host) => host !== from)!;
    await xapi.call('VM.hard_shutdown', ref);
    await waitUntil(async () => (await placement()).powerState === 'SHUTDOWN', 5_000, 'the store to see the VM halted');
    await xapi.call('VM.start_on', ref, await hostRef(to), false, false);
    await filteredOnlyOn(to);
    assert.equal((await placement()).host?.name, to);
  });

  // Each way back to running, taken while the instance's own host is out of service, so XAPI runs it elsewhere.
  const restarts = [
    ['a resume of a suspended VM', SuspendInstanceDocument, ResumeInstanceDocument, {}],
    ['a restore of a soft-deleted instance', SoftDeleteInstanceDocument, RestoreInstanceDocument, {}],
    ['a HARD reboot that starts a halted VM', PowerOffInstanceDocument, RebootInstanceDocument, { type: 'HARD' }],
  ] as const;
  for (const [what, stop, start, extra] of restarts) {
    it(`follows ${what} onto another host`, async () => {
      const from = await residentHost(await vm());
      await actions.act(stop, { id: instanceId });
      await withHostDisabled(from, () => actions.act(start, { id: instanceId, ...extra }));
      const to = await residentHost(await vm());
      assert.notEqual(to, from);
      await filteredOnlyOn(to);
    });
  }

  it('filters the rescue VM with the instance\'s rules, and the instance again after unrescue', async () => {
    const home = await residentHost(await vm());
    await actions.act(RescueInstanceDocument, { id: instanceId });
    const { vmName } = await networking();
    const rescue = await vm(`${vmName}-rescue`);
    assert.equal(await residentHost(rescue), home, 'the rescue VM runs on the instance\'s host');
    await filteredOnlyOn(home);

    // The rescue VM moved by another tool: its new host filters it, and the halted original's host keeps the chain.
    const other = HOSTS.find((host) => host !== home)!;
    await xapi.call('VM.pool_migrate', rescue, await hostRef(other), { live: 'true' });
    await waitUntil(async () => (await hostsFiltering()).sort().join() === [home, other].sort().join(), 5_000, 'the chain on both hosts');

    await actions.act(UnrescueInstanceDocument, { id: instanceId });
    await filteredOnlyOn(await residentHost(await vm()));
  });
});

describe('at start-up', () => {
  it('rebuilds each host\'s filter from the store, whatever happened to it meanwhile', async () => {
    const host = await residentHost(await vm());
    await filteredOnlyOn(host);
    // Another tool (or a dom0 restart) empties the host's filter table while xengraph is down.
    await stack.app.stop();
    await xapi.call('host.call_plugin', await hostRef(host), 'xenhost', 'iptables_config', {
      cmd_args: JSON.stringify(['iptables-restore']), run_as_root: 'True',
      process_input: '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n',
    });
    assert.deepEqual(await hostsFiltering(), [], 'the chain is gone from every host');
    const config = loadConfig({
      XAPI_URL: stack.sim.pools.map((pool) => pool.masterUrl).join(','), XAPI_PASSWORD: stack.simPassword,
      DATABASE_URL: stack.databaseUrl, DATA_DIR: stack.dataDir, PORT: '0', BANDWIDTH_POLL_SECONDS: '0',
    });
    const restarted = await createApp(config, { host: '127.0.0.1', logDestination: { write: () => undefined } });
    try {
      await filteredOnlyOn(host);
    } finally {
      await restarted.stop();
    }
  });
});

