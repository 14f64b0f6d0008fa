// Live migration end to end: the check says why a move is impossible and the mutation refuses it before
// anything moves; within pool-a a subscriber sees the Migration progress and then the host change; a block
// migration takes an instance to the standalone pool; a failure halfway leaves it running on the source.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { iscsiTargets } from '../../src/simulator/classes/iscsi.js';
import {
  AttachVolumeDocument, InstancePlacementDocument, LiveMigrateInstanceDocument, LiveMigrationCheckDocument, MigrationProgressFeedDocument,
  OperationMigrationDocument,
} from '../generated/graphql.js';
import { accepted, finished, spawnChoices, spawnRunning, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

let stack: Stack;
let choices: SpawnChoices;
// Slow enough that a migration of a 2 GiB guest reports its progress in many steps.
before(async () => {
  stack = await startStack({ timeScale: 0.25 });
  choices = await spawnChoices(stack);
});
after(async () => {
  await stack?.stop();
});

async function placement(instanceId: string) {
  const { data } = await stack.request(InstancePlacementDocument, { id: instanceId }, stack.adminToken);
  return data!.node as { vmState: string; powerState: string; host: { id: string; name: string; poolName: string } | null };
}

async function otherPoolAHost(instanceId: string): Promise<{ id: string; name: string }> {
  const current = (await placement(instanceId)).host!.name;
  const name = ['xen-a1', 'xen-a2', 'xen-a3'].find((n) => n !== current)!;
  return { id: choices.host(name), name };
}

async function check(instanceId: string, hostId: string, blockMigration?: boolean) {
  const { data } = await stack.request(LiveMigrationCheckDocument, { instanceId, hostId, blockMigration }, await stack.tokenFor('operator'));
  return data!.liveMigrationCheck as { possible: boolean; blockMigration: boolean; reason: string | null };
}

describe('liveMigrationCheck and refusals', () => {
  it('explains why a move is impossible, and the mutation refuses it before anything moves', async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'checked' });
    const id = spawned.instance!.id;
    const target = await otherPoolAHost(id);
    assert.deepEqual(await check(id, target.id), { __typename: 'LiveMigrationCheck', possible: true, blockMigration: false, reason: null });

    const toOtherPool = await check(id, choices.host('xen-b1'), false);
    assert.equal(toOtherPool.possible, false);
    assert.match(toOtherPool.reason!, /another pool/);

    // Fill the target with a memory hog started directly on XAPI.
    const xapi = await xapiSession(stack);
    const [hostRef] = await xapi.call('host.get_by_name_label', target.name);
    const free = Number(await xapi.call('host.compute_free_memory', hostRef));
    const hogMemory = String(free - 1024 * 1024 * 1024);
    const hog = await xapi.call('VM.create', {
      name_label: 'memory-hog', user_version: '1', is_a_template: false, affinity: 'OpaqueRef:NULL', memory_static_max: hogMemory,
      memory_dynamic_max: hogMemory, memory_dynamic_min: hogMemory, memory_static_min: '0', VCPUs_params: {}, VCPUs_max: '1',
      VCPUs_at_startup: '1', actions_after_shutdown: 'destroy', actions_after_reboot: 'restart', actions_after_crash: 'destroy',
      PV_bootloader: 'pygrub', PV_kernel: '', PV_ramdisk: '', PV_args: '', PV_bootloader_args: '', PV_legacy_args: '',
      HVM_boot_policy: '', HVM_boot_params: {}, platform: {}, PCI_bus: '', other_config: {}, recommendations: '',
    });
    await xapi.call('VM.start_on', hog, hostRef, false, false);
    try {
      await waitUntil(async () => (await check(id, target.id)).possible === false, 3000, 'the host to look full');
      assert.match((await check(id, target.id)).reason!, /MiB free/);
      const operations = await stack.app.services.store.operations.count({});
      const refused = await stack.request(LiveMigrateInstanceDocument, { input: { id, hostId: target.id } }, await stack.tokenFor('operator'));
      assert.equal((refused.data?.instanceLiveMigrate as { __typename: string }).__typename, 'MigrationRefusedError');
      assert.equal(await stack.app.services.store.operations.count({}), operations, 'no operation recorded');
    } finally {
      await xapi.call('VM.hard_shutdown', hog);
      await xapi.call('VM.destroy', hog);
    }

    // A disk on the resident host's local SR: the other hosts cannot see it without a block migration.
    const [vmRef, vmRecord] = Object.entries(await xapi.call('VM.get_all_records') as Record<string, any>)
      .find(([, v]) => v.other_config.nova_uuid === spawned.instance!.uuid)!;
    const pbds = await xapi.call('PBD.get_all_records') as Record<string, { SR: string; host: string }>;
    const srs = await xapi.call('SR.get_all_records') as Record<string, { shared: boolean; content_type: string }>;
    const localSr = Object.values(pbds).find((pbd) => pbd.host === vmRecord.resident_on && !srs[pbd.SR]!.shared && srs[pbd.SR]!.content_type !== 'iso')!.SR;
    const scratch = await xapi.call('VDI.create', {
      name_label: 'scratch', SR: localSr, virtual_size: String(1024 ** 3), type: 'user', sharable: false, read_only: false,
      other_config: {}, xenstore_data: {}, sm_config: {}, tags: [],
    });
    await xapi.call('VBD.create', {
      VM: vmRef, VDI: scratch, userdevice: '6', bootable: false, mode: 'RW', type: 'Disk', unpluggable: true, empty: false,
      other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {},
    });
    await waitUntil(async () => (await check(id, target.id, false)).possible === false, 3000, 'the local disk to be seen');
    assert.match((await check(id, target.id, false)).reason!, /cannot see the instance's disks/);
    assert.deepEqual([(await check(id, target.id)).possible, (await check(id, target.id)).blockMigration], [true, true], 'a block migration would copy it');
  });
});

