// Viewer: who the request's token belongs to, so a client can adapt its UI to the role it holds.
import type { Principal } from './context.js';
import { builder } from './builder.js';
import { RoleEnum } from './api-token.js';

const ViewerRef = builder.objectRef<Principal>('Viewer').implement({
  description: 'The principal making the request.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name given to the API token.' }),
    role: t.field({ type: RoleEnum, description: 'The role the token grants: what this caller may do.', resolve: (principal) => principal.role }),
  }),
});

builder.queryField('viewer', (t) => t.field({
  type: ViewerRef,
  description: 'The caller: the API token this request carries.',
  authScopes: { reader: true },
  // Scope-auth has already refused anonymous requests, so a principal is always there.
  resolve: (_root, _args, ctx) => ctx.principal!,
}));
