// Flavor: an instance size (vCPUs, memory, disks).
import type { Flavor } from '../store/types.js';
import { builder } from './builder.js';
import { FlavorRef } from './refs.js';
import { plainConnection } from './paging.js';

FlavorRef.implement({
  description: 'A Nova flavor: the size of an instance (VCPUs, memory, disks) and extra specs.',
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, e.g. m1.small.' }),
    vcpus: t.exposeInt('vcpus', { description: 'Virtual CPUs (VM.VCPUs_max).' }),
    memoryMb: t.exposeInt('memoryMb', { description: 'Memory in MiB (the VM\'s memory limits).' }),
    rootGb: t.exposeInt('rootGb', { description: 'Root disk size in GiB; 0 keeps the image\'s size.' }),
    ephemeralGb: t.exposeInt('ephemeralGb', { description: 'Ephemeral disk size in GiB; 0 for none.' }),
    swapMb: t.exposeInt('swapMb', { description: 'Swap disk size in MiB; 0 for none.' }),
    isPublic: t.exposeBoolean('isPublic', { description: 'Whether every project may use it (Nova\'s is_public).' }),
    extraSpecs: t.field({
      type: 'JSON', description: 'Nova\'s flavor extra specs, e.g. {"pci_passthrough:alias": "gpu:1"}.', resolve: (f) => f.extraSpecs,
    }),
  }),
});

builder.queryField('flavors', (t) => t.connection({
  type: FlavorRef,
  description: 'Flavors (sizes an instance can be spawned or resized to), in pages of at most 100.',
  authScopes: { reader: true },
  resolve: (_root, args, ctx) => plainConnection<Flavor>(args, ctx.services.store.flavors),
}));
