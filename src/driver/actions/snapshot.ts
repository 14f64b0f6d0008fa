// Snapshot (Nova's snapshot) and the removal of what an interrupted one left (post_interrupted_snapshot_cleanup).
// The instance's VM is snapshotted as `<vm>-snapshot` (task state image_snapshot); the snapshot's root disk
// is exported as a VHD into a new image (image_pending_upload, then image_uploading); the snapshot VM and
// its disks are destroyed and the SR scanned until its garbage collector has merged the base copy the
// snapshot added, so the instance's VHD chain is as long as before. Success means an active image and
// nothing left behind; any failure kills the image and removes the snapshot, the instance's vmState untouched.
import { bootsFromVolume } from '../volume-storage.js';
import { InvalidStateError, NotFoundError } from '../../errors.js';
import type { ActionRun, InstanceAction } from '../../operations/action.js';
import type { Image } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { ROOT_DEVICE } from '../devices.js';
import { snapshotNameOf } from '../naming.js';
import { requireCleanName } from '../input-text.js';
import { requireLiveVm, requireVmState } from '../preconditions.js';
import { destroySnapshotVm, disksOf, removeSnapshotLeftovers } from '../snapshot-leftovers.js';
import { activateImage, createSnapshotImage, killImage, killUnfinishedSnapshotImages, uploadIntoImage } from '../snapshot-image.js';
import { coalesceWait, scanSr, vhdChain } from '../vhd-chain.js';
import { instanceVm, requireVm } from '../vm-lookup.js';
import { instanceClient } from '../xapi-access.js';

export interface SnapshotInput {
  /** The new image's name. */
  readonly name: string;
}

type NoInput = Record<string, never>;

/** Operation progress at the end of each phase; the upload fills the range between. */
const PERCENT = { scanned: 5, snapshotted: 20, uploaded: 90, removed: 95 } as const;

export const snapshotAction: InstanceAction<SnapshotInput> = {
  kind: 'instance.snapshot',
  taskState: 'image_snapshot',
  // The snapshot and the export are XAPI tasks that stop when asked; the catch in run removes what was made,
  // so a cancelled snapshot leaves nothing behind.
  cancellable: true,
  async check(instance, { name }, services) {
    requireCleanName(name);
    requireLiveVm(instance, 'snapshot');
    // Nova's compute API: snapshots of active, stopped, paused and suspended instances.
    requireVmState(instance, 'snapshot', ['ACTIVE', 'STOPPED', 'PAUSED', 'SUSPENDED']);
    // Nova's API snapshotted a volume-backed instance through the block storage service, never through the
    // hypervisor: here the root would be the LUN's VDI, which its SR cannot snapshot (iSCSI LUN SRs have no VDI.snapshot).
    if (await bootsFromVolume(services.store, instance)) {
      throw new InvalidStateError(
        `Instance ${instance.name} boots from a volume: snapshot the volume through the block storage service instead`, 'VOLUME_BACKED',
      );
    }
  },
  async run(run, { name }) {
    const { services } = run;
    const client = instanceClient(services, run.instance);
    const vm = await requireVm(client, run.instance);
    const image = await createSnapshotImage(services, run.instance, name);
    try {
      return await snapshotInto(run, client, vm, image);
    } catch (error) {
      await discardSnapshot(run, client, vm, image);
      throw error;
    }
  },
  async onFailure() {
    // A snapshot never changes what the instance is doing: only its task state is cleared (by the runner).
  },
  async reconcile(run) {
    await killUnfinishedSnapshotImages(run.services, run.instance);
    const client = instanceClient(run.services, run.instance);
    const vm = await instanceVm(client, run.instance);
    if (vm) await removeSnapshotLeftovers(client, vm);
    return 'FAILED';
  },
};

