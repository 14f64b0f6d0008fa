// Moving an instance that holds PCI devices, cold: the destination claims the flavor's devices for the new VM
// (its other_config:pci, checked by XAPI when it starts there), the source's stay with the -orig VM until the
// move is confirmed, and a revert gives the original its devices back. A destination without free devices is
// refused before any XAPI call, and a failure to pass them through rolls the move back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ConfirmResizeDocument, DestroyInstanceDocument, HostPciDevicesDocument, MigrateInstanceDocument, ResizeInstanceDocument, RevertResizeDocument, type HostPciDevicesQuery,
} from '../generated/graphql.js';
import { accepted, finished, spawnChoices, spawnRunning, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { DEFAULT_TOPOLOGY, type PciDeviceSpec, type Topology } from '../../src/simulator/topology.js';

type PciDevices = NonNullable<Extract<NonNullable<HostPciDevicesQuery['node']>, { name: string }>['resources']>['pciDevices'];

const gpu = (pciId: string): PciDeviceSpec => ({
  pciId, vendorId: '10de', deviceId: '1db6', className: '3D controller', vendorName: 'NVIDIA Corporation', deviceName: 'GV100GL [Tesla V100 PCIe 32GB]',
});

/** The default world with GPUs on xen-a2 and xen-b1 too (xen-a1 has two already, xen-a3 none). */
const GPU_TOPOLOGY: Topology = {
  pools: DEFAULT_TOPOLOGY.pools.map((pool) => ({
    ...pool,
    hosts: pool.hosts.map((host) => host.name === 'xen-a2' ? { ...host, pciDevices: [gpu('0000:81:00.0'), gpu('0000:82:00.0')] }
      : host.name === 'xen-b1' ? { ...host, pciDevices: [gpu('0000:41:00.0')] } : host),
  })),
};

interface VmView { name: string; pci: string | undefined; host: string | null; power: string }

describe('PCI devices on cold moves', () => {
  let stack: Stack;
  let choices: SpawnChoices;
  let operator: string;

  before(async () => {
    stack = await startStack({ simulator: { topology: GPU_TOPOLOGY } });
    await stack.app.services.store.flavors.create({
      name: 'g2.small', vcpus: 2, memoryMb: 3072, rootGb: 20, extraSpecs: { 'pci_passthrough:alias': 'gpu:2' },
    });
    choices = await spawnChoices(stack);
    operator = await stack.tokenFor('operator');
  });
  after(async () => {
    await stack?.stop();
  });

  const holders = async (hostName: string) => {
    const { data, errors } = await stack.request(HostPciDevicesDocument, { id: choices.host(hostName) }, stack.adminToken);
    assert.equal(errors, undefined, JSON.stringify(errors));
    const devices = (data!.node as { resources: { pciDevices: PciDevices } }).resources.pciDevices;
    return devices.map((d) => [d.address, d.instance?.id ?? null]);
  };
  /** The instance's VMs in both pools, as XAPI has them. */
  const vmsOf = async (instanceUuid: string): Promise<VmView[]> => {
    const views: VmView[] = [];
    for (const pool of [0, 1]) {
      const xapi = await xapiSession(stack, pool);
      const vms = await xapi.call('VM.get_all_records') as Record<string, { name_label: string; other_config: Record<string, string>; resident_on: string; power_state: string }>;
      for (const vm of Object.values(vms)) {
        if (vm.other_config.nova_uuid !== instanceUuid) continue;
        const host = vm.resident_on === 'OpaqueRef:NULL' ? null : await xapi.call('host.get_name_label', vm.resident_on) as string;
        views.push({ name: vm.name_label, pci: vm.other_config.pci, host, power: vm.power_state });
      }
    }
    return views.sort((a, b) => a.name.localeCompare(b.name));
  };
  const act = async (document: Parameters<Stack['request']>[0], input: Record<string, unknown>) => {
    const payload = accepted(await stack.request(document, { input }, operator));
    return finished(stack, payload.operation.id);
  };
  const succeeded = async (document: Parameters<Stack['request']>[0], input: Record<string, unknown>) => {
    const state = await act(document, input);
    assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
    return state;
  };
  const settled = (hostName: string, expected: unknown[][]) =>
    waitUntil(async () => JSON.stringify(await holders(hostName)) === JSON.stringify(expected), 10_000, `${hostName}'s devices to be ${JSON.stringify(expected)}`);

  it('migrates a GPU instance to a host with a free GPU, which the new VM claims; confirm frees the source\'s', async () => {
    const instance = (await spawnRunning(stack, choices, { name: 'gpu-cold', flavor: 'g1.small', hostId: choices.host('xen-a1') })).instance!;
    const vmName = (await vmsOf(instance.uuid))[0]!.name;
    await succeeded(MigrateInstanceDocument, { id: instance.id, hostId: choices.host('xen-a2') });
    assert.deepEqual(await vmsOf(instance.uuid), [
      { name: vmName, pci: '0/0000:81:00.0', host: 'xen-a2', power: 'Running' },
      { name: `${vmName}-orig`, pci: '0/0000:04:00.0', host: null, power: 'Halted' },
    ]);
    // Until confirmed, the original keeps its GPU for a revert.
    await settled('xen-a1', [['0000:04:00.0', instance.id], ['0000:05:00.0', null]]);
    await settled('xen-a2', [['0000:81:00.0', instance.id], ['0000:82:00.0', null]]);

    await succeeded(ConfirmResizeDocument, { id: instance.id });
    assert.deepEqual(await vmsOf(instance.uuid), [{ name: vmName, pci: '0/0000:81:00.0', host: 'xen-a2', power: 'Running' }]);
    await settled('xen-a1', [['0000:04:00.0', null], ['0000:05:00.0', null]]);
    await succeeded(DestroyInstanceDocument, { id: instance.id });
    await settled('xen-a2', [['0000:81:00.0', null], ['0000:82:00.0', null]]);
  });

  it('resizes to a flavor asking for two GPUs on the same host, reusing its own; revert gives the original back its one', async () => {
    const instance = (await spawnRunning(stack, choices, { name: 'gpu-grow', flavor: 'g1.small', hostId: choices.host('xen-a1') })).instance!;
    const vmName = (await vmsOf(instance.uuid))[0]!.name;
    await succeeded(ResizeInstanceDocument, { id: instance.id, flavorId: choices.flavor('g2.small') });
    assert.deepEqual(await vmsOf(instance.uuid), [
      { name: vmName, pci: '0/0000:04:00.0,1/0000:05:00.0', host: 'xen-a1', power: 'Running' },
      { name: `${vmName}-orig`, pci: '0/0000:04:00.0', host: null, power: 'Halted' },
    ]);
    await settled('xen-a1', [['0000:04:00.0', instance.id], ['0000:05:00.0', instance.id]]);

    await succeeded(RevertResizeDocument, { id: instance.id });
    assert.deepEqual(await vmsOf(instance.uuid), [{ name: vmName, pci: '0/0000:04:00.0', host: 'xen-a1', power: 'Running' }]);
    await settled('xen-a1', [['0000:04:00.0', instance.id], ['0000:05:00.0', null]]);
    await succeeded(DestroyInstanceDocument, { id: instance.id });
    await settled('xen-a1', [['0000:04:00.0', null], ['0000:05:00.0', null]]);
  });

  it('refuses a destination without free matching devices, naming the alias, before any XAPI call', async () => {
    const instance = (await spawnRunning(stack, choices, { name: 'gpu-stuck', flavor: 'g1.small', hostId: choices.host('xen-a1') })).instance!;
    const before = await vmsOf(instance.uuid);
    const calls = stack.app.services.pools.xapiCallCount();
    const refusedMove = await stack.request(MigrateInstanceDocument, { input: { id: instance.id, hostId: choices.host('xen-a3') } }, operator);
    const payload = (refusedMove.data as { instanceMigrate: { __typename: string; message: string } }).instanceMigrate;
    assert.equal(payload.__typename, 'NoValidHostError', JSON.stringify(refusedMove));
    assert.match(payload.message, /xen-a3: not enough free PCI devices \(gpu:1\)/);
    assert.equal(stack.app.services.pools.xapiCallCount(), calls, 'the migration was refused before any XAPI call');
    // With the other GPU of its host and one of xen-a2's taken, no host has two for it (xen-b1 has one).
    const others = [
      (await spawnRunning(stack, choices, { name: 'gpu-beside', flavor: 'g1.small', hostId: choices.host('xen-a1') })).instance!,
      (await spawnRunning(stack, choices, { name: 'gpu-across', flavor: 'g1.small', hostId: choices.host('xen-a2') })).instance!,
    ];
    const beforeResize = stack.app.services.pools.xapiCallCount();
    const refusedResize = await stack.request(ResizeInstanceDocument, { input: { id: instance.id, flavorId: choices.flavor('g2.small') } }, operator);
    const resizePayload = (refusedResize.data as { instanceResize: { __typename: string; message: string } }).instanceResize;
    assert.equal(resizePayload.__typename, 'NoValidHostError', JSON.stringify(refusedResize));
    assert.match(resizePayload.message, /xen-a1: not enough free PCI devices \(gpu:2\)/);
    assert.equal(stack.app.services.pools.xapiCallCount(), beforeResize, 'the resize was refused before any XAPI call');
    assert.deepEqual(await vmsOf(instance.uuid), before);
    for (const { id } of [instance, ...others]) await succeeded(DestroyInstanceDocument, { id });
  });

  it('rolls the move back when XAPI refuses to pass the device through on the destination', async () => {
    const instance = (await spawnRunning(stack, choices, { name: 'gpu-refused', flavor: 'g1.small', hostId: choices.host('xen-a1') })).instance!;
    const before = await vmsOf(instance.uuid);
    stack.sim.faults.add({ method: 'VM.start_on', error: ['DEVICE_ALREADY_ATTACHED', '0000:81:00.0'] });
    const state = await act(MigrateInstanceDocument, { id: instance.id, hostId: choices.host('xen-a2') });
    assert.deepEqual([state.status, state.error?.xapiCode, state.instance?.vmState], ['FAILED', 'DEVICE_ALREADY_ATTACHED', 'ACTIVE']);
    assert.deepEqual(await vmsOf(instance.uuid), before, 'only the original, running on xen-a1 with its GPU');
    await settled('xen-a2', [['0000:81:00.0', null], ['0000:82:00.0', null]]);
    await settled('xen-a1', [['0000:04:00.0', instance.id], ['0000:05:00.0', null]]);
    await succeeded(DestroyInstanceDocument, { id: instance.id });
  });

  it('migrates a GPU instance into another pool, claiming a GPU there; revert brings it back with its own', async () => {
    const instance = (await spawnRunning(stack, choices, { name: 'gpu-away', flavor: 'g1.small', hostId: choices.host('xen-a1') })).instance!;
    const vmName = (await vmsOf(instance.uuid))[0]!.name;
    await succeeded(MigrateInstanceDocument, { id: instance.id, hostId: choices.host('xen-b1') });
    assert.deepEqual(await vmsOf(instance.uuid), [
      { name: vmName, pci: '0/0000:41:00.0', host: 'xen-b1', power: 'Running' },
      { name: `${vmName}-orig`, pci: '0/0000:04:00.0', host: null, power: 'Halted' },
    ]);
    await settled('xen-b1', [['0000:41:00.0', instance.id]]);
    await succeeded(RevertResizeDocument, { id: instance.id });
    assert.deepEqual(await vmsOf(instance.uuid), [{ name: vmName, pci: '0/0000:04:00.0', host: 'xen-a1', power: 'Running' }]);
    await settled('xen-b1', [['0000:41:00.0', null]]);
    await succeeded(DestroyInstanceDocument, { id: instance.id });
  });
});
