// Rescue, unrescue, destroy, metadata and get_info end to end: instances spawned through the API, each
// action checked on XAPI (VMs, VBD devices, VDIs, bootlocks, xenstore) and in what the API then reports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  DestroyInstanceDocument, InstanceDetailDocument, InstanceEventKindsDocument, InstanceLookupDocument,
  SpawnChoicesDocument, LiveInstanceNamesDocument, OperationOutcomeDocument, OperationProgressFeedDocument, RescueInstanceDocument,
  SpawnInstanceDocument, UnrescueInstanceDocument, UpdateInstanceMetadataDocument,
  type InstanceDetailQuery, type OperationOutcomeQuery,
} from '../generated/graphql.js';
import { actionRunner, assertProgressThroughSteps, vdiExists as vdiExistsOn, vmNamed as vmNamedOn } from '../helpers/driver.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { INSTANCE_ACTIONS } from '../../src/driver/actions/index.js';
import { recoverInterruptedOperations } from '../../src/operations/recovery.js';

type Operation = Extract<NonNullable<OperationOutcomeQuery['node']>, { kind: string }>;
type InstanceDetail = Extract<NonNullable<InstanceDetailQuery['node']>, { vmName: string }>;
type Xapi = Awaited<ReturnType<typeof jsonSession>>;
interface VbdView { device: string; vdi: string; bootable: boolean }

let stack: Stack;
let xapi: Xapi;
let operator: string;
let choices: { flavorId: string; imageId: string };
let networkId: string;

before(async () => {
  stack = await startStack();
  xapi = await jsonSession(stack.sim.pools[0].masterUrl, stack.simPassword);
  operator = await stack.tokenFor('operator');
  const { data } = await stack.request(SpawnChoicesDocument, {}, operator);
  const byName = <T extends { name: string }>(edges: { node: T }[], name: string) => edges.find((e) => e.node.name.startsWith(name))!.node;
  choices = {
    flavorId: (byName(data!.flavors.edges, 'm1.tiny') as { id: string }).id,
    imageId: (byName(data!.images.edges, 'cirros') as { id: string }).id,
  };
  networkId = data!.networks.edges[0]!.node.id;
});
after(async () => {
  await stack?.stop();
});

// ---------------------------------------------------------------------------------------------------------
// What a user does: submit, then follow the operation until it ends

const { submit, finished, act } = actionRunner<Operation>(() => stack, () => operator, OperationOutcomeDocument);

async function detail(id: string): Promise<InstanceDetail> {
  const { data } = await stack.request(InstanceDetailDocument, { id }, operator);
  return data!.node as InstanceDetail;
}

async function spawn(name: string, metadata: Record<string, string> = {}): Promise<InstanceDetail> {
  const payload = await submit(SpawnInstanceDocument, { name, ...choices, networkIds: [networkId], metadata });
  assert.equal(payload.__typename, 'ActionPayload', JSON.stringify(payload));
  const operation = await finished(payload.operation.id);
  assert.equal(operation.status, 'SUCCEEDED', JSON.stringify(operation.error));
  return detail(payload.instance.id);
}

// ---------------------------------------------------------------------------------------------------------
// What XAPI shows

const vmNamed = (name: string) => vmNamedOn(xapi, name);

async function vbdsOf(vm: string): Promise<VbdView[]> {
  const views: VbdView[] = [];
  for (const vbd of await xapi.call('VM.get_VBDs', vm) as string[]) {
    const record = await xapi.call('VBD.get_record', vbd);
    views.push({ device: record.userdevice, vdi: record.VDI, bootable: record.bootable });
  }
  return views.sort((a, b) => a.device.localeCompare(b.device));
}

const vdiExists = (vdi: string) => vdiExistsOn(xapi, vdi);

async function rootOf(vm: string): Promise<string> {
  return (await vbdsOf(vm)).find((vbd) => vbd.device === '0')!.vdi;
}

// ---------------------------------------------------------------------------------------------------------

