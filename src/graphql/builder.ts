// Configures the Pothos schema builder: plugins (in the order their docs require), scalars, context,
// auth scopes and empty root types. Domain types live in their own modules.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import { forbidden, unauthenticated } from './auth.js';
import type { GraphQLContext } from './context.js';
import { resolveVisibleNode, resolveVisibleNodes } from './root-authorization.js';
import { scopesFor } from './scopes.js';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  AuthScopes: { reader: boolean; operator: boolean; admin: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  defaultFieldNullability: false,
  // Relay before scope-auth so auth checks see parsed global ids; errors before dataloader so load
  // failures of listed error types become union members.
  plugins: [RelayPlugin, ScopeAuthPlugin, ErrorsPlugin, DataloaderPlugin, ValidationPlugin, ComplexityPlugin, SimpleObjectsPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { resolve: resolveVisibleNode },
    nodesQueryOptions: { resolve: resolveVisibleNodes },
  },
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => scopesFor(ctx.principal),
    unauthorizedError: (_parent, ctx, info) => (ctx.principal
      ? forbidden(`${info.parentType.name}.${info.fieldName}`, ctx.principal.role)
      : unauthenticated()),
  },
  errors: { defaultTypes: [] },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 5000, depth: 12, breadth: 200 },
  },
  validation: {
    validationError: (result) => new GraphQLError(
      `Invalid input: ${result.issues.map((i) => `${(i.path ?? []).map((p) => (typeof p === 'object' ? p.key : p)).join('.')}: ${i.message}`).join('; ')}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    ),
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
