// attach_volume / detach_volume (Nova's volumeops). Attach: the mountpoint gives the VBD device (/dev/xvdb → 1);
// the target's SR is introduced under Nova's uuid and plugged on the VM's host, scanned, the LUN's VDI found;
// a VBD marked `osvol` is created and hot-plugged when the VM runs; a failure forgets the SR it introduced.
// Detach: the VBD is unplugged (Nova's retries), destroyed, and the SR forgotten once no VBD uses it. The CHAP
// password reaches XAPI only, in the PBD's device_config; the operation and the attachment row never hold it.
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { ActionRun, DriverServices, InstanceAction, ReconcileOutcome } from '../../operations/action.js';
import type { Instance, VolumeAttachment } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { createDiskVbd } from '../devices.js';
import { vmNameOf } from '../naming.js';
import { liveVmIn } from '../preconditions.js';
import { UndoStack } from '../undo.js';
import { instanceVm, requireVm } from '../vm-lookup.js';
import { instanceClient } from '../xapi-access.js';
import {
  deviceNumberOf, parseIscsiConnection, srUuidOf, storedConnectionOf, withoutSecret,
  type IscsiConnection, type VolumeConnectionInput,
} from '../volume-connection.js';
import {
  connectVolume, detachVolumeVbd, markVolumeVbd, purgeSrIfUnused, srByUuid, unplugVbd, volumeVbds, type ConnectedVolume,
} from '../volume-storage.js';

export interface AttachVolumeInput {
  readonly connectionInfo: VolumeConnectionInput;
  readonly mountpoint: string;
}

/** Exactly one of the two names the attachment. */
export interface DetachVolumeInput {
  readonly volumeAttachmentId: string | null;
  readonly mountpoint: string | null;
}

/** Hot-plug needs a running guest and cold-plug a halted one; paused and suspended VMs take no device change. */
const ATTACHABLE = ['ACTIVE', 'STOPPED'] as const;
const DETACHABLE = ['ACTIVE', 'STOPPED', 'SOFT_DELETED', 'ERROR'] as const;

/** The VBD device of a mountpoint, or an input error naming it. */
export function requireDeviceNumber(mountpoint: string): number {
  const device = deviceNumberOf(mountpoint);
  if (device === null) {
    throw new InvalidInputError(`Cannot tell a disk device from mountpoint ${mountpoint} (use /dev/xvdb, /dev/sdc or a number)`, { path: ['input', 'mountpoint'] });
  }
  return device;
}

/** Device numbers the VM's disks take, from the pool's event-fed cache (no XAPI call). */
function devicesInUse(services: DriverServices, instance: Instance): Set<string> {
  const cache = instance.poolId ? services.pools.get(instance.poolId)?.client.cache : undefined;
  const vm = instance.vmUuid ? cache?.getByUuid('VM', instance.vmUuid)?.record : undefined;
  const used = new Set<string>();
  for (const vbd of (vm?.VBDs ?? []) as string[]) {
    const userdevice = cache?.get('VBD', vbd)?.userdevice;
    if (typeof userdevice === 'string') used.add(userdevice);
  }
  return used;
}

/** Where the volume's SR must be plugged: the VM's host when it runs, else the instance's host, else the master. */
async function hostForVolumes(services: DriverServices, client: XapiClient, instance: Instance, vm: string): Promise<string> {
  const resident = await client.call<string>('VM.get_resident_on', vm);
  if (resident !== 'OpaqueRef:NULL') return resident;
  const host = instance.hostId ? await services.store.hosts.get(instance.hostId) : null;
  const known = host ? client.cache.refByUuid('host', host.uuid) : undefined;
  if (known) return known;
  const [pool] = await client.call<string[]>('pool.get_all');
  return client.call<string>('pool.get_master', pool);
}

export const attachVolumeAction: InstanceAction<AttachVolumeInput> = {
  kind: 'instance.attachVolume',
  taskState: 'attaching-volume',
  storedInput: (input) => ({ ...input, connectionInfo: withoutSecret(input.connectionInfo) }),
  async check(instance, input, services) {
    liveVmIn('attach a volume to', ATTACHABLE)(instance);
    const connection = parseIscsiConnection(input.connectionInfo);
    const device = requireDeviceNumber(input.mountpoint);
    const attachments = await services.store.volumeAttachments.listForInstance(instance.id);
    const sameVolume = attachments.find((a) => a.volumeId === connection.volumeId);
    if (sameVolume) {
      throw new InvalidInputError(`Volume ${connection.volumeId} is already attached at ${sameVolume.mountpoint}`, { path: ['input', 'connectionInfo', 'volumeId'] });
    }
    const sameDevice = attachments.find((a) => a.deviceNumber === device);
    if (sameDevice || devicesInUse(services, instance).has(String(device))) {
      throw new InvalidInputError(`Device ${device} (${input.mountpoint}) is in use on the instance`, { path: ['input', 'mountpoint'] });
    }
  },
  run: (run, input) => attachVolume(run, input),
  reconcile: (run, input) => reconcileAttach(run, input),
};

