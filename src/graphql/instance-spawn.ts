// instanceSpawn: a new instance from a flavor and an image. Its input is checked and a host chosen before
// anything is recorded; the ten build steps then run as an Operation.
import { createInstanceForSpawn, MAX_INTERFACES, type SpawnRequest } from '../driver/spawn/plan.js';
import { spawnAction } from '../driver/spawn/spawn-action.js';
import { MAX_SPAWN_VOLUMES } from '../driver/spawn/spawn-volumes.js';
import { builder } from './builder.js';
import { InvalidInputError, NoValidHostError } from './errors.js';
import { ACTION_ERRORS, ActionPayload, idempotencyKeyField } from './instance-actions.js';
import { AggregateRef, FlavorRef, HostRef, ImageRef, NetworkRef, SecurityGroupRef } from './refs.js';
import { boundedBase64, boundedList, boundedMetadata, boundedText, metadataInput } from './input-bounds.js';
import { connectionInputOf, VOLUME_CONNECTION_FIELD, VolumeConnectionInputType } from './volumes.js';

// Nova's quotas for guest data: 5 injected files of up to 10 KiB each, paths up to 255, user data up to 64 KiB.

/** Groups one instance may join at spawn (Nova's default quota is 10 per project). */
const MAX_SECURITY_GROUPS = 16;

const InjectedFileInput = builder.inputType('InjectedFileInput', {
  description: 'A file the guest finds on its config drive, to be written at `path`.',
  fields: (t) => ({
    path: t.string({ required: true, ...boundedText(255, { min: 1 }) }),
    contents: t.string({ required: true, ...boundedBase64(10 * 1024) }),
  }),
});

const SpawnVolumeInput = builder.inputType('SpawnVolumeInput', {
  description: 'A volume to attach at spawn (Nova\'s block device mapping of a Cinder volume).',
  fields: (t) => ({
    connectionInfo: t.field({ type: VolumeConnectionInputType, required: true, description: VOLUME_CONNECTION_FIELD }),
    mountpoint: t.string({
      required: false, ...boundedText(64, { min: 1, description: 'e.g. /dev/xvdb; /dev/xvda makes the volume the root disk. Absent only with bootIndex 0.' }),
    }),
    bootIndex: t.int({ required: false, description: '0 makes the volume the root disk the instance boots from (on /dev/xvda).' }),
    deleteOnTermination: t.boolean({
      required: false, defaultValue: false,
      description: 'Recorded on the attachment and reported by instanceDestroy, for the block storage service to delete the volume.',
    }),
  }),
});

builder.mutationField('instanceSpawn', (t) => t.field({
  type: ActionPayload,
  description: 'Builds and boots a new instance from a flavor and an image, on a host the scheduler picks (or the one asked for).',
  authScopes: { operator: true },
  errors: { types: [...ACTION_ERRORS, NoValidHostError], directResult: true, union: { name: 'InstanceSpawnResult' } },
  args: {
    input: t.arg({
      required: true,
      description: 'What to build: name, flavor, image or boot volume, networks and placement.',
      type: builder.inputType('InstanceSpawnInput', {
        fields: (f) => ({
          name: f.string({ required: true, ...boundedText(255, { min: 1, trim: true }) }),
          flavorId: f.globalID({ for: FlavorRef, required: true, description: 'The flavor: VCPUs, memory and disk sizes.' }),
          imageId: f.globalID({
            for: ImageRef, required: false,
            description: 'The image of the root disk; required unless a volume is the root disk, whose instance takes only the image\'s properties.',
          }),
          hostId: f.globalID({ for: HostRef, required: false, description: 'Place on this host rather than letting the scheduler choose.' }),
          aggregateId: f.globalID({ for: AggregateRef, required: false, description: 'Place on one of this aggregate\'s hosts.' }),
          networkIds: f.globalIDList({
            for: NetworkRef, required: false, ...boundedList(MAX_INTERFACES, { description: 'One interface per network, in order (device 0, 1, …).' }),
          }),
          metadata: f.field({ type: 'JSON', required: false, ...boundedMetadata('String keys and values, readable by the guest under vm-data/user-metadata.') }),
          configDrive: f.boolean({
            required: false,
            description: 'Attach an OpenStack config drive (device 3). Implied by userData, injectedFiles and adminPassword, which travel on it.',
          }),
          userData: f.string({ required: false, ...boundedBase64(64 * 1024, 'Cloud-init user data.') }),
          injectedFiles: f.field({ type: [InjectedFileInput], required: false, ...boundedList(5) }),
          securityGroupIds: f.globalIDList({
            for: SecurityGroupRef, required: false,
            ...boundedList(MAX_SECURITY_GROUPS, { description: 'Security groups to join; their rules are applied on the host before the guest boots.' }),
          }),
          adminPassword: f.string({
            required: false, ...boundedText(255, { min: 1, description: 'Set for the guest through the config drive; never stored.' }),
          }),
          volumes: f.field({
            type: [SpawnVolumeInput], required: false,
            ...boundedList(MAX_SPAWN_VOLUMES, { description: 'iSCSI volumes attached before the guest first boots; one on /dev/xvda (or bootIndex 0) is the root disk.' }),
          }),
          idempotencyKey: f.string(idempotencyKeyField),
        }),
      }),
    }),
  },
  resolve: (_root, { input }, ctx) => {
    if (input.hostId && input.aggregateId) throw new InvalidInputError('Give hostId or aggregateId, not both', { path: ['input', 'hostId'] });
    const request: SpawnRequest = {
      name: input.name.trim(), flavorId: input.flavorId.id, imageId: input.imageId?.id ?? null,
      hostId: input.hostId?.id ?? null, aggregateId: input.aggregateId?.id ?? null,
      networkIds: (input.networkIds ?? []).map((id) => id.id), metadata: metadataInput(input.metadata),
      configDrive: input.configDrive ?? false, userData: input.userData ?? null,
      injectedFiles: (input.injectedFiles ?? []).map((file) => ({ path: file.path, contents: file.contents })),
      adminPassword: input.adminPassword ?? null,
      ...(input.securityGroupIds?.length ? { securityGroupIds: [...new Set(input.securityGroupIds.map((id) => id.id))] } : {}),
      ...(input.volumes?.length ? {
        volumes: input.volumes.map((volume) => ({
          connectionInfo: connectionInputOf(volume.connectionInfo), mountpoint: volume.mountpoint ?? null,
          bootIndex: volume.bootIndex ?? null, deleteOnTermination: volume.deleteOnTermination ?? false,
        })),
      } : {}),
    };
    return ctx.services.operations.submit(spawnAction, {
      input: request,
      requestedBy: ctx.principal?.tokenId ?? '',
      requestId: ctx.requestId,
      idempotencyKey: input.idempotencyKey,
      instance: () => createInstanceForSpawn(ctx.services, request),
      discardInstance: async (instance) => { await ctx.services.store.instances.discardUnused(instance.id); },
    });
  },
}));
