// A fault at every XAPI call an action makes: each action runs once without faults while the XAPI methods it
// calls are counted, then once more per distinct method with that method's next call failing. Every run must
// leave XAPI as it found it (no VM, VDI, VBD or VIF more), the instance in a state that tells the truth, and
// a failed Operation carrying XAPI's code.
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { powerStateFromXapi } from '../../src/events/pool-sync.js';
import { iscsiTargets } from '../../src/simulator/classes/iscsi.js';
import {
  AttachVolumeDocument, DestroyInstanceDocument, EjectInstanceCdDocument, LiveMigrateInstanceDocument, MigrateInstanceDocument, RescueInstanceDocument,
  ResizeInstanceDocument, RevertResizeDocument,
  SnapshotInstanceDocument, SpawnInstanceDocument, UnrescueInstanceDocument, type InstanceSpawnInput,
} from '../generated/graphql.js';
import { addBootImages, dom0KernelFiles, type BootImageIds } from '../helpers/boot-images.js';
import { accepted, finished, spawnChoices, xapiSession, type OperationState, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Document, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { leftBehind, NOTHING_LEFT, xapiInventory, type Inventory } from '../helpers/xapi-inventory.js';

const FAULT = ['INTERNAL_ERROR', 'injected by the fault sweep'];
/** Calls of the event feed and of task following are the client's plumbing, not steps of an action. */
const PLUMBING = /^(event|session|task)\./;

let stack: Stack;
let choices: SpawnChoices;
let operator: string;
let bootImages: BootImageIds;
before(async () => {
  stack = await startStack({ timeScale: 0.01 });
  choices = await spawnChoices(stack);
  operator = await stack.tokenFor('operator');
  bootImages = await addBootImages(stack);
});
after(async () => {
  await stack?.stop();
});

/** XAPI calls made so far by xengraph, per method. */
function callCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const link of stack.app.services.pools.list()) {
    for (const [method, calls] of link.client.callCountByMethod) counts.set(method, (counts.get(method) ?? 0) + calls);
  }
  return counts;
}

function methodsCalledSince(before: Map<string, number>): string[] {
  return [...callCounts()].filter(([method, calls]) => calls > (before.get(method) ?? 0) && !PLUMBING.test(method))
    .map(([method]) => method).sort();
}

interface VmRecord {
  readonly name_label: string;
  readonly power_state: string;
  readonly resident_on: string;
  readonly is_a_snapshot: boolean;
  readonly other_config: Record<string, string>;
}

/** The instance's own VM (not a -rescue or -orig twin) in whichever pool holds it, with that pool's session. */
async function instanceVmOnXapi(instanceUuid: string) {
  const found = [];
  for (const pool of stack.sim.pools.keys()) {
    const xapi = await xapiSession(stack, pool);
    const vms = Object.values(await xapi.call('VM.get_all_records') as Record<string, VmRecord>)
      .filter((vm) => vm.other_config.nova_uuid === instanceUuid && !vm.is_a_snapshot && /^instance-[0-9a-f]{8}$/.test(vm.name_label));
    found.push(...vms.map((vm) => ({ vm, xapi })));
  }
  assert.ok(found.length <= 1, 'one VM per instance');
  return found[0] ?? null;
}

/**
 * The instance's [vmState, powerState] once the store agrees with XAPI: the event feed may still be carrying
 * the action's last power changes when its Operation ends.
 */
