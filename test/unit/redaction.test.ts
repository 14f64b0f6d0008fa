// The one redaction function: secrets under secret-looking keys vanish at any depth, everything else stays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XapiError } from '../../src/xapi/errors.js';
import { REDACTED, redactForLog, redactSecrets, redactXapiRecord } from '../../src/redaction.js';

describe('redactSecrets', () => {
  it('replaces secret-keyed values in nested maps and lists, and leaves the rest and the input alone', () => {
    const pbd = {
      uuid: 'pbd-1',
      device_config: { target: '10.0.1.30', chapuser: 'pool-a-initiator', chappassword: 'chap-pool-a-s3cret', incoming_chappassword: 'in' },
      other_config: { session_id: 'OpaqueRef:abc', nested: [{ password: 'p', authPassword: 'q', client_secret: 's', keep: 1 }] },
      Authorization: 'Bearer xg_x',
      pwd: 'x',
      empty: null,
      passwordSet: true,
    };
    assert.deepEqual(redactSecrets(pbd), {
      uuid: 'pbd-1',
      device_config: { target: '10.0.1.30', chapuser: 'pool-a-initiator', chappassword: REDACTED, incoming_chappassword: REDACTED },
      other_config: { session_id: REDACTED, nested: [{ password: REDACTED, authPassword: REDACTED, client_secret: REDACTED, keep: 1 }] },
      Authorization: REDACTED,
      pwd: REDACTED,
      empty: null,
      passwordSet: true,
    });
    assert.equal(pbd.device_config.chappassword, 'chap-pool-a-s3cret', 'the input is not modified');
    assert.equal(redactSecrets('password'), 'password', 'plain values are data, not keys');
  });

  it('redacts the value of XAPI secret records', () => {
    assert.deepEqual(redactXapiRecord('Secret', { uuid: 'u', value: 'hunter2' }), { uuid: 'u', value: REDACTED });
    assert.deepEqual(redactXapiRecord('VM', { value: 'kept' }), { value: 'kept' });
    assert.equal(redactXapiRecord('PBD', null), null);
  });

  it('keeps a logged error readable but redacts its own properties', () => {
    const error = Object.assign(new XapiError('SR_BACKEND_FAILURE_68', ['', 'CHAP failed']), { args: [{ chappassword: 'chap-x' }] });
    const logged = redactForLog(error) as XapiError & { args: unknown };
    assert.ok(logged instanceof XapiError);
    assert.equal(logged.message, error.message);
    assert.equal(logged.code, 'SR_BACKEND_FAILURE_68');
    assert.deepEqual(logged.args, [{ chappassword: REDACTED }]);
    assert.equal(logged.stack, error.stack);
  });
});
