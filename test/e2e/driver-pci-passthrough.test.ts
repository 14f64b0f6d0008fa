// PCI passthrough end to end: a flavor asking for a GPU (pci_passthrough:alias gpu:1) lands on the host that
// has a free one, its VM passes the device through (other_config:pci), Host.resources shows who holds it, a
// request no host can serve is refused before anything is made, and destroying the instance frees the device.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  LiveMigrationCheckDocument,
  DestroyInstanceDocument, HostPciDevicesDocument, InstancePlacementDocument, SpawnInstanceDocument, type HostPciDevicesQuery,
} from '../generated/graphql.js';
import { accepted, finished, requestSpawn, spawnChoices, spawnRunning, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

type PciDevices = NonNullable<Extract<NonNullable<HostPciDevicesQuery['node']>, { name: string }>['resources']>['pciDevices'];

describe('PCI passthrough', () => {
  let stack: Stack;
  let choices: SpawnChoices;
  let xapi: Awaited<ReturnType<typeof xapiSession>>;

  before(async () => {
    stack = await startStack();
    choices = await spawnChoices(stack);
    xapi = await xapiSession(stack);
  });
  after(async () => {
    await stack?.stop();
  });

  const devicesOf = async (hostName: string): Promise<PciDevices> => {
    const { data, errors } = await stack.request(HostPciDevicesDocument, { id: choices.host(hostName) }, stack.adminToken);
    assert.equal(errors, undefined, JSON.stringify(errors));
    return (data!.node as { resources: { pciDevices: PciDevices } }).resources.pciDevices;
  };
  const holders = async (hostName: string) => (await devicesOf(hostName)).map((d) => [d.address, d.instance?.id ?? null]);
  const vmOtherConfig = async (instanceUuid: string) => {
    const vms = await xapi.call('VM.get_all_records') as Record<string, { other_config: Record<string, string> }>;
    return Object.values(vms).find((vm) => vm.other_config.nova_uuid === instanceUuid)?.other_config;
  };
  const gpuSpawn = (name: string) => spawnRunning(stack, choices, { name, flavor: 'g1.small' });

  it('lists the GPUs of xen-a1 as free passthrough devices, and none on hosts without', async () => {
    assert.deepEqual(await devicesOf('xen-a1'), ['0000:04:00.0', '0000:05:00.0'].map((address) => ({
      address, vendorId: '10de', productId: '1db6', className: '3D controller',
      name: 'NVIDIA Corporation GV100GL [Tesla V100 PCIe 32GB]', heldBy: null, instance: null,
    })));
    assert.deepEqual(await devicesOf('xen-a2'), []);
  });

  it('frees the claimed GPU when XAPI refuses to pass it through at start, leaving no VM', async () => {
    stack.sim.faults.add({ method: 'VM.start_on', error: ['DEVICE_ALREADY_ATTACHED', '0000:04:00.0'] });
    const payload = accepted(await requestSpawn(stack, choices, { name: 'gpu-refused', flavor: 'g1.small' }));
    const state = await finished(stack, payload.operation.id);
    assert.deepEqual([state.status, state.error?.xapiCode, state.instance?.vmState], ['FAILED', 'DEVICE_ALREADY_ATTACHED', 'ERROR']);
    assert.equal(await vmOtherConfig(state.instance!.uuid), undefined, 'the VM was rolled back');
    await waitUntil(async () => (await holders('xen-a1')).every(([, holder]) => holder === null), 10_000, 'the GPUs to be free');
  });

  it('refuses to move an instance holding a GPU live, or cold to a host without a free one, before anything moves', async () => {
    const gpu = (await gpuSpawn('gpu-moved')).instance!;
    const before = await vmOtherConfig(gpu.uuid);
    const calls = stack.app.services.pools.xapiCallCount();
    const check = await stack.request(LiveMigrationCheckDocument, { instanceId: gpu.id, hostId: choices.host('xen-a2') }, stack.adminToken);
    const verdict = check.data!.liveMigrationCheck as { possible: boolean; reason: string };
    assert.equal(verdict.possible, false);
    assert.match(verdict.reason, /PCI devices \(0000:0[45]:00\.0\) cannot move live/);
    const live = await stack.request(
      'mutation($input: InstanceLiveMigrateInput!) { instanceLiveMigrate(input: $input) { __typename } }',
      { input: { id: gpu.id, hostId: choices.host('xen-a2') } }, stack.adminToken);
    assert.notEqual((live.data as { instanceLiveMigrate: { __typename: string } }).instanceLiveMigrate.__typename, 'ActionPayload');
    // Cold, it needs a host with a free GPU: xen-a2 has none.
    const cold = await stack.request(
      'mutation($input: InstanceMigrateInput!) { instanceMigrate(input: $input) { __typename ... on UserError { message } } }',
      { input: { id: gpu.id, hostId: choices.host('xen-a2') } }, stack.adminToken);
    const refusal = (cold.data as { instanceMigrate: { __typename: string; message: string } }).instanceMigrate;
    assert.equal(refusal.__typename, 'NoValidHostError', JSON.stringify(cold));
    assert.match(refusal.message, /xen-a2: not enough free PCI devices \(gpu:1\)/);
    assert.equal(stack.app.services.pools.xapiCallCount(), calls, 'refused before any XAPI call');
    assert.deepEqual(await vmOtherConfig(gpu.uuid), before);
    const destroyed = accepted(await stack.request(DestroyInstanceDocument, { input: { id: gpu.id } }, stack.adminToken));
    assert.equal((await finished(stack, destroyed.operation.id)).status, 'SUCCEEDED');
    await waitUntil(async () => (await holders('xen-a1')).every(([, holder]) => holder === null), 10_000, 'the GPU to be free');
  });

  it('places GPU instances on the host with free GPUs, passes one through to each, and refuses a third', async () => {
    const first = (await gpuSpawn('gpu-1')).instance!;
    const { data } = await stack.request(InstancePlacementDocument, { id: first.id }, stack.adminToken);
    assert.equal((data!.node as { host: { name: string } }).host.name, 'xen-a1', 'xen-a2 has more free memory but no GPU');
    assert.equal((await vmOtherConfig(first.uuid))?.pci, '0/0000:04:00.0');
    assert.deepEqual(await holders('xen-a1'), [['0000:04:00.0', first.id], ['0000:05:00.0', null]]);

    const second = (await gpuSpawn('gpu-2')).instance!;
    assert.equal((await vmOtherConfig(second.uuid))?.pci, '0/0000:05:00.0');
    assert.deepEqual(await holders('xen-a1'), [['0000:04:00.0', first.id], ['0000:05:00.0', second.id]]);

    const instances = await stack.app.services.store.instances.count({ includeDeleted: true });
    const vms = Object.keys(await xapi.call('VM.get_all_records')).length;
    const refused = await requestSpawn(stack, choices, { name: 'gpu-3', flavor: 'g1.small' });
    const payload = (refused.data as { instanceSpawn: { __typename: string; message: string } }).instanceSpawn;
    assert.equal(payload.__typename, 'NoValidHostError', JSON.stringify(refused));
    assert.match(payload.message, /xen-a1: not enough free PCI devices \(gpu:1\)/);
    assert.equal(await stack.app.services.store.instances.count({ includeDeleted: true }), instances, 'no instance recorded');
    assert.equal(Object.keys(await xapi.call('VM.get_all_records')).length, vms, 'no VM made');

    // Destroying an instance frees its GPU for the next request.
    const destroyed = accepted(await stack.request(DestroyInstanceDocument, { input: { id: first.id } }, stack.adminToken));
    assert.equal((await finished(stack, destroyed.operation.id)).status, 'SUCCEEDED');
    await waitUntil(async () => (await holders('xen-a1'))[0]![1] === null, 10_000, 'the GPU to be free');
    const third = (await gpuSpawn('gpu-3')).instance!;
    assert.equal((await vmOtherConfig(third.uuid))?.pci, '0/0000:04:00.0');
  });

  it('refuses a flavor whose alias the PCI alias table does not define, before anything is made', async () => {
    const flavor = await stack.app.services.store.flavors.create({
      name: 'x1.fpga', vcpus: 1, memoryMb: 512, rootGb: 1, extraSpecs: { 'pci_passthrough:alias': 'fpga:1' },
    });
    const instances = await stack.app.services.store.instances.count({ includeDeleted: true });
    const refused = await stack.request(SpawnInstanceDocument, {
      input: { name: 'fpga', flavorId: encodeGlobalID('Flavor', flavor.id), imageId: choices.image('cirros'), networkIds: [], metadata: {} },
    }, stack.adminToken);
    const payload = (refused.data as { instanceSpawn: { __typename: string; path: string[] } }).instanceSpawn;
    assert.deepEqual([payload.__typename, payload.path], ['InvalidInputError', ['input', 'flavorId']], JSON.stringify(refused));
    assert.equal(await stack.app.services.store.instances.count({ includeDeleted: true }), instances);
  });
});
