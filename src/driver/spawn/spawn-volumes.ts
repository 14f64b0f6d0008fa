// Volumes at spawn (Nova's block_device_info): each iSCSI volume is connected while the disks are made (SR
// introduced and plugged on the host the VM starts on, its LUN found, as attach_volume does) and gets its VBD,
// marked osvol, while the disks are attached, so the guest finds every volume at its device on first boot. A
// volume on device 0 (mountpoint /dev/xvda, or boot index 0) is the root disk: the VM boots from it and no disk
// is made from an image. Everything is on the spawn's undo stack; the attachments are recorded with their VBDs.
import { InvalidInputError } from '../../errors.js';
import type { ActionRun, DriverServices } from '../../operations/action.js';
import type { Flavor, Host, Instance } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { releaseInstanceVolumes } from '../actions/volumes.js';
import { CONFIG_DRIVE_DEVICE, createDiskVbd, FIRST_EPHEMERAL_DEVICE, ROOT_DEVICE, SWAP_DEVICE } from '../devices.js';
import type { UndoStack } from '../undo.js';
import {
  deviceNumberOf, parseIscsiConnection, srUuidOf, storedConnectionOf, type IscsiConnection, type VolumeConnectionInput,
} from '../volume-connection.js';
import { hostRef } from '../xapi-access.js';
import { connectVolume, markVolumeVbd, purgeSrIfUnused, srByUuid, type ConnectedVolume } from '../volume-storage.js';

/** One volume of a spawn request (Nova's block device mapping for a Cinder volume). */
export interface SpawnVolumeRequest {
  readonly connectionInfo: VolumeConnectionInput;
  /** e.g. /dev/xvdb; a boot volume's may be left out (it is /dev/xvda). */
  readonly mountpoint: string | null;
  /** 0 makes the volume the root disk the VM boots from; other values only order the guest's boot devices. */
  readonly bootIndex: number | null;
  /** Recorded on the attachment and reported by destroy; the block storage service acts on it. */
  readonly deleteOnTermination: boolean;
}

/** A checked volume: where it goes and how it is reached. */
export interface PlannedVolume {
  readonly connection: IscsiConnection;
  readonly mountpoint: string;
  readonly device: string;
  readonly boot: boolean;
  readonly deleteOnTermination: boolean;
}

/** The bound on a spawn's volume list. */
export const MAX_SPAWN_VOLUMES = 16;

const BOOT_MOUNTPOINT = '/dev/xvda';

/** Re-anchors an input error about one connection at its place in the spawn's volume list. */
function atVolume<T>(index: number, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof InvalidInputError) || !error.path) throw error;
    throw new InvalidInputError(error.message, { path: ['input', 'volumes', String(index), ...error.path.slice(1)] });
  }
}

/**
 * Checks the request's volumes against each other and against the disks the flavor and config drive take
 * (swap on 2, config drive on 3, ephemeral on 4), before anything is recorded.
 */
export function planSpawnVolumes(
  volumes: readonly SpawnVolumeRequest[], disks: { readonly flavor: Flavor; readonly configDrive: boolean },
): PlannedVolume[] {
  if (volumes.length > MAX_SPAWN_VOLUMES) throw new InvalidInputError(`At most ${MAX_SPAWN_VOLUMES} volumes per instance`, { path: ['input', 'volumes'] });
  const taken = new Map<string, string>([
    ...(disks.flavor.swapMb > 0 ? [[SWAP_DEVICE, 'swap']] as const : []),
    ...(disks.configDrive ? [[CONFIG_DRIVE_DEVICE, 'the config drive']] as const : []),
    ...(disks.flavor.ephemeralGb > 0 ? [[String(FIRST_EPHEMERAL_DEVICE), 'the ephemeral disk']] as const : []),
  ]);
  const volumeIds = new Set<string>();
  return volumes.map((volume, index) => {
    const path = (field: string) => ({ path: ['input', 'volumes', String(index), field] });
    const connection = atVolume(index, () => parseIscsiConnection(volume.connectionInfo));
    const mountpoint = volume.mountpoint ?? (volume.bootIndex === 0 ? BOOT_MOUNTPOINT : null);
    if (mountpoint === null) throw new InvalidInputError('A volume needs a mountpoint unless it is the boot volume (bootIndex 0)', path('mountpoint'));
    const number = deviceNumberOf(mountpoint);
    if (number === null) throw new InvalidInputError(`Cannot tell a disk device from mountpoint ${mountpoint} (use /dev/xvdb, /dev/sdc or a number)`, path('mountpoint'));
    const device = String(number);
    if (volume.bootIndex === 0 && device !== ROOT_DEVICE) {
      throw new InvalidInputError(`The boot volume (bootIndex 0) is the root disk, on /dev/xvda, not ${mountpoint}`, path('mountpoint'));
    }
    const holder = taken.get(device);
    if (holder) throw new InvalidInputError(`Device ${device} (${mountpoint}) is taken by ${holder}`, path('mountpoint'));
    if (volumeIds.has(connection.volumeId)) {
      throw new InvalidInputError(`Volume ${connection.volumeId} is listed twice`, { path: ['input', 'volumes', String(index), 'connectionInfo', 'volumeId'] });
    }
    taken.set(device, `volume ${connection.volumeId}`);
    volumeIds.add(connection.volumeId);
    return { connection, mountpoint, device, boot: device === ROOT_DEVICE, deleteOnTermination: volume.deleteOnTermination };
  });
}

