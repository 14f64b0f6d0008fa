import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseType } from '../../src/xapi/datamodel/index.js';
import { coerceParam, ParamTypeError, parseDateTime } from '../../src/simulator/wire/coerce.js';

const coerce = (value: unknown, type: string): unknown => coerceParam(value, parseType(type));

function rejects(value: unknown, type: string, expected: string, received: string): void {
  assert.throws(
    () => coerce(value, type),
    (error: unknown) =>
      error instanceof ParamTypeError && error.expected === expected && error.received === received,
    `${JSON.stringify(value)} as ${type}`,
  );
}

describe('coerceParam', () => {
  test('int from numbers and decimal strings (how Python and JS clients send them)', () => {
    assert.equal(coerce(42, 'int'), 42);
    assert.equal(coerce('1073741824', 'int'), 1073741824);
    assert.equal(coerce('-5', 'int'), -5);
    rejects('12abc', 'int', 'int', 'string "12abc"');
    rejects(1.5, 'int', 'int', 'number 1.5');
    rejects('', 'int', 'int', 'string ""');
    rejects(true, 'int', 'int', 'boolean true');
  });

  test('float from numbers and numeric strings', () => {
    assert.equal(coerce(0.5, 'float'), 0.5);
    assert.equal(coerce(3, 'float'), 3);
    assert.equal(coerce('2.5', 'float'), 2.5);
    assert.equal(coerce('1e3', 'float'), 1000);
    assert.equal(coerce('-inf', 'float'), -Infinity);
    rejects('fast', 'float', 'float', 'string "fast"');
    rejects(null, 'float', 'float', 'null');
  });

  test('bool from booleans, words, digits and numbers', () => {
    assert.equal(coerce(true, 'bool'), true);
    assert.equal(coerce('true', 'bool'), true);
    assert.equal(coerce('False', 'bool'), false);
    assert.equal(coerce('1', 'bool'), true);
    assert.equal(coerce('0', 'bool'), false);
    assert.equal(coerce(0, 'bool'), false);
    assert.equal(coerce(2, 'bool'), true);
    rejects('yes', 'bool', 'bool', 'string "yes"');
  });

  test('datetime from every accepted spelling, normalised to UTC basic form', () => {
    for (const text of [
      '20240229T23:30:00Z',
      '20240229T23:30:00',
      '2024-02-29T23:30:00Z',
      '2024-02-29T23:30:00.999Z',
      '2024-02-29T23:30:00',
      '2024-03-01T01:30:00+02:00',
      '2024-02-29T18:30:00-0500',
      '2024-02-29 23:30:00Z',
    ]) {
      assert.equal(coerce(text, 'datetime'), '20240229T23:30:00Z', text);
    }
    assert.equal(coerce(new Date(Date.UTC(2024, 1, 29, 23, 30)), 'datetime'), '20240229T23:30:00Z');
    rejects('2023-02-29T00:00:00Z', 'datetime', 'datetime', 'string "2023-02-29T00:00:00Z"');
    rejects('yesterday', 'datetime', 'datetime', 'string "yesterday"');
    rejects(1700000000, 'datetime', 'datetime', 'number 1700000000');
    assert.equal(parseDateTime('20241301T00:00:00Z'), undefined);
  });

  test('strings and refs as they are, numbers as decimal text', () => {
    assert.equal(coerce('OpaqueRef:x', 'VM ref'), 'OpaqueRef:x');
    assert.equal(coerce(' spaced ', 'string'), ' spaced ');
    assert.equal(coerce(7, 'string'), '7');
    rejects(null, 'string', 'string', 'null');
    rejects([], 'VM ref', 'VM ref', 'array');
    rejects({}, 'string', 'string', 'struct');
  });

  test('enums: exact spelling, or a case-insensitive match returned canonical', () => {
    assert.equal(coerce('Running', 'enum vm_power_state'), 'Running');
    assert.equal(coerce('running', 'enum vm_power_state'), 'Running');
    assert.equal(coerce('dhcp', 'enum ip_configuration_mode'), 'DHCP');
    rejects('sleeping', 'enum vm_power_state', 'enum vm_power_state', 'string "sleeping"');
    rejects(1, 'enum vm_power_state', 'enum vm_power_state', 'number 1');
  });

  test('sets coerce every item; a lone value is not a set', () => {
    assert.deepEqual(coerce(['1', 2], 'int set'), [1, 2]);
    assert.deepEqual(coerce([], 'VM ref set'), []);
    rejects('OpaqueRef:x', 'VM ref set', 'VM ref set', 'string "OpaqueRef:x"');
    rejects(['1', 'x'], 'int set', 'int', 'string "x"');
  });

  test('maps coerce keys and values', () => {
    assert.deepEqual(coerce({ a: 'b' }, '(string -> string) map'), { a: 'b' });
    assert.deepEqual(coerce({ 0: '0.5' }, '(int -> float) map'), { 0: 0.5 });
    assert.deepEqual(coerce({ start: 'x' }, '(enum vm_operations -> string) map'), { start: 'x' });
    rejects(['a'], '(string -> string) map', '(string -> string) map', 'array');
    const hostile = coerce(JSON.parse('{"__proto__":"x"}'), '(string -> string) map') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(hostile), Object.prototype);
    assert.deepEqual(Object.keys(hostile), ['__proto__']);
  });

  test('records: known members coerced by their field type, unknown dropped, missing left out', () => {
    assert.deepEqual(
      coerce(
        {
          name_label: 'web',
          memory_static_max: '4294967296',
          is_a_template: 'true',
          power_state: 'halted',
          HVM_shadow_multiplier: '1.5',
          other_config: { k: 'v' },
          snapshot_time: '2024-01-01T00:00:00Z',
          not_a_field: 1,
        },
        'VM record',
      ),
      {
        name_label: 'web',
        memory_static_max: 4294967296,
        is_a_template: true,
        power_state: 'Halted',
        HVM_shadow_multiplier: 1.5,
        other_config: { k: 'v' },
        snapshot_time: '20240101T00:00:00Z',
      },
    );
    rejects({ VCPUs_max: 'many' }, 'VM record', 'int', 'string "many"');
    rejects('OpaqueRef:x', 'VM record', 'VM record', 'string "OpaqueRef:x"');
  });

  test('any passes through', () => {
    const value = { a: [1, 'b'] };
    assert.equal(coerceParam(value, { kind: 'any' }), value);
  });

  test('the error names what was expected and what arrived', () => {
    const error = (() => {
      try {
        coerce('abc', '(string -> int) map');
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof ParamTypeError);
    assert.ok(error instanceof Error);
    assert.equal(error.expected, '(string -> int) map');
    assert.equal(error.received, 'string "abc"');
  });
});
