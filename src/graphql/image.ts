// Image: a disk image instances boot from (Glance's role), its bytes kept by xengraph.
import type { Image } from '../store/types.js';
import { builder } from './builder.js';
import { ImageStatusEnum } from './enums.js';
import { ImageRef } from './refs.js';
import { plainConnection } from './paging.js';

ImageRef.implement({
  description: 'An image instances boot from (Glance\'s), or a snapshot of an instance.',
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its display name; a snapshot\'s is the one given to instanceSnapshot.' }),
    diskFormat: t.exposeString('diskFormat', { description: 'Format of the disk inside (e.g. vhd, iso).' }),
    containerFormat: t.exposeString('containerFormat', { description: 'How the disk is packed (e.g. bare).' }),
    sizeBytes: t.float({ description: 'Size of its content in bytes; 0 until uploaded.', resolve: (i) => i.sizeBytes }),
    checksum: t.string({ nullable: true, description: 'SHA-256 of its content, hex; null until it is active.', resolve: (i) => i.checksum }),
    status: t.field({ type: ImageStatusEnum, description: 'Where its upload stands; only active images can be booted.', resolve: (i) => i.status }),
    properties: t.field({ type: 'JSON', description: 'Its properties, string keys and values (e.g. os_type, vm_mode).', resolve: (i) => i.properties }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was registered.', resolve: (i) => i.createdAt }),
  }),
});

builder.queryField('images', (t) => t.connection({
  type: ImageRef,
  description: 'Images instances can be spawned or rescued from, snapshots included, in pages of at most 100.',
  authScopes: { reader: true },
  resolve: (_root, args, ctx) => plainConnection<Image>(args, ctx.services.store.images),
}));