/** Whether the request's volumes give the instance its root disk (boot from volume). */
export function bootsFromVolume(volumes: readonly PlannedVolume[]): boolean {
  return volumes.some((volume) => volume.boot);
}

/** The spawn's volumes on XAPI: connected in the disks step, attached in the devices step. */
export class SpawnVolumes {
  private readonly connected: { readonly planned: PlannedVolume; readonly volume: ConnectedVolume }[] = [];

  /** `host` is where the VM will start: the volumes' SRs are plugged there. */
  constructor(private readonly run: ActionRun, private readonly host: Host, private readonly planned: readonly PlannedVolume[]) {}

  get bootsFromVolume(): boolean {
    return bootsFromVolume(this.planned);
  }

  /** Nova's spawn step 2 for volumes: each reached from the host (SR, PBD, LUN), no VBD yet. */
  async connect(client: XapiClient, vmName: string, undo: UndoStack): Promise<void> {
    const host = hostRef(client, this.host);
    for (const planned of this.planned) {
      await this.run.progress(this.run.percent, 'creating disks', `connecting volume ${planned.connection.volumeId}`);
      this.connected.push({ planned, volume: await connectVolume(client, host, planned.connection, `Disk-for:${vmName}`, undo) });
    }
  }

  /** Nova's step 5 for volumes: a VBD each at its device (the boot volume bootable), recorded as an attachment. */
  async attach(client: XapiClient, vm: string, undo: UndoStack): Promise<void> {
    const { store } = this.run.services;
    for (const { planned, volume } of this.connected) {
      const vbd = await createDiskVbd(client, vm, volume.vdi, planned.device, { bootable: planned.boot });
      // The VM has not started: nothing is plugged, so the VBD goes without an unplug.
      undo.push(`volume ${planned.connection.volumeId} VBD`, async () => void await client.call('VBD.destroy', vbd));
      await markVolumeVbd(client, vbd);
      const attachment = await store.volumeAttachments.create({
        instanceId: this.run.instance.id, volumeId: planned.connection.volumeId, mountpoint: planned.mountpoint,
        deviceNumber: Number(planned.device), connectionInfo: storedConnectionOf(planned.connection),
        srUuid: volume.srUuid, vdiUuid: volume.vdiUuid, deleteOnTermination: planned.deleteOnTermination,
      });
      undo.push(`volume ${planned.connection.volumeId} attachment`, async () => void await store.volumeAttachments.markDetached(attachment.id));
    }
  }
}

/**
 * After a crash, for a spawn that will not finish: the volumes the VM holds are detached, and the SR of every
 * volume the request named is forgotten when nothing uses it (one connected before its VBD was made).
 */
export async function releaseSpawnVolumes(
  services: DriverServices, client: XapiClient, instance: Instance, vm: string | null, volumes: readonly SpawnVolumeRequest[],
): Promise<void> {
  await releaseInstanceVolumes(services, client, instance, vm);
  for (const volume of volumes) {
    // The stored request has no CHAP secret, and none is needed to find the SR.
    const sr = await srByUuid(client, srUuidOf(parseIscsiConnection({ ...volume.connectionInfo, authMethod: null })));
    if (sr) await purgeSrIfUnused(client, sr);
  }
}
