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
import { InvalidInputError } from '../errors.js';
import { forbidden, unauthenticated } from './auth.js';
import type { GraphQLContext } from './context.js';
import { boundedText, decodeBoundedGlobalID, MAX_CURSOR_LENGTH } from './input-bounds.js';
import { connectionComplexity, MAX_REQUEST_COMPLEXITY } from './query-cost.js';
import { resolveVisibleNode } from './root-authorization.js';
import { scopesFor } from './scopes.js';
import { DESCRIBE } from './shared-descriptions.js';

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
    // Every global ID input passes here before it is used, so its bound lives here too.
    decodeGlobalID: decodeBoundedGlobalID,
    beforeArgOptions: boundedText(MAX_CURSOR_LENGTH, { description: 'A cursor from this connection.' }),
    afterArgOptions: boundedText(MAX_CURSOR_LENGTH, { description: 'A cursor from this connection.' }),
    nodeQueryOptions: {
      resolve: resolveVisibleNode,
      description: 'Any object by its global id; null when there is none or the caller\'s role may not see its type.',
      args: { id: { description: 'A global id, as an object\'s `id` field gives it.' } },
    },
    mutationInputArgOptions: { description: DESCRIBE.mutationInput },
    nodeTypeOptions: { description: 'An object with a global id, fetchable with node(id:).' },
    idFieldOptions: { description: 'The global id (opaque; stable across restarts).' },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection (Relay cursor paging).' },
    hasNextPageFieldOptions: { description: 'Whether more items follow (paging forward with first/after).' },
    hasPreviousPageFieldOptions: { description: 'Whether items come before (paging backward with last/before).' },
    startCursorFieldOptions: { description: 'The first edge\'s cursor; null for an empty page.' },
    endCursorFieldOptions: { description: 'The last edge\'s cursor, for `after`; null for an empty page.' },
    pageInfoFieldOptions: { description: 'Where this page sits, for the next request.' },
    edgesFieldOptions: { complexity: { field: 1, multiplier: 1 }, description: 'The page\'s items, in the connection\'s order.' },
    cursorFieldOptions: { description: 'This item\'s place, for after/before.' },
    nodeFieldOptions: { description: 'The item.' },
    firstArgOptions: { description: 'Page size from the start or `after` (at most 100 unless stated; 20 when no size is given).' },
    lastArgOptions: { description: 'Page size back from the end or `before` (same bounds as first).' },
    // nodes(ids) is our own (nodes.ts): the plugin's fails the whole list for one malformed id.
    nodesQueryOptions: false,
    // A connection weighs its page size times its selection (query-cost.ts); its edges are then counted once.
    defaultConnectionFieldOptions: { complexity: connectionComplexity },
  },
  scopeAuth: {
    authorizeOnSubscribe: true,
    // A type's scopes are checked once per object it resolves (isTypeOf), not again before each of its fields:
    // listing a thousand instances ran the Instance check for every field of every one.
    runScopesOnType: true,
    authScopes: (ctx) => scopesFor(ctx.principal),
    unauthorizedError: (_parent, ctx, info) => (ctx.principal
      ? forbidden(`${info.parentType.name}.${info.fieldName}`, ctx.principal.role)
      : unauthenticated()),
  },
  // Validation failures go through the errors plugin too, so fields listing InvalidInputError answer
  // with it (path included) rather than a top-level error.
  errors: { defaultTypes: [], unsafelyHandleInputErrors: true },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    // Pages count in full: a page of 1,000 instances with a dozen fields (an inventory) weighs about 13,000.
    limit: { complexity: MAX_REQUEST_COMPLEXITY, depth: 12, breadth: 200 },
  },
  validation: {
    // An InvalidInputError: a union member on every mutation (each lists it; a schema test keeps it so), a
    // top-level BAD_USER_INPUT on queries and subscriptions (request-errors.ts).
    validationError: (result) => {
      const pathOf = (issue: (typeof result.issues)[number]) => (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p));
      const message = result.issues.map((issue) => `${pathOf(issue).join('.')}: ${issue.message}`).join('; ');
      return new InvalidInputError(`Invalid input: ${message}`, { path: result.issues[0] ? pathOf(result.issues[0]) : [] });
    },
  },
});

builder.queryType({ description: 'What can be read: pools, hosts, instances and their history. Every role may read.' });
builder.mutationType({ description: 'Actions: each answers at once with an Operation or a typed error, having changed nothing. OPERATOR or ADMIN.' });
builder.subscriptionType({ description: 'Live updates over graphql-ws or SSE: objects as they change, and feeds of events.' });
