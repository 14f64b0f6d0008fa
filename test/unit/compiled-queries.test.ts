// Which documents may run compiled: the compiled path has no per-object type scope checks, so a document may
// only run there when every scoped type it can reach admits the caller's role, whichever way the document
// reaches the type (a field, an interface such as Node, a fragment).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'graphql';
import { typeScopesAdmit } from '../../src/graphql/compiled-queries.js';
import { schema } from '../../src/graphql/schema.js';
import { scopesFor } from '../../src/graphql/scopes.js';

const as = (role: 'reader' | 'operator' | 'admin') => scopesFor({ role } as Parameters<typeof scopesFor>[0]);

describe('documents the compiled path may run', () => {
  const instancePage = parse('{ instances(first: 10) { edges { node { id name host { id name } } } } }');
  const tokensThroughNode = parse('query ($id: ID!) { node(id: $id) { id ... on Instance { name } } }');
  const tokenFragment = parse('query ($id: ID!) { node(id: $id) { ...T } } fragment T on ApiToken { name role }');

  it('admits an instance page for every role', () => {
    for (const role of ['reader', 'operator', 'admin'] as const) assert.equal(typeScopesAdmit(schema, instancePage, as(role)), true, role);
  });

  it('keeps a document that can reach an admin-only type on the executor for a reader, through an interface or a fragment', () => {
    assert.equal(typeScopesAdmit(schema, tokensThroughNode, as('reader')), false, 'node(id) can be an ApiToken');
    assert.equal(typeScopesAdmit(schema, tokenFragment, as('reader')), false);
    assert.equal(typeScopesAdmit(schema, tokenFragment, as('operator')), false);
    assert.equal(typeScopesAdmit(schema, tokenFragment, as('admin')), true);
  });
});