export const cleanupSnapshotsAction: InstanceAction<NoInput> = {
  kind: 'instance.cleanupSnapshots',
  taskState: 'cleaning-snapshots',
  check(instance) {
    requireLiveVm(instance, 'clean up snapshots of');
  },
  async run(run) {
    const client = instanceClient(run.services, run.instance);
    const vm = await requireVm(client, run.instance);
    await run.progress(10, 'removing snapshot leftovers');
    const removed = await removeSnapshotLeftovers(client, vm);
    const imagesKilled = await killUnfinishedSnapshotImages(run.services, run.instance);
    return { snapshotVmsRemoved: removed.snapshotVms, vdisRemoved: removed.vdis, imagesKilled };
  },
  async onFailure() {
    // Leftovers change nothing about the instance itself.
  },
  async reconcile(run, input) {
    await cleanupSnapshotsAction.run(run, input);
    return 'SUCCEEDED';
  },
};

async function snapshotInto(run: ActionRun, client: XapiClient, vm: string, image: Image): Promise<Record<string, unknown>> {
  const { services } = run;
  await run.progress(0, 'reading the disk chain');
  const root = await rootDiskOf(client, vm);
  const sr = await client.call<string>('VDI.get_SR', root);
  await scanSr(client, sr);
  const chainBefore = await vhdChain(client, root);
  // A snapshot interrupted earlier must not stay behind, nor lengthen the chain further.
  await removeSnapshotLeftovers(client, vm);
  await run.progress(PERCENT.scanned, 'snapshotting the VM');

  const label = snapshotNameOf(await client.call<string>('VM.get_name_label', vm));
  const snapshot = await client.callAsync<string>('VM.snapshot', [vm, label], {
    signal: run.signal,
    onProgress: (fraction) => void run.progress(PERCENT.scanned, 'snapshotting the VM', `VM.snapshot ${Math.round(fraction * 100)}%`).catch(() => undefined),
  });
  await run.updateInstance({ taskState: 'image_pending_upload' });
  await run.progress(PERCENT.snapshotted, 'preparing the upload');
  const snapshotRoot = (await disksOf(client, snapshot)).get(ROOT_DEVICE);
  if (!snapshotRoot) throw new NotFoundError('Root disk of snapshot VM', label);
  const snapshotChain = await vhdChain(client, snapshotRoot);

  await run.updateInstance({ taskState: 'image_uploading' });
  await run.progress(PERCENT.snapshotted, 'uploading the disk');
  const span = PERCENT.uploaded - PERCENT.snapshotted;
  const content = await uploadIntoImage(services, client, snapshotRoot, image, {
    signal: run.signal,
    onProgress: (fraction) => void run.progress(PERCENT.snapshotted + Math.round(fraction * span), 'uploading the disk').catch(() => undefined),
  });

  await run.progress(PERCENT.uploaded, 'removing the snapshot');
  await destroySnapshotVm(client, snapshot);
  await run.progress(PERCENT.removed, 'waiting for the storage to coalesce');
  const chainAfter = await coalesceWait(client, sr, root, chainBefore.length);

  const active = await activateImage(services, image, content);
  return {
    imageId: active.id, imageName: active.name, sizeBytes: active.sizeBytes, checksum: active.checksum,
    snapshotChainLength: snapshotChain.length, chainLength: chainAfter.length,
  };
}

/** The VM's root disk (device 0); Nova refused a snapshot without one. */
async function rootDiskOf(client: XapiClient, vm: string): Promise<string> {
  const root = (await disksOf(client, vm)).get(ROOT_DEVICE);
  if (!root) throw new NotFoundError('Root disk (device 0) of VM', vm);
  return root;
}

/** Best effort after a failure: what cannot be removed now is for instanceCleanupSnapshots. */
async function discardSnapshot(run: ActionRun, client: XapiClient, vm: string, image: Image): Promise<void> {
  const report = (what: string) => (error: unknown) => {
    run.services.log.error({ err: error, instanceId: run.instance.id }, `snapshot: ${what}`);
  };
  await killImage(run.services, image).catch(report(`could not kill image ${image.id}`));
  await removeSnapshotLeftovers(client, vm).catch(report('leftovers remain until instanceCleanupSnapshots'));
}
