import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { datamodel, parseType, type XType } from '../../src/xapi/datamodel/index.js';
import {
  encodeXmlValue,
  formatFloat,
  parseXmlRpcCall,
  WireParseError,
  xmlRpcBare,
  xmlRpcFailure,
  xmlRpcSuccess,
} from '../../src/simulator/wire/xmlrpc.js';

const T = (text: string): XType => parseType(text);

function defaultRecord(cls: string): Record<string, unknown> {
  return Object.fromEntries(datamodel.get(cls).fields.map((f) => [f.name, f.defaultValue()]));
}

/** Reads an encoded value back through the request parser, as a client would see it. */
function decode(valueXml: string): unknown {
  return parseXmlRpcCall(`<methodCall><methodName>m</methodName><params><param>${valueXml}</param></params></methodCall>`)
    .params[0];
}

describe('parseXmlRpcCall', () => {
  test('reads a pretty-printed call as Python xmlrpc.client sends it', () => {
    const body = `<?xml version='1.0'?>
<methodCall>
<methodName>VM.create</methodName>
<params>
<param>
<value><string>OpaqueRef:session</string></value>
</param>
<param>
<value><struct>
<member>
<name>name_label</name>
<value><string>web &amp; db &lt;1&gt; &quot;q&quot; &apos;a&apos; &#65;&#x42;</string></value>
</member>
<member>
<name>VCPUs_max</name>
<value><int>4</int></value>
</member>
<member>
<name>memory_static_max</name>
<value><i8>17179869184</i8></value>
</member>
<member>
<name>is_a_template</name>
<value><boolean>0</boolean></value>
</member>
<member>
<name>HVM_shadow_multiplier</name>
<value><double>1.5</double></value>
</member>
<member>
<name>affinity</name>
<value><nil/></value>
</member>
<member>
<name>empty_string</name>
<value><string/></value>
</member>
<member>
<name>empty_typed</name>
<value><string></string></value>
</member>
<member>
<name>basic_date</name>
<value><dateTime.iso8601>20240101T12:34:56</dateTime.iso8601></value>
</member>
<member>
<name>tags</name>
<value><array><data>
<value><string>a</string></value>
<value><i4>-7</i4></value>
</data></array></value>
</member>
</struct></value>
</param>
</params>
</methodCall>
`;
    const call = parseXmlRpcCall(body);
    assert.equal(call.method, 'VM.create');
    assert.deepEqual(call.params, [
      'OpaqueRef:session',
      {
        name_label: 'web & db <1> "q" \'a\' AB',
        VCPUs_max: 4,
        memory_static_max: 17179869184,
        is_a_template: false,
        HVM_shadow_multiplier: 1.5,
        affinity: null,
        empty_string: '',
        empty_typed: '',
        basic_date: '20240101T12:34:56Z',
        tags: ['a', -7],
      },
    ]);
  });

  test('reads the exact compact body the xen-api client sends', () => {
    // Produced by the xen-api package's own formatter (note `<data />`, `<nil />` and ints as strings).
    const body = '<?xml version="1.0" encoding="UTF-8"?><methodCall><methodName>VM.create</methodName><params>'
      + '<param><value>OpaqueRef:s</value></param><param><value><struct><member><name>name_label</name>'
      + '<value>a &amp; &lt;b&gt;</value></member><member><name>VCPUs_max</name><value>4</value></member>'
      + '<member><name>HVM_shadow_multiplier</name><value><double>1.5</double></value></member>'
      + '<member><name>is_a_template</name><value><boolean>0</boolean></value></member>'
      + '<member><name>other_config</name><value><struct><member><name>k</name><value></value></member></struct>'
      + '</value></member><member><name>tags</name><value><array><data /></array></value></member>'
      + '<member><name>nothing</name><value><nil /></value></member></struct></value></param></params></methodCall>';
    assert.deepEqual(parseXmlRpcCall(body), {
      method: 'VM.create',
      params: [
        'OpaqueRef:s',
        {
          name_label: 'a & <b>',
          VCPUs_max: '4',
          HVM_shadow_multiplier: 1.5,
          is_a_template: false,
          other_config: { k: '' },
          tags: [],
          nothing: null,
        },
      ],
    });
  });

  test('empty string spellings', () => {
    const call = parseXmlRpcCall(
      '<methodCall><methodName>m</methodName><params><param><value/></param><param><value></value></param>'
        + '<param><value><string/></value></param><param><value><string></string></value></param></params></methodCall>',
    );
    assert.deepEqual(call.params, ['', '', '', '']);
  });

  test('keeps whitespace of an untyped value, ignores it around a typed one', () => {
    const call = parseXmlRpcCall(
      '<methodCall><methodName>m</methodName><params><param><value>  x </value></param>'
        + '<param><value>\n  <int> 12 </int>\n</value></param><param><value>   </value></param></params></methodCall>',
    );
    assert.deepEqual(call.params, ['  x ', 12, '   ']);
  });

  test('dates in basic and dashed forms, with fraction and zone, normalise to XAPI form', () => {
    const dates = [
      '20240101T00:00:00Z',
      '20240101T00:00:00',
      '2024-01-01T00:00:00Z',
      '2024-01-01T00:00:00.123Z',
      '2024-01-01T00:00:00',
      '2024-01-01T02:00:00+02:00',
      '2023-12-31T19:00:00-0500',
    ];
    const body = `<methodCall><methodName>m</methodName><params>${dates
      .map((d) => `<param><value><dateTime.iso8601>${d}</dateTime.iso8601></value></param>`)
      .join('')}</params></methodCall>`;
    assert.deepEqual(parseXmlRpcCall(body).params, dates.map(() => '20240101T00:00:00Z'));
  });

  test('base64 decodes to a utf8 string, CDATA and comments are text and nothing', () => {
    const call = parseXmlRpcCall(
      '<methodCall><methodName>m</methodName><params><param><value><base64>aMOpbGxv\n</base64></value></param>'
        + '<param><value><![CDATA[<a&b>]]></value></param><!-- note --></params></methodCall>',
    );
    assert.deepEqual(call.params, ['héllo', '<a&b>']);
  });

  test('a call without params has no params', () => {
    assert.deepEqual(parseXmlRpcCall('<methodCall><methodName>system.listMethods</methodName></methodCall>'), {
      method: 'system.listMethods',
      params: [],
    });
    assert.deepEqual(
      parseXmlRpcCall('<?xml version="1.0"?>\n<methodCall>\n <methodName>x</methodName>\n <params/>\n</methodCall>\n')
        .params,
      [],
    );
  });

  test('malformed bodies throw WireParseError', () => {
    const bad = [
      '',
      'not xml at all',
      '{"method":"x"}',
      '<methodCall></methodCall>',
      '<methodCall><methodName></methodName></methodCall>',
      '<methodResponse><params/></methodResponse>',
      '<methodCall><methodName>m</methodName><params><param><value>x</param></params></methodCall>',
      '<methodCall><methodName>m</methodName><params><param><value><int>x</int></value></param></params></methodCall>',
      '<methodCall><methodName>m</methodName><params><param><value><boolean>2</boolean></value></param></params></methodCall>',
      '<methodCall><methodName>m</methodName><params><param><value><dateTime.iso8601>soon</dateTime.iso8601></value></param></params></methodCall>',
      '<methodCall><methodName>m</methodName><params><param><value><blob/></value></param></params></methodCall>',
      '<methodCall><methodName>m</methodName><params><param><value>a &bogus; b</value></param></params></methodCall>',
      '<methodCall><methodName>m</methodName><params><param><value>a & b</value></param></params></methodCall>',
      '<methodCall><methodName>m</methodName></methodCall><extra/>',
      '<methodCall><methodName>m</methodName>',
      '<methodCall><methodName>m</methodName><params>junk</params></methodCall>',
      '<!DOCTYPE x [<!ENTITY a "b">]><methodCall><methodName>m</methodName></methodCall>',
    ];
    for (const body of bad) {
      assert.throws(() => parseXmlRpcCall(body), WireParseError, `should reject ${JSON.stringify(body)}`);
    }
  });
});

