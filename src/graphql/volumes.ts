// Volumes: instanceAttachVolume / instanceDetachVolume (Nova's attach_volume / detach_volume), the
// VolumeAttachment node, Instance.volumes, Instance.disks (get_instance_disk_info) and Host.volumeConnector
// (get_volume_connector). Disk and connector reads come from the pool's event-fed cache, never a XAPI call.
import { attachVolumeAction, detachVolumeAction, requireDeviceNumber } from '../driver/actions/volumes.js';
import { instanceDiskInfo, volumeConnectorOf, type InstanceDisk } from '../driver/disk-info.js';
import { parseIscsiConnection, type VolumeConnectionInput } from '../driver/volume-connection.js';
import { builder } from './builder.js';
import { InvalidInputError } from './errors.js';
import { instanceActionField } from './instance-actions.js';
import { liveHostRecord, liveVmRecord } from './live-records.js';
import { HostRef, InstanceRef, VolumeAttachmentRef } from './refs.js';
import { boundedText } from './input-bounds.js';

/** What a volume's connection fields mean, given (VolumeConnectionInput) or read back (VolumeConnectionInfo). */
const CONNECTION = {
  driverVolumeType: 'The transport; only "iscsi".',
  targetPortal: 'host[:port] of the iSCSI portal (port 3260 when absent).',
  targetIqn: 'The iSCSI target\'s qualified name (IQN).',
  targetLun: 'The LUN; the target\'s first when absent.',
  authMethod: '"CHAP", or absent for an open target.',
  authUsername: 'The CHAP user name; absent for an open target.',
} as const;

/** The connectionInfo field of every input that attaches a volume. */
export const VOLUME_CONNECTION_FIELD = 'How to reach the volume: its iSCSI export, as the block storage service gave it.';

export const VolumeConnectionInputType = builder.inputType('VolumeConnectionInput', {
  description: 'How to reach a volume, as a block storage service (Cinder) describes an iSCSI export.',
  fields: (t) => ({
    driverVolumeType: t.string({ required: true, ...boundedText(16, { description: CONNECTION.driverVolumeType }) }),
    // A portal is a host name or address and a port; an IQN is at most 223 bytes (RFC 3720).
    targetPortal: t.string({ required: true, ...boundedText(261, { description: CONNECTION.targetPortal }) }),
    targetIqn: t.string({ required: true, ...boundedText(223, { description: CONNECTION.targetIqn }) }),
    targetLun: t.int({ required: false, description: CONNECTION.targetLun }),
    authMethod: t.string({ required: false, ...boundedText(16, { description: CONNECTION.authMethod }) }),
    authUsername: t.string({ required: false, ...boundedText(255, { description: CONNECTION.authUsername }) }),
    authPassword: t.string({ required: false, ...boundedText(255, { description: 'The CHAP secret: handed to XAPI only, never stored.' }) }),
    volumeId: t.string({ required: true, ...boundedText(255, { description: 'The volume\'s id in the block storage service.' }) }),
  }),
});

const VolumeConnectionInfo = builder.simpleObject('VolumeConnectionInfo', {
  description: 'How the volume was reached, without its secret.',
  fields: (t) => ({
    driverVolumeType: t.string({ description: CONNECTION.driverVolumeType }),
    targetPortal: t.string({ description: CONNECTION.targetPortal }),
    targetIqn: t.string({ description: CONNECTION.targetIqn }),
    targetLun: t.int({ nullable: true, description: CONNECTION.targetLun }),
    authMethod: t.string({ nullable: true, description: CONNECTION.authMethod }),
    authUsername: t.string({ nullable: true, description: CONNECTION.authUsername }),
  }),
});