async function settledInstance(state: OperationState): Promise<[string, string]> {
  const { uuid } = state.instance!;
  const id = decodeGlobalID(state.instance!.id).id;
  return waitUntil(async () => {
    const [instance, onXapi] = await Promise.all([stack.app.services.store.instances.get(id), instanceVmOnXapi(uuid)]);
    const xapiPower = powerStateFromXapi(onXapi?.vm.power_state);
    return instance?.powerState === xapiPower && [instance.vmState, instance.powerState] as [string, string];
  }, 5000, `instance ${uuid} to agree with XAPI`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action's own generated document
async function act(document: Document<any, any>, input: Record<string, unknown>): Promise<OperationState> {
  return finished(stack, accepted(await stack.request(document, { input }, operator)).operation.id);
}

/** An action refused while it was checked (some checks ask XAPI), before anything was recorded. */
interface Refused {
  readonly status: 'REFUSED';
  readonly refusal: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
async function actOrRefuse(document: Document<any, any>, input: Record<string, unknown>): Promise<OperationState | Refused> {
  const result = await stack.request(document, { input }, operator);
  const payload = Object.values((result.data ?? {}) as Record<string, { __typename?: string }>)[0];
  if (payload?.__typename !== 'ActionPayload') return { status: 'REFUSED', refusal: result.errors ?? payload };
  return finished(stack, accepted(result).operation.id);
}

const countsOf = (inventory: Inventory) => Object.fromEntries(Object.entries(inventory).map(([cls, refs]) => [cls, refs.size]));

interface ActionUnderFaults {
  /** Runs the action on the starting state; the Operation has ended. */
  run(): Promise<OperationState | Refused>;
  /** What the instance must show after the action failed, and after it succeeded. */
  readonly afterFailure: readonly [vmState: string, powerState: string];
  readonly afterSuccess: readonly [vmState: string, powerState: string];
  /** Brings a succeeded run back to the starting state. */
  undo(state: OperationState): Promise<void>;
  /** What else must hold after the run (where the instance is, its flavor). */
  check?(state: OperationState): Promise<void>;
}

/** The baseline run, then one run per XAPI method it called with that method failing once. */
async function sweep(t: TestContext, action: ActionUnderFaults): Promise<void> {
  const counted = callCounts();
  const baseline = await action.run();
  assert.ok(baseline.status === 'SUCCEEDED', JSON.stringify(baseline));
  const methods = methodsCalledSince(counted);
  await action.undo(baseline);
  assert.ok(methods.length > 0, 'the action calls XAPI');
  for (const method of methods) {
    await t.test(method, async () => {
      const inventory = await xapiInventory(stack);
      stack.sim.faults.add({ method, error: FAULT });
      const state = await action.run();
      stack.sim.faults.clear();
      if (state.status === 'REFUSED') {
        // Nothing was recorded or started; the refusal passes XAPI's word on.
        assert.match(JSON.stringify(state.refusal), new RegExp(FAULT[0]!));
        assert.deepEqual(leftBehind(inventory, await xapiInventory(stack)), NOTHING_LEFT);
        return;
      }
      const instance = await settledInstance(state);
      await action.check?.(state);
      if (state.status === 'SUCCEEDED') {
        // The fault struck a call the action may do without (or the event feed's own). Undoing the action may
        // make new objects in place of the old (disks copied back): as many as before, none more.
        assert.deepEqual(instance, action.afterSuccess);
        await action.undo(state);
        assert.deepEqual(countsOf(await xapiInventory(stack)), countsOf(inventory));
        return;
      }
      assert.equal(state.status, 'FAILED');
      assert.equal(state.error?.xapiCode, FAULT[0], JSON.stringify(state.error));
      assert.deepEqual(instance, action.afterFailure, JSON.stringify(state.error));
      assert.deepEqual(leftBehind(inventory, await xapiInventory(stack)), NOTHING_LEFT, JSON.stringify(state.error));
    });
  }
}

/** Where the store has the instance and with what flavor, by name. */
async function placement(state: OperationState): Promise<{ host: string | null; flavor: string | null }> {
  const { store } = stack.app.services;
  const instance = (await store.instances.get(decodeGlobalID(state.instance!.id).id))!;
  const [host, flavor] = await Promise.all([store.hosts.get(instance.hostId ?? ''), store.flavors.get(instance.flavorId ?? '')]);
  return { host: host?.name ?? null, flavor: flavor?.name ?? null };
}

/** Waits (briefly) for `probe` to give `expected`, as the event feed catches up; fails with the last answer. */
async function eventually<T>(probe: () => Promise<T>, expected: T): Promise<void> {
  let last: T | undefined;
  await waitUntil(async () => {
    last = await probe();
    return JSON.stringify(last) === JSON.stringify(expected);
  }, 5000).catch(() => undefined);
  assert.deepEqual(last, expected);
}

/** The host XAPI says the instance's VM runs on, by name. */
async function residence(state: OperationState): Promise<string | null> {
  const onXapi = await instanceVmOnXapi(state.instance!.uuid);
  if (!onXapi || onXapi.vm.resident_on === 'OpaqueRef:NULL') return null;
  return onXapi.xapi.call('host.get_name_label', onXapi.vm.resident_on);
}

/** A move's check: the store and XAPI agree the instance is on `destination`, or still on xen-a1 if it failed. */
function endsOn(destination: string) {
  return async (state: OperationState) => {
    const where = state.status === 'FAILED' ? 'xen-a1' : destination;
    await eventually(async () => [(await placement(state)).host, await residence(state)], [where, where]);
  };
}

async function destroy(instanceId: string): Promise<void> {
  const state = await act(DestroyInstanceDocument, { id: instanceId });
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
}

async function spawnInstance(input: Partial<InstanceSpawnInput> = {}): Promise<OperationState> {
  return act(SpawnInstanceDocument, {
    name: 'swept', flavorId: choices.flavor('m1.small'), imageId: choices.image('cirros'), networkIds: [choices.network('eth0')],
    metadata: { role: 'sweep' }, ...input,
  });
}

async function runningInstance(name: string): Promise<string> {
  const state = await spawnInstance({ name, hostId: choices.host('xen-a1') });
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
  return state.instance!.id;
}

/** Attaches LUN `lun` of pool-a's iSCSI target to the instance on /dev/xvdb. */
async function attachIscsiVolume(id: string, lun: number, volumeId: string): Promise<void> {
  const target = iscsiTargets(stack.sim.world).find((found) => found.iqn.endsWith(':pool-a'))!;
  const attached = await act(AttachVolumeDocument, {
    id, mountpoint: '/dev/xvdb',
    connectionInfo: {
      driverVolumeType: 'iscsi', targetPortal: `${target.address}:${target.port}`, targetIqn: target.iqn, targetLun: lun,
      authMethod: 'CHAP', authUsername: target.chap!.user, authPassword: target.chap!.secret, volumeId,
    },
  });
  assert.equal(attached.status, 'SUCCEEDED', JSON.stringify(attached.error));
}

describe('a fault at every XAPI call', () => {
  it('of instanceSpawn (disks, config drive, security groups) leaves nothing behind', async (t) => {
    const flavor = await stack.app.services.store.flavors.create({ name: 'sweep.disks', vcpus: 1, memoryMb: 1024, rootGb: 20, swapMb: 256, ephemeralGb: 1 });
    const group = await stack.app.services.store.securityGroups.create({ name: 'sweep', description: '' });
    const flavorId = Buffer.from(`Flavor:${flavor.id}`).toString('base64');
    const securityGroupId = Buffer.from(`SecurityGroup:${group.id}`).toString('base64');
    // The base image is cached once: every run starts from the same pool.
    await destroy((await spawnInstance()).instance!.id);
    await sweep(t, {
      run: () => spawnInstance({ flavorId, configDrive: true, securityGroupIds: [securityGroupId] }),
      afterFailure: ['ERROR', 'NOSTATE'],
      afterSuccess: ['ACTIVE', 'RUNNING'],
      undo: (state) => destroy(state.instance!.id),
    });
  });

  it('of instanceSpawn booting from a volume, with a second volume, leaves no SR, PBD, VBD or VDI behind', async (t) => {
    const target = iscsiTargets(stack.sim.world).find((found) => found.iqn.endsWith(':pool-a'))!;
    const volume = (lun: number, mountpoint: string) => ({
      mountpoint, connectionInfo: {
        driverVolumeType: 'iscsi', targetPortal: `${target.address}:${target.port}`, targetIqn: target.iqn, targetLun: lun,
        authMethod: 'CHAP', authUsername: target.chap!.user, authPassword: target.chap!.secret, volumeId: `swept-${lun}`,
      },
    });
    await sweep(t, {
      run: () => spawnInstance({ name: 'swept-volumes', imageId: null, networkIds: [], metadata: {}, volumes: [volume(3, '/dev/xvda'), volume(4, '/dev/xvdb')] }),
      afterFailure: ['ERROR', 'NOSTATE'],
      afterSuccess: ['ACTIVE', 'RUNNING'],
      undo: (state) => destroy(state.instance!.id),
    });
  });

  it('of instanceSpawn from an ISO (blank root disk, ISO copy, CD) leaves nothing behind', async (t) => {
    await sweep(t, {
      run: () => spawnInstance({ imageId: bootImages.iso, hostId: choices.host('xen-a1') }),
      afterFailure: ['ERROR', 'NOSTATE'],
      afterSuccess: ['ACTIVE', 'RUNNING'],
      undo: (state) => destroy(state.instance!.id),
    });
  });

  it('of instanceSpawn with a kernel and ramdisk leaves nothing behind, in dom0 either', async (t) => {
    await sweep(t, {
      run: () => spawnInstance({ imageId: bootImages.ami, hostId: choices.host('xen-a1') }),
      afterFailure: ['ERROR', 'NOSTATE'],
      afterSuccess: ['ACTIVE', 'RUNNING'],
      undo: async (state) => {
        await destroy(state.instance!.id);
        assert.deepEqual(dom0KernelFiles(stack), []);
      },
      check: async (state) => {
        if (state.status === 'FAILED') assert.deepEqual(dom0KernelFiles(stack), [], JSON.stringify(state.error));
      },
    });
  });

  it('of instanceEjectCd leaves the disc in the drive, or the drive empty and the copy gone', async (t) => {
    const spawnInstaller = async () => {
      const spawned = await spawnInstance({ name: 'ejected', imageId: bootImages.iso, hostId: choices.host('xen-a1') });
      assert.equal(spawned.status, 'SUCCEEDED', JSON.stringify(spawned.error));
      return spawned.instance!.id;
    };
    let id = await spawnInstaller();
    await sweep(t, {
      run: () => actOrRefuse(EjectInstanceCdDocument, { id }),
      afterFailure: ['ACTIVE', 'RUNNING'],
      afterSuccess: ['ACTIVE', 'RUNNING'],
      // A new instance with its disc: as many objects as before the eject.
      undo: async () => {
        await destroy(id);
        id = await spawnInstaller();
      },
    });
  });

  it('of instanceRescue leaves nothing behind and the instance running', async (t) => {
    const id = await runningInstance('rescued');
    await sweep(t, {
      run: () => act(RescueInstanceDocument, { id }),
      afterFailure: ['ACTIVE', 'RUNNING'],
      afterSuccess: ['RESCUED', 'SHUTDOWN'],
      undo: async () => assert.equal((await act(UnrescueInstanceDocument, { id })).status, 'SUCCEEDED'),
    });
  });

  it('of instanceSnapshot leaves nothing behind and the instance running', async (t) => {
    const id = await runningInstance('snapshotted');
    await sweep(t, {
      run: () => act(SnapshotInstanceDocument, { id, name: 'swept snapshot' }),
      afterFailure: ['ACTIVE', 'RUNNING'],
      afterSuccess: ['ACTIVE', 'RUNNING'],
      undo: async () => undefined,
    });
  });

  it('of instanceResize leaves nothing behind and the instance running on its flavor', async (t) => {
    const id = await runningInstance('resized');
    await sweep(t, {
      run: () => act(ResizeInstanceDocument, { id, flavorId: choices.flavor('m1.medium') }),
      afterFailure: ['ACTIVE', 'RUNNING'],
      afterSuccess: ['RESIZED', 'RUNNING'],
      undo: async () => assert.equal((await act(RevertResizeDocument, { id })).status, 'SUCCEEDED'),
      check: async (state) => {
        if (state.status === 'FAILED') await eventually(() => placement(state), { host: 'xen-a1', flavor: 'm1.small' });
      },
    });
  });

  for (const [kind, lun] of [['(storage motion)', null], ['with a volume attached', 2]] as const) {
    it(`of instanceMigrate to another pool ${kind} leaves nothing behind and the instance running where it was`, async (t) => {
      const id = await runningInstance(lun === null ? 'emigrated-cold' : 'emigrated-cold-with-volume');
      // The volume goes to the other pool and back: re-introduced there and here, with new refs.
      if (lun !== null) await attachIscsiVolume(id, lun, 'vol-swept-cold');
      await sweep(t, {
        run: () => act(MigrateInstanceDocument, { id, hostId: choices.host('xen-b1') }),
        afterFailure: ['ACTIVE', 'RUNNING'],
        afterSuccess: ['RESIZED', 'RUNNING'],
        undo: async () => assert.equal((await act(RevertResizeDocument, { id })).status, 'SUCCEEDED'),
        check: endsOn('xen-b1'),
      });
    });
  }

  it('of instanceLiveMigrate to another pool with a volume attached leaves nothing behind and the instance running where it was', async (t) => {
    const id = await runningInstance('emigrated-with-volume');
    await attachIscsiVolume(id, 4, 'vol-swept');
    await sweep(t, {
      run: () => actOrRefuse(LiveMigrateInstanceDocument, { id, hostId: choices.host('xen-b1') }),
      afterFailure: ['ACTIVE', 'RUNNING'],
      afterSuccess: ['ACTIVE', 'RUNNING'],
      undo: async () => assert.equal((await act(LiveMigrateInstanceDocument, { id, hostId: choices.host('xen-a1') })).status, 'SUCCEEDED'),
      check: endsOn('xen-b1'),
    });
  });

  for (const [kind, destination] of [['within the pool', 'xen-a2'], ['to another pool (block migration)', 'xen-b1']]) {
    it(`of instanceLiveMigrate ${kind} leaves nothing behind and the instance running where it was`, async (t) => {
      const id = await runningInstance(`migrated-to-${destination}`);
      await sweep(t, {
        run: () => actOrRefuse(LiveMigrateInstanceDocument, { id, hostId: choices.host(destination) }),
        afterFailure: ['ACTIVE', 'RUNNING'],
        afterSuccess: ['ACTIVE', 'RUNNING'],
        undo: async () => assert.equal((await act(LiveMigrateInstanceDocument, { id, hostId: choices.host('xen-a1') })).status, 'SUCCEEDED'),
        check: endsOn(destination),
      });
    });
  }
});
