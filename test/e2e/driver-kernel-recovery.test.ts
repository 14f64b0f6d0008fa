// Crash safety of dom0 kernel files: the API process is killed while a cold migration of an instance booted
// from a dom0 kernel has placed its copies in the destination's dom0 but not yet made the VM that would boot
// from them. After a restart the move is rolled back and nothing is left in any dom0 nor on the storage.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MigrateInstanceDocument, OperationStateDocument, SpawnChoicesDocument, SpawnInstanceDocument } from '../generated/graphql.js';
import { addBootImages, dom0KernelFiles } from '../helpers/boot-images.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { childServerWorld, exitOf, graphql, pickByName } from '../helpers/serve-process.js';
import { waitUntil } from '../helpers/wait.js';
import { createSqliteStore } from '../../src/store/index.js';

const PASSWORD = 'kernel-recovery-secret';

const world = childServerWorld(PASSWORD, 'xengraph-kernel-recovery-');

async function settled(url: string, token: string, operationId: string) {
  return waitUntil(async () => {
    const node = (await graphql(url, token, OperationStateDocument, { id: operationId })).node;
    return ['SUCCEEDED', 'FAILED'].includes(node.status) ? node : undefined;
  }, 30_000, `operation ${operationId} to be settled`);
}

describe('a restart after the API process died between placing dom0 kernel files and making their VM', () => {
  it('removes the files no VM boots from and puts the instance back on its own VM', { timeout: 120_000 }, async () => {
    const first = await world.serve();
    const token = first.token!;
    // The operator's kernel, ramdisk and AMI images, in the store the child serves from.
    const store = createSqliteStore(`file:${join(world.dataDir, 'xengraph.db')}`);
    const images = await addBootImages({ store, dataDir: world.dataDir }).finally(() => store.close());
    const choices = await graphql(first.url, token, SpawnChoicesDocument);
    const spawned = await graphql(first.url, token, SpawnInstanceDocument, {
      input: {
        name: 'pv-mover', flavorId: pickByName(choices.flavors.edges, 'm1.small'), imageId: images.ami,
        networkIds: [pickByName(choices.networks.edges, 'Pool-wide network associated with eth0')], hostId: pickByName(choices.hosts.edges, 'xen-a1'),
      },
    });
    const spawn = await settled(first.url, token, spawned.instanceSpawn.operation.id);
    assert.equal(spawn.status, 'SUCCEEDED', JSON.stringify(spawn.error));
    const filesBefore = dom0KernelFiles({ sim: world.sim });
    assert.equal(filesBefore.filter((file) => file.startsWith('xen-a1:')).length, 2);

    // The new VM is never made: the process dies once both copies are in xen-a2's dom0.
    world.sim.faults.add({ method: 'VM.create', hang: true });
    const migrate = await graphql(first.url, token, MigrateInstanceDocument, {
      input: { id: spawn.instance.id, hostId: pickByName(choices.hosts.edges, 'xen-a2') },
    });
    assert.equal(migrate.instanceMigrate.__typename, 'ActionPayload');
    await waitUntil(() => dom0KernelFiles({ sim: world.sim }).filter((file) => file.startsWith('xen-a2:')).length === 2, 20_000, 'both copies in xen-a2\'s dom0');
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    world.sim.faults.clear();

    const second = await world.serve();
    const moved = await settled(second.url, token, migrate.instanceMigrate.operation.id);
    assert.equal(moved.status, 'FAILED');
    assert.deepEqual([moved.instance.vmState, moved.instance.taskState], ['ACTIVE', null]);
    assert.deepEqual(dom0KernelFiles({ sim: world.sim }), filesBefore, 'only the files the instance\'s VM boots from');
    const xapi = await jsonSession(world.sim.pools[0]!.masterUrl, PASSWORD);
    const vms = Object.values(await xapi.call('VM.get_all_records') as Record<string, { name_label: string; power_state: string; other_config: Record<string, string> }>)
      .filter((vm) => vm.other_config.nova_uuid === moved.instance.uuid);
    assert.deepEqual(vms.map((vm) => [vm.name_label.endsWith('-orig'), vm.power_state]), [[false, 'Running']]);
    const scratch = Object.values(await xapi.call('VDI.get_all_records') as Record<string, { other_config: Record<string, string> }>)
      .filter((vdi) => vdi.other_config.nova_instance_uuid === moved.instance.uuid && ['kernel', 'ramdisk'].includes(vdi.other_config.nova_disk_type ?? ''));
    assert.deepEqual(scratch, [], 'no scratch disk left');
    second.child.kill('SIGTERM');
    assert.equal(await exitOf(second.child), 0);
  });
});
