// instanceSnapshot and instanceCleanupSnapshots end to end: a running instance's disk becomes an active VHD
// image through Nova's task states, an instance boots from it, the VHD chain is left as long as it was, and
// snapshots broken by XAPI failures (or by a restart) end with the image killed and nothing left on XAPI.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  CancelOperationDocument, CleanupInstanceSnapshotsDocument, DestroyInstanceDocument, SnapshotImagesDocument, SnapshotInstanceDocument,
  SnapshotOutcomeDocument, SpawnInstanceDocument, TaskStateFeedDocument, type SnapshotOutcomeQuery,
} from '../generated/graphql.js';
import { accepted, finished, spawnChoices, spawnRunning, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { INSTANCE_ACTIONS } from '../../src/driver/actions/index.js';
import { coalesceWait, CoalesceTimeoutError } from '../../src/driver/vhd-chain.js';
import { recoverInterruptedOperations } from '../../src/operations/recovery.js';
import { imageFilePath } from '../../src/store/image-files.js';
import { ForwardReader, readVhdStream } from '../../src/vhd/index.js';

type Xapi = Awaited<ReturnType<typeof xapiSession>>;
type SnapshotOutcome = Extract<NonNullable<SnapshotOutcomeQuery['node']>, { kind: string }>;
interface Source { id: string; uuid: string; vm: string; vmName: string; root: string }

let stack: Stack;
let choices: SpawnChoices;
let xapi: Xapi;
let operator: string;

before(async () => {
  stack = await startStack();
  choices = await spawnChoices(stack);
  xapi = await xapiSession(stack);
  operator = await stack.tokenFor('operator');
});
after(async () => {
  await stack?.stop();
});

/** What the guest wrote at the start of its disk, in the first 2 MiB block. */
const GUEST_DATA = Buffer.concat([Buffer.from('xengraph snapshot test: bytes the guest wrote\n'), Buffer.alloc(4000, 0x5a)]);

async function spawnSource(name: string): Promise<Source> {
  const state = await spawnRunning(stack, choices, { name, flavor: 'm1.tiny' });
  const [vm]: string[] = Object.entries(await xapi.call('VM.get_all_records') as Record<string, any>)
    .filter(([, record]) => !record.is_a_snapshot && record.other_config.nova_uuid === state.instance!.uuid)
    .map(([ref]) => ref);
  assert.ok(vm, 'the instance has a VM');
  const root = await rootOf(vm);
  return { id: state.instance!.id, uuid: state.instance!.uuid, vm, vmName: await xapi.call('VM.get_name_label', vm), root };
}

async function rootOf(vm: string): Promise<string> {
  for (const vbd of await xapi.call('VM.get_VBDs', vm) as string[]) {
    const record = await xapi.call('VBD.get_record', vbd);
    if (record.userdevice === '0') return record.VDI;
  }
  throw new Error(`VM ${vm} has no root disk`);
}

function transferUrl(path: string, params: Record<string, string>): string {
  return `${stack.sim.pools[0]!.masterUrl}/${path}?${new URLSearchParams({ session_id: xapi.session, ...params })}`;
}

/** Writes into a disk as its guest would (through XAPI's raw import). */
async function guestWrites(vdi: string, data: Buffer): Promise<void> {
  const res = await fetch(transferUrl('import_raw_vdi', { vdi, format: 'raw' }), { method: 'PUT', body: new Uint8Array(data) });
  assert.equal(res.status, 200);
  await res.arrayBuffer();
}

/** The first bytes of what a VHD image holds, decoded as XAPI's import would read it. */
async function vhdContent(file: Buffer, length: number): Promise<{ virtualSize: number; head: Buffer }> {
  const head = Buffer.alloc(length);
  const { footer } = await readVhdStream(new ForwardReader((async function* () { yield file; })()), file.length, {
    write: (offset, data) => {
      if (offset < length) data.subarray(0, length - offset).copy(head, offset);
    },
  });
  return { virtualSize: footer.virtualSize, head };
}

async function exportedHead(vdi: string): Promise<Buffer> {
  const res = await fetch(transferUrl('export_raw_vdi', { vdi, format: 'vhd' }));
  assert.equal(res.status, 200);
  return (await vhdContent(Buffer.from(await res.arrayBuffer()), GUEST_DATA.length)).head;
}

async function chainLength(vdi: string): Promise<number> {
  let length = 0;
  for (let ref: string | null = vdi; ref; length++) {
    const parent: string | undefined = (await xapi.call('VDI.get_sm_config', ref))['vhd-parent'];
    ref = parent ? await xapi.call('VDI.get_by_uuid', parent) : null;
  }
  return length;
}

/** Snapshot VMs of the instance's VM, and VDI snapshots of its disks that no VM holds. */
async function leftoversOf(source: Source) {
  const vms: string[] = await xapi.call('VM.get_snapshots', source.vm);
  const vdis = Object.values(await xapi.call('VDI.get_all_records') as Record<string, any>)
    .filter((vdi) => vdi.is_a_snapshot && vdi.other_config.nova_instance_uuid === source.uuid);
  return { snapshotVms: vms.length, snapshotVdis: vdis.length };
}

async function snapshot(source: Source, name: string) {
  return accepted(await stack.request(SnapshotInstanceDocument, { input: { id: source.id, name } }, operator));
}

async function outcome(operationId: string): Promise<SnapshotOutcome> {
  await finished(stack, operationId);
  const { data, errors } = await stack.request(SnapshotOutcomeDocument, { id: operationId }, operator);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data!.node as SnapshotOutcome;
}

async function imageNamed(name: string) {
  const { data } = await stack.request(SnapshotImagesDocument, {}, operator);
  const image = data!.images.edges.map((e) => e.node).find((node) => node.name === name);
  assert.ok(image, `image ${name} is listed`);
  return image;
}

function fileOf(imageId: string): string {
  return imageFilePath(stack.dataDir, { id: decodeGlobalID(imageId).id, diskFormat: 'vhd' });
}

describe('instanceSnapshot', () => {
  let source: Source;
  let imageId: string;

  before(async () => {
    source = await spawnSource('snap-source');
    await guestWrites(source.root, GUEST_DATA);
  });

  it('uploads a running instance\'s root disk into an active VHD image, through image_snapshot, image_pending_upload and image_uploading', async () => {
    await xapi.call('SR.scan', await xapi.call('VDI.get_SR', source.root));
    const chainBefore = await chainLength(source.root);
    const feed = stack.subscribe(TaskStateFeedDocument, { filter: { instanceId: source.id, kinds: ['TASK_STATE_CHANGED'] } }, operator);
    const first = feed.next();
    // Holding the action's first XAPI call back lets the feed attach before the task state moves on.
    stack.sim.faults.add({ method: 'VM.get_by_name_label', latencyMs: 400 });
    const payload = await snapshot(source, 'snap-source backup');
    assert.deepEqual([payload.instance.taskState, payload.operation.kind], ['IMAGE_SNAPSHOT', 'INSTANCE_SNAPSHOT']);

    const transitions: [string | null | undefined, string | null | undefined][] = [];
    for (let step = await first; !step.done; step = await feed.next()) {
      const event = step.value.data!.instanceEvents as { from?: string | null; to?: string | null };
      if (event.from !== null) transitions.push([event.from, event.to]);
      if (event.to === null) break;
    }
    await feed.return!();
    assert.deepEqual(transitions, [
      ['IMAGE_SNAPSHOT', 'IMAGE_PENDING_UPLOAD'], ['IMAGE_PENDING_UPLOAD', 'IMAGE_UPLOADING'], ['IMAGE_UPLOADING', null],
    ]);

    const operation = await outcome(payload.operation.id);
    assert.equal(operation.status, 'SUCCEEDED', JSON.stringify(operation.error));
    const image = operation.image!;
    imageId = image.id;
    assert.deepEqual([image.name, image.status, image.diskFormat, image.containerFormat], ['snap-source backup', 'ACTIVE', 'vhd', 'bare']);
    assert.deepEqual(image.properties, {
      os_type: 'linux', xenapi_use_agent: 'false', image_type: 'snapshot', instance_uuid: source.uuid,
      base_image_ref: decodeGlobalID(choices.image('cirros')).id,
    });
    const result = operation.result as { imageId: string; snapshotChainLength: number; chainLength: number };
    assert.equal(result.imageId, decodeGlobalID(image.id).id);
    // The snapshot sat on a new base copy holding the disk's data; once it was gone, the collector merged it.
    assert.deepEqual([result.snapshotChainLength, result.chainLength], [chainBefore + 1, chainBefore]);

    const file = readFileSync(fileOf(image.id));
    assert.equal(file.length, image.sizeBytes);
    assert.equal(createHash('sha256').update(file).digest('hex'), image.checksum);
    const content = await vhdContent(file, GUEST_DATA.length);
    assert.equal(content.virtualSize, await xapi.call('VDI.get_virtual_size', source.root));
    assert.ok(content.head.equals(GUEST_DATA), 'the image holds what the guest wrote');
    assert.ok((await exportedHead(source.root)).equals(GUEST_DATA), 'the instance\'s disk still does');

    assert.deepEqual(await leftoversOf(source), { snapshotVms: 0, snapshotVdis: 0 });
    assert.equal(await chainLength(source.root), chainBefore, 'the snapshot\'s base copy was coalesced away');
    const state = await finished(stack, payload.operation.id);
    assert.deepEqual([state.instance?.vmState, state.instance?.powerState, state.instance?.taskState], ['ACTIVE', 'RUNNING', null]);
  });

  it('boots a new instance from the snapshot image, its disk holding the snapshot\'s bytes', async () => {
    assert.ok(imageId, 'the previous test made an image');
    const payload = accepted(await stack.request(SpawnInstanceDocument, {
      input: {
        name: 'from-snapshot', flavorId: choices.flavor('m1.tiny'), imageId, networkIds: [choices.network('eth0')], metadata: {},
      },
    }, operator));
    const state = await finished(stack, payload.operation.id);
    assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
    assert.deepEqual([state.instance?.vmState, state.instance?.powerState], ['ACTIVE', 'RUNNING']);
    const [vm]: string[] = Object.entries(await xapi.call('VM.get_all_records') as Record<string, any>)
      .filter(([, record]) => !record.is_a_snapshot && record.other_config.nova_uuid === state.instance!.uuid)
      .map(([ref]) => ref);
    assert.ok((await exportedHead(await rootOf(vm!))).equals(GUEST_DATA));
  });

  it('fails with XAPI\'s code when the snapshot VM cannot be destroyed; instanceCleanupSnapshots then removes what is left', async () => {
    const chainBefore = await chainLength(source.root);
    // Once in the snapshot's own removal, once more in its failure handling: the snapshot VM stays behind.
    stack.sim.faults.add({ method: 'VM.destroy', error: ['INTERNAL_ERROR', 'xenopsd went away'], count: 2 });
    const payload = await snapshot(source, 'snap-source broken');
    const operation = await outcome(payload.operation.id);
    assert.equal(operation.status, 'FAILED');
    assert.deepEqual([operation.error?.code, operation.error?.xapiCode, operation.error?.xapiParams], ['XAPI_ERROR', 'INTERNAL_ERROR', ['xenopsd went away']]);
    assert.equal(operation.image, null);

    const image = await imageNamed('snap-source broken');
    assert.notEqual(image.status, 'ACTIVE');
    assert.equal(image.status, 'KILLED');
    assert.equal(existsSync(fileOf(image.id)), false, 'the image file is gone');
    const state = await finished(stack, payload.operation.id);
    assert.deepEqual([state.instance?.vmState, state.instance?.powerState, state.instance?.taskState], ['ACTIVE', 'RUNNING', null]);
    const left = await leftoversOf(source);
    assert.equal(left.snapshotVms, 1, 'the snapshot VM could not be removed');
    assert.equal((await xapi.call('VM.get_name_label', (await xapi.call('VM.get_snapshots', source.vm))[0])), `${source.vmName}-snapshot`);

    const cleanup = accepted(await stack.request(CleanupInstanceSnapshotsDocument, { input: { id: source.id } }, operator));
    assert.equal(cleanup.instance.taskState, 'CLEANING_SNAPSHOTS');
    const cleaned = await outcome(cleanup.operation.id);
    assert.equal(cleaned.status, 'SUCCEEDED', JSON.stringify(cleaned.error));
    assert.deepEqual(cleaned.result, { snapshotVmsRemoved: 1, vdisRemoved: left.snapshotVdis, imagesKilled: 0 });
    assert.deepEqual(await leftoversOf(source), { snapshotVms: 0, snapshotVdis: 0 });
    assert.equal(await chainLength(source.root), chainBefore);
  });

  it('removes what an interrupted snapshot left when the instance is destroyed', async () => {
    const doomed = await spawnSource('snap-doomed');
    stack.sim.faults.add({ method: 'VM.destroy', error: ['INTERNAL_ERROR', 'xenopsd went away'], count: 2 });
    assert.equal((await outcome((await snapshot(doomed, 'snap-doomed broken')).operation.id)).status, 'FAILED');
    assert.equal((await leftoversOf(doomed)).snapshotVms, 1, 'a snapshot VM is left behind');

    const payload = accepted(await stack.request(DestroyInstanceDocument, { input: { id: doomed.id } }, operator));
    assert.equal((await finished(stack, payload.operation.id)).status, 'SUCCEEDED');
    const vms = Object.values(await xapi.call('VM.get_all_records') as Record<string, any>)
      .filter((vm) => vm.other_config.nova_uuid === doomed.uuid);
    const vdis = Object.values(await xapi.call('VDI.get_all_records') as Record<string, any>)
      .filter((vdi) => vdi.other_config.nova_instance_uuid === doomed.uuid);
    assert.deepEqual([vms.length, vdis.length], [0, 0], 'no VM, snapshot or disk of the instance remains');
  });

  it('can be cancelled on its way to the upload, leaving no image and no leftover', async () => {
    // The export's task is created late, so the cancel arrives while the snapshot is on its way to the upload.
    stack.sim.faults.add({ method: 'task.create', latencyMs: 500 });
    const payload = await snapshot(source, 'snap-source cancelled');
    await waitUntil(async () => {
      const running = await stack.app.services.store.operations.get(decodeGlobalID(payload.operation.id).id);
      return running!.status === 'RUNNING' && running!.progress.percent >= 20;
    }, 10_000, 'the upload to start');
    const cancel = await stack.request(CancelOperationDocument, { input: { id: payload.operation.id } }, operator);
    assert.equal((cancel.data?.operationCancel as { __typename: string }).__typename, 'OperationCancelPayload', JSON.stringify(cancel));
    const operation = await outcome(payload.operation.id);
    assert.equal(operation.status, 'CANCELLED');
    assert.equal((await imageNamed('snap-source cancelled')).status, 'KILLED');
    assert.deepEqual(await leftoversOf(source), { snapshotVms: 0, snapshotVdis: 0 });
  });

  it('kills the image and removes the snapshot when the export fails', async () => {
    stack.sim.faults.add({ method: 'task.create', error: ['VDI_IO_ERROR', 'Device I/O errors'] });
    const payload = await snapshot(source, 'snap-source unexported');
    const operation = await outcome(payload.operation.id);
    assert.equal(operation.status, 'FAILED');
    assert.equal(operation.error?.xapiCode, 'VDI_IO_ERROR');
    const image = await imageNamed('snap-source unexported');
    assert.equal(image.status, 'KILLED');
    assert.equal(existsSync(fileOf(image.id)), false);
    assert.deepEqual(await leftoversOf(source), { snapshotVms: 0, snapshotVdis: 0 });
  });

  it('refuses a snapshot of an instance that is already busy, changing nothing', async () => {
    stack.sim.faults.add({ method: 'VM.get_by_name_label', latencyMs: 300 });
    const busy = await snapshot(source, 'snap-source first');
    const refused = await stack.request(SnapshotInstanceDocument, { input: { id: source.id, name: 'snap-source second' } }, operator);
    assert.equal(refused.data?.instanceSnapshot.__typename, 'OperationInProgressError');
    assert.equal((await outcome(busy.operation.id)).status, 'SUCCEEDED');
    const { data } = await stack.request(SnapshotImagesDocument, {}, operator);
    assert.equal(data!.images.edges.some((e) => e.node.name === 'snap-source second'), false, 'no image for the refused request');
  });
});

describe('a snapshot interrupted by a restart', () => {
  it('is settled at start-up: the image killed, the snapshot VM and its disks removed', async () => {
    const source = await spawnSource('snap-crashed');
    const { store, operations } = stack.app.services;
    const instanceId = decodeGlobalID(source.id).id;
    // What a process that died mid-upload leaves: a saving image, a <vm>-snapshot VM, the task state.
    const image = await store.images.create({
      name: 'snap-crashed backup', diskFormat: 'vhd', status: 'saving',
      properties: { image_type: 'snapshot', instance_uuid: source.uuid },
    });
    await xapi.call('VM.snapshot', source.vm, `${source.vmName}-snapshot`);
    await store.instances.update(instanceId, { taskState: 'image_uploading' });
    const operation = await store.operations.create({ kind: 'instance.snapshot', requestedBy: 'test', instanceId, input: { name: image.name } });
    await store.operations.update(operation.id, { status: 'RUNNING', startedAt: new Date() });

    await recoverInterruptedOperations(stack.app.services, operations, INSTANCE_ACTIONS);
    const state = await finished(stack, encodeGlobalID('Operation', operation.id));
    assert.deepEqual([state.status, state.error?.code], ['FAILED', 'INTERRUPTED']);
    assert.equal((await store.images.get(image.id))?.status, 'killed');
    assert.deepEqual(await leftoversOf(source), { snapshotVms: 0, snapshotVdis: 0 });
    assert.deepEqual([state.instance?.vmState, state.instance?.powerState, state.instance?.taskState], ['ACTIVE', 'RUNNING', null]);
  });
});

describe('coalesceWait', () => {
  it('gives up after its attempts while a snapshot still holds the base copy, with the chain it saw', async () => {
    const source = await spawnSource('snap-uncoalesced');
    const instance = (await stack.app.services.store.instances.get(decodeGlobalID(source.id).id))!;
    const client = stack.app.services.pools.get(instance.poolId!)!.client;
    const sr: string = await xapi.call('VDI.get_SR', source.root);
    await xapi.call('SR.scan', sr);
    const before = await chainLength(source.root);
    const held: string = await xapi.call('VDI.snapshot', source.root, {});
    await assert.rejects(coalesceWait(client, sr, source.root, before, { attempts: 2, intervalMs: 10 }), (error: unknown) => {
      assert.ok(error instanceof CoalesceTimeoutError);
      assert.deepEqual([error.code, error.attempts, error.chainLength, error.wanted], ['COALESCE_TIMEOUT', 2, before + 1, before]);
      return true;
    });
    await xapi.call('VDI.destroy', held);
    assert.equal((await coalesceWait(client, sr, source.root, before, { attempts: 2, intervalMs: 10 })).length, before);
  });
});
