// Hosts as compute nodes, end to end: Host.resources agrees with XAPI's records as instances come and go;
// hostSetEnabled, maintenance mode (every instance leaves live, seen on subscriptions, or nothing moves when
// one has nowhere to go), host reboot with resume_state_on_host_boot, power on only through a power-on mode;
// and the periodic tasks: power state follows XAPI, a stuck clean reboot is cancelled and made hard.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  DestroyInstanceDocument, HostsFeedDocument, HostsInstanceOperationsDocument, HostsMigrationEventsDocument,
  HostsOperationDocument, HostsPowerActionDocument, HostsResourcesDocument, HostsSetEnabledDocument,
  HostsSetMaintenanceModeDocument, HostsStateDocument, InstancePlacementDocument, RebootInstanceDocument,
  type HostsOperationQuery, type HostsResourcesQuery, type HostsStateQuery,
} from '../generated/graphql.js';
import { accepted, finished, spawnChoices, spawnRunning, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

let stack: Stack;
let choices: SpawnChoices;
let admin: string;
let xapi: Awaited<ReturnType<typeof xapiSession>>;
let standaloneXapi: Awaited<ReturnType<typeof xapiSession>>;

before(async () => {
  stack = await startStack({ env: { PERIODIC_INTERVAL: '0.2', REBOOT_TIMEOUT: '1', POWER_SYNC_INTERVAL: '0.5' } });
  choices = await spawnChoices(stack);
  admin = await stack.tokenFor('admin');
  xapi = await xapiSession(stack);
  standaloneXapi = await xapiSession(stack, 1);
});

/** The store's id behind a global id (operation results and the store speak in those). */
const rawId = (globalId: string) => decodeGlobalID(globalId).id;
after(async () => {
  await stack?.stop();
});

type HostState = Extract<NonNullable<HostsStateQuery['node']>, { name: string }>;
type Resources = NonNullable<Extract<NonNullable<HostsResourcesQuery['node']>, { resources: unknown }>['resources']>;
type HostOperation = Extract<NonNullable<HostsOperationQuery['node']>, { status: unknown }>;

async function hostState(id: string): Promise<HostState> {
  const { data, errors } = await stack.request(HostsStateDocument, { id }, admin);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data!.node as HostState;
}

async function resources(id: string): Promise<Resources> {
  const { data } = await stack.request(HostsResourcesDocument, { id }, admin);
  return (data!.node as { resources: Resources }).resources;
}

async function hostOperationDone(id: string): Promise<HostOperation> {
  return waitUntil(async () => {
    const { data } = await stack.request(HostsOperationDocument, { id }, admin);
    const operation = data!.node as HostOperation;
    return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(operation.status) ? operation : undefined;
  }, 20_000, `host operation ${id} to end`);
}

async function placement(instanceId: string) {
  const { data } = await stack.request(InstancePlacementDocument, { id: instanceId }, admin);
  return data!.node as { vmState: string; powerState: string; host: { id: string; name: string } | null };
}

async function xapiHost(name: string) {
  const session = name === 'xen-b1' ? standaloneXapi : xapi;
  const [ref] = await session.call('host.get_by_name_label', name) as string[];
  const host = await session.call('host.get_record', ref);
  return { ref: ref!, host, metrics: await session.call('host_metrics.get_record', host.metrics) };
}

/** A VM started directly on XAPI, leaving `leaveMiB` of the host's memory free. */
async function memoryHog(hostName: string, leaveMiB: number): Promise<string> {
  const { ref } = await xapiHost(hostName);
  const free = Number(await xapi.call('host.compute_free_memory', ref));
  const size = String(free - leaveMiB * MiB - 16 * MiB);
  const hog = await xapi.call('VM.create', {
    name_label: `memory-hog-${hostName}`, user_version: '1', is_a_template: false, affinity: 'OpaqueRef:NULL', memory_static_max: size,
    memory_dynamic_max: size, memory_dynamic_min: size, memory_static_min: '0', VCPUs_params: {}, VCPUs_max: '1',
    VCPUs_at_startup: '1', actions_after_shutdown: 'destroy', actions_after_reboot: 'restart', actions_after_crash: 'destroy',
    PV_bootloader: 'pygrub', PV_kernel: '', PV_ramdisk: '', PV_args: '', PV_bootloader_args: '', PV_legacy_args: '',
    HVM_boot_policy: '', HVM_boot_params: {}, platform: {}, PCI_bus: '', other_config: {}, recommendations: '',
  });
  await xapi.call('VM.start_on', hog, ref, false, false);
  return hog;
}

async function setEnabled(hostId: string, enabled: boolean, reason?: string): Promise<HostOperation> {
  const result = await stack.request(HostsSetEnabledDocument, { input: { id: hostId, enabled, reason } }, admin);
  const payload = result.data!.hostSetEnabled;
  assert.equal(payload.__typename, 'HostActionPayload', JSON.stringify(payload));
  const operation = await hostOperationDone((payload as { operation: { id: string } }).operation.id);
  assert.equal(operation.status, 'SUCCEEDED', JSON.stringify(operation.error));
  return operation;
}

describe('Host.resources, uptime and the hypervisor\'s instance list', () => {
  it('equal what XAPI reports, before and after an instance is spawned and destroyed', async () => {
    const hostId = choices.host('xen-b1');
    const matchesXapi = async (expectGuests: number) => {
      const { ref, host, metrics } = await xapiHost('xen-b1');
      const srs = await standaloneXapi.call('SR.get_all_records') as Record<string, { uuid: string; physical_size: number; physical_utilisation: number; virtual_allocation: number }>;
      const [pool] = Object.values(await standaloneXapi.call('pool.get_all_records') as Record<string, { default_SR: string }>);
      const defaultSr = srs[pool!.default_SR]!;
      const vms = Object.values(await standaloneXapi.call('VM.get_all_records') as Record<string, { resident_on: string; is_control_domain: boolean; VCPUs_max: number; name_label: string }>)
        .filter((vm) => vm.resident_on === ref && !vm.is_control_domain);
      const r = await resources(hostId);
      const expected = {
        vcpus: Number(host.cpu_info.cpu_count), memoryMb: Math.floor(Number(metrics.memory_total) / MiB),
        memoryMbFree: Math.floor(Number(metrics.memory_free) / MiB), localGb: Math.floor(Number(defaultSr.physical_size) / GiB),
        localGbUsed: Math.floor(Number(defaultSr.physical_utilisation) / GiB),
        vcpusUsed: vms.reduce((sum, vm) => sum + Number(vm.VCPUs_max), 0),
      };
      const sr = r.storage.find((s) => s.isDefault)!;
      const got = {
        vcpus: r.vcpus, memoryMb: r.memoryMb, memoryMbFree: r.memoryMbFree, localGb: r.localGb, localGbUsed: r.localGbUsed, vcpusUsed: r.vcpusUsed,
        sr: [sr.uuid, sr.sizeBytes, sr.usedBytes, sr.allocatedBytes],
      };
      Object.assign(expected, {
        sr: [defaultSr.uuid, Number(defaultSr.physical_size), Number(defaultSr.physical_utilisation), Number(defaultSr.virtual_allocation)],
      });
      if (JSON.stringify(got) !== JSON.stringify(expected) || vms.length !== expectGuests) return undefined;
      return { resources: r, names: vms.map((vm) => vm.name_label).sort() };
    };

    const before = await waitUntil(() => matchesXapi(0), 5000, 'resources to match XAPI');
    const r = before.resources;
    assert.equal(r.memoryMbUsed, r.memoryMb - r.memoryMbFree);
    assert.deepEqual([r.hypervisorType, r.hypervisorVersion, r.hypervisorHostname], ['XenServer', 8003000, 'xen-b1']);
    assert.deepEqual([r.cpuInfo.count, r.cpuInfo.sockets, r.cpuInfo.vendor], [16, 1, 'GenuineIntel']);
    assert.ok(r.cpuInfo.features.includes('sse2'));
    assert.deepEqual(r.supportedInstances.map((s) => `${s.arch}/${s.vmMode}`).sort(), ['i686/hvm', 'x86_64/hvm', 'x86_64/xen']);
    const state = await hostState(hostId);
    assert.ok(state.uptime && state.uptime.seconds >= 0 && Date.parse(state.uptime.bootedAt) <= Date.now());
    assert.deepEqual(state.hypervisorInstanceNames, []);

    const spawned = await spawnRunning(stack, choices, { name: 'counted', hostId, flavor: 'm1.medium' });
    const during = await waitUntil(() => matchesXapi(1), 5000, 'resources to count the instance');
    assert.equal(during.resources.vcpusUsed, 2);
    assert.ok(during.resources.memoryMbUsed >= r.memoryMbUsed + 4096, 'the guest\'s memory is in use');
    assert.ok(during.resources.storage[0]!.allocatedBytes > r.storage[0]!.allocatedBytes, 'its disk is allocated on the SR');
    assert.deepEqual((await hostState(hostId)).hypervisorInstanceNames, during.names);

    accepted(await stack.request(DestroyInstanceDocument, { input: { id: spawned.instance!.id } }, admin));
    const afterwards = await waitUntil(() => matchesXapi(0), 10_000, 'resources to drop the instance');
    assert.deepEqual([afterwards.resources.vcpusUsed, afterwards.resources.memoryMbFree], [0, r.memoryMbFree]);
    assert.deepEqual((await hostState(hostId)).hypervisorInstanceNames, []);
  });
});

describe('hostSetEnabled', () => {
  it('disables the host with a reason on XAPI and in the API, and enables it again', async () => {
    const hostId = choices.host('xen-b1');
    const disabled = await setEnabled(hostId, false, 'disk replacement');
    assert.deepEqual([disabled.kind, disabled.target?.__typename, disabled.target?.id], ['HOST_SET_ENABLED', 'Host', hostId]);
    assert.equal((await xapiHost('xen-b1')).host.enabled, false);
    const state = await hostState(hostId);
    assert.deepEqual([state.enabled, state.disabledReason], [false, 'disk replacement']);

    await setEnabled(hostId, true);
    assert.equal((await xapiHost('xen-b1')).host.enabled, true);
    const again = await hostState(hostId);
    assert.deepEqual([again.enabled, again.disabledReason], [true, null]);
  });
});

describe('hostSetMaintenanceMode', () => {
  it('moves every instance off the host live, seen on subscriptions, disables it, and leaving enables it', async () => {
    const hostId = choices.host('xen-a3');
    const ids = [];
    for (const name of ['tenant-1', 'tenant-2']) ids.push((await spawnRunning(stack, choices, { name, hostId })).instance!.id);

    const events = stack.subscribe(HostsMigrationEventsDocument, { filter: { kinds: ['MIGRATION_PROGRESSED'] } }, admin);
    const hostFeed = stack.subscribe(HostsFeedDocument, { id: hostId }, admin);
    assert.equal((await hostFeed.next()).value.data.hostUpdated.maintenance, 'NONE');
    const payload = (await stack.request(HostsSetMaintenanceModeDocument, { input: { id: hostId, enabled: true } }, admin)).data!.hostSetMaintenanceMode;
    assert.equal(payload.__typename, 'HostActionPayload', JSON.stringify(payload));

    // Each instance's move is its own live migration, reported to its end on the event feed.
    const completed = new Set<string>();
    const migrations = new Set<string>();
    while (completed.size < ids.length) {
      const event = (await events.next()).value.data.instanceEvents;
      migrations.add(event.migration.id);
      assert.equal(event.migration.type, 'LIVE_MIGRATION');
      if (event.percent === 100) completed.add(event.instance.id);
    }
    await events.return!();
    assert.deepEqual([...completed].sort(), [...ids].sort());
    assert.equal(migrations.size, 2);
    const states = [];
    for (;;) {
      const state = (await hostFeed.next()).value.data.hostUpdated.maintenance;
      if (states.at(-1) !== state) states.push(state);
      if (state === 'ON') break;
    }
    await hostFeed.return!();
    assert.deepEqual(states, ['ENTERING', 'ON']);

    const operation = await hostOperationDone((payload as { operation: { id: string } }).operation.id);
    assert.equal(operation.status, 'SUCCEEDED', JSON.stringify(operation.error));
    assert.deepEqual((operation.result as { evacuated: string[] }).evacuated.sort(), ids.map(rawId).sort());
    for (const id of ids) {
      const where = await placement(id);
      assert.deepEqual([where.vmState, where.powerState], ['ACTIVE', 'RUNNING']);
      assert.notEqual(where.host?.name, 'xen-a3');
      const { data } = await stack.request(HostsInstanceOperationsDocument, { instanceId: id }, admin);
      const move = data!.operations.edges.map((e) => e.node).find((op) => op.kind === 'INSTANCE_LIVE_MIGRATE');
      assert.equal(move?.status, 'SUCCEEDED');
    }
    const state = await hostState(hostId);
    assert.deepEqual([state.maintenance, state.enabled, state.instances.totalCount, state.hypervisorInstanceNames], ['ON', false, 0, []]);
    assert.equal((await xapiHost('xen-a3')).host.enabled, false);

    const leave = (await stack.request(HostsSetMaintenanceModeDocument, { input: { id: hostId, enabled: false } }, admin)).data!.hostSetMaintenanceMode;
    assert.equal((await hostOperationDone((leave as { operation: { id: string } }).operation.id)).status, 'SUCCEEDED');
    const left = await hostState(hostId);
    assert.deepEqual([left.maintenance, left.enabled, left.disabledReason], ['NONE', true, null]);
    assert.equal((await xapiHost('xen-a3')).host.enabled, true);
  });

  it('refuses with NoValidHostError when one instance has nowhere to go, and nothing moves', async () => {
    const hostId = choices.host('xen-a1');
    for (const name of ['stayer-1', 'stayer-2']) await spawnRunning(stack, choices, { name, hostId });
    const onA1 = async () => (await hostState(hostId)).instances.edges.map((e) => e.node.id).sort();
    const residents = await onA1();
    // xen-a3 takes nothing; xen-a2 has room for one 2 GiB guest, not two: each fits alone, together they do not.
    await setEnabled(choices.host('xen-a3'), false, 'out of the way');
    const hog = await memoryHog('xen-a2', 3 * 1024);
    try {
      await waitUntil(async () => (await resources(choices.host('xen-a2'))).memoryMbFree < 4096, 5000, 'xen-a2 to look nearly full');
      const operations = await stack.app.services.store.operations.count({});
      const refused = (await stack.request(HostsSetMaintenanceModeDocument, { input: { id: hostId, enabled: true } }, admin)).data!.hostSetMaintenanceMode;
      assert.equal(refused.__typename, 'NoValidHostError', JSON.stringify(refused));
      assert.match((refused as { message: string }).message, /nowhere|cannot be emptied/);
      assert.equal(await stack.app.services.store.operations.count({}), operations, 'no operation recorded');
      assert.deepEqual(await onA1(), residents, 'every instance is where it was');
      const state = await hostState(hostId);
      assert.deepEqual([state.maintenance, state.enabled], ['NONE', true]);
    } finally {
      await xapi.call('VM.hard_shutdown', hog);
      await xapi.call('VM.destroy', hog);
      await setEnabled(choices.host('xen-a3'), true);
    }
  });
});

describe('periodic tasks', () => {
  it('shows a VM shut down behind xengraph\'s back as SHUTDOWN within a second, and repairs a store that drifted', async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'behind-the-back' });
    const id = spawned.instance!.id;
    const vmRef: string = await xapi.call('VM.get_by_uuid', (await stack.app.services.store.instances.get(rawId(id)))!.vmUuid);
    const start = Date.now();
    await xapi.call('VM.hard_shutdown', vmRef);
    await waitUntil(async () => (await placement(id)).powerState === 'SHUTDOWN', 1000, 'SHUTDOWN in the API');
    assert.ok(Date.now() - start < 1000);
    assert.equal((await placement(id)).vmState, 'STOPPED');

    // A row changed behind the event pump's back is put right by the slow reconcile.
    await stack.app.services.store.instances.update(rawId(id), { powerState: 'RUNNING', vmState: 'ACTIVE' });
    await waitUntil(async () => (await placement(id)).powerState === 'SHUTDOWN', 5000, 'the reconcile to restore SHUTDOWN');
  });

  it('cancels a clean reboot stuck past REBOOT_TIMEOUT and reboots hard as a new Operation', async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'stuck-reboot' });
    const id = spawned.instance!.id;
    stack.sim.faults.add({ method: 'Async.VM.clean_reboot', hang: true });
    const soft = accepted(await stack.request(RebootInstanceDocument, { input: { id, type: 'SOFT' } }, admin));
    const stuck = await finished(stack, soft.operation.id);
    assert.equal(stuck.status, 'CANCELLED');
    const hard = await waitUntil(async () => {
      const { data } = await stack.request(HostsInstanceOperationsDocument, { instanceId: id }, admin);
      return data!.operations.edges.map((e) => e.node).find((op) => op.kind === 'INSTANCE_REBOOT' && op.id !== soft.operation.id);
    }, 5000, 'a hard reboot');
    assert.equal(hard.requestedBy, 'periodic:poll_rebooting_instances');
    const done = await finished(stack, hard.id);
    assert.equal(done.status, 'SUCCEEDED', JSON.stringify(done.error));
    assert.deepEqual([done.instance?.vmState, done.instance?.powerState], ['ACTIVE', 'RUNNING']);
  });
});

