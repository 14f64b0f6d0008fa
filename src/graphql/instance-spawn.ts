// instanceSpawn: a new instance from a flavor and an image. Its input is checked and a host chosen before
// anything is recorded; the ten build steps then run as an Operation.
import { z } from 'zod';
import { createInstanceForSpawn, type SpawnRequest } from '../driver/spawn/plan.js';
import { spawnAction } from '../driver/spawn/spawn-action.js';
import { builder } from './builder.js';
import { InvalidInputError, NoValidHostError } from './errors.js';
import { ACTION_ERRORS, ActionPayload, idempotencyKeyField, MetadataValue } from './instance-actions.js';
import { AggregateRef, FlavorRef, HostRef, ImageRef, NetworkRef, SecurityGroupRef } from './refs.js';

// Nova's quotas for guest data: 5 injected files of up to 10 KiB each, paths up to 255, user data up to 64 KiB.
const base64 = (maxBytes: number) => z.string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
  .refine((value) => Buffer.from(value, 'base64').length <= maxBytes, `must decode to at most ${maxBytes} bytes`);

const InjectedFileInput = builder.inputType('InjectedFileInput', {
  description: 'A file the guest finds on its config drive, to be written at `path`.',
  fields: (t) => ({
    path: t.string({ required: true, validate: z.string().min(1).max(255) }),
    contents: t.string({ required: true, description: 'Base64.', validate: base64(10 * 1024) }),
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
      type: builder.inputType('InstanceSpawnInput', {
        fields: (f) => ({
          name: f.string({ required: true, validate: z.string().trim().min(1).max(255) }),
          flavorId: f.globalID({ for: FlavorRef, required: true }),
          imageId: f.globalID({ for: ImageRef, required: true }),
          hostId: f.globalID({ for: HostRef, required: false, description: 'Place on this host rather than letting the scheduler choose.' }),
          aggregateId: f.globalID({ for: AggregateRef, required: false, description: 'Place on one of this aggregate\'s hosts.' }),
          networkIds: f.globalIDList({ for: NetworkRef, required: false, description: 'One interface per network, in order (device 0, 1, …).' }),
          metadata: f.field({ type: 'JSON', required: false, description: 'String keys and values, readable by the guest under vm-data/user-metadata.' }),
          configDrive: f.boolean({
            required: false,
            description: 'Attach an OpenStack config drive (device 3). Implied by userData, injectedFiles and adminPassword, which travel on it.',
          }),
          userData: f.string({ required: false, description: 'Base64, up to 64 KiB: cloud-init user data.', validate: base64(64 * 1024) }),
          injectedFiles: f.field({ type: [InjectedFileInput], required: false, validate: z.array(z.unknown()).max(5) }),
          securityGroupIds: f.globalIDList({
            for: SecurityGroupRef, required: false, description: 'Security groups to join; their rules are applied on the host before the guest boots.',
          }),
          adminPassword: f.string({
            required: false, description: 'Set for the guest through the config drive; never stored.', validate: z.string().min(1).max(255),
          }),
          idempotencyKey: f.string(idempotencyKeyField),
        }),
      }),
    }),
  },
  resolve: (_root, { input }, ctx) => {
    const metadata = MetadataValue.safeParse(input.metadata ?? {});
    if (!metadata.success) throw new InvalidInputError(`metadata: ${metadata.error.issues[0]?.message}`, { path: ['input', 'metadata'] });
    if (input.hostId && input.aggregateId) throw new InvalidInputError('Give hostId or aggregateId, not both', { path: ['input', 'hostId'] });
    const request: SpawnRequest = {
      name: input.name.trim(), flavorId: input.flavorId.id, imageId: input.imageId.id,
      hostId: input.hostId?.id ?? null, aggregateId: input.aggregateId?.id ?? null,
      networkIds: (input.networkIds ?? []).map((id) => id.id), metadata: metadata.data,
      configDrive: input.configDrive ?? false, userData: input.userData ?? null,
      injectedFiles: (input.injectedFiles ?? []).map((file) => ({ path: file.path, contents: file.contents })),
      adminPassword: input.adminPassword ?? null,
      ...(input.securityGroupIds?.length ? { securityGroupIds: [...new Set(input.securityGroupIds.map((id) => id.id))] } : {}),
    };
    return ctx.services.operations.submit(spawnAction, {
      input: request,
      requestedBy: ctx.principal?.tokenId ?? '',
      idempotencyKey: input.idempotencyKey,
      instance: () => createInstanceForSpawn(ctx.services, request),
    });
  },
}));
