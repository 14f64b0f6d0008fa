// Secure by default: every root field and every Node type states who may use it. A new field without
// `authScopes` fails here until it gets scopes or is deliberately added to the allow-list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { schema } from '../../src/graphql/schema.js';

/** Root fields open to anyone; each must protect what it returns by other means. */
const PUBLIC_ROOT_FIELDS = new Set([
  // Relay's lookups by global id: every Node type carries type-level scopes (checked below).
  'Query.node',
  'Query.nodes',
]);

/** Pothos keeps each field's and type's options in `extensions.pothosOptions`. */
function authScopesOf(extensions: object | null | undefined): unknown {
  const options = (extensions as { pothosOptions?: { authScopes?: unknown } } | null | undefined)?.pothosOptions;
  return options?.authScopes;
}

function rootFields(): [string, GraphQLField<unknown, unknown>][] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
    .filter((type): type is GraphQLObjectType => type != null);
  return roots.flatMap((root) => Object.values(root.getFields()).map((field) => [`${root.name}.${field.name}`, field] as [string, GraphQLField<unknown, unknown>]));
}

describe('schema authorization coverage', () => {
  it('has scopes on every Query, Mutation and Subscription field outside the allow-list', () => {
    const fields = rootFields();
    assert.ok(fields.length > 5, 'the schema should have root fields');
    const missing = fields
      .filter(([name, field]) => !PUBLIC_ROOT_FIELDS.has(name) && authScopesOf(field.extensions) === undefined)
      .map(([name]) => name);
    assert.deepEqual(missing, [], `root fields without authScopes: ${missing.join(', ')}`);
  });

  it('keeps the allow-list honest: listed fields exist and really have no scopes', () => {
    const fields = new Map(rootFields());
    for (const name of PUBLIC_ROOT_FIELDS) {
      assert.ok(fields.has(name), `${name} is allow-listed but does not exist`);
      assert.equal(authScopesOf(fields.get(name)!.extensions), undefined, `${name} has scopes: drop it from the allow-list`);
    }
  });

  it('has type-level scopes on every Node type, since node(id:) bypasses field scopes', () => {
    const nodeInterface = schema.getType('Node');
    assert.ok(nodeInterface, 'the schema should define Node');
    const unprotected = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => type.getInterfaces().some((iface) => iface.name === 'Node'))
      .filter((type) => authScopesOf(type.extensions) === undefined)
      .map((type) => type.name);
    assert.deepEqual(unprotected, [], `Node types without type-level authScopes: ${unprotected.join(', ')}`);
  });

  it('restricts API token management to administrators', () => {
    const fields = new Map(rootFields());
    for (const name of ['Query.apiTokens', 'Mutation.apiTokenCreate', 'Mutation.apiTokenRevoke']) {
      assert.deepEqual(authScopesOf(fields.get(name)?.extensions), { admin: true }, name);
    }
    assert.deepEqual(authScopesOf(schema.getType('ApiToken')?.extensions), { admin: true });
  });
});