describe('instanceLiveMigrate', () => {
  it('streams the Migration\'s progress, then the instance shows its new host', async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'traveller' });
    const id = spawned.instance!.id;
    const target = await otherPoolAHost(id);
    const source = (await placement(id)).host!.name;
    const payload = accepted(await stack.request(LiveMigrateInstanceDocument, { input: { id, hostId: target.id } }, await stack.tokenFor('operator')));
    const migrationId = await waitUntil(async () => {
      const { data } = await stack.request(OperationMigrationDocument, { id: payload.operation.id }, stack.adminToken);
      return (data?.node as { migration: { id: string } | null }).migration?.id;
    }, 5000, 'the migration to be recorded');

    const percents: number[] = [];
    let last;
    for await (const result of stack.subscribe(MigrationProgressFeedDocument, { id: migrationId }, await stack.tokenFor('reader'))) {
      last = result.data!.migrationUpdated;
      if (percents.at(-1) !== last.progress.percent) percents.push(last.progress.percent);
    }
    assert.equal(last?.status, 'COMPLETED');
    assert.deepEqual([last?.sourceHost?.name, last?.destHost?.name], [source, target.name]);
    const moving = percents.filter((p) => p > 0 && p < 100);
    assert.ok(moving.length >= 5, `progress seen: ${percents}`);
    assert.deepEqual(percents, [...percents].sort((x, y) => x - y), 'progress only grows');
    assert.equal(last?.progress.memory?.remainingBytes, 0);
    assert.equal(last?.progress.memory?.totalBytes, 2048 * 1024 * 1024);

    const state = await finished(stack, payload.operation.id);
    assert.equal(state.status, 'SUCCEEDED');
    const after = await placement(id);
    assert.deepEqual([after.host?.name, after.vmState, after.powerState], [target.name, 'ACTIVE', 'RUNNING']);
  });

  it('takes an instance to the standalone pool with a block migration', async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'emigrant' });
    const id = spawned.instance!.id;
    const verdict = await check(id, choices.host('xen-b1'));
    assert.deepEqual([verdict.possible, verdict.blockMigration], [true, true]);
    const payload = accepted(await stack.request(LiveMigrateInstanceDocument, { input: { id, hostId: choices.host('xen-b1') } }, await stack.tokenFor('operator')));
    const state = await finished(stack, payload.operation.id, 60_000);
    assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
    await waitUntil(async () => (await placement(id)).host?.name === 'xen-b1', 3000, 'the instance on xen-b1');
    const after = await placement(id);
    assert.deepEqual([after.host?.poolName, after.powerState], ['standalone', 'RUNNING']);
    const standalone = await xapiSession(stack, 1);
    const vm = await standalone.call('VM.get_by_uuid', (await stack.app.services.store.instances.getByUuid(spawned.instance!.uuid))!.vmUuid);
    assert.equal(await standalone.call('VM.get_power_state', vm), 'Running');
  });

  it('takes attached volumes along: their SR is plugged on the destination and unplugged from the source', async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'with-volume' });
    const id = spawned.instance!.id;
    const target = iscsiTargets(stack.sim.world).find((t) => t.iqn.endsWith(':pool-a'))!;
    const attach = accepted(await stack.request(AttachVolumeDocument, {
      input: {
        id, mountpoint: '/dev/xvdb',
        connectionInfo: {
          driverVolumeType: 'iscsi', targetPortal: `${target.address}:${target.port}`, targetIqn: target.iqn, targetLun: 1,
          authMethod: 'CHAP', authUsername: target.chap!.user, authPassword: target.chap!.secret, volumeId: 'vol-travel',
        },
      },
    }, await stack.tokenFor('operator')));
    assert.equal((await finished(stack, attach.operation.id)).status, 'SUCCEEDED');
    const source = (await placement(id)).host!.name;
    const destination = await otherPoolAHost(id);

    const payload = accepted(await stack.request(LiveMigrateInstanceDocument, { input: { id, hostId: destination.id } }, await stack.tokenFor('operator')));
    const state = await finished(stack, payload.operation.id);
    assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));

    const xapi = await xapiSession(stack);
    const hosts = Object.fromEntries(Object.entries(await xapi.call('host.get_all_records') as Record<string, any>).map(([ref, h]) => [h.name_label, ref]));
    const vm = Object.values(await xapi.call('VM.get_all_records') as Record<string, any>).find((v) => v.other_config.nova_uuid === spawned.instance!.uuid)!;
    assert.equal(vm.resident_on, hosts[destination.name]);
    const vbds = await Promise.all((vm.VBDs as string[]).map((ref) => xapi.call('VBD.get_record', ref)));
    const volume = vbds.find((vbd) => vbd.userdevice === '1')!;
    assert.ok(volume.currently_attached, 'the volume is still plugged into the guest');
    const sr = await xapi.call('VDI.get_SR', volume.VDI);
    const pbds = await Promise.all((await xapi.call('SR.get_PBDs', sr) as string[]).map((ref) => xapi.call('PBD.get_record', ref)));
    assert.deepEqual(pbds.filter((p) => p.currently_attached).map((p) => p.host), [hosts[destination.name]]);
    assert.ok(!pbds.some((p) => p.host === hosts[source]), 'the source no longer connects to it');
  });

  it('takes attached volumes to another pool: the SR is introduced and plugged there, the LUN kept in place, and forgotten on the source', async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'volume-emigrant' });
    const id = spawned.instance!.id;
    // The other pool's target (every host reaches every target), so no other instance shares the SR.
    const target = iscsiTargets(stack.sim.world).find((t) => !t.iqn.endsWith(':pool-a'))!;
    const attach = accepted(await stack.request(AttachVolumeDocument, {
      input: {
        id, mountpoint: '/dev/xvdc',
        connectionInfo: {
          driverVolumeType: 'iscsi', targetPortal: `${target.address}:${target.port}`, targetIqn: target.iqn, targetLun: 2,
          authMethod: 'CHAP', authUsername: target.chap!.user, authPassword: target.chap!.secret, volumeId: 'vol-emigrant',
        },
      },
    }, await stack.tokenFor('operator')));
    assert.equal((await finished(stack, attach.operation.id)).status, 'SUCCEEDED');
    const poolA = await xapiSession(stack);
    const vmA = Object.values(await poolA.call('VM.get_all_records') as Record<string, any>).find((v) => v.other_config.nova_uuid === spawned.instance!.uuid)!;
    const volumeA = (await Promise.all((vmA.VBDs as string[]).map((ref) => poolA.call('VBD.get_record', ref)))).find((vbd) => vbd.userdevice === '2')!;
    const lunUuid = await poolA.call('VDI.get_uuid', volumeA.VDI);
    const srUuid = await poolA.call('SR.get_uuid', await poolA.call('VDI.get_SR', volumeA.VDI));
    assert.deepEqual([(await check(id, choices.host('xen-b1'))).possible], [true]);

    const payload = accepted(await stack.request(LiveMigrateInstanceDocument, { input: { id, hostId: choices.host('xen-b1') } }, await stack.tokenFor('operator')));
    const state = await finished(stack, payload.operation.id, 60_000);
    assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));

    const poolB = await xapiSession(stack, 1);
    const [xenB1] = await poolB.call('host.get_by_name_label', 'xen-b1');
    const vmB = await poolB.call('VM.get_record', await poolB.call('VM.get_by_uuid', vmA.uuid));
    assert.deepEqual([vmB.power_state, vmB.resident_on], ['Running', xenB1]);
    const volumeB = (await Promise.all((vmB.VBDs as string[]).map((ref) => poolB.call('VBD.get_record', ref)))).find((vbd) => vbd.userdevice === '2')!;
    assert.ok(volumeB.currently_attached, 'the volume is plugged into the guest on the destination');
    assert.equal(volumeB.other_config.osvol, 'True');
    assert.equal(await poolB.call('VDI.get_uuid', volumeB.VDI), lunUuid, 'the same LUN, not a copy');
    const srB = await poolB.call('VDI.get_SR', volumeB.VDI);
    assert.equal(await poolB.call('SR.get_uuid', srB), srUuid, 'the SR under Nova\'s uuid for the target');
    const pbds = await Promise.all((await poolB.call('SR.get_PBDs', srB) as string[]).map((ref) => poolB.call('PBD.get_record', ref)));
    assert.deepEqual(pbds.map((p) => [p.host, p.currently_attached, p.device_config.chapuser]), [[xenB1, true, target.chap!.user]]);
    await assert.rejects(poolA.call('SR.get_by_uuid', srUuid), /UUID_INVALID/, 'the source pool forgot the SR');
    await assert.rejects(poolA.call('VM.get_by_uuid', vmA.uuid), /UUID_INVALID/);
    const after = await placement(id);
    assert.deepEqual([after.host?.name, after.powerState], ['xen-b1', 'RUNNING']);
    const attachments = await stack.app.services.store.volumeAttachments.listForInstance(decodeGlobalID(id).id);
    assert.deepEqual(attachments.map((a) => [a.volumeId, a.srUuid, a.vdiUuid]), [['vol-emigrant', srUuid, lunUuid]]);
    assert.ok(!JSON.stringify(attachments).includes(target.chap!.secret), 'the CHAP secret is still not stored');
  });

  it('leaves the instance running on its source when the migration fails halfway', async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'homebody' });
    const id = spawned.instance!.id;
    const source = (await placement(id)).host!.name;
    const target = await otherPoolAHost(id);
    stack.sim.faults.add({ method: 'VM.pool_migrate', error: ['VM_MIGRATE_FAILED', 'vm', 'source', 'destination', 'link down'], atProgress: 0.5 });
    const payload = accepted(await stack.request(LiveMigrateInstanceDocument, { input: { id, hostId: target.id } }, await stack.tokenFor('operator')));
    const state = await finished(stack, payload.operation.id);
    assert.deepEqual([state.status, state.error?.xapiCode], ['FAILED', 'VM_MIGRATE_FAILED']);
    const { data } = await stack.request(OperationMigrationDocument, { id: payload.operation.id }, stack.adminToken);
    assert.equal((data?.node as { migration: { status: string } }).migration.status, 'ERROR');
    const after = await placement(id);
    assert.deepEqual([after.host?.name, after.vmState, after.powerState], [source, 'ACTIVE', 'RUNNING']);
  });
});
