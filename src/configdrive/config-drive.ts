// The OpenStack config drive Nova attaches on device 3 at spawn (config_drive_format iso9660, the default):
// an ISO labelled config-2 with openstack/<version>/{meta_data.json,user_data,network_data.json} and the
// injected files under openstack/content/. cloud-init and cloudbase-init read it without any metadata service.
import { buildIsoImage, SECTOR_SIZE, type IsoFile } from './iso9660.js';

export const CONFIG_DRIVE_LABEL = 'config-2';

/**
 * Dated versions written besides `latest`. cloud-init reads the newest version it knows, so each one carries
 * what Nova's does: network_data.json only from 2015-10-15, when it was introduced.
 */
export const CONFIG_DRIVE_VERSIONS = [
  { version: '2013-10-17', networkData: false },
  { version: '2015-10-15', networkData: true },
] as const;

export interface ConfigDriveInterface {
  readonly mac: string;
  /** IPv4 address; without one the guest is told to use DHCP on this link. */
  readonly ip?: string;
  readonly netmask?: string;
  readonly gateway?: string;
  readonly dns: readonly string[];
}

export interface InjectedFile {
  /** Where the guest agent should write it, e.g. `/etc/motd`. */
  readonly path: string;
  readonly contents: Buffer;
}

export interface ConfigDriveInput {
  readonly uuid: string;
  readonly name: string;
  readonly hostname: string;
  readonly availabilityZone?: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly adminPassword?: string;
  /** Key name → public key, as Nova's `public_keys`. */
  readonly publicKeys?: Readonly<Record<string, string>>;
  readonly userData?: Buffer;
  readonly injectedFiles: readonly InjectedFile[];
  readonly interfaces: readonly ConfigDriveInterface[];
  /** Recording date of the image; defaults to now. */
  readonly createdAt?: Date;
}

export interface OpenStackMetaData {
  readonly uuid: string;
  readonly name: string;
  readonly hostname: string;
  readonly launch_index: 0;
  readonly availability_zone?: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly admin_pass?: string;
  readonly public_keys?: Readonly<Record<string, string>>;
  readonly files?: readonly { readonly path: string; readonly content_path: string }[];
}

export interface OpenStackDnsService {
  readonly type: 'dns';
  readonly address: string;
}

export type OpenStackNetwork =
  | {
    readonly id: string;
    readonly type: 'ipv4';
    readonly link: string;
    readonly ip_address: string;
    readonly netmask: string;
    readonly routes: readonly { readonly network: string; readonly netmask: string; readonly gateway: string }[];
    readonly services: readonly OpenStackDnsService[];
  }
  | { readonly id: string; readonly type: 'ipv4_dhcp'; readonly link: string };

export interface OpenStackNetworkData {
  readonly links: readonly { readonly id: string; readonly type: 'phy'; readonly ethernet_mac_address: string; readonly mtu: number }[];
  readonly networks: readonly OpenStackNetwork[];
  readonly services: readonly OpenStackDnsService[];
}

/** The ISO image, a whole number of 2048-byte sectors, ready to be written onto the config-2 VDI. */
export function buildConfigDrive(input: ConfigDriveInput): Buffer {
  const image = buildIsoImage({ volumeLabel: CONFIG_DRIVE_LABEL, files: configDriveFiles(input), recordedAt: input.createdAt });
  if (image.length % SECTOR_SIZE !== 0) throw new Error('ISO writer returned a partial sector');
  return image;
}

/** The files of the drive, in the layout guests look for. */
export function configDriveFiles(input: ConfigDriveInput): IsoFile[] {
  const metaData = json(configDriveMetaData(input));
  const networkData = json(configDriveNetworkData(input));
  const versions = [...CONFIG_DRIVE_VERSIONS, { version: 'latest', networkData: true }];
  return [
    ...versions.flatMap(({ version, networkData: withNetworkData }) => [
      { path: `openstack/${version}/meta_data.json`, data: metaData },
      ...(input.userData ? [{ path: `openstack/${version}/user_data`, data: input.userData }] : []),
      ...(withNetworkData ? [{ path: `openstack/${version}/network_data.json`, data: networkData }] : []),
    ]),
    ...input.injectedFiles.map((file, index) => ({ path: `openstack${contentPath(index)}`, data: file.contents })),
  ];
}

export function configDriveMetaData(input: ConfigDriveInput): OpenStackMetaData {
  return {
    uuid: input.uuid,
    name: input.name,
    hostname: input.hostname,
    launch_index: 0,
    ...(input.availabilityZone !== undefined && { availability_zone: input.availabilityZone }),
    meta: { ...input.metadata },
    ...(input.adminPassword !== undefined && { admin_pass: input.adminPassword }),
    ...(input.publicKeys !== undefined && { public_keys: { ...input.publicKeys } }),
    // Nova leaves the key out when nothing is injected.
    ...(input.injectedFiles.length > 0 && {
      files: input.injectedFiles.map((file, index) => ({ path: file.path, content_path: contentPath(index) })),
    }),
  };
}

export function configDriveNetworkData(input: ConfigDriveInput): OpenStackNetworkData {
  const dns = (servers: readonly string[]): OpenStackDnsService[] => servers.map((address) => ({ type: 'dns', address }));
  const links = input.interfaces.map((nic, index) => ({
    id: `interface${index}`, type: 'phy' as const, ethernet_mac_address: nic.mac.toLowerCase(), mtu: 1500,
  }));
  const networks = input.interfaces.map((nic, index): OpenStackNetwork => {
    const common = { id: `network${index}`, link: links[index].id };
    if (nic.ip === undefined) return { ...common, type: 'ipv4_dhcp' };
    if (nic.netmask === undefined) throw new RangeError(`interface ${nic.mac} has address ${nic.ip} but no netmask`);
    return {
      ...common,
      type: 'ipv4',
      ip_address: nic.ip,
      netmask: nic.netmask,
      // Nova states the gateway as the default route, which is where cloud-init looks for it.
      routes: nic.gateway === undefined ? [] : [{ network: '0.0.0.0', netmask: '0.0.0.0', gateway: nic.gateway }],
      services: dns(nic.dns),
    };
  });
  return { links, networks, services: dns([...new Set(input.interfaces.flatMap((nic) => nic.dns))]) };
}

/** Path of the n-th injected file's contents, relative to `openstack/` (what meta_data.json records). */
function contentPath(index: number): string {
  return `/content/${String(index).padStart(4, '0')}`;
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}
