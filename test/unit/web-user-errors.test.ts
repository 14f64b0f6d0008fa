// The console's placing of a mutation's typed errors: by the field their path names, the rest for the whole form.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorsByField, isUserError } from '../../web/src/components/form/user-errors.js';

describe('console form errors', () => {
  it('files each error under the deepest field of the form its path names, the rest under the form', () => {
    const flavor = { message: 'No flavor m9', code: 'NOT_FOUND', path: ['input', 'flavorId'] };
    const network = { message: 'Unknown network', path: ['input', 'networkIds', '1'] };
    const state = { message: 'Instance is busy', code: 'OPERATION_IN_PROGRESS', path: null };
    const outside = { message: 'Bad metadata', path: ['input', 'metadata'] };
    const placed = errorsByField([flavor, network, state, outside], ['flavorId', 'networkIds', 'name']);
    assert.deepEqual(placed.get('flavorId'), [flavor]);
    assert.deepEqual(placed.get('networkIds'), [network]);
    assert.deepEqual(placed.get(''), [state, outside]);
    assert.equal(placed.get('name'), undefined);
  });

  it('tells an accepted payload from an error member of the result union', () => {
    assert.equal(isUserError({ __typename: 'ActionPayload' }, 'ActionPayload'), false);
    assert.equal(isUserError({ __typename: 'InvalidStateError', message: 'not now' } as { __typename: string }, 'ActionPayload'), true);
  });
});
