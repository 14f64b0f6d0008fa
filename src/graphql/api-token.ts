// ApiToken: the credentials clients authenticate with. Only administrators see or manage them; the secret
// is shown once, in the payload of apiTokenCreate.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { ApiToken, Role } from '../store/index.js';
import { builder } from './builder.js';
import { IdempotencyKeyReuseError, InvalidInputError, NotFoundError } from './errors.js';
import { idempotent } from './idempotency.js';
import { pagedConnection } from './paging.js';
import { boundedText, idempotencyKeyField } from './input-bounds.js';

export const RoleEnum = builder.enumType('Role', {
  description: 'What a token may do; each role includes the ones before it.',
  values: {
    READER: { value: 'reader', description: 'Read everything, subscribe to feeds.' },
    OPERATOR: { value: 'operator', description: 'Also run actions on instances and hosts.' },
    ADMIN: { value: 'admin', description: 'Also manage API tokens and see raw XAPI events.' },
  } as const,
});

const TOKEN_ROLE = 'What the token may do.';

export const ApiTokenRef = builder.loadableNode('ApiToken', {
  description: 'A bearer token for this API and the role it grants. Its secret is shown once, on creation. ADMIN only.',
  authScopes: { admin: true },
  id: { resolve: (token: ApiToken) => token.id },
  // Unknown ids load as null, so node(id:) answers null as Relay expects rather than failing.
  load: (ids: string[], ctx) => ctx.services.store.tokens.getMany(ids),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'A label of your choosing (who or what uses it).' }),
    role: t.field({ type: RoleEnum, description: TOKEN_ROLE, resolve: (token) => token.role }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was created.', resolve: (token) => token.createdAt }),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, description: 'When a request last authenticated with it; null if never.', resolve: (token) => token.lastUsedAt }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was revoked (it authenticates nothing since); null while valid.', resolve: (token) => token.revokedAt }),
  }),
});

builder.queryField('apiTokens', (t) => t.connection({
  type: ApiTokenRef,
  authScopes: { admin: true },
  description: 'API tokens, oldest first; revoked ones only when asked for.',
  args: {
    role: t.arg({ type: RoleEnum, required: false, description: 'Only tokens of this role.' }),
    includeRevoked: t.arg.boolean({ required: false, defaultValue: false, description: 'Also list revoked tokens.' }),
  },
  resolve: (_root, args, ctx) => {
    const filter = { role: args.role ?? undefined, includeRevoked: args.includeRevoked ?? false };
    const repo = ctx.services.store.tokens;
    return pagedConnection<ApiToken>(args, {
      list: (window) => repo.list(filter, window),
      count: () => repo.count(filter),
      cursorOf: (token) => repo.cursorOf(token),
    });
  },
}));

// A retried create may replay the secret, so the replay window is short.
const CREATE_REPLAY_MS = 15 * 60 * 1000;

builder.relayMutationField(
  'apiTokenCreate',
  {
    inputFields: (t) => ({
      name: t.string({ required: true, ...boundedText(100, { min: 1, trim: true, description: 'A name to tell the token by (shown as requestedBy).' }) }),
      role: t.field({ type: RoleEnum, required: true, description: TOKEN_ROLE }),
      idempotencyKey: t.string(idempotencyKeyField),
    }),
  },
  {
    description: 'Creates an API token (admins only); its secret is in the payload, this once.',
    authScopes: { admin: true },
    errors: { types: [InvalidInputError, IdempotencyKeyReuseError], directResult: true, union: { name: 'ApiTokenCreateResult' } },
    resolve: (_root, { input }, ctx) => idempotent(
      ctx.services.store,
      {
        principal: ctx.principal?.tokenId ?? '',
        key: input.idempotencyKey,
        hash: JSON.stringify(['apiTokenCreate', input.name.trim(), input.role]),
        retentionMs: CREATE_REPLAY_MS,
      },
      () => ctx.services.store.tokens.create({ name: input.name.trim(), role: input.role as Role }),
    ),
  },
  {
    outputFields: (t) => ({
      token: t.field({ type: ApiTokenRef, description: 'The new token.', resolve: (created) => created.token }),
      secret: t.string({
        nullable: true,
        description: 'The bearer token. Shown only in this response (and its idempotent replays); store it now.',
        resolve: (created) => created.secret,
      }),
    }),
  },
);

builder.relayMutationField(
  'apiTokenRevoke',
  { inputFields: (t) => ({ id: t.globalID({ for: ApiTokenRef, required: true, description: 'The token to revoke.' }) }) },
  {
    description: 'Revokes an API token (admins only): its requests are refused and its subscriptions end within a second.',
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InvalidInputError], directResult: true, union: { name: 'ApiTokenRevokeResult' } },
    resolve: async (_root, { input }, ctx) => {
      const token = await ctx.services.store.tokens.revoke(input.id.id);
      if (!token) throw new NotFoundError('ApiToken', encodeGlobalID('ApiToken', input.id.id), { path: ['input', 'id'] });
      // Open WebSocket and SSE streams of the token end at once rather than at the next re-check.
      ctx.services.pubsub.publish('token:revoked', token.id);
      return token;
    },
  },
  { outputFields: (t) => ({ token: t.field({ type: ApiTokenRef, description: 'The token, now revoked.', resolve: (token) => token }) }) },
);
