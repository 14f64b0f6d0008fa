import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { datamodel, parseType } from '../../src/xapi/datamodel/index.js';
import {
  encodeJsonValue,
  jsonRpcFailure,
  jsonRpcSuccess,
  parseJsonRpcCall,
  WireParseError,
} from '../../src/simulator/wire/jsonrpc.js';

describe('parseJsonRpcCall', () => {
  test('v2 as the xen-api client and the Go SDK send it', () => {
    assert.deepEqual(parseJsonRpcCall('{"id":0,"jsonrpc":"2.0","method":"VM.get_all","params":["OpaqueRef:s"]}'), {
      version: 2,
      id: 0,
      method: 'VM.get_all',
      params: ['OpaqueRef:s'],
    });
  });

  test('v2 params may be omitted, null, or a single object', () => {
    assert.deepEqual(parseJsonRpcCall('{"jsonrpc":"2.0","method":"system.listMethods","id":"a"}').params, []);
    assert.deepEqual(parseJsonRpcCall('{"jsonrpc":"2.0","method":"m","params":null,"id":1}').params, []);
    assert.deepEqual(parseJsonRpcCall('{"jsonrpc":"2.0","method":"m","params":{"a":1},"id":1}').params, [{ a: 1 }]);
  });

  test('v1 without a jsonrpc member, string ids kept', () => {
    assert.deepEqual(parseJsonRpcCall('{"method":"session.login_with_password","params":["root","pw"],"id":"x-1"}'), {
      version: 1,
      id: 'x-1',
      method: 'session.login_with_password',
      params: ['root', 'pw'],
    });
  });

  test('rejects what XAPI rejects', () => {
    const bad = [
      '',
      'not json',
      '[{"jsonrpc":"2.0","method":"m","params":[],"id":1}]',
      '{"jsonrpc":"2.0","method":"m","params":[]}',
      '{"jsonrpc":"2.0","method":"m","params":[],"id":null}',
      '{"jsonrpc":"2.0","params":[],"id":1}',
      '{"jsonrpc":"2.0","method":7,"params":[],"id":1}',
      '{"method":"m","id":1}',
      '{"method":"m","params":{"a":1},"id":1}',
      '{"jsonrpc":"2.0","method":"m","params":"x","id":1}',
      '{"jsonrpc":"3.0","method":"m","params":[],"id":1}',
    ];
    for (const body of bad) {
      assert.throws(() => parseJsonRpcCall(body), WireParseError, `should reject ${JSON.stringify(body)}`);
    }
  });
});

describe('responses', () => {
  const v2 = { version: 2 as const, id: 0 };
  const v1 = { version: 1 as const, id: 'x' };

  test('v2 success never carries an error member', () => {
    assert.equal(jsonRpcSuccess(v2, 'OpaqueRef:a'), '{"jsonrpc":"2.0","result":"OpaqueRef:a","id":0}');
    assert.equal(jsonRpcSuccess(v2, encodeJsonValue(undefined, parseType('void'))), '{"jsonrpc":"2.0","result":"","id":0}');
  });

  test('v1 success has error null', () => {
    assert.equal(jsonRpcSuccess(v1, ['a', 'b']), '{"result":["a","b"],"error":null,"id":"x"}');
  });

  test('failures: code 1 with message and data in v2, the description array in v1', () => {
    const description = ['VM_BAD_POWER_STATE', 'OpaqueRef:a', 'halted', 'running'];
    assert.equal(
      jsonRpcFailure(v2, description),
      '{"jsonrpc":"2.0","error":{"code":1,"message":"VM_BAD_POWER_STATE","data":["OpaqueRef:a","halted","running"]},"id":0}',
    );
    assert.equal(
      jsonRpcFailure(v1, description),
      '{"result":null,"error":["VM_BAD_POWER_STATE","OpaqueRef:a","halted","running"],"id":"x"}',
    );
    assert.equal(
      jsonRpcFailure(v2, ['SESSION_INVALID']),
      '{"jsonrpc":"2.0","error":{"code":1,"message":"SESSION_INVALID","data":[]},"id":0}',
    );
  });
});

