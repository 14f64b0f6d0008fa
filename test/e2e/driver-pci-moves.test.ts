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
  /** A running g1.small instance on `host`, with its VM's name. */
  const gpuInstance = async (name: string, host = 'xen-a1') => {
    const { id, uuid } = (await spawnRunning(stack, choices, { name, flavor: 'g1.small', hostId: choices.host(host) })).instance!;
    return { id, uuid, vmName: (await vmsOf(uuid))[0]!.name };
  };
  /** After a move: the new VM runs on `host` passing `pci` through, beside -orig, halted, still naming its GPU. */
  const assertMoved = async (instance: { uuid: string; vmName: string }, pci: string, host: string) => assert.deepEqual(await vmsOf(instance.uuid), [
    { name: instance.vmName, pci, host, power: 'Running' },
    { name: `${instance.vmName}-orig`, pci: '0/0000:04:00.0', host: null, power: 'Halted' },
  ]);
  /** Only the instance's own VM is left, running on `host` passing `pci` through. */
  const assertSettled = async (instance: { uuid: string; vmName: string }, pci: string, host: string) =>
    assert.deepEqual(await vmsOf(instance.uuid), [{ name: instance.vmName, pci, host, power: 'Running' }]);
  /** The message of the NoValidHostError an action was refused with. */
  const noValidHost = async (document: Parameters<Stack['request']>[0], input: Record<string, unknown>) => {
    const result = await stack.request(document, { input }, operator);
    const payload = Object.values(result.data as Record<string, { __typename: string; message: string }>)[0]!;
    assert.equal(payload.__typename, 'NoValidHostError', JSON.stringify(result));
    return payload.message;
  };
  const settled = (hostName: string, expected: unknown[][]) =>
    waitUntil(async () => JSON.stringify(await holders(hostName)) === JSON.stringify(expected), 10_000, `${hostName}'s devices to be ${JSON.stringify(expected)}`);

  it('migrates a GPU instance to a host with a free GPU, which the new VM claims; confirm frees the source\'s', async () => {
    const instance = await gpuInstance('gpu-cold');
    await succeeded(MigrateInstanceDocument, { id: instance.id, hostId: choices.host('xen-a2') });
    await assertMoved(instance, '0/0000:81:00.0', 'xen-a2');
    // Until confirmed, the original keeps its GPU for a revert.
    await settled('xen-a1', [['0000:04:00.0', instance.id], ['0000:05:00.0', null]]);
    await settled('xen-a2', [['0000:81:00.0', instance.id], ['0000:82:00.0', null]]);

    await succeeded(ConfirmResizeDocument, { id: instance.id });
    await assertSettled(instance, '0/0000:81:00.0', 'xen-a2');
    await settled('xen-a1', [['0000:04:00.0', null], ['0000:05:00.0', null]]);
    await succeeded(DestroyInstanceDocument, { id: instance.id });
    await settled('xen-a2', [['0000:81:00.0', null], ['0000:82:00.0', null]]);
  });

  it('resizes to a flavor asking for two GPUs on the same host, reusing its own; revert gives the original back its one', async () => {
    const instance = await gpuInstance('gpu-grow');
    await succeeded(ResizeInstanceDocument, { id: instance.id, flavorId: choices.flavor('g2.small') });
    await assertMoved(instance, '0/0000:04:00.0,1/0000:05:00.0', 'xen-a1');
    await settled('xen-a1', [['0000:04:00.0', instance.id], ['0000:05:00.0', instance.id]]);

    await succeeded(RevertResizeDocument, { id: instance.id });
    await assertSettled(instance, '0/0000:04:00.0', 'xen-a1');
    await settled('xen-a1', [['0000:04:00.0', instance.id], ['0000:05:00.0', null]]);
    await succeeded(DestroyInstanceDocument, { id: instance.id });
    await settled('xen-a1', [['0000:04:00.0', null], ['0000:05:00.0', null]]);
  });

  it('refuses a destination without free matching devices, naming the alias, before any XAPI call', async () => {
    const instance = await gpuInstance('gpu-stuck');
    const before = await vmsOf(instance.uuid);
    const calls = stack.app.services.pools.xapiCallCount();
    assert.match(await noValidHost(MigrateInstanceDocument, { id: instance.id, hostId: choices.host('xen-a3') }), /xen-a3: not enough free PCI devices \(gpu:1\)/);
    assert.equal(stack.app.services.pools.xapiCallCount(), calls, 'the migration was refused before any XAPI call');
    // With the other GPU of its host and one of xen-a2's taken, no host has two for it (xen-b1 has one).
    const others = [await gpuInstance('gpu-beside', 'xen-a1'), await gpuInstance('gpu-across', 'xen-a2')];
    const beforeResize = stack.app.services.pools.xapiCallCount();
    assert.match(await noValidHost(ResizeInstanceDocument, { id: instance.id, flavorId: choices.flavor('g2.small') }), /xen-a1: not enough free PCI devices \(gpu:2\)/);
    assert.equal(stack.app.services.pools.xapiCallCount(), beforeResize, 'the resize was refused before any XAPI call');
    assert.deepEqual(await vmsOf(instance.uuid), before);
    for (const { id } of [instance, ...others]) await succeeded(DestroyInstanceDocument, { id });
  });

  it('rolls the move back when XAPI refuses to pass the device through on the destination', async () => {
    const instance = await gpuInstance('gpu-refused');
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
    const instance = await gpuInstance('gpu-away');
    await succeeded(MigrateInstanceDocument, { id: instance.id, hostId: choices.host('xen-b1') });
    await assertMoved(instance, '0/0000:41:00.0', 'xen-b1');
    await settled('xen-b1', [['0000:41:00.0', instance.id]]);
    await succeeded(RevertResizeDocument, { id: instance.id });
    await assertSettled(instance, '0/0000:04:00.0', 'xen-a1');
    await settled('xen-b1', [['0000:41:00.0', null]]);
    await succeeded(DestroyInstanceDocument, { id: instance.id });
  });
});
