// What a block storage service hands over to reach a volume (Nova's connection_info), checked and turned into
// what XAPI needs: the SR uuid Nova derived for the target, the PBD's device_config, and the VBD device number
// of the mountpoint. Pure functions; the XAPI calls are in volume-storage.ts.
import { createHash } from 'node:crypto';
import { BaseUserError, InvalidInputError } from '../errors.js';

/** connection_info as a caller sends it (Cinder's iSCSI fields, camel-cased). */
export interface VolumeConnectionInput {
  readonly driverVolumeType: string;
  readonly targetPortal: string;
  readonly targetIqn: string;
  readonly targetLun: number | null;
  readonly authMethod: string | null;
  readonly authUsername: string | null;
  readonly authPassword: string | null;
  readonly volumeId: string;
}

/** A checked iSCSI connection. */
export interface IscsiConnection {
  readonly volumeId: string;
  readonly host: string;
  readonly port: number;
  readonly iqn: string;
  readonly lun: number | null;
  readonly chap: { readonly user: string; readonly password: string } | null;
}

/** The storage could not be reached or did not hold the volume (Nova's StorageError). */
export class StorageError extends BaseUserError {
  override readonly code = 'STORAGE_ERROR';
}

export const ISCSI_PORT = 3260;

/** Nova's namespace for iSCSI SR uuids: one target always maps to the same SR. */
const SR_UUID_NAMESPACE = '3cca4135-a809-5bb3-af62-275fbfe87178';

const connectionPath = (field: string) => ({ path: ['input', 'connectionInfo', field] });

/** `host`, `host:port`, `[v6]` or `[v6]:port`; the port defaults to 3260 as Nova's target_port did. */
function parsePortal(portal: string): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(portal);
  const plain = /^([^:[\]]+)(?::(\d+))?$/.exec(portal);
  const match = bracketed ?? plain;
  const port = match?.[2] === undefined ? ISCSI_PORT : Number(match[2]);
  if (!match || !(port >= 1 && port <= 65535)) {
    throw new InvalidInputError(`targetPortal must be host[:port], not ${portal}`, connectionPath('targetPortal'));
  }
  return { host: match[1]!, port };
}

/** Checks connection info as Nova's volume driver did; only iSCSI is known (Nova also took the retired xensm). */
export function parseIscsiConnection(input: VolumeConnectionInput): IscsiConnection {
  if (input.driverVolumeType.toLowerCase() !== 'iscsi') {
    throw new InvalidInputError(`No volume driver for ${input.driverVolumeType}: only iscsi is supported`, connectionPath('driverVolumeType'));
  }
  if (!input.volumeId.trim()) throw new InvalidInputError('volumeId is required', connectionPath('volumeId'));
  if (!input.targetIqn.trim()) throw new InvalidInputError('targetIqn is required', connectionPath('targetIqn'));
  if (input.targetLun !== null && !(Number.isInteger(input.targetLun) && input.targetLun >= 0)) {
    throw new InvalidInputError('targetLun must be a LUN number ≥ 0', connectionPath('targetLun'));
  }
  const { host, port } = parsePortal(input.targetPortal.trim());
  let chap: IscsiConnection['chap'] = null;
  const method = input.authMethod?.trim() ?? '';
  if (method.toUpperCase() === 'CHAP') {
    if (!input.authUsername || !input.authPassword) {
      throw new InvalidInputError('CHAP needs authUsername and authPassword', connectionPath(input.authUsername ? 'authPassword' : 'authUsername'));
    }
    chap = { user: input.authUsername, password: input.authPassword };
  } else if (method !== '' && method.toLowerCase() !== 'none') {
    throw new InvalidInputError(`authMethod must be CHAP or absent, not ${method}`, connectionPath('authMethod'));
  }
  return { volumeId: input.volumeId.trim(), host, port, iqn: input.targetIqn.trim(), lun: input.targetLun, chap };
}

/** RFC 4122 name-based uuid (version 5, SHA-1), as Python's uuid.uuid5. */
export function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The SR uuid Nova gave a target: uuid5 of `<host>/<port>/<iqn>`. */
export function srUuidOf(connection: Pick<IscsiConnection, 'host' | 'port' | 'iqn'>): string {
  return uuidV5(SR_UUID_NAMESPACE, `${connection.host}/${connection.port}/${connection.iqn}`);
}

/**
 * The PBD's device_config, with Nova's keys. `backend-kind: vbd` is what Nova sent to XenServer ≥ 6.5 so the
 * disk goes through a plain VBD backend, which every current host is.
 */
export function deviceConfigOf(connection: IscsiConnection): Record<string, string> {
  return {
    target: connection.host,
    port: String(connection.port),
    targetIQN: connection.iqn,
    ...(connection.chap ? { chapuser: connection.chap.user, chappassword: connection.chap.password } : {}),
    'backend-kind': 'vbd',
  };
}

/** Nova's mountpoint → VBD userdevice: /dev/xvdb → 1, sdc → 2, hda → 0, "5" → 5; null when it cannot tell. */
export function deviceNumberOf(mountpoint: string): number | null {
  const name = mountpoint.startsWith('/dev/') ? mountpoint.slice('/dev/'.length) : mountpoint;
  const lettered = /^(?:[hs]d|x?vd)([a-p])$/.exec(name);
  if (lettered) return lettered[1]!.charCodeAt(0) - 'a'.charCodeAt(0);
  if (/^\d+$/.test(name)) return Number(name);
  return null;
}

/** The connection as it is kept (operation input, attachment row): everything but the CHAP password. */
export function withoutSecret(input: VolumeConnectionInput): VolumeConnectionInput {
  return { ...input, authPassword: null };
}

/** What an attachment row keeps of the connection: enough to find the SR again, no secret. */
export function storedConnectionOf(connection: IscsiConnection): Record<string, unknown> {
  return {
    driverVolumeType: 'iscsi',
    targetPortal: connection.host.includes(':') ? `[${connection.host}]:${connection.port}` : `${connection.host}:${connection.port}`,
    targetIqn: connection.iqn,
    targetLun: connection.lun,
    authMethod: connection.chap ? 'CHAP' : null,
    authUsername: connection.chap?.user ?? null,
  };
}