async function attachVolume(run: ActionRun, input: AttachVolumeInput): Promise<Record<string, unknown>> {
  const { services, instance } = run;
  const connection = parseIscsiConnection(input.connectionInfo);
  const device = String(requireDeviceNumber(input.mountpoint));
  const client = instanceClient(services, instance);
  const vm = await requireVm(client, instance);
  await run.progress(5, 'checking the device');
  if (!(await client.call<string[]>('VM.get_allowed_VBD_devices', vm)).includes(device)) {
    throw new InvalidInputError(`Device ${device} (${input.mountpoint}) is not free on the VM`, { path: ['input', 'mountpoint'] });
  }
  const host = await hostForVolumes(services, client, instance, vm);
  const undo = new UndoStack();
  let outcome: { connected: ConnectedVolume; plugged: boolean };
  try {
    outcome = await connectAndPlug(run, client, { vm, host, connection, device }, undo);
  } catch (error) {
    await undo.rollBack(run.services.log, `volume attach on ${instance.id}`);
    throw error;
  }
  const { connected, plugged } = outcome;
  await run.progress(90, 'recording the attachment');
  const attachment = await services.store.volumeAttachments.create({
    instanceId: instance.id, volumeId: connection.volumeId, mountpoint: input.mountpoint, deviceNumber: Number(device),
    connectionInfo: storedConnectionOf(connection), srUuid: connected.srUuid, vdiUuid: connected.vdiUuid,
  });
  return {
    volumeAttachmentId: attachment.id, device, srUuid: connected.srUuid, vdiUuid: connected.vdiUuid,
    srIntroduced: connected.introducedSr, plugged,
  };
}

/** Steps 3–5 of Nova's attach: the volume reached from `host`, its VBD made at `device` and plugged if the VM runs. */
async function connectAndPlug(
  run: ActionRun, client: XapiClient, at: { vm: string; host: string; connection: IscsiConnection; device: string }, undo: UndoStack,
): Promise<{ connected: ConnectedVolume; plugged: boolean }> {
  const { vm, host, connection, device } = at;
  await run.progress(15, 'connecting to the iSCSI target', `${connection.host}:${connection.port} ${connection.iqn}`);
  const connected = await connectVolume(client, host, connection, `Disk-for:${vmNameOf(run.instance) ?? run.instance.name}`, undo);
  await run.progress(60, 'creating the VBD', `userdevice ${device}`);
  const vbd = await createDiskVbd(client, vm, connected.vdi, device);
  undo.push('volume VBD', async () => {
    if (await client.call<boolean>('VBD.get_currently_attached', vbd)) await unplugVbd(client, vbd);
    await client.call('VBD.destroy', vbd);
  });
  await markVolumeVbd(client, vbd);
  if ((await client.call<string>('VM.get_power_state', vm)) !== 'Running') return { connected, plugged: false };
  await run.progress(75, 'hot-plugging the disk');
  await client.callAsync('VBD.plug', [vbd], { signal: run.signal });
  return { connected, plugged: true };
}

/**
 * After a crash: a volume VBD at the device on the target's SR means the attach went through (it is plugged
 * if the VM runs and recorded); otherwise the SR is forgotten when nothing uses it.
 */
