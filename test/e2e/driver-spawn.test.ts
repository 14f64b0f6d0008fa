// instanceSpawn end to end: Nova's ten steps as seen by an operationUpdated subscriber, the VM it leaves on
// XAPI, rollback of a failed start, typed refusals that change nothing, and idempotent retries.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { readIsoImage } from '../../src/configdrive/iso9660-read.js';
import { AddSubnetDocument, OperationProgressFeedDocument, SpawnInstanceDocument } from '../generated/graphql.js';
import {
  accepted, assertProgressThroughSteps, finished, requestSpawn, spawnChoices, spawnRunning, xapiSession, type SpawnChoices,
} from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let choices: SpawnChoices;
before(async () => {
  stack = await startStack();
  choices = await spawnChoices(stack);
});
after(async () => {
  await stack?.stop();
});

type Xapi = Awaited<ReturnType<typeof xapiSession>>;

/** Everything on XAPI that carries the instance's uuid: VMs, disks. */
async function leftoversOf(xapi: Xapi, instanceUuid: string) {
  const vms = Object.values(await xapi.call('VM.get_all_records') as Record<string, { other_config: Record<string, string> }>)
    .filter((vm) => vm.other_config.nova_uuid === instanceUuid);
  const vdis = Object.values(await xapi.call('VDI.get_all_records') as Record<string, { other_config: Record<string, string> }>)
    .filter((vdi) => vdi.other_config.nova_instance_uuid === instanceUuid);
  return { vms: vms.length, vdis: vdis.length };
}

