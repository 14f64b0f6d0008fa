// Every mutation answers bad input as an InvalidInputError member of its result union, with the path of the
// field, rather than a top-level error clients must parse the message of. A new mutation without it fails
// here, naming it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getNamedType, isUnionType } from 'graphql';
import { schema } from '../../src/graphql/schema.js';

describe('mutation results', () => {
  it('are unions that list InvalidInputError', () => {
    const fields = Object.values(schema.getMutationType()!.getFields());
    assert.ok(fields.length > 40, `only ${fields.length} mutations found`);
    const without = fields.flatMap((field) => {
      const result = getNamedType(field.type);
      if (!isUnionType(result)) return [`${field.name}: ${result.name} is not a union`];
      return result.getTypes().some((member) => member.name === 'InvalidInputError') ? [] : [`${field.name}: ${result.name}`];
    });
    assert.deepEqual(without, []);
  });
});
