// Flavor: an instance size (vCPUs, memory, disks).
import type { Flavor } from '../store/types.js';
import { builder } from './builder.js';
import { FlavorRef } from './refs.js';
import { plainConnection } from './paging.js';

FlavorRef.implement({
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    vcpus: t.exposeInt('vcpus'),
    memoryMb: t.exposeInt('memoryMb'),
    rootGb: t.exposeInt('rootGb'),
    ephemeralGb: t.exposeInt('ephemeralGb'),
    swapMb: t.exposeInt('swapMb'),
    isPublic: t.exposeBoolean('isPublic'),
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
