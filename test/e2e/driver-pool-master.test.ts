// Pool masters change under xengraph: a hand-over made behind its back (designate_new_master), a master that
// dies with HA on (a survivor is promoted by the pool) or off (an administrator promotes one through the API),
// maintenance and reboot of the master itself, and a rolling reboot of a whole pool that keeps every instance running.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddSubnetDocument, CreateSecurityGroupDocument, InstanceSetHaRestartPriorityDocument, PoolEmergencyTransitionDocument, PoolInstancePlacesDocument, PoolOperationProgressDocument,
  PoolRollingRebootDocument,
  HostsOperationDocument, HostsPowerActionDocument, InstancePlacementDocument, HostsSetMaintenanceModeDocument, HostsStateDocument,
  ResilienceConnectionsDocument, ResilienceInstanceDocument, ResilienceInstanceUpdatedDocument, ResiliencePowerOffDocument,
} from '../generated/graphql.js';
import { filteredInstance, hostsFiltering } from '../helpers/host-filters.js';
import { accepted, finished, requestSpawn, spawnChoices, spawnRunning, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { SIM_PASSWORD, startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

type Xapi = Awaited<ReturnType<typeof xapiSession>>;

async function hostRef(xapi: Xapi, name: string): Promise<string> {
  const [ref] = (await xapi.call('host.get_by_name_label', name)) as string[];
  return ref!;
}

describe('designate_new_master behind xengraph\'s back', () => {
  let stack: Stack;
  let choices: SpawnChoices;

  before(async () => {
    stack = await startStack();
    choices = await spawnChoices(stack);
  });
  after(async () => {
    await stack?.stop();
  });

  it('reads keep working, a power change made right after reaches subscribers, a spawn running meanwhile succeeds', async () => {
    await spawnRunning(stack, choices, { name: 'steady' });
    const xapi = await xapiSession(stack);
    const newMasterUrl = stack.sim.pools[0]!.hostUrls[1]!;
    const spawning = accepted(await requestSpawn(stack, choices, { name: 'spawned-across' }));

    await xapi.call('pool.designate_new_master', await hostRef(xapi, 'xen-a2'));

    const read = await stack.request(ResilienceInstanceDocument, { name: 'steady' }, stack.adminToken);
    assert.equal(read.data?.instance?.powerState, 'RUNNING', JSON.stringify(read.errors));
    const updates = stack.subscribe(ResilienceInstanceUpdatedDocument, { id: read.data!.instance!.id }, stack.adminToken);
    assert.equal((await updates.next()).value?.data?.instanceUpdated.powerState, 'RUNNING');
    const stopped = accepted(await stack.request(ResiliencePowerOffDocument, { input: { id: read.data!.instance!.id } }, stack.adminToken));
    for (;;) {
      const { value } = await updates.next();
      if (value?.data?.instanceUpdated.powerState === 'SHUTDOWN') break;
    }
    await updates.return?.();
    assert.equal((await finished(stack, stopped.operation.id)).status, 'SUCCEEDED');
    const spawned = await finished(stack, spawning.operation.id, 30_000);
    assert.equal(spawned.status, 'SUCCEEDED', JSON.stringify(spawned.error));

    const connections = await waitUntil(async () => {
      const { data } = await stack.request(ResilienceConnectionsDocument, {}, stack.adminToken);
      const link = data?.connectionStatus.find((status) => new URL(status.masterUrl).host === new URL(newMasterUrl).host);
      return link?.state === 'CONNECTED' ? link : undefined;
    }, 10_000, 'connectionStatus to show the new master');
    assert.equal(connections.reason, null);
  });
});

describe('host actions on the pool master', () => {
  let stack: Stack;
  let choices: SpawnChoices;
  let xapi: Xapi;

  before(async () => {
    stack = await startStack();
    choices = await spawnChoices(stack);
    xapi = await xapiSession(stack);
  });
  after(async () => {
    await stack?.stop();
  });

  const masterName = async () => {
    const [pool] = (await xapi.call('pool.get_all')) as string[];
    return (await xapi.call('host.get_name_label', await xapi.call('pool.get_master', pool))) as string;
  };

  async function hostAction(document: typeof HostsSetMaintenanceModeDocument | typeof HostsPowerActionDocument, input: Record<string, unknown>) {
    const { data, errors } = await stack.request(document, { input } as never, stack.adminToken);
    assert.equal(errors, undefined, JSON.stringify(errors));
    const payload = Object.values(data as Record<string, { __typename: string; operation?: { id: string } }>)[0]!;
    assert.equal(payload.__typename, 'HostActionPayload', JSON.stringify(payload));
    return waitUntil(async () => {
      const { data: state } = await stack.request(HostsOperationDocument, { id: payload.operation!.id }, stack.adminToken);
      const operation = state!.node as { status: string; result: Record<string, unknown> | null; error: unknown };
      return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(operation.status) ? operation : undefined;
    }, 30_000, 'the host operation to end');
  }

  it('maintenance of the master hands the master role over first, then empties it; xengraph follows', async () => {
    const a1 = choices.host('xen-a1');
    const instance = await spawnRunning(stack, choices, { name: 'on-the-master', hostId: a1 });
    // Sessions of the old master end with the hand-over; a fresh one follows HOST_IS_SLAVE.
    const entered = await hostAction(HostsSetMaintenanceModeDocument, { id: a1, enabled: true });
    assert.equal(entered.status, 'SUCCEEDED', JSON.stringify(entered.error));
    xapi = await xapiSession(stack);
    const master = await masterName();
    assert.notEqual(master, 'xen-a1');
    assert.equal(entered.result?.newMaster, master);
    const { data } = await stack.request(ResilienceInstanceDocument, { name: 'on-the-master' }, stack.adminToken);
    assert.equal(data?.instance?.powerState, 'RUNNING');
    const { data: placed } = await stack.request(InstancePlacementDocument, { id: instance.instance!.id }, stack.adminToken);
    assert.notEqual((placed!.node as { host: { name: string } }).host.name, 'xen-a1');
    await waitUntil(async () => {
      const { data: links } = await stack.request(ResilienceConnectionsDocument, {}, stack.adminToken);
      return links?.connectionStatus.some((link) => new URL(link.masterUrl).host === new URL(stack.sim.pools[0]!.masterUrl).host && link.state === 'CONNECTED');
    }, 10_000, 'the link to show the new master');
    assert.equal((await hostAction(HostsSetMaintenanceModeDocument, { id: a1, enabled: false })).status, 'SUCCEEDED');
  });

  it('a reboot of the master hands the role over, and the old master comes back as an enabled slave', async () => {
    const master = await masterName();
    const masterId = choices.host(master);
    const rebooted = await hostAction(HostsPowerActionDocument, { id: masterId, action: 'REBOOT', evacuate: true });
    assert.equal(rebooted.status, 'SUCCEEDED', JSON.stringify(rebooted.error));
    xapi = await xapiSession(stack);
    assert.notEqual(await masterName(), master);
    assert.equal(rebooted.result?.newMaster, await masterName());
    const { data } = await stack.request(HostsStateDocument, { id: masterId }, stack.adminToken);
    assert.deepEqual([data?.node && 'live' in data.node && data.node.live, data?.node && 'enabled' in data.node && data.node.enabled], [true, true]);
  });
});

async function hostStateOf(stack: Stack, id: string) {
  const { data } = await stack.request(HostsStateDocument, { id }, stack.adminToken);
  return data!.node as { live: boolean; enabled: boolean };
}

/** Where each instance is and whether it runs, by name, as the API shows it. */
async function placesOf(stack: Stack): Promise<Map<string, { powerState: string; host: string | null }>> {
  const { data, errors } = await stack.request(PoolInstancePlacesDocument, {}, stack.adminToken);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return new Map(data!.instances.edges.map(({ node }) => [node.name, { powerState: node.powerState, host: node.host?.name ?? null }]));
}

async function poolLink(stack: Stack) {
  const { data } = await stack.request(ResilienceConnectionsDocument, {}, stack.adminToken);
  const link = data!.connectionStatus.find((status) => status.poolId !== null && status.poolName !== 'xen-b1');
  assert.ok(link, JSON.stringify(data));
  return link;
}

describe('a rolling reboot of a three-host pool', () => {
  let stack: Stack;
  let choices: SpawnChoices;

  before(async () => {
    stack = await startStack();
    choices = await spawnChoices(stack);
  });
  after(async () => {
    await stack?.stop();
  });

  it('reboots slaves then the master, one at a time, with progress seen live, and never stops an instance', async () => {
    const names = ['roll-1', 'roll-2', 'roll-3'];
    for (const [index, name] of names.entries()) await spawnRunning(stack, choices, { name, hostId: choices.host(`xen-a${index + 1}`) });
    const xapi = await xapiSession(stack);
    const bootTimes = async () => Promise.all(['xen-a1', 'xen-a2', 'xen-a3'].map(async (name) => (await xapi.call('host.get_other_config', await hostRef(xapi, name))).boot_time as string));
    const booted = await bootTimes();
    const { poolId } = await poolLink(stack);

    const submitted = await stack.request(PoolRollingRebootDocument, { input: { poolId: poolId! } }, stack.adminToken);
    const payload = submitted.data!.poolRollingReboot;
    assert.equal(payload.__typename, 'PoolActionPayload', JSON.stringify(submitted));
    const operationId = (payload as { operation: { id: string } }).operation.id;
    const meanwhile = await stack.request(HostsSetMaintenanceModeDocument, { input: { id: choices.host('xen-a3'), enabled: true } }, stack.adminToken);
    assert.equal((meanwhile.data!.hostSetMaintenanceMode as { code?: string }).code, 'OPERATION_IN_PROGRESS', 'the round owns its hosts');
    const seen: string[] = [];
    let status = '';
    for await (const { data } of stack.subscribe(PoolOperationProgressDocument, { id: operationId }, stack.adminToken)) {
      const update = data!.operationUpdated;
      if (update.progress.message && seen.at(-1) !== update.progress.message) seen.push(update.progress.message);
      status = update.status;
      if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(status)) break;
    }
    assert.equal(status, 'SUCCEEDED', JSON.stringify((await finished(stack, operationId)).error));

    // Progress named each host in turn, the master (xen-a1) last, after handing its role over.
    const firstMention = (host: string) => seen.findIndex((message) => message.startsWith(`${host} (`));
    assert.ok(firstMention('xen-a2') >= 0 && firstMention('xen-a2') < firstMention('xen-a3'), seen.join('\n'));
    assert.ok(firstMention('xen-a3') < firstMention('xen-a1'), seen.join('\n'));
    assert.ok(seen.some((message) => message.startsWith('xen-a1 (3 of 3): handing the pool master role')), seen.join('\n'));

    const fresh = await xapiSession(stack);
    const after = await Promise.all(['xen-a1', 'xen-a2', 'xen-a3'].map(async (name) => (await fresh.call('host.get_other_config', await hostRef(fresh, name))).boot_time as string));
    after.forEach((time, i) => assert.notEqual(time, booted[i], `xen-a${i + 1} rebooted`));
    const places = await placesOf(stack);
    for (const name of names) assert.equal(places.get(name)?.powerState, 'RUNNING', name);
    // XAPI's own record: every lifecycle message about our VMs is a migration, none a shutdown or start.
    const vms = Object.values((await fresh.call('VM.get_all_records')) as Record<string, { uuid: string; other_config: Record<string, string> }>);
    const vmUuids = new Set(vms.filter((vm) => vm.other_config.nova_uuid).map((vm) => vm.uuid));
    assert.equal(vmUuids.size, names.length);
    const messages = Object.values((await fresh.call('message.get_all_records')) as Record<string, { name: string; obj_uuid: string }>);
    const about = messages.filter((message) => vmUuids.has(message.obj_uuid)).map((message) => message.name);
    assert.ok(about.includes('VM_MIGRATED'), about.join());
    assert.deepEqual(about.filter((name) => name !== 'VM_MIGRATED' && name !== 'VM_STARTED'), []);
    assert.equal(about.filter((name) => name === 'VM_STARTED').length, names.length, 'each started once, at spawn');
  });

  it('refuses a pool that is not wholly in service, and an unknown pool, before doing anything', async () => {
    const unknown = await stack.request(PoolRollingRebootDocument, { input: { poolId: 'no-such-pool' } }, stack.adminToken);
    assert.equal((unknown.data!.poolRollingReboot as { code: string }).code, 'NOT_FOUND');
    const { poolId } = await poolLink(stack);
    const standalone = (await stack.app.services.store.pools.list()).find((pool) => pool.id !== poolId)!;
    const single = await stack.request(PoolRollingRebootDocument, { input: { poolId: standalone.id } }, stack.adminToken);
    assert.equal((single.data!.poolRollingReboot as { code: string }).code, 'INVALID_STATE');
  });
});

describe('the master dies', () => {
  let stack: Stack;
  let choices: SpawnChoices;

  before(async () => {
    // xen-a1 (the master) comes back between the two scenarios; a fresh stack each would cost more than it proves.
    stack = await startStack();
    choices = await spawnChoices(stack);
  });
  after(async () => {
    await stack?.stop();
  });

  it('with HA on: a slave is promoted, protected instances restart elsewhere, the API shows where and filtering follows', async () => {
    // In a security group on a subnet, so its packet filter is programmed on the host that runs it.
    const subnet = await stack.request(AddSubnetDocument, { input: { networkId: choices.network('eth0'), cidr: '10.41.0.0/24', gateway: '10.41.0.1' } }, stack.adminToken);
    assert.equal(subnet.data?.networkAddSubnet.__typename, 'NetworkAddSubnetPayload');
    const operator = await stack.tokenFor('operator');
    const group = await stack.request(CreateSecurityGroupDocument, { input: { name: 'ha-web', description: 'HA web servers' } }, operator);
    const groupId = (group.data!.securityGroupCreate as { securityGroup: { id: string } }).securityGroup.id;
    const protectedOne = await spawnRunning(stack, choices, { name: 'ha-protected', hostId: choices.host('xen-a1'), securityGroupIds: [groupId] });
    const filtered = await filteredInstance(stack, protectedOne.instance!.id, operator);
    const survivorUrl = stack.sim.pools[0]!.hostUrls[1]!;
    assert.deepEqual(await hostsFiltering(survivorUrl, ['xen-a1', 'xen-a2', 'xen-a3'], filtered), ['xen-a1']);
    await spawnRunning(stack, choices, { name: 'ha-unprotected', hostId: choices.host('xen-a1') });
    const set = await stack.request(InstanceSetHaRestartPriorityDocument, { input: { id: protectedOne.instance!.id, priority: 'RESTART' } }, stack.adminToken);
    assert.equal((await finished(stack, accepted(set).operation.id)).status, 'SUCCEEDED');
    const xapi = await xapiSession(stack);
    const [nfs] = (await xapi.call('SR.get_by_name_label', 'NFS shared storage')) as string[];
    await xapi.call('pool.enable_ha', [nfs], { timeout: '30' });

    stack.sim.killHost('xen-a1');

    const places = await waitUntil(async () => {
      const now = await placesOf(stack);
      const moved = now.get('ha-protected');
      return moved?.powerState === 'RUNNING' && moved.host !== null && moved.host !== 'xen-a1' && now.get('ha-unprotected')?.powerState === 'SHUTDOWN' ? now : undefined;
    }, 20_000, 'the protected instance to run on a survivor');
    assert.notEqual(places.get('ha-protected')?.host, 'xen-a1');
    const restartedOn = places.get('ha-protected')!.host!;
    let filtering: string[] = [];
    await waitUntil(async () => {
      filtering = await hostsFiltering(survivorUrl, ['xen-a2', 'xen-a3'], filtered);
      return filtering.length === 1 && filtering[0] === restartedOn;
    }, 10_000, `the chain on ${restartedOn} only`).catch(() => assert.deepEqual(filtering, [restartedOn], 'survivors filtering the restarted instance'));
    const link = await waitUntil(async () => {
      const now = await poolLink(stack);
      return now.state === 'CONNECTED' && new URL(now.masterUrl).host === new URL(stack.sim.pools[0]!.masterUrl).host ? now : undefined;
    }, 10_000, 'the link to follow the promoted master');
    assert.notEqual(new URL(link.masterUrl).host, new URL(stack.sim.pools[0]!.hostUrls[0]!).host);

    const master = await xapiSession(stack);
    await master.call('pool.disable_ha');
    await stack.sim.reviveHost('xen-a1');
    await waitUntil(async () => (await hostStateOf(stack, choices.host('xen-a1'))).live, 20_000, 'xen-a1 to be back');
  });

  it('with HA off: connectionStatus says why, and an emergency transition through the API brings the pool back', async () => {
    const masterName = async (xapi: Xapi) => {
      const [pool] = (await xapi.call('pool.get_all')) as string[];
      return (await xapi.call('host.get_name_label', await xapi.call('pool.get_master', pool))) as string;
    };
    const dying = await masterName(await xapiSession(stack));
    const survivor = ['xen-a1', 'xen-a2', 'xen-a3'].find((name) => name !== dying)!;
    const refused = await stack.request(PoolEmergencyTransitionDocument, { input: { id: choices.host(dying) } }, stack.adminToken);
    assert.equal((refused.data!.poolEmergencyTransition as { code: string }).code, 'INVALID_STATE', 'a live master needs no emergency');
    await spawnRunning(stack, choices, { name: 'on-a-survivor', hostId: choices.host(survivor) });

    stack.sim.killHost(dying);
    const lost = await waitUntil(async () => {
      const now = await poolLink(stack);
      return now.state !== 'CONNECTED' && now.reason ? now : undefined;
    }, 20_000, 'connectionStatus to report the lost master');
    assert.ok(lost.reason, 'it says why');

    const submitted = await stack.request(PoolEmergencyTransitionDocument, { input: { id: choices.host(survivor) } }, stack.adminToken);
    const payload = submitted.data!.poolEmergencyTransition;
    assert.equal(payload.__typename, 'HostActionPayload', JSON.stringify(submitted));
    const done = await finished(stack, (payload as { operation: { id: string } }).operation.id, 30_000);
    assert.equal(done.status, 'SUCCEEDED', JSON.stringify(done.error));

    const link = await waitUntil(async () => {
      const now = await poolLink(stack);
      return now.state === 'CONNECTED' ? now : undefined;
    }, 20_000, 'the link to be back');
    assert.equal(new URL(link.masterUrl).host, new URL(stack.sim.pools[0]!.masterUrl).host);
    const places = await placesOf(stack);
    assert.deepEqual(places.get('on-a-survivor'), { powerState: 'RUNNING', host: survivor });
    assert.equal(await masterName(await xapiSession(stack)), survivor);
  });

  it('a restart finds the pool through the members it knew, though the configured host is down', async () => {
    // The one pool member left alive once xen-a1 dies is one this process never was configured with.
    const configured = stack.sim.pools[0]!.hostUrls[0]!;
    const xapi = await xapiSession(stack);
    const alive = await waitUntil(async () => {
      for (const name of ['xen-a2', 'xen-a3']) {
        const ref = await hostRef(xapi, name);
        if (await xapi.call('host_metrics.get_live', await xapi.call('host.get_metrics', ref))) return ref;
      }
      return undefined;
    }, 5000, 'a live slave');
    await xapi.call('pool.designate_new_master', alive);
    await waitUntil(async () => new URL((await poolLink(stack)).masterUrl).host !== new URL(configured).host, 10_000, 'xengraph to follow');
    stack.sim.killHost('xen-a1');
    await stack.app.stop();
    const again = await createApp(loadConfig({
      XAPI_URL: [configured, stack.sim.pools[1]!.masterUrl].join(','), XAPI_USER: 'root', XAPI_PASSWORD: SIM_PASSWORD,
      DATABASE_URL: stack.databaseUrl, DATA_DIR: stack.dataDir, PORT: '0',
    }), { host: '127.0.0.1', logError: () => undefined, logDestination: { write: () => undefined } });
    try {
      const link = await waitUntil(async () => {
        const response = await fetch(`${again.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
          body: JSON.stringify({ query: '{ connectionStatus { poolId masterUrl state } }' }),
        });
        const { data } = (await response.json()) as { data: { connectionStatus: { poolId: string | null; masterUrl: string; state: string }[] } };
        return data.connectionStatus.find((status) => status.state === 'CONNECTED' && new URL(status.masterUrl).host === new URL(stack.sim.pools[0]!.masterUrl).host);
      }, 20_000, 'the pool to be linked through its new master');
      assert.ok(link.poolId);
    } finally {
      await again.stop();
    }
  });
});