describe('rescue and unrescue', () => {
  let instance: InstanceDetail;
  let vm: string;
  let root: string;

  before(async () => {
    instance = await spawn('rescue-me');
    vm = (await vmNamed(instance.vmName))!;
    root = await rootOf(vm);
  });

  it('boots <vm>-rescue from the image with the original root on device 1, the original halted behind a bootlock', async () => {
    // Held back a moment so the progress feed is attached before the first step ends.
    stack.sim.faults.add({ method: 'VM.get_by_name_label', latencyMs: 300 });
    const payload = await submit(RescueInstanceDocument, { id: instance.id, password: 'rescue-secret' });
    const feed = stack.subscribe(OperationProgressFeedDocument, { id: payload.operation.id }, operator);
    const steps: { percent: number; phase: string | null }[] = [];
    for await (const result of feed) {
      const update = result.data!.operationUpdated;
      if (steps.at(-1)?.percent !== update.progress.percent) steps.push(update.progress);
    }
    // Nova's rescue: eleven steps, round(done / 11 × 100) after each; step 7b mounts the original's disks.
    assertProgressThroughSteps(steps.map((s) => s.percent), [0, 9, 18, 27, 36, 45, 55, 64, 73, 82, 91, 100]);
    assert.equal(steps.find((s) => s.percent === 73)?.phase, 'attaching the original disks');
    const operation = await finished(payload.operation.id);
    assert.equal(operation.status, 'SUCCEEDED', JSON.stringify(operation.error));
    assert.equal((operation.result as { passwordSet: boolean }).passwordSet, false);
    const recorded = await stack.app.services.store.operations.get(operation.id);
    assert.ok(!JSON.stringify(recorded).includes('rescue-secret'), 'the rescue password is stored nowhere');

    const rescue = await vmNamed(`${instance.vmName}-rescue`);
    assert.ok(rescue, 'the rescue VM exists');
    const rescueRecord = await xapi.call('VM.get_record', rescue);
    assert.equal(rescueRecord.power_state, 'Running');
    assert.equal(rescueRecord.xenstore_data['vm-data/hostname'], 'RESCUE-rescue-me');
    const devices = await vbdsOf(rescue);
    assert.deepEqual(devices.map((d) => d.device), ['0', '1'], 'own root and the original root; no swap or ephemeral');
    assert.notEqual(devices[0]!.vdi, root);
    assert.equal(devices[0]!.bootable, true);
    assert.equal(devices[1]!.vdi, root, 'the original root is on device 1');
    assert.equal(await xapi.call('VDI.get_name_label', devices[0]!.vdi), `${instance.vmName}-rescue`);

    const original = await xapi.call('VM.get_record', vm);
    assert.equal(original.power_state, 'Halted');
    assert.ok('start' in original.blocked_operations, 'the original cannot be started while rescued');
    const now = await detail(instance.id);
    assert.deepEqual([now.vmState, now.powerState, now.taskState], ['RESCUED', 'SHUTDOWN', null]);
  });

  it('refuses a second rescue before touching XAPI', async () => {
    const calls = stack.app.services.pools.xapiCallCount();
    const refused = await submit(RescueInstanceDocument, { id: instance.id });
    assert.deepEqual([refused.__typename, refused.currentState], ['InvalidStateError', 'RESCUED']);
    assert.equal(stack.app.services.pools.xapiCallCount(), calls);
  });

  it('unrescue removes the rescue VM and only its own disks, unblocks and starts the original', async () => {
    const rescue = (await vmNamed(`${instance.vmName}-rescue`))!;
    const rescueRoot = (await vbdsOf(rescue)).find((d) => d.device === '0')!.vdi;
    await act(UnrescueInstanceDocument, { id: instance.id });

    assert.equal(await vmNamed(`${instance.vmName}-rescue`), null);
    assert.equal(await vdiExists(rescueRoot), false, 'the rescue root is destroyed');
    assert.equal(await vdiExists(root), true, 'the original root survives');
    const original = await xapi.call('VM.get_record', vm);
    assert.equal(original.power_state, 'Running');
    assert.equal('start' in original.blocked_operations, false, 'bootlock released');
    assert.deepEqual((await vbdsOf(vm)).map((d) => [d.device, d.vdi]), [['0', root]]);
    const now = await detail(instance.id);
    assert.deepEqual([now.vmState, now.powerState], ['ACTIVE', 'RUNNING']);
  });

  it('refuses to unrescue an instance that is not in rescue mode, with no XAPI call and no change', async () => {
    const calls = stack.app.services.pools.xapiCallCount();
    const refused = await submit(UnrescueInstanceDocument, { id: instance.id });
    assert.deepEqual([refused.__typename, refused.code, refused.currentState, refused.allowedStates], ['InvalidStateError', 'INVALID_STATE', 'ACTIVE', ['RESCUED']]);
    assert.match(refused.message, /not in rescue mode/);
    assert.equal(stack.app.services.pools.xapiCallCount(), calls);
    const now = await detail(instance.id);
    assert.deepEqual([now.vmState, now.powerState, now.taskState], ['ACTIVE', 'RUNNING', null]);
  });

  it('rolls a failed rescue back: no rescue VM or disk left, the original unblocked and running again', async () => {
    stack.sim.faults.add({ method: 'VM.start_on', error: ['INTERNAL_ERROR', 'injected: rescue boot fails'] });
    const operation = await act(RescueInstanceDocument, { id: instance.id }, 'FAILED');
    assert.equal(operation.error?.xapiCode, 'INTERNAL_ERROR');
    assert.equal(await vmNamed(`${instance.vmName}-rescue`), null);
    const leftovers = await xapi.call('VDI.get_all_records_where', `field "name__label"="${instance.vmName}-rescue"`);
    assert.deepEqual(Object.keys(leftovers), []);
    const original = await xapi.call('VM.get_record', vm);
    assert.equal(original.power_state, 'Running');
    assert.equal('start' in original.blocked_operations, false);
    assert.equal(await vdiExists(root), true);
    const now = await detail(instance.id);
    assert.deepEqual([now.vmState, now.powerState], ['ACTIVE', 'RUNNING']);
  });
});