async function reconcileAttach(run: ActionRun, input: AttachVolumeInput): Promise<ReconcileOutcome> {
  const { services, instance } = run;
  // The stored connection has no password; nothing here logs in, so a stand-in passes the CHAP check.
  const connection = parseIscsiConnection({ ...input.connectionInfo, authPassword: input.connectionInfo.authPassword ?? 'not kept' });
  const device = String(requireDeviceNumber(input.mountpoint));
  const client = instanceClient(services, instance);
  const vm = await instanceVm(client, instance);
  const sr = await srByUuid(client, srUuidOf(connection));
  const vbd = vm ? (await volumeVbds(client, vm)).find((found) => found.userdevice === device)?.vbd : undefined;
  const vdi = vbd ? await client.call<string>('VBD.get_VDI', vbd) : undefined;
  if (!vm || !sr || !vbd || !vdi || (await client.call<string>('VDI.get_SR', vdi)) !== sr) {
    if (sr) await purgeSrIfUnused(client, sr);
    return 'FAILED';
  }
  if ((await client.call<string>('VM.get_power_state', vm)) === 'Running' && !(await client.call<boolean>('VBD.get_currently_attached', vbd))) {
    await client.call('VBD.plug', vbd);
  }
  const recorded = (await services.store.volumeAttachments.listForInstance(instance.id)).some((a) => a.deviceNumber === Number(device));
  if (!recorded) {
    await services.store.volumeAttachments.create({
      instanceId: instance.id, volumeId: connection.volumeId, mountpoint: input.mountpoint, deviceNumber: Number(device),
      connectionInfo: storedConnectionOf(connection), srUuid: srUuidOf(connection),
      vdiUuid: await client.call<string>('VDI.get_uuid', vdi),
    });
  }
  return 'SUCCEEDED';
}

async function attachmentFor(services: DriverServices, instance: Instance, input: DetachVolumeInput): Promise<VolumeAttachment> {
  const attachments = await services.store.volumeAttachments.listForInstance(instance.id);
  const found = input.volumeAttachmentId !== null
    ? attachments.find((a) => a.id === input.volumeAttachmentId)
    : attachments.find((a) => a.mountpoint === input.mountpoint || a.deviceNumber === deviceNumberOf(input.mountpoint ?? ''));
  if (!found) {
    const byId = input.volumeAttachmentId !== null;
    throw new NotFoundError('VolumeAttachment', (byId ? input.volumeAttachmentId : input.mountpoint) ?? '', { path: ['input', byId ? 'volumeAttachmentId' : 'mountpoint'] });
  }
  return found;
}

export const detachVolumeAction: InstanceAction<DetachVolumeInput> = {
  kind: 'instance.detachVolume',
  taskState: 'detaching-volume',
  async check(instance, input, services) {
    liveVmIn('detach a volume from', DETACHABLE)(instance);
    await attachmentFor(services, instance, input);
  },
  run: (run, input) => detachVolume(run, input),
  async reconcile(run, input) {
    // Detaching is idempotent: run again, it finishes what was left (a VBD already gone is no error).
    await detachVolume(run, input);
    return 'SUCCEEDED';
  },
};

async function detachVolume(run: ActionRun, input: DetachVolumeInput): Promise<Record<string, unknown>> {
  const { services, instance } = run;
  const attachment = await attachmentFor(services, instance, input);
  const client = instanceClient(services, instance);
  const vm = await requireVm(client, instance);
  await run.progress(10, 'finding the volume\'s VBD');
  const vbd = (await volumeVbds(client, vm)).find((found) => found.userdevice === String(attachment.deviceNumber))?.vbd;
  let srForgotten = false;
  // As Nova: no VBD at that device is no error, the volume is simply no longer attached.
  if (vbd) {
    await run.progress(30, 'detaching the disk');
    ({ srForgotten } = await detachVolumeVbd(client, vbd, run.signal));
  } else if (attachment.srUuid) {
    const sr = await srByUuid(client, attachment.srUuid);
    if (sr) srForgotten = await purgeSrIfUnused(client, sr);
  }
  await run.progress(90, 'recording the detachment');
  await services.store.volumeAttachments.markDetached(attachment.id);
  return { volumeAttachmentId: attachment.id, vbdRemoved: vbd !== undefined, srForgotten };
}

/**
 * Nova's detach_all and orphan cleanup, for destroy: with the VM (halted by then) every `osvol` VBD is detached
 * and its SR purged; without it, the SRs of the instance's attachments are forgotten when no VBD uses them.
 * The attachments end detached either way, and are returned. A purge that fails is logged, as Nova did, and
 * does not stop destroy.
 */
export async function releaseInstanceVolumes(
  services: DriverServices, client: XapiClient, instance: Instance, vm: string | null,
): Promise<VolumeAttachment[]> {
  if (vm) {
    for (const { vbd } of await volumeVbds(client, vm)) await detachVolumeVbd(client, vbd);
  }
  const attachments = await services.store.volumeAttachments.listForInstance(instance.id);
  for (const attachment of attachments) {
    try {
      const sr = attachment.srUuid ? await srByUuid(client, attachment.srUuid) : null;
      if (sr) await purgeSrIfUnused(client, sr);
    } catch (error) {
      services.log.error({ err: error, instanceId: instance.id, volumeId: attachment.volumeId }, 'destroy: could not forget the SR of a volume');
    }
    await services.store.volumeAttachments.markDetached(attachment.id);
  }
  return attachments;
}