describe('hostPowerAction', () => {
  it('reboots a host after halting its instances, which come back on it as resume_state_on_host_boot', async () => {
    const hostId = choices.host('xen-a2');
    const spawned = await spawnRunning(stack, choices, { name: 'rebooted-with-host', hostId });
    const id = spawned.instance!.id;
    const running = (await hostState(hostId)).instances.edges.map((e) => e.node).filter((i) => i.powerState === 'RUNNING').map((i) => i.id);
    assert.ok(running.includes(id));
    const bootedBefore = Date.parse((await hostState(hostId)).uptime!.bootedAt);

    const hostFeed = stack.subscribe(HostsFeedDocument, { id: hostId }, admin);
    const payload = (await stack.request(HostsPowerActionDocument, { input: { id: hostId, action: 'REBOOT' } }, admin)).data!.hostPowerAction;
    assert.equal(payload.__typename, 'HostActionPayload', JSON.stringify(payload));
    const liveness: boolean[] = [];
    for (;;) {
      const { live } = (await hostFeed.next()).value.data.hostUpdated;
      if (liveness.at(-1) !== live) liveness.push(live);
      if (liveness.length === 3) break;
    }
    await hostFeed.return!();
    assert.deepEqual(liveness, [true, false, true], 'the host went down and came back');
    const operation = await hostOperationDone((payload as { operation: { id: string } }).operation.id);
    assert.equal(operation.status, 'SUCCEEDED', JSON.stringify(operation.error));
    assert.deepEqual((operation.result as { halted: string[] }).halted.sort(), running.map(rawId).sort());

    for (const instanceId of running) {
      const resumed = await waitUntil(async () => {
        const { data } = await stack.request(HostsInstanceOperationsDocument, { instanceId }, admin);
        const ops = data!.operations.edges.map((e) => e.node);
        return ops.find((op) => op.kind === 'INSTANCE_RESUME_STATE_ON_HOST_BOOT' && op.status === 'SUCCEEDED') && ops;
      }, 10_000, 'the instance to be resumed');
      assert.equal(resumed.find((op) => op.kind === 'INSTANCE_RESUME_STATE_ON_HOST_BOOT')!.requestedBy, 'periodic:resume_state_on_host_boot');
      assert.ok(resumed.some((op) => op.kind === 'INSTANCE_POWER_OFF' && op.status === 'SUCCEEDED'), 'halted as an Operation of its own');
      const where = await placement(instanceId);
      assert.deepEqual([where.vmState, where.powerState, where.host?.name], ['ACTIVE', 'RUNNING', 'xen-a2']);
      assert.equal((await stack.app.services.store.instances.get(rawId(instanceId)))!.systemMetadata.resume_on_host_boot, undefined);
    }
    const state = await hostState(hostId);
    assert.deepEqual([state.live, state.enabled, state.disabledReason], [true, true, null]);
    assert.ok(Date.parse(state.uptime!.bootedAt) > bootedBefore, 'a new boot time');
  });

  it('shuts an empty host down and powers it on through its power-on mode; a host without one is refused', async () => {
    const refused = (await stack.request(HostsPowerActionDocument, { input: { id: choices.host('xen-b1'), action: 'STARTUP' } }, admin)).data!.hostPowerAction;
    assert.equal(refused.__typename, 'PowerOnUnavailableError', JSON.stringify(refused));
    assert.equal((refused as { hostName: string }).hostName, 'xen-b1');

    const hostId = choices.host('xen-a3');
    const down = (await stack.request(HostsPowerActionDocument, { input: { id: hostId, action: 'SHUTDOWN' } }, admin)).data!.hostPowerAction;
    assert.equal((await hostOperationDone((down as { operation: { id: string } }).operation.id)).status, 'SUCCEEDED');
    await waitUntil(async () => !(await hostState(hostId)).live, 3000, 'the host to be down');
    assert.equal((await hostState(hostId)).uptime, null);
    assert.equal((await xapiHost('xen-a3')).metrics.live, false);

    const up = (await stack.request(HostsPowerActionDocument, { input: { id: hostId, action: 'STARTUP' } }, admin)).data!.hostPowerAction;
    assert.equal(up.__typename, 'HostActionPayload', JSON.stringify(up));
    assert.equal((await hostOperationDone((up as { operation: { id: string } }).operation.id)).status, 'SUCCEEDED');
    const state = await hostState(hostId);
    assert.deepEqual([state.live, state.enabled, state.disabledReason], [true, true, null]);
    assert.equal((await xapiHost('xen-a3')).host.power_on_mode, 'wake-on-lan');
  });
});
