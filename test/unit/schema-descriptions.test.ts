// Every type, field, argument, input field and enum value of the API says what it is: the console and GraphiQL
// show these descriptions. Anything new without one fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schema } from '../../src/graphql/schema.js';
import { undescribed } from '../helpers/schema-descriptions.js';

describe('schema descriptions', () => {
  it('describe every type, field, argument, input field and enum value', () => {
    assert.deepEqual(undescribed(schema), []);
  });
});