describe('metadata and get_info', () => {
  let instance: InstanceDetail;
  let vm: string;

  before(async () => {
    instance = await spawn('meta-data', { role: 'web', owner: 'ops' });
    vm = (await vmNamed(instance.vmName))!;
  });

  it('sets and removes keys in the instance and in the VM\'s param and live xenstore', async () => {
    const before = await xapi.call('VM.get_xenstore_data', vm);
    assert.equal(before['vm-data/user-metadata/role'], '"web"', 'spawn wrote the metadata');
    const operation = await act(UpdateInstanceMetadataDocument, { id: instance.id, set: { tier: 'gold', 'a.b': 'x y' }, remove: ['role'] });
    assert.equal((operation.result as { liveXenstoreUpdated: boolean }).liveXenstoreUpdated, true);

    const xenstore = await xapi.call('VM.get_xenstore_data', vm);
    assert.equal(xenstore['vm-data/user-metadata/tier'], '"gold"');
    assert.equal(xenstore['vm-data/user-metadata/a_b'], '"x y"', 'keys are sanitised, values JSON-encoded');
    assert.equal(xenstore['vm-data/user-metadata/owner'], '"ops"');
    assert.equal('vm-data/user-metadata/role' in xenstore, false);
    assert.deepEqual((await detail(instance.id)).metadata, { owner: 'ops', tier: 'gold', 'a.b': 'x y' });

    const [domid, host] = [String(await xapi.call('VM.get_domid', vm)), await xapi.call('VM.get_resident_on', vm)];
    const live = (path: string) => xapi.call('host.call_plugin', host, 'xenstore.py', 'read_record', { dom_id: domid, path, ignore_missing_path: 'True' });
    assert.equal(await live('vm-data/user-metadata/tier'), '"gold"', 'the running guest sees the change at once');
    assert.equal(await live('vm-data/user-metadata/role'), '"None"');
  });

  it('refuses a key both set and removed', async () => {
    const refused = await submit(UpdateInstanceMetadataDocument, { id: instance.id, set: { tier: 'silver' }, remove: ['tier'] });
    assert.deepEqual([refused.__typename, refused.path], ['InvalidInputError', ['input', 'remove']]);
  });

  it('reports the VM\'s memory and vCPUs as Nova\'s get_info did, and finds instances by uuid and VM name', async () => {
    const now = await detail(instance.id);
    assert.deepEqual(now.info, { maxMemKb: 512 * 1024, memKb: 512 * 1024, numCpu: 1, cpuTimeNs: 0 });
    for (const variables of [{ uuid: instance.uuid }, { name: 'meta-data' }, { name: instance.vmName }]) {
      const { data } = await stack.request(InstanceLookupDocument, variables, operator);
      assert.equal(data?.instance?.id, instance.id, JSON.stringify(variables));
    }
  });
});

