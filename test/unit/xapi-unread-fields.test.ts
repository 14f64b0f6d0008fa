import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { datamodel } from '../../src/xapi/datamodel/index.js';
import { ObjectCache } from '../../src/xapi/object-cache.js';
import { UNREAD_FIELDS } from '../../src/xapi/unread-fields.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
// The simulator plays XAPI (it owns every field) and the datamodel describes them: neither reads the mirror.
const NOT_READERS = ['simulator/', 'xapi/datamodel/', 'xapi/unread-fields.ts'];

function readerSources(): { path: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !NOT_READERS.some((skip) => path.split('\\').join('/').startsWith(skip)))
    .map((path) => ({ path, text: readFileSync(join(SRC, path), 'utf8') }));
}

describe('fields the object cache drops', () => {
  it('are named by no source file that could read them', () => {
    const sources = readerSources();
    assert.ok(sources.length > 100, 'the sources were found');
    const named = Object.entries(UNREAD_FIELDS).flatMap(([cls, fields]) => fields.flatMap((field) => {
      const pattern = new RegExp(`\\b${field}\\b`);
      return sources.filter(({ text }) => pattern.test(text)).map(({ path }) => `${cls}.${field} in ${path}`);
    }));
    assert.deepEqual(named, [], 'a dropped field is read: take it off UNREAD_FIELDS');
  });

  it('are fields of their class', () => {
    for (const [cls, fields] of Object.entries(UNREAD_FIELDS)) {
      const known = new Set(datamodel.find(cls)?.fields.map((field) => field.name));
      assert.deepEqual(fields.filter((field) => !known.has(field)), [], cls);
    }
  });

  it('are left out of cached records, kept in the raw snapshot, and a resync of the same record is no change', () => {
    const cache = new ObjectCache();
    const snapshot = { uuid: 'vm-1', name_label: 'guest', power_state: 'Running', last_booted_record: 'x'.repeat(1000), allowed_operations: ['start'] };
    const [added] = cache.applyEvents([{ class: 'vm', operation: 'add', ref: 'OpaqueRef:1', snapshot }]);
    assert.deepEqual(cache.get('VM', 'OpaqueRef:1'), { uuid: 'vm-1', name_label: 'guest', power_state: 'Running' });
    assert.deepEqual(added!.snapshot, snapshot);
    assert.deepEqual(cache.replaceClass('VM', { 'OpaqueRef:1': { ...snapshot } }), []);
    assert.equal(cache.replaceClass('VM', { 'OpaqueRef:1': { ...snapshot, power_state: 'Halted' } }).length, 1);
  });
});