describe('encodeJsonValue', () => {
  test('scalars', () => {
    assert.equal(encodeJsonValue(4, parseType('int')), 4);
    assert.equal(encodeJsonValue('1073741824', parseType('int')), 1073741824);
    assert.equal(encodeJsonValue(0.5, parseType('float')), 0.5);
    assert.equal(encodeJsonValue(Number.NaN, parseType('float')), 0);
    assert.equal(encodeJsonValue(Infinity, parseType('float')), 0);
    assert.equal(encodeJsonValue(true, parseType('bool')), true);
    assert.equal(encodeJsonValue('20240101T00:00:00Z', parseType('datetime')), '20240101T00:00:00Z');
    assert.equal(encodeJsonValue(new Date(Date.UTC(2024, 0, 1, 1, 2, 3)), parseType('datetime')), '20240101T01:02:03Z');
    assert.equal(encodeJsonValue(undefined, parseType('void')), '');
    assert.equal(encodeJsonValue('Running', parseType('enum vm_power_state')), 'Running');
  });

  test('string-only containers go out as they are', () => {
    const refs = ['OpaqueRef:a', 'OpaqueRef:b'];
    const smap = { a: 'b' };
    assert.equal(encodeJsonValue(refs, parseType('VM ref set')), refs);
    assert.equal(encodeJsonValue(smap, parseType('(string -> string) map')), smap);
    assert.deepEqual(encodeJsonValue({ 0: 0.5, 1: Number.NaN }, parseType('(int -> float) map')), { 0: 0.5, 1: 0 });
  });

  test('records: the full field set in datamodel order, missing fields defaulted', () => {
    const vm = datamodel.get('VM');
    const record = encodeJsonValue(
      { uuid: 'u', name_label: 'web', memory_static_max: 2048, HVM_shadow_multiplier: 2, extra: 'x' },
      parseType('VM record'),
    ) as Record<string, unknown>;
    assert.deepEqual(Object.keys(record), vm.fields.map((f) => f.name));
    assert.equal(record.uuid, 'u');
    assert.equal(record.memory_static_max, 2048);
    assert.equal(record.HVM_shadow_multiplier, 2);
    assert.equal(record.power_state, 'Halted');
    assert.equal(record.snapshot_time, '19700101T00:00:00Z');
    assert.deepEqual(record.other_config, {});
    assert.equal(record.is_a_template, false);
    const text = JSON.stringify(record);
    assert.ok(text.includes('"memory_static_max":2048,'), 'ints are JSON integers');
  });

  test('get_all_records maps records by ref', () => {
    const all = encodeJsonValue({ 'OpaqueRef:a': { uuid: 'a' } }, parseType('(VM_metrics ref -> VM_metrics record) map')) as
      Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(all['OpaqueRef:a']), datamodel.get('VM_metrics').fields.map((f) => f.name));
  });

  test('event batch', () => {
    const batch = encodeJsonValue(
      {
        events: [
          { id: 3, timestamp: '0.0', class: 'vm', operation: 'add', ref: 'OpaqueRef:v', snapshot: { uuid: 'v' } },
          { id: '4', timestamp: '0.0', class: 'host', operation: 'del', ref: 'OpaqueRef:h' },
        ],
        valid_ref_counts: { vm: 1, host: '0' },
        token: '4,0',
      },
      parseType('an event batch'),
    ) as { events: Record<string, unknown>[]; valid_ref_counts: unknown; token: unknown };
    assert.deepEqual(Object.keys(batch), ['events', 'valid_ref_counts', 'token']);
    assert.deepEqual(Object.keys(batch.events[0]), ['id', 'timestamp', 'class', 'operation', 'ref', 'snapshot']);
    assert.equal(batch.events[0].id, '3');
    assert.deepEqual(Object.keys(batch.events[0].snapshot as object), datamodel.get('VM').fields.map((f) => f.name));
    assert.deepEqual(batch.events[1], { id: '4', timestamp: '0.0', class: 'host', operation: 'del', ref: 'OpaqueRef:h' });
    assert.deepEqual(batch.valid_ref_counts, { vm: 1, host: 0 });
    assert.equal(batch.token, '4,0');
  });
});