describe('destroy', () => {
  it('removes the VM and its disks, releases its addresses and marks the instance DELETED', async () => {
    const instance = await spawn('destroy-all');
    const vm = (await vmNamed(instance.vmName))!;
    const root = await rootOf(vm);
    const addresses = () => stack.app.services.store.vifs.listForInstance(decodeGlobalID(instance.id).id);
    assert.equal((await addresses()).length, 1);
    const events = stack.subscribe(InstanceEventKindsDocument, { filter: { instanceId: instance.id, kinds: ['INSTANCE_DELETED'] } }, operator);
    try {
      const deleted = events.next();
      await act(DestroyInstanceDocument, { id: instance.id });
      assert.equal(await vmNamed(instance.vmName), null);
      assert.equal(await vdiExists(root), false);
      assert.equal((await addresses()).length, 0, 'addresses released');
      const now = await detail(instance.id);
      assert.deepEqual([now.vmState, now.powerState, now.info], ['DELETED', 'NOSTATE', null]);
      assert.ok(now.deletedAt);
      const event = await deleted;
      assert.deepEqual(event.value?.data, { instanceEvents: { kind: 'INSTANCE_DELETED', instance: { id: instance.id } } });
    } finally {
      await events.return?.();
    }
    const listed = await stack.request(LiveInstanceNamesDocument, { filter: { nameContains: 'destroy-all' } }, operator);
    assert.deepEqual(listed.data?.instances.edges, []);
    const lookup = await stack.request(InstanceLookupDocument, { uuid: instance.uuid }, operator);
    assert.equal(lookup.data?.instance, null);
    const again = await submit(DestroyInstanceDocument, { id: instance.id });
    assert.equal(again.__typename, 'NotFoundError');
  });

  it('keeps the disks when asked, and removes a rescue VM with only its own disks', async () => {
    const instance = await spawn('destroy-keep');
    const vm = (await vmNamed(instance.vmName))!;
    const root = await rootOf(vm);
    await act(RescueInstanceDocument, { id: instance.id, imageId: choices.imageId });
    const rescue = (await vmNamed(`${instance.vmName}-rescue`))!;
    const rescueRoot = (await vbdsOf(rescue)).find((d) => d.device === '0')!.vdi;

    const operation = await act(DestroyInstanceDocument, { id: instance.id, deleteDisks: false });
    assert.deepEqual(operation.result, {
      vmDestroyed: true, disksDestroyed: false, addressesReleased: 1, volumesDetached: [], volumesMarkedForDeletion: [],
    });
    assert.equal(await vmNamed(`${instance.vmName}-rescue`), null);
    assert.equal(await vdiExists(rescueRoot), false, 'the rescue VM\'s own disk goes with it');
    assert.equal(await vmNamed(instance.vmName), null);
    assert.equal(await vdiExists(root), true, 'the instance\'s disk is kept');
    assert.equal((await detail(instance.id)).vmState, 'DELETED');
  });

  it('destroys an instance whose spawn failed and that has no VM', async () => {
    stack.sim.faults.add({ method: 'VM.create', error: ['INTERNAL_ERROR', 'injected: no VM for you'] });
    const payload = await submit(SpawnInstanceDocument, { name: 'spawn-fails', ...choices, networkIds: [networkId] });
    const spawnOperation = await finished(payload.operation.id);
    assert.equal(spawnOperation.status, 'FAILED');
    const failed = await detail(payload.instance.id);
    assert.deepEqual([failed.vmState, failed.info], ['ERROR', null]);

    await act(DestroyInstanceDocument, { id: failed.id });
    const now = await detail(failed.id);
    assert.deepEqual([now.vmState, now.powerState], ['DELETED', 'NOSTATE']);
  });

  it('destroys a VM xengraph did not create, found by its uuid', async () => {
    const [template] = await xapi.call('VM.get_by_name_label', 'Debian Bookworm 12');
    const vm: string = await xapi.call('VM.clone', template, 'found-on-pool');
    await xapi.call('VM.provision', vm);
    await xapi.call('VM.set_is_a_template', vm, false);
    const found = await waitUntil(async () => (await stack.request(InstanceLookupDocument, { name: 'found-on-pool' }, operator)).data?.instance ?? undefined, 5000, 'the VM to be listed');
    await act(DestroyInstanceDocument, { id: found.id });
    assert.equal(await vmNamed('found-on-pool'), null);
    assert.equal((await detail(found.id)).vmState, 'DELETED');
  });
});

