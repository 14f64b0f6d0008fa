// The signs by which the event watcher tells that XAPI restarted under it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ObjectCache } from '../../src/xapi/object-cache.js';
import { tokenWentBack, toolstackStartOf } from '../../src/xapi/restart-signs.js';

const token = (generation: number, messages = 0) => `${String(generation).padStart(20, '0')},${String(messages).padStart(20, '0')}`;

describe('XAPI restart signs', () => {
  test('a token behind the one sent went back; a new message alone does not move the database part', () => {
    assert.equal(tokenWentBack(token(5000), token(212)), true);
    assert.equal(tokenWentBack(token(5000), token(5000, 3)), false);
    assert.equal(tokenWentBack(token(5000), token(5001)), false);
    assert.equal(tokenWentBack('', token(3)), false, 'an empty token is the beginning, nothing is behind it');
  });

  test('the master\'s boot and toolstack start times, once the pool and its master are known', () => {
    const cache = new ObjectCache();
    assert.equal(toolstackStartOf(cache), undefined);
    cache.replaceClass('pool', { 'OpaqueRef:pool': { uuid: 'p', master: 'OpaqueRef:master' } });
    cache.replaceClass('host', {
      'OpaqueRef:master': { uuid: 'm', other_config: { boot_time: '100.5', agent_start_time: '200.25' } },
      'OpaqueRef:slave': { uuid: 's', other_config: { boot_time: '1', agent_start_time: '2' } },
    });
    const before = toolstackStartOf(cache);
    assert.equal(before, '100.5/200.25');
    cache.replaceClass('host', {
      'OpaqueRef:master': { uuid: 'm', other_config: { boot_time: '100.5', agent_start_time: '900' } },
      'OpaqueRef:slave': { uuid: 's', other_config: { boot_time: '1', agent_start_time: '2' } },
    });
    assert.notEqual(toolstackStartOf(cache), before);
  });
});
