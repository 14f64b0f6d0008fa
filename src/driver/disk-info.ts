// What the driver reports about storage without a XAPI call, from a pool's event-fed object cache: an
// instance's disks (Nova's get_instance_disk_info, which Nova left empty) and a host's volume connector
// (get_volume_connector: what a block storage service needs to export a volume to it).
import type { Host, Instance } from '../store/index.js';
import type { ObjectCache, XapiRecord } from '../xapi/index.js';
import { VOLUME_VBD_KEY } from './volume-storage.js';

export type DiskType = 'ROOT' | 'SWAP' | 'EPHEMERAL' | 'CONFIGDRIVE' | 'VOLUME' | 'CDROM' | 'OTHER';

export interface InstanceDisk {
  readonly instanceId: string;
  /** The VBD userdevice. */
  readonly device: string;
  /** The name the guest sees, once plugged. */
  readonly guestDevice: string | null;
  readonly type: DiskType;
  /** The VDI's virtual size; null for an empty CD drive. */
  readonly sizeBytes: number | null;
  readonly vdiUuid: string | null;
  readonly srUuid: string | null;
  readonly readOnly: boolean;
  readonly bootable: boolean;
  readonly attached: boolean;
}

/** The VDI other_config nova_disk_type values the driver writes (devices.ts). */
const NOVA_DISK_TYPES: Readonly<Record<string, DiskType>> = { root: 'ROOT', swap: 'SWAP', ephemeral: 'EPHEMERAL', configdrive: 'CONFIGDRIVE' };

function diskTypeOf(vbd: XapiRecord, vdi: XapiRecord | undefined): DiskType {
  if (vbd.type === 'CD') return 'CDROM';
  if (VOLUME_VBD_KEY in ((vbd.other_config ?? {}) as object)) return 'VOLUME';
  const tagged = NOVA_DISK_TYPES[String((vdi?.other_config as Record<string, string> | undefined)?.nova_disk_type ?? '')];
  // A VM xengraph did not build has no tags; its device 0 is still its root disk.
  return tagged ?? (vbd.userdevice === '0' ? 'ROOT' : 'OTHER');
}

/** Each VBD of the VM with its disk, by device number. */
export function instanceDiskInfo(cache: ObjectCache, instance: Instance, vm: XapiRecord): InstanceDisk[] {
  const disks: InstanceDisk[] = [];
  for (const ref of (vm.VBDs ?? []) as string[]) {
    const vbd = cache.get('VBD', ref);
    if (!vbd) continue;
    const vdi = vbd.VDI && vbd.VDI !== 'OpaqueRef:NULL' ? cache.get('VDI', String(vbd.VDI)) : undefined;
    const sr = vdi ? cache.get('SR', String(vdi.SR)) : undefined;
    disks.push({
      instanceId: instance.id, device: String(vbd.userdevice), guestDevice: vbd.device ? String(vbd.device) : null,
      type: diskTypeOf(vbd, vdi), sizeBytes: vdi ? Number(vdi.virtual_size) : null, vdiUuid: vdi ? String(vdi.uuid) : null,
      srUuid: sr ? String(sr.uuid) : null, readOnly: vbd.mode === 'RO', bootable: Boolean(vbd.bootable),
      attached: Boolean(vbd.currently_attached),
    });
  }
  return disks.sort((a, b) => Number(a.device) - Number(b.device) || a.device.localeCompare(b.device));
}

export interface VolumeConnector {
  readonly ip: string;
  readonly initiator: string | null;
  readonly host: string;
}

/**
 * Nova's connector: the host's address, its iSCSI initiator name (other_config iscsi_iqn, which current XAPI
 * also keeps as a field) and its hostname; the store's view of the host when the cache has no record.
 */
export function volumeConnectorOf(host: Host, record: XapiRecord | undefined): VolumeConnector {
  const otherConfig = (record?.other_config ?? {}) as Record<string, string>;
  return {
    ip: String(record?.address ?? host.address),
    initiator: otherConfig.iscsi_iqn || (record?.iscsi_iqn ? String(record.iscsi_iqn) : null),
    host: String(record?.hostname ?? host.name),
  };
}