describe('after a restart in the middle of an action', () => {
  /** Records an operation as a process that then died would have left it, and runs start-up recovery. */
  async function interrupted(kind: string, instanceId: string, input: Record<string, unknown>): Promise<Operation> {
    const { store, operations } = stack.app.services;
    const { id } = decodeGlobalID(instanceId);
    const operation = await store.operations.create({ kind, requestedBy: 'test', instanceId: id, input });
    await store.operations.update(operation.id, { status: 'RUNNING', startedAt: new Date() });
    await recoverInterruptedOperations(stack.app.services, operations, INSTANCE_ACTIONS);
    return finished(encodeGlobalID('Operation', operation.id));
  }

  it('finishes an interrupted destroy', async () => {
    const instance = await spawn('destroy-interrupted');
    const operation = await interrupted('instance.destroy', instance.id, { deleteDisks: true });
    assert.equal(operation.status, 'SUCCEEDED');
    assert.equal(await vmNamed(instance.vmName), null);
    const now = await detail(instance.id);
    assert.deepEqual([now.vmState, now.taskState], ['DELETED', null]);
  });

  it('rolls back an interrupted rescue whose rescue VM never ran', async () => {
    const instance = await spawn('rescue-interrupted');
    const vm = (await vmNamed(instance.vmName))!;
    const root = await rootOf(vm);
    // What a rescue leaves when it dies while building: the original stopped and locked, a halted twin.
    await xapi.call('VM.hard_shutdown', vm);
    await xapi.call('VM.set_blocked_operations', vm, { start: '' });
    const [template] = await xapi.call('VM.get_by_name_label', 'Debian Bookworm 12');
    const twin: string = await xapi.call('VM.clone', template, `${instance.vmName}-rescue`);
    await xapi.call('VM.set_is_a_template', twin, false);
    await stack.app.services.store.instances.update(decodeGlobalID(instance.id).id, { taskState: 'rescuing' });

    const operation = await interrupted('instance.rescue', instance.id, { imageId: null });
    assert.equal(operation.status, 'FAILED');
    assert.equal(await vmNamed(`${instance.vmName}-rescue`), null);
    const original = await xapi.call('VM.get_record', vm);
    assert.equal('start' in original.blocked_operations, false, 'bootlock released');
    assert.equal(await vdiExists(root), true);
    const now = await detail(instance.id);
    assert.deepEqual([now.vmState, now.powerState, now.taskState], ['STOPPED', 'SHUTDOWN', null]);
  });
});
