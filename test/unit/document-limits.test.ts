// The document bounds on their own: what counts towards each limit, and that nothing recursive runs before
// the nesting check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getIntrospectionQuery, GraphQLError, parse } from 'graphql';
import { bracketNesting, DOCUMENT_LIMITS, measureDocument, parseWithinLimits } from '../../src/graphql/document-limits.js';

function refusal(source: string): { measure: unknown; code: unknown } {
  try {
    parseWithinLimits(source);
  } catch (error) {
    assert.ok(error instanceof GraphQLError, String(error));
    return { measure: error.extensions.measure, code: error.extensions.code };
  }
  assert.fail('the document was accepted');
}

describe('document limits', () => {
  it('accept GraphiQL\'s full introspection query', () => {
    assert.doesNotThrow(() => parseWithinLimits(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true })));
  });

  it('count bracket nesting outside strings, block strings and comments', () => {
    assert.equal(bracketNesting('{ a(x: "{{{[[[") { b { c } } }', 100), 3);
    assert.equal(bracketNesting('{ a(x: """ {{{ \\""" {{ """) }', 100), 2);
    assert.equal(bracketNesting('# {{{{\n{ a }', 100), 1);
    assert.equal(bracketNesting('{ a(x: "\\"{{") }', 100), 2);
  });

  it('refuse deep selections and deep literals before parsing (no stack overflow at 100,000 levels)', () => {
    assert.deepEqual(refusal('{'.repeat(100_000) + 'a' + '}'.repeat(100_000)), { measure: 'nesting', code: 'QUERY_TOO_COMPLEX' });
    assert.deepEqual(refusal(`{ nodes(ids: ${'['.repeat(100_000)}"x"${']'.repeat(100_000)}) { id } }`), { measure: 'nesting', code: 'QUERY_TOO_COMPLEX' });
  });

  it('refuse too many tokens', () => {
    assert.deepEqual(refusal(`{ ${'a '.repeat(DOCUMENT_LIMITS.maxTokens)} }`), { measure: 'tokens', code: 'QUERY_TOO_COMPLEX' });
  });

  it('count __typename and introspection fields and their aliases', () => {
    const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    assert.deepEqual(refusal(typenames(DOCUMENT_LIMITS.maxAliases + 1)), { measure: 'aliases', code: 'QUERY_TOO_COMPLEX' });
    assert.doesNotThrow(() => parseWithinLimits(typenames(DOCUMENT_LIMITS.maxAliases)));
    const schemas = `{ ${Array.from({ length: DOCUMENT_LIMITS.maxAliases + 1 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`;
    assert.deepEqual(refusal(schemas), { measure: 'aliases', code: 'QUERY_TOO_COMPLEX' });
    assert.deepEqual(refusal(`{ ${'__typename '.repeat(DOCUMENT_LIMITS.maxFields + 1)} }`), { measure: 'fields', code: 'QUERY_TOO_COMPLEX' });
  });

  it('write fragments out once each: a spread-twice chain of 20 fragments is a million fields, measured at once', () => {
    const chain = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const source = `{ ...F0 }\n${chain}\nfragment F20 on Query { __typename }`;
    const started = Date.now();
    assert.equal(measureDocument(parse(source)).fields, 2 ** 20);
    assert.ok(Date.now() - started < 100);
    assert.deepEqual(refusal(source), { measure: 'fields', code: 'QUERY_TOO_COMPLEX' });
  });

  it('measure depth through fragments and ignore fragment cycles (validation reports them)', () => {
    assert.equal(measureDocument(parse('{ a { ...F } } fragment F on A { b { c } }')).depth, 3);
    assert.equal(measureDocument(parse('{ ...F } fragment F on Query { ...G a } fragment G on Query { ...F b }')).fields, 2);
    const deep = `${'{ a '.repeat(DOCUMENT_LIMITS.maxDepth + 1)}${'}'.repeat(DOCUMENT_LIMITS.maxDepth + 1)}`;
    assert.deepEqual(refusal(deep.replace('{ a }', '{ a { b } }')), { measure: 'depth', code: 'QUERY_TOO_COMPLEX' });
  });
});
