// Image: a disk image instances boot from (Glance's role), its bytes kept by xengraph.
import type { Image } from '../store/types.js';
import { builder } from './builder.js';
import { ImageStatusEnum } from './enums.js';
import { ImageRef } from './refs.js';
import { plainConnection } from './paging.js';

ImageRef.implement({
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    diskFormat: t.exposeString('diskFormat'),
    containerFormat: t.exposeString('containerFormat'),
    sizeBytes: t.float({ resolve: (i) => i.sizeBytes }),
    checksum: t.string({ nullable: true, resolve: (i) => i.checksum }),
    status: t.field({ type: ImageStatusEnum, resolve: (i) => i.status }),
    properties: t.field({ type: 'JSON', resolve: (i) => i.properties }),
    createdAt: t.field({ type: 'DateTime', resolve: (i) => i.createdAt }),
  }),
});

builder.queryField('images', (t) => t.connection({
  type: ImageRef,
  description: 'Images instances can be spawned or rescued from, snapshots included, in pages of at most 100.',
  authScopes: { reader: true },
  resolve: (_root, args, ctx) => plainConnection<Image>(args, ctx.services.store.images),
}));