describe('encodeXmlValue', () => {
  test('scalars in XAPI form', () => {
    assert.equal(encodeXmlValue('a & <b> "c"', T('string')), '<value>a &amp; &lt;b&gt; &quot;c&quot;</value>');
    assert.equal(encodeXmlValue('', T('string')), '<value></value>');
    assert.equal(encodeXmlValue('OpaqueRef:NULL', T('VM ref')), '<value>OpaqueRef:NULL</value>');
    assert.equal(encodeXmlValue('Running', T('enum vm_power_state')), '<value>Running</value>');
    assert.equal(encodeXmlValue(1073741824, T('int')), '<value>1073741824</value>');
    assert.equal(encodeXmlValue(-3, T('int')), '<value>-3</value>');
    assert.equal(encodeXmlValue(1, T('float')), '<value><double>1</double></value>');
    assert.equal(encodeXmlValue(0.5, T('float')), '<value><double>0.5</double></value>');
    assert.equal(encodeXmlValue(Number.NaN, T('float')), '<value><double>0</double></value>');
    assert.equal(encodeXmlValue(true, T('bool')), '<value><boolean>1</boolean></value>');
    assert.equal(encodeXmlValue(false, T('bool')), '<value><boolean>0</boolean></value>');
    assert.equal(
      encodeXmlValue('20240101T12:34:56Z', T('datetime')),
      '<value><dateTime.iso8601>20240101T12:34:56Z</dateTime.iso8601></value>',
    );
    assert.equal(encodeXmlValue(undefined, T('void')), '<value></value>');
  });

  test('floats print like C %.16g', () => {
    const cases: [number, string][] = [
      [1, '1'], [0.5, '0.5'], [0.1, '0.1'], [1 / 3, '0.3333333333333333'], [0.1 + 0.2, '0.3'],
      [1e15, '1000000000000000'], [1e16, '1e+16'], [1e-5, '1e-05'], [0.0001, '0.0001'], [-1.5, '-1.5'],
      [2.5e-7, '2.5e-07'], [123456789012345680, '1.234567890123457e+17'], [1e300, '1e+300'],
    ];
    for (const [value, text] of cases) assert.equal(formatFloat(value), text, `${value}`);
  });

  test('sets and maps', () => {
    assert.equal(encodeXmlValue([], T('string set')), '<value><array><data></data></array></value>');
    assert.equal(
      encodeXmlValue(['a', 'b'], T('string set')),
      '<value><array><data><value>a</value><value>b</value></data></array></value>',
    );
    assert.equal(encodeXmlValue({}, T('(string -> string) map')), '<value><struct></struct></value>');
    assert.equal(
      encodeXmlValue({ 'k&': 'v', n: 'w' }, T('(string -> string) map')),
      '<value><struct><member><name>k&amp;</name><value>v</value></member>'
        + '<member><name>n</name><value>w</value></member></struct></value>',
    );
    assert.equal(
      encodeXmlValue({ 0: 0.25 }, T('(int -> float) map')),
      '<value><struct><member><name>0</name><value><double>0.25</double></value></member></struct></value>',
    );
  });

  test('a full VM record: every field of the class, in datamodel order, each in its wire form', () => {
    const vm = datamodel.get('VM');
    const record = defaultRecord('VM');
    record.name_label = 'web & db';
    record.memory_static_max = 4294967296;
    record.HVM_shadow_multiplier = 1.5;
    record.is_a_template = true;
    record.snapshot_time = '20240102T03:04:05Z';
    record.internal_only = 'dropped';
    delete record.name_description;
    const xml = encodeXmlValue(record, T('VM record'));

    const decoded = decode(xml) as Record<string, unknown>;
    assert.deepEqual(Object.keys(decoded), vm.fields.map((f) => f.name));
    assert.equal(decoded.name_label, 'web & db');
    assert.equal(decoded.name_description, '', 'missing fields take their default');
    assert.equal(decoded.memory_static_max, '4294967296', 'ints travel as bare decimal text');
    assert.equal(decoded.HVM_shadow_multiplier, 1.5);
    assert.equal(decoded.is_a_template, true);
    assert.equal(decoded.snapshot_time, '20240102T03:04:05Z');

    const forms: Partial<Record<XType['kind'], string>> = {
      int: '<value>-?\\d+</value>',
      float: '<value><double>[-+.e\\d]+</double></value>',
      bool: '<value><boolean>[01]</boolean></value>',
      datetime: '<value><dateTime.iso8601>\\d{8}T\\d\\d:\\d\\d:\\d\\dZ</dateTime.iso8601></value>',
      string: '<value>[^<]*</value>',
      ref: '<value>OpaqueRef:[^<]*</value>',
      enum: '<value>[A-Za-z_]+</value>',
      set: '<value><array><data>',
      map: '<value><struct>',
    };
    for (const field of vm.fields) {
      const form = forms[field.type.kind];
      assert.ok(form, `no expectation for ${field.type.kind}`);
      assert.match(xml, new RegExp(`<member><name>${field.name}</name>${form}`), field.name);
    }
    assert.ok(!xml.includes('<string>'), 'strings are never wrapped');
    assert.ok(!/>\s+</.test(xml), 'no whitespace between tags');
  });

  test('event batches carry lowercase classes, full snapshots and <i4> counts', () => {
    const snapshot = { ...defaultRecord('VM_metrics'), uuid: 'u-1', memory_actual: 1024 };
    const xml = encodeXmlValue(
      {
        events: [
          { id: 17, timestamp: '0.0', class: 'vm_metrics', operation: 'mod', ref: 'OpaqueRef:m', snapshot },
          { id: '18', timestamp: '0.0', class: 'vm', operation: 'del', ref: 'OpaqueRef:v' },
        ],
        valid_ref_counts: { vm: 2, host: 0 },
        token: '00000000000000000018,00000000000000000000',
      },
      T('an event batch'),
    );
    assert.ok(xml.startsWith('<value><struct><member><name>events</name><value><array><data><value><struct>'
      + '<member><name>id</name><value>17</value></member><member><name>timestamp</name><value>0.0</value></member>'
      + '<member><name>class</name><value>vm_metrics</value></member>'
      + '<member><name>operation</name><value>mod</value></member>'
      + '<member><name>ref</name><value>OpaqueRef:m</value></member>'
      + '<member><name>snapshot</name><value><struct><member><name>uuid</name><value>u-1</value></member>'
      + '<member><name>memory_actual</name><value>1024</value></member>'));
    assert.ok(xml.endsWith('<value><struct><member><name>id</name><value>18</value></member>'
      + '<member><name>timestamp</name><value>0.0</value></member><member><name>class</name><value>vm</value></member>'
      + '<member><name>operation</name><value>del</value></member><member><name>ref</name><value>OpaqueRef:v</value></member>'
      + '</struct></value></data></array></value></member>'
      + '<member><name>valid_ref_counts</name><value><struct>'
      + '<member><name>vm</name><value><i4>2</i4></value></member>'
      + '<member><name>host</name><value><i4>0</i4></value></member></struct></value></member>'
      + '<member><name>token</name><value>00000000000000000018,00000000000000000000</value></member></struct></value>'));
    const decoded = decode(xml) as { events: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(decoded.events[0].snapshot as object), datamodel.get('VM_metrics').fields.map((f) => f.name));
    assert.equal('snapshot' in decoded.events[1], false);
  });

  test('any: shape inferred from the value', () => {
    assert.equal(
      encodeXmlValue({ n: 3, f: 0.5, b: true, s: 'x', l: [1], z: null }, { kind: 'any' }),
      '<value><struct><member><name>n</name><value>3</value></member>'
        + '<member><name>f</name><value><double>0.5</double></value></member>'
        + '<member><name>b</name><value><boolean>1</boolean></value></member>'
        + '<member><name>s</name><value>x</value></member>'
        + '<member><name>l</name><value><array><data><value>1</value></data></array></value></member>'
        + '<member><name>z</name><value></value></member></struct></value>',
    );
  });

  test('round trip through the request parser', () => {
    const type = T('(string -> string set) map');
    const value = { a: ['x & y', ''], '<b>': [] };
    assert.deepEqual(decode(encodeXmlValue(value, type)), value);
  });

  test('10,000 VM records encode (timing printed, not asserted)', (t) => {
    const vm = defaultRecord('VM');
    const all: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) all[`OpaqueRef:${i}`] = { ...vm, uuid: `uuid-${i}`, name_label: `vm ${i}` };
    const started = performance.now();
    const xml = encodeXmlValue(all, T('(VM ref -> VM record) map'));
    const elapsed = performance.now() - started;
    t.diagnostic(`VM.get_all_records, 10,000 VMs: ${(xml.length / 1e6).toFixed(1)} MB of XML in ${elapsed.toFixed(0)} ms`);
    assert.equal(xml.split('<member><name>power_state</name>').length - 1, 10_000);
  });
});

