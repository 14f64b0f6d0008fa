import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileWhere, WhereSyntaxError } from '../../src/simulator/query/where.js';

const running = {
  name_label: 'web-1',
  power_state: 'Running',
  is_a_template: false,
  VCPUs_max: 4,
  tags: ['prod', 'web'],
  other_config: { a: 'b' },
};
const template = { ...running, name_label: 'Debian', power_state: 'Halted', is_a_template: true, tags: [] };

const matches = (expr: string, record: Record<string, unknown> = running): boolean => compileWhere(expr)(record);

describe('compileWhere', () => {
  test('field equals a literal, with the DB namespace spelling or the record one', () => {
    assert.equal(matches('field "name__label" = "web-1"'), true);
    assert.equal(matches('field "name_label" = "web-1"'), true);
    assert.equal(matches('field "name__label" = "web-2"'), false);
    assert.equal(matches('field "power_state"="Running"'), true);
    assert.equal(matches('field "power_state" = "running"'), false, 'values compare exactly');
  });

  test('inequality as <> and !=', () => {
    assert.equal(matches('field "power_state" <> "Halted"'), true);
    assert.equal(matches('field "power_state" != "Running"'), false);
  });

  test('values compare as strings', () => {
    assert.equal(matches('field "is_a_template" = "false"'), true);
    assert.equal(matches('field "is_a_template" = "true"', template), true);
    assert.equal(matches('field "VCPUs_max" = "4"'), true);
    assert.equal(matches('"a" = "a"'), true);
    assert.equal(matches('field "name_label" = field "name__label"'), true);
  });

  test('a set equals each of its members; a map equals nothing', () => {
    assert.equal(matches('field "tags" = "web"'), true);
    assert.equal(matches('field "tags" = "dev"'), false);
    assert.equal(matches('field "tags" <> "web"'), false);
    assert.equal(matches('field "tags" = "web"', template), false);
    assert.equal(matches('field "other_config" = "a"'), false);
  });

  test('and, or, not, parentheses, true, false; keywords in any case, whitespace anywhere', () => {
    assert.equal(matches('true'), true);
    assert.equal(matches('FALSE'), false);
    assert.equal(matches('field "is_a_template" = "false" and field "power_state" = "Running"'), true);
    assert.equal(matches('field "is_a_template" = "true" AND field "power_state" = "Running"'), false);
    assert.equal(matches('field "is_a_template" = "true" Or field "power_state" = "Running"'), true);
    assert.equal(matches('not field "is_a_template" = "true"'), true);
    assert.equal(matches('\n(\tfield"power_state"="Halted"or(true))and   not(false)  '), true);
    assert.equal(matches('not not true'), true);
  });

  test('precedence as in XAPI: and/or equal and left-associative, not negates everything after it', () => {
    // With the usual precedence the first would read true or (true and false), which is true.
    assert.equal(matches('true or true and false'), false, '(true or true) and false');
    assert.equal(matches('false and true or true'), true, '(false and true) or true');
    assert.equal(matches('not true and false'), true, 'not (true and false)');
    assert.equal(matches('not false or true'), false, 'not (false or true)');
    assert.equal(matches('(not false) or true'), true);
    assert.equal(matches('true and not false or true'), false, 'true and not (false or true)');
  });

  test('a missing field equals only the empty string', () => {
    assert.equal(matches('field "nope" = ""'), true);
    assert.equal(matches('field "nope" = "x"'), false);
  });

  test('filters a table', () => {
    const predicate = compileWhere('field "is_a_template"="false" and field "power_state"="Running"');
    assert.deepEqual([running, template].filter(predicate), [running]);
  });

  test('unparsable expressions throw WhereSyntaxError', () => {
    for (const expr of [
      '',
      '   ',
      'field "a"',
      'field "a" =',
      'field a = "b"',
      '"a" = "b',
      'field "a" == "b"',
      'field "a" = "b" and',
      '(true',
      'true)',
      'true false',
      'maybe',
      'field "a" = "b" xor true',
      "field 'a' = 'b'",
      'not',
    ]) {
      assert.throws(() => compileWhere(expr), WhereSyntaxError, JSON.stringify(expr));
    }
  });
});