VolumeAttachmentRef.implement({
  description: 'A volume attached to an instance (Nova\'s block device mapping).',
  authScopes: { reader: true },
  fields: (t) => ({
    instance: t.field({ type: InstanceRef, description: 'The instance it is attached to.', resolve: (a) => a.instanceId }),
    volumeId: t.exposeString('volumeId', { description: 'The volume\'s id in the block storage service.' }),
    mountpoint: t.exposeString('mountpoint', { description: 'Where it was asked to appear, e.g. /dev/xvdb.' }),
    device: t.string({
      nullable: true,
      description: 'The VBD userdevice the mountpoint gave, as Nova derived it (/dev/xvdb → "1").',
      resolve: (a) => (a.deviceNumber === null ? null : String(a.deviceNumber)),
    }),
    connectionInfo: t.field({
      type: VolumeConnectionInfo,
      description: 'How the volume is reached, without its secret.',
      resolve: (a) => {
        const info = a.connectionInfo as Record<string, string | number | null>;
        return {
          driverVolumeType: String(info.driverVolumeType ?? 'iscsi'), targetPortal: String(info.targetPortal ?? ''),
          targetIqn: String(info.targetIqn ?? ''), targetLun: typeof info.targetLun === 'number' ? info.targetLun : null,
          authMethod: (info.authMethod as string | null) ?? null, authUsername: (info.authUsername as string | null) ?? null,
        };
      },
    }),
    deleteOnTermination: t.exposeBoolean('deleteOnTermination', {
      description: 'Whether the block storage service deletes the volume once the instance is destroyed (xengraph only detaches it).',
    }),
    srUuid: t.string({ nullable: true, description: 'The uuid of the SR xengraph introduced for the volume; null when not recorded.', resolve: (a) => a.srUuid }),
    vdiUuid: t.string({ nullable: true, description: 'The uuid of the volume\'s VDI; null when not recorded.', resolve: (a) => a.vdiUuid }),
    attachedAt: t.field({ type: 'DateTime', description: 'When it was attached.', resolve: (a) => a.createdAt }),
    detachedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was detached; null while attached.', resolve: (a) => a.detachedAt }),
  }),
});

builder.objectField(InstanceRef, 'volumes', (t) => t.field({
  type: [VolumeAttachmentRef],
  description: 'The volumes attached to the instance, oldest first.',
  args: { includeDetached: t.arg.boolean({ required: false, defaultValue: false, description: 'Also list volumes detached since.' }) },
  resolve: (instance, args, ctx) => ctx.services.store.volumeAttachments.listForInstance(instance.id, { includeDetached: args.includeDetached ?? false }),
}));

// ---------------------------------------------------------------------------------------------------------
// Instance.disks

const DiskTypeEnum = builder.enumType('DiskType', {
  description: 'What a disk of an instance is for.',
  values: {
    ROOT: { description: 'The disk the instance boots from, made from its image.' },
    SWAP: { description: 'The swap disk the flavor asks for.' },
    EPHEMERAL: { description: 'A scratch disk the flavor asks for (ephemeralGb).' },
    CONFIGDRIVE: { description: 'The read-only config drive.' },
    VOLUME: { description: 'An attached volume (its VBD carries other_config osvol).' },
    CDROM: { description: 'A CD drive, with an ISO image or empty.' },
    OTHER: { description: 'A disk xengraph did not make.' },
  } as const,
});

const InstanceDiskType = builder.objectRef<InstanceDisk>('InstanceDisk').implement({
  description: 'One disk of the instance\'s VM (a VBD and its VDI), from the pool\'s event-fed cache.',
  fields: (t) => ({
    device: t.exposeString('device', { description: 'The VBD userdevice ("0" root, "2" swap, "3" config drive, "4"+ ephemeral).' }),
    guestDevice: t.exposeString('guestDevice', { nullable: true, description: 'The name the guest sees (xvda…), once plugged.' }),
    type: t.field({ type: DiskTypeEnum, description: 'What it is for.', resolve: (d) => d.type }),
    sizeBytes: t.float({ nullable: true, description: 'The VDI\'s virtual size; null for an empty CD drive.', resolve: (d) => d.sizeBytes }),
    vdiUuid: t.exposeString('vdiUuid', { nullable: true, description: 'The XAPI VDI uuid; null for an empty CD drive.' }),
    srUuid: t.exposeString('srUuid', { nullable: true, description: 'The uuid of the SR holding the VDI; null for an empty CD drive.' }),
    readOnly: t.exposeBoolean('readOnly', { description: 'Whether the guest may only read it (VBD mode RO).' }),
    bootable: t.exposeBoolean('bootable', { description: 'Whether the VM boots from it (VBD.bootable).' }),
    attached: t.exposeBoolean('attached', { description: 'Whether the disk is plugged in the running guest.' }),
    volume: t.field({
      type: VolumeAttachmentRef,
      nullable: true,
      description: 'The attachment, for a volume.',
      resolve: async (disk, _args, ctx) => {
        if (disk.type !== 'VOLUME' || !disk.vdiUuid) return null;
        const attachments = await ctx.services.store.volumeAttachments.listForInstance(disk.instanceId);
        return attachments.find((a) => a.vdiUuid === disk.vdiUuid) ?? null;
      },
    }),
  }),
});

