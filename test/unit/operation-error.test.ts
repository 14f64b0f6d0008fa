// What an Operation keeps of a failure: XAPI's code and parameters, bounded, since a pool (or a guest behind it)
// may answer with megabytes that would otherwise be stored and served to every reader.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidInputError } from '../../src/errors.js';
import { MAX_ERROR_PARAMS, MAX_ERROR_TEXT, operationErrorOf } from '../../src/operations/outcome.js';
import { XapiError } from '../../src/xapi/errors.js';

describe('operationErrorOf', () => {
  test('keeps a XAPI error\'s code and parameters as they are when small', () => {
    const error = operationErrorOf(new XapiError('VM_BAD_POWER_STATE', ['OpaqueRef:1', 'running', 'halted'], 'VM.start'));
    assert.deepEqual(error, {
      code: 'XAPI_ERROR', message: 'XAPI refused VM.start: VM_BAD_POWER_STATE', xapiCode: 'VM_BAD_POWER_STATE',
      xapiParams: ['OpaqueRef:1', 'running', 'halted'],
    });
  });

  test('bounds a megabyte parameter and a thousand parameters', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const error = operationErrorOf(new XapiError('SR_BACKEND_FAILURE_47', [huge, ...Array.from({ length: 1000 }, (_, i) => `p${i}`)], 'PBD.plug'));
    assert.equal(error.xapiParams!.length, MAX_ERROR_PARAMS + 1);
    assert.ok(error.xapiParams![0]!.length < MAX_ERROR_TEXT + 50);
    assert.match(error.xapiParams![0]!, /more characters\)$/);
    assert.equal(error.xapiParams!.at(-1), `… (${1001 - MAX_ERROR_PARAMS} more)`);
    assert.ok(JSON.stringify(error).length < 10 * MAX_ERROR_TEXT);
  });

  test('bounds the message of any other failure', () => {
    assert.ok(operationErrorOf(new Error('y'.repeat(100_000))).message.length < MAX_ERROR_TEXT + 50);
    assert.ok(operationErrorOf(new InvalidInputError('z'.repeat(100_000))).message.length < MAX_ERROR_TEXT + 50);
  });
});
