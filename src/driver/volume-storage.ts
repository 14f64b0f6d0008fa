// Nova's volume_utils against XAPI: reaching a volume (SR introduced under Nova's uuid, a PBD plugged on the
// host, a scan, the LUN's VDI found or introduced), letting a VBD go (unplug with Nova's retries, destroy), and
// forgetting an SR once no VBD uses it. Every step that creates something registers its undo.
import type { Instance, Store } from '../store/index.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { isXapiError, type XapiClient } from '../xapi/index.js';
import { UndoStack } from './undo.js';
import { StorageError, deviceConfigOf, srUuidOf, type IscsiConnection } from './volume-connection.js';

/** other_config key Nova put on the VBD of a volume (value "True"). */
export const VOLUME_VBD_KEY = 'osvol';

/** Marks a VBD as a volume's, as Nova did: detach, destroy and resize tell volumes from the instance's disks by it. */
/** Whether the instance boots from a volume: one of its attachments is its root disk (device 0). */
export async function bootsFromVolume(store: Store, instance: Pick<Instance, 'id'>): Promise<boolean> {
  return (await store.volumeAttachments.listForInstance(instance.id)).some((attachment) => attachment.deviceNumber === 0);
}

export async function markVolumeVbd(client: XapiClient, vbd: string): Promise<void> {
  await client.call('VBD.add_to_other_config', vbd, VOLUME_VBD_KEY, 'True');
}

/** Nova's num_vbd_unplug_retries (10): eleven attempts, a second apart. */
const VBD_UNPLUG_ATTEMPTS = 11;
const VBD_UNPLUG_RETRY_MS = 1000;
/** Nova's SR scan retry on SR_BACKEND_FAILURE_40: four attempts, waiting 2, 4 and 8 s. */
const SR_SCAN_WAITS_MS = [2000, 4000, 8000];

interface VdiRecord {
  readonly uuid: string;
  readonly managed: boolean;
  readonly name_label: string;
  readonly name_description: string;
  readonly type: string;
  readonly sharable: boolean;
  readonly read_only: boolean;
  readonly other_config: Record<string, string>;
  readonly location: string;
  readonly xenstore_data: Record<string, string>;
  readonly sm_config: Record<string, string>;
  readonly virtual_size: number;
  readonly physical_utilisation: number;
}

interface PbdRecord {
  readonly host: string;
  readonly currently_attached: boolean;
  readonly device_config: Record<string, string>;
}

export interface ConnectedVolume {
  readonly sr: string;
  readonly srUuid: string;
  readonly vdi: string;
  readonly vdiUuid: string;
  /** Whether this call introduced the SR (and its undo forgets it). */
  readonly introducedSr: boolean;
}

export async function srByUuid(client: XapiClient, uuid: string): Promise<string | null> {
  try {
    return await client.call<string>('SR.get_by_uuid', uuid);
  } catch (error) {
    if (isXapiError(error, 'UUID_INVALID')) return null;
    throw error;
  }
}

/** Nova's scan helper: a busy SR (SR_BACKEND_FAILURE_40) is scanned again after 2, 4 and 8 seconds. */
export async function scanSr(client: XapiClient, sr: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.call('SR.scan', sr);
      return;
    } catch (error) {
      const wait = SR_SCAN_WAITS_MS[attempt];
      if (!isXapiError(error, 'SR_BACKEND_FAILURE_40') || wait === undefined) throw error;
      await sleep(wait);
    }
  }
}

/**
 * Makes the SR reachable from `host`: its PBD there is created (with `deviceConfig`) and plugged when it is
 * missing or unplugged. A second host's PBD makes the SR shared, as XAPI refuses to plug a private SR twice.
 */
export async function plugSrOnHost(
  client: XapiClient, sr: string, host: string, deviceConfig: Record<string, string>, undo: UndoStack,
): Promise<void> {
  const pbds = await Promise.all((await client.call<string[]>('SR.get_PBDs', sr))
    .map(async (ref) => ({ ref, record: await client.call<PbdRecord>('PBD.get_record', ref) })));
  const mine = pbds.find((pbd) => pbd.record.host === host);
  if (mine?.record.currently_attached) return;
  if (pbds.some((pbd) => pbd.record.host !== host && pbd.record.currently_attached) && !(await client.call<boolean>('SR.get_shared', sr))) {
    await client.call('SR.set_shared', sr, true);
    undo.push('SR shared', async () => void await client.call('SR.set_shared', sr, false));
  }
  let pbd = mine?.ref;
  if (!pbd) {
    pbd = await client.call<string>('PBD.create', { host, SR: sr, device_config: deviceConfig, other_config: {} });
    const created = pbd;
    undo.push('volume PBD', async () => {
      await client.call('PBD.unplug', created).catch(() => undefined);
      await client.call('PBD.destroy', created);
    });
  }
  await client.call('PBD.plug', pbd);
}

/** The VDI of LUN `lun` (sm_config LUNid), or the SR's first VDI when no LUN is named. */
async function findVolumeVdi(client: XapiClient, sr: string, lun: number | null): Promise<string | null> {
  const vdis = await client.call<string[]>('SR.get_VDIs', sr);
  if (lun === null) return vdis[0] ?? null;
  for (const vdi of vdis) {
    const record = await client.call<VdiRecord>('VDI.get_record', vdi);
    if (record.sm_config.LUNid === String(lun)) return vdi;
  }
  return null;
}

/**
 * Nova's connect_volume on `host`: SR.get_by_uuid (uuid from the target), else SR.introduce + PBD.create +
 * PBD.plug; SR.scan; the LUN's VDI, scanned for once more when missing; VDI.introduce when XAPI holds it
 * unmanaged. An SR introduced here is forgotten by `undo`.
 */