describe('responses', () => {
  test('success, failure and bare documents, byte for byte', () => {
    assert.equal(
      xmlRpcSuccess(encodeXmlValue('OpaqueRef:6f1c', T('VM ref'))),
      '<?xml version="1.0"?><methodResponse><params><param><value><struct>'
        + '<member><name>Status</name><value>Success</value></member>'
        + '<member><name>Value</name><value>OpaqueRef:6f1c</value></member>'
        + '</struct></value></param></params></methodResponse>',
    );
    assert.equal(
      xmlRpcSuccess(encodeXmlValue(undefined, T('void'))),
      '<?xml version="1.0"?><methodResponse><params><param><value><struct>'
        + '<member><name>Status</name><value>Success</value></member>'
        + '<member><name>Value</name><value></value></member>'
        + '</struct></value></param></params></methodResponse>',
    );
    assert.equal(
      xmlRpcFailure(['VM_BAD_POWER_STATE', 'OpaqueRef:6f1c', 'halted', 'running']),
      '<?xml version="1.0"?><methodResponse><params><param><value><struct>'
        + '<member><name>Status</name><value>Failure</value></member>'
        + '<member><name>ErrorDescription</name><value><array><data><value>VM_BAD_POWER_STATE</value>'
        + '<value>OpaqueRef:6f1c</value><value>halted</value><value>running</value></data></array></value></member>'
        + '</struct></value></param></params></methodResponse>',
    );
    assert.equal(
      xmlRpcBare(encodeXmlValue(['VM.start', 'VM.get_all'], T('string set'))),
      '<?xml version="1.0"?><methodResponse><params><param><value><array><data>'
        + '<value>VM.start</value><value>VM.get_all</value></data></array></value></param></params></methodResponse>',
    );
  });
});