describe('instanceSpawn', () => {
  it('reports Nova\'s ten steps in order and leaves a running VM built as Nova built it', async () => {
    // Holding the first XAPI call gives the subscriber time to join before step 1 reports.
    stack.sim.faults.add({ method: 'VM.get_by_name_label', latencyMs: 400 });
    const payload = accepted(await requestSpawn(stack, choices, { name: 'web-1', metadata: { role: 'web' } }));
    assert.equal(payload.operation.status, 'PENDING');
    assert.deepEqual([payload.instance.vmState, payload.instance.taskState], ['BUILDING', 'SPAWNING']);

    const percents: number[] = [];
    let last;
    for await (const result of stack.subscribe(OperationProgressFeedDocument, { id: payload.operation.id }, await stack.tokenFor('reader'))) {
      last = result.data!.operationUpdated;
      if (percents.at(-1) !== last.progress.percent) percents.push(last.progress.percent);
    }
    assert.equal(last?.status, 'SUCCEEDED', JSON.stringify(last?.error));
    // VM.start's task moves the percentage within 'starting paused'.
    assertProgressThroughSteps(percents, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], { taskMoved: true });

    const state = await finished(stack, payload.operation.id);
    assert.deepEqual([state.instance?.vmState, state.instance?.powerState, state.instance?.taskState, state.instance?.progress],
      ['ACTIVE', 'RUNNING', null, 100]);

    const xapi = await xapiSession(stack);
    const vms = Object.entries(await xapi.call('VM.get_all_records') as Record<string, Record<string, any>>)
      .filter(([, vm]) => vm.other_config.nova_uuid === state.instance!.uuid);
    assert.equal(vms.length, 1);
    const [vmRef, vm] = vms[0]!;
    assert.match(vm.name_label, /^instance-[0-9a-f]{8}$/);
    assert.equal(vm.power_state, 'Running');
    assert.equal(vm.other_config.last_dom_id, String(vm.domid));
    assert.equal(vm.xenstore_data['vm-data/user-metadata/role'], '"web"');
    assert.equal(vm.xenstore_data['vm-data/hostname'], 'web-1');
    assert.equal(vm.xenstore_data['vm-data/allowvssprovider'], 'false');

    const vbds = await Promise.all((vm.VBDs as string[]).map((ref) => xapi.call('VBD.get_record', ref)));
    const root = vbds.find((vbd) => vbd.userdevice === '0');
    assert.ok(root?.bootable, 'root disk on device 0, bootable');
    const rootVdi = await xapi.call('VDI.get_record', root.VDI);
    assert.deepEqual([rootVdi.name_label, rootVdi.other_config.nova_disk_type, rootVdi.other_config.nova_instance_uuid],
      [vm.name_label, 'root', state.instance!.uuid]);

    const [vifRef] = vm.VIFs as string[];
    const vif = await xapi.call('VIF.get_record', vifRef);
    assert.match(vif.MAC, /^fa:16:3e(:[0-9a-f]{2}){3}$/);
    assert.equal(vif.device, '0');
    const networking = JSON.parse(vm.xenstore_data[`vm-data/networking/${vif.MAC.replaceAll(':', '')}`]);
    assert.equal(networking.mac, vif.MAC);
    assert.equal((await xapi.call('VM.get_by_name_label', vm.name_label))[0], vmRef);
  });

  it('gives each interface an address from its network\'s subnet and tells the guest through xenstore', async () => {
    const admin = stack.adminToken;
    const networkId = choices.network('eth1');
    const bad = await stack.request(AddSubnetDocument, { input: { networkId, cidr: '10.20.0.7/24' } }, admin);
    assert.equal((bad.data?.networkAddSubnet as { __typename: string }).__typename, 'InvalidInputError', 'not a network address');
    const added = await stack.request(AddSubnetDocument, { input: { networkId, cidr: '10.20.0.0/24', gateway: '10.20.0.1', dns: ['192.0.2.53'] } }, admin);
    assert.equal(added.data?.networkAddSubnet.__typename, 'NetworkAddSubnetPayload');

    const first = await spawnRunning(stack, choices, { name: 'addressed-1', networks: ['eth0', 'eth1'] });
    const second = await spawnRunning(stack, choices, { name: 'addressed-2', networks: ['eth1'] });
    const xapi = await xapiSession(stack);
    const networkingOf = async (instanceUuid: string) => {
      const vm = Object.values(await xapi.call('VM.get_all_records') as Record<string, any>).find((v) => v.other_config.nova_uuid === instanceUuid);
      return Object.entries(vm.xenstore_data as Record<string, string>)
        .filter(([key]) => key.startsWith('vm-data/networking/')).map(([, value]) => JSON.parse(value));
    };
    const firstNets = await networkingOf(first.instance!.uuid);
    assert.equal(firstNets.length, 2, 'one record per interface');
    const onSubnet = firstNets.find((n) => n.ips);
    assert.deepEqual(onSubnet.ips, [{ ip: '10.20.0.2', enabled: '1', netmask: '255.255.255.0', gateway: '10.20.0.1' }]);
    assert.deepEqual([onSubnet.broadcast, onSubnet.dns], ['10.20.0.255', ['192.0.2.53']]);
    const [secondNet] = await networkingOf(second.instance!.uuid);
    assert.equal(secondNet.ips[0].ip, '10.20.0.3', 'the next free address');
  });

  it('attaches a config drive carrying the password, user data and injected files, and stores no password', async () => {
    const payload = accepted(await stack.request(SpawnInstanceDocument, {
      input: {
        name: 'configured', flavorId: choices.flavor('m1.small'), imageId: choices.image('cirros'),
        networkIds: [choices.network('eth0')], metadata: { tier: 'db' }, adminPassword: 's3cret-pass',
        userData: Buffer.from('#cloud-config\npackages: [nginx]\n').toString('base64'),
        injectedFiles: [{ path: '/etc/motd', contents: Buffer.from('hello\n').toString('base64') }],
      },
    }, await stack.tokenFor('operator')));
    const state = await finished(stack, payload.operation.id);
    assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
    const stored = await stack.app.services.store.operations.get(decodeGlobalID(payload.operation.id).id);
    assert.ok(!JSON.stringify(stored).includes('s3cret-pass'), 'the password is not in the stored operation');

    const xapi = await xapiSession(stack);
    const vm = Object.values(await xapi.call('VM.get_all_records') as Record<string, any>).find((v) => v.other_config.nova_uuid === state.instance!.uuid);
    const vbds = await Promise.all((vm.VBDs as string[]).map((ref) => xapi.call('VBD.get_record', ref)));
    const drive = vbds.find((vbd) => vbd.userdevice === '3');
    assert.equal(drive?.mode, 'RO');
    const vdi = await xapi.call('VDI.get_record', drive.VDI);
    assert.deepEqual([vdi.name_label, vdi.other_config.nova_disk_type], ['config-2', 'configdrive']);

    const exported = await fetch(`${stack.sim.pools[0]!.masterUrl}/export_raw_vdi?session_id=${xapi.session}&vdi=${drive.VDI}&format=raw`);
    assert.equal(exported.status, 200);
    const iso = readIsoImage(Buffer.from(await exported.arrayBuffer()));
    assert.equal(iso.volumeLabel, 'config-2');
    const meta = JSON.parse(iso.readFile('openstack/latest/meta_data.json').toString());
    assert.deepEqual([meta.uuid, meta.admin_pass, meta.meta], [state.instance!.uuid, 's3cret-pass', { tier: 'db' }]);
    assert.equal(iso.readFile('openstack/latest/user_data').toString(), '#cloud-config\npackages: [nginx]\n');
    const [file] = meta.files;
    assert.equal(file.path, '/etc/motd');
    assert.equal(iso.readFile(`openstack${file.content_path}`).toString(), 'hello\n');
  });

  it('reuses the cached base image for the next spawn of the same image', async () => {
    await spawnRunning(stack, choices, { name: 'web-2' });
    const xapi = await xapiSession(stack);
    const bases = Object.values(await xapi.call('VDI.get_all_records') as Record<string, { name_label: string }>)
      .filter((vdi) => vdi.name_label.startsWith('Glance Image '));
    assert.equal(bases.length, 1, 'one base VDI for one image on one SR');
  });

  it('rolls back everything when the VM fails to start, leaving the instance in ERROR', async () => {
    stack.sim.faults.add({ method: 'VM.start_on', error: ['HOST_NOT_ENOUGH_FREE_MEMORY', '2147483648', '1024'] });
    const payload = accepted(await requestSpawn(stack, choices, { name: 'doomed' }));
    const state = await finished(stack, payload.operation.id);
    assert.equal(state.status, 'FAILED');
    assert.deepEqual([state.error?.code, state.error?.xapiCode, state.error?.xapiParams],
      ['XAPI_ERROR', 'HOST_NOT_ENOUGH_FREE_MEMORY', ['2147483648', '1024']]);
    assert.deepEqual([state.instance?.vmState, state.instance?.taskState, state.instance?.powerState], ['ERROR', null, 'NOSTATE']);
    const xapi = await xapiSession(stack);
    assert.deepEqual(await leftoversOf(xapi, state.instance!.uuid), { vms: 0, vdis: 0 });
    const vifs = Object.values(await xapi.call('VIF.get_all_records') as Record<string, { VM: string }>);
    const vmRefs = new Set(await xapi.call('VM.get_all') as string[]);
    assert.ok(vifs.every((vif) => vmRefs.has(vif.VM)), 'no VIF outlives its VM');
  });

  it('refuses bad input with a typed error and creates nothing', async () => {
    const before = await stack.app.services.store.instances.count({ includeDeleted: true });
    const unknownFlavor = await stack.request(
      'mutation($i: InstanceSpawnInput!) { instanceSpawn(input: $i) { __typename ... on UserError { code path } } }',
      { i: { name: 'x', flavorId: 'Rmxhdm9yOm5vcGU=', imageId: choices.image('cirros') } }, stack.adminToken,
    );
    assert.deepEqual((unknownFlavor.data as any)?.instanceSpawn, { __typename: 'NotFoundError', code: 'NOT_FOUND', path: ['input', 'flavorId'] });

    const disabled = choices.host('xen-a3');
    const xapi = await xapiSession(stack);
    const [hostRef] = await xapi.call('host.get_by_name_label', 'xen-a3');
    await xapi.call('host.disable', hostRef);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const noHost = await requestSpawn(stack, choices, { name: 'nowhere', hostId: disabled });
      assert.equal((noHost.data as any)?.instanceSpawn.__typename, 'NoValidHostError');
    } finally {
      await xapi.call('host.enable', hostRef);
    }
    const badMetadata = await requestSpawn(stack, choices, { name: 'meta', metadata: { k: 'v'.repeat(300) } });
    assert.equal((badMetadata.data as any)?.instanceSpawn.__typename, 'InvalidInputError');
    assert.equal(await stack.app.services.store.instances.count({ includeDeleted: true }), before);
  });

  it('creates exactly one VM for retries with the same idempotency key, and refuses the key for another request', async () => {
    const key = `spawn-${Date.now()}`;
    const attempts = await Promise.all([1, 2, 3].map(() => requestSpawn(stack, choices, { name: 'once', idempotencyKey: key })));
    const operations = new Set(attempts.map((attempt) => accepted(attempt).operation.id));
    assert.equal(operations.size, 1, 'one operation for every retry');
    const state = await finished(stack, [...operations][0]!);
    assert.equal(state.status, 'SUCCEEDED');
    const xapi = await xapiSession(stack);
    assert.deepEqual(await leftoversOf(xapi, state.instance!.uuid), { vms: 1, vdis: 1 });
    assert.equal((await stack.app.services.store.instances.list({ nameContains: 'once' }, { field: 'NAME', direction: 'ASC' }, { limit: 10, inverted: false })).length, 1);

    const reuse = await requestSpawn(stack, choices, { name: 'other', idempotencyKey: key });
    assert.equal((reuse.data as any)?.instanceSpawn.__typename, 'IdempotencyKeyReuseError');
  });
});