export async function connectVolume(
  client: XapiClient, host: string, connection: IscsiConnection, srDescription: string, undo: UndoStack,
): Promise<ConnectedVolume> {
  const srUuid = srUuidOf(connection);
  let sr = await srByUuid(client, srUuid);
  const introducedSr = sr === null;
  if (sr === null) {
    // Nova passed the device config (CHAP secret included) as the SR's sm_config; the PBD alone carries it here.
    const introduced = await client.call<string>('SR.introduce', srUuid, `tempSR-${srUuid}`, srDescription, 'iscsi', '', false, {});
    sr = introduced;
    undo.push('volume SR', () => forgetSr(client, introduced));
  }
  await plugSrOnHost(client, sr, host, deviceConfigOf(connection), undo);
  await scanSr(client, sr);
  // Nova waited 20 s before looking again; a scan here returns once the SM has listed the LUNs.
  let vdi = await findVolumeVdi(client, sr, connection.lun);
  if (!vdi) {
    await scanSr(client, sr);
    vdi = await findVolumeVdi(client, sr, connection.lun);
  }
  if (!vdi) {
    const lun = connection.lun === null ? 'LUN' : `LUN ${connection.lun}`;
    throw new StorageError(`No ${lun} on ${connection.iqn} for volume ${connection.volumeId}`);
  }
  const record = await client.call<VdiRecord>('VDI.get_record', vdi);
  if (!record.managed) {
    vdi = await client.call<string>('VDI.introduce', record.uuid, record.name_label, record.name_description, sr, record.type,
      record.sharable, record.read_only, record.other_config, record.location, record.xenstore_data, record.sm_config,
      true, record.virtual_size, record.physical_utilisation, 'OpaqueRef:NULL', false, '19700101T00:00:00Z', 'OpaqueRef:NULL');
  }
  return { sr, srUuid, vdi, vdiUuid: record.uuid, introducedSr };
}

/** Nova's forget_sr: every PBD unplugged (failures ignored), then SR.forget, which drops PBDs and VDIs. */
export async function forgetSr(client: XapiClient, sr: string): Promise<void> {
  for (const pbd of await client.call<string[]>('SR.get_PBDs', sr)) await client.call('PBD.unplug', pbd).catch(() => undefined);
  await client.call('SR.forget', sr);
}

/** Nova's purge_sr: the SR is forgotten when none of its VDIs has a VBD any more. Returns whether it was. */
export async function purgeSrIfUnused(client: XapiClient, sr: string): Promise<boolean> {
  for (const vdi of await client.call<string[]>('SR.get_VDIs', sr)) {
    if ((await client.call<string[]>('VDI.get_VBDs', vdi)).length > 0) return false;
  }
  await forgetSr(client, sr);
  return true;
}

/**
 * Nova's VBD unplug: DEVICE_ALREADY_DETACHED counts as done; DEVICE_DETACH_REJECTED and INTERNAL_ERROR (a guest
 * still holding the disk) are retried a second apart, eleven attempts in all; then the last refusal stands.
 */
export async function unplugVbd(client: XapiClient, vbd: string, signal?: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.callAsync('VBD.unplug', [vbd], { signal });
      return;
    } catch (error) {
      if (isXapiError(error, 'DEVICE_ALREADY_DETACHED')) return;
      const retryable = isXapiError(error, 'DEVICE_DETACH_REJECTED') || isXapiError(error, 'INTERNAL_ERROR');
      if (!retryable || attempt >= VBD_UNPLUG_ATTEMPTS) throw error;
      await sleep(VBD_UNPLUG_RETRY_MS, undefined, { signal });
    }
  }
}

export interface DetachedVbd {
  readonly srUuid: string | null;
  readonly srForgotten: boolean;
}

/**
 * Nova's detach order for one volume VBD: its SR found first, then unplug (when plugged), VBD.destroy, and the
 * SR forgotten when nothing else uses it.
 */
export async function detachVolumeVbd(client: XapiClient, vbd: string, signal?: AbortSignal): Promise<DetachedVbd> {
  let sr: string | null = null;
  try {
    const vdi = await client.call<string>('VBD.get_VDI', vbd);
    sr = await client.call<string>('VDI.get_SR', vdi);
  } catch (error) {
    throw new StorageError(`Cannot find the SR of VBD ${vbd}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const srUuid = await client.call<string>('SR.get_uuid', sr);
  if (await client.call<boolean>('VBD.get_currently_attached', vbd)) await unplugVbd(client, vbd, signal);
  await client.call('VBD.destroy', vbd);
  return { srUuid, srForgotten: await purgeSrIfUnused(client, sr) };
}

/** The VM's volume VBDs (other_config osvol), by userdevice. */
export async function volumeVbds(client: XapiClient, vm: string): Promise<{ vbd: string; userdevice: string }[]> {
  const found: { vbd: string; userdevice: string }[] = [];
  for (const vbd of await client.call<string[]>('VM.get_VBDs', vm)) {
    const record = await client.call<{ userdevice: string; other_config: Record<string, string> }>('VBD.get_record', vbd);
    if (VOLUME_VBD_KEY in record.other_config) found.push({ vbd, userdevice: record.userdevice });
  }
  return found;
}

/** The PBD device_config an SR was plugged with somewhere, to plug it on one more host. */
export async function pluggedDeviceConfig(client: XapiClient, sr: string): Promise<Record<string, string> | null> {
  for (const pbd of await client.call<string[]>('SR.get_PBDs', sr)) {
    const record = await client.call<PbdRecord>('PBD.get_record', pbd);
    if (record.currently_attached) return record.device_config;
  }
  return null;
}
