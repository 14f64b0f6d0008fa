// Every type, field, argument, input field and enum value of the API says what it is: the console and GraphiQL
// show these descriptions. Anything new without one fails here. The baseline lists what was undescribed when the
// check came in; it may only shrink (an entry that gains a description must leave it), down to empty.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { schema } from '../../src/graphql/schema.js';
import { undescribed } from '../helpers/schema-descriptions.js';

const BASELINE = new URL('./schema-descriptions.baseline.txt', import.meta.url);

describe('schema descriptions', () => {
  const missing = undescribed(schema);
  const baseline = new Set(readFileSync(BASELINE, 'utf8').split('\n').filter(Boolean));

  it('describe every type, field, argument, input field and enum value not in the shrinking baseline', () => {
    assert.deepEqual(missing.filter((coordinate) => !baseline.has(coordinate)), []);
  });

  it('keep the baseline to what is still undescribed', () => {
    const described = [...baseline].filter((coordinate) => !missing.includes(coordinate));
    assert.deepEqual(described, [], 'remove these from test/unit/schema-descriptions.baseline.txt');
  });
});