builder.objectField(InstanceRef, 'disks', (t) => t.field({
  type: [InstanceDiskType],
  nullable: true,
  description: 'The VM\'s disks, by device (Nova\'s get_instance_disk_info, which Nova left empty); null when the instance has no VM.',
  resolve: (instance, _args, ctx) => {
    const vm = liveVmRecord(ctx, instance);
    const cache = instance.poolId ? ctx.services.pools.get(instance.poolId)?.client.cache : undefined;
    return vm && cache ? instanceDiskInfo(cache, instance, vm) : null;
  },
}));

// ---------------------------------------------------------------------------------------------------------
// Host.volumeConnector

const VolumeConnector = builder.simpleObject('VolumeConnector', {
  description: 'What a block storage service needs to export a volume to the host (Nova\'s get_volume_connector).',
  fields: (t) => ({
    ip: t.string({ description: 'The host\'s address (Nova\'s my_block_storage_ip defaulted to it).' }),
    initiator: t.string({ nullable: true, description: 'The host\'s iSCSI initiator name (other_config iscsi_iqn); null when unset.' }),
    host: t.string({ description: 'The host\'s hostname.' }),
  }),
});

builder.objectField(HostRef, 'volumeConnector', (t) => t.field({
  type: VolumeConnector,
  description: 'What a block storage service needs to export a volume to this host.',
  resolve: (host, _args, ctx) => volumeConnectorOf(host, liveHostRecord(ctx, host)),
}));

// ---------------------------------------------------------------------------------------------------------
// Mutations

export interface ConnectionArgs {
  driverVolumeType: string;
  targetPortal: string;
  targetIqn: string;
  targetLun?: number | null;
  authMethod?: string | null;
  authUsername?: string | null;
  authPassword?: string | null;
  volumeId: string;
}

/** The GraphQL arguments as the driver's connection input (absent fields null). */
export function connectionInputOf(c: ConnectionArgs): VolumeConnectionInput {
  return {
    driverVolumeType: c.driverVolumeType, targetPortal: c.targetPortal, targetIqn: c.targetIqn, targetLun: c.targetLun ?? null,
    authMethod: c.authMethod ?? null, authUsername: c.authUsername ?? null, authPassword: c.authPassword ?? null, volumeId: c.volumeId,
  };
}

instanceActionField('instanceAttachVolume', {
  description: 'Attaches an iSCSI volume at the device its mountpoint names (/dev/xvdb → 1): the target\'s SR is introduced and '
    + 'plugged on the VM\'s host, the LUN\'s disk found, and a VBD created, hot-plugged when the instance runs. The CHAP '
    + 'password is used, never stored. On failure the SR is forgotten again.',
  action: attachVolumeAction,
  inputFields: (t) => ({
    connectionInfo: t.field({ type: VolumeConnectionInputType, required: true, description: VOLUME_CONNECTION_FIELD }),
    mountpoint: t.string({ required: true, ...boundedText(64, { min: 1, description: 'e.g. /dev/xvdb.' }) }),
  }),
  toInput: (input: { connectionInfo: ConnectionArgs; mountpoint: string }) => {
    const connectionInfo = connectionInputOf(input.connectionInfo);
    parseIscsiConnection(connectionInfo);
    requireDeviceNumber(input.mountpoint);
    return { connectionInfo, mountpoint: input.mountpoint };
  },
  probeInput: {
    connectionInfo: {
      driverVolumeType: 'iscsi', targetPortal: '', targetIqn: '', targetLun: null, authMethod: null, authUsername: null, authPassword: null, volumeId: '',
    },
    mountpoint: '/dev/xvdb',
  },
});

instanceActionField('instanceDetachVolume', {
  description: 'Detaches a volume, named by its attachment or its mountpoint: its VBD is unplugged (retried while the guest '
    + 'refuses), destroyed, and the SR forgotten once no other VBD uses it.',
  action: detachVolumeAction,
  inputFields: (t) => ({
    volumeAttachmentId: t.globalID({ for: VolumeAttachmentRef, required: false, description: 'The attachment to remove; give this or mountpoint, not both.' }),
    mountpoint: t.string({ required: false, ...boundedText(64, { min: 1 }) }),
  }),
  toInput: (input: { volumeAttachmentId?: { id: string } | null; mountpoint?: string | null }) => {
    const byId = input.volumeAttachmentId?.id ?? null;
    const mountpoint = input.mountpoint ?? null;
    if ((byId === null) === (mountpoint === null)) {
      throw new InvalidInputError('Give exactly one of volumeAttachmentId or mountpoint', { path: ['input', 'volumeAttachmentId'] });
    }
    return { volumeAttachmentId: byId, mountpoint };
  },
  probeInput: { volumeAttachmentId: '', mountpoint: null },
});
