// Values from a fixed set are enums spelled in upper case, and those enums cover every value the code can
// produce: a new error code or task state that is not listed fails here (at runtime it would fail the field).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  getNamedType, isEnumType, isInterfaceType, isObjectType, type GraphQLEnumType, type GraphQLInterfaceType, type GraphQLObjectType,
} from 'graphql';
import { enumValueName } from '../../src/graphql/enums.js';
import { schema } from '../../src/graphql/schema.js';

/** Output fields that hold a machine-readable value but are not ours to enumerate, and why. */
const OPEN_FIELDS: Record<string, string> = {
  'OperationError.code': 'also carries XAPI_ERROR, XAPI_UNREACHABLE and INTERNAL, for failures that are no user error',
  'HostStorage.type': 'XAPI\'s SR type, an open set (lvm, ext, nfs, iso, …)',
  'InstanceDiagnostics.state': 'the diagnostics\' own figure, as the hypervisor names it',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function literalsIn(files: string[], pattern: RegExp): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) found.add(match[1]!);
  }
  return found;
}

const enumValues = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((value) => value.name);

describe('schema enums', () => {
  it('are spelled in upper case', () => {
    const enums = Object.values(schema.getTypeMap()).filter((type) => isEnumType(type) && !type.name.startsWith('__')) as GraphQLEnumType[];
    const lower = enums.flatMap((type) => type.getValues().filter((value) => value.name !== value.name.toUpperCase()).map((value) => `${type.name}.${value.name}`));
    assert.deepEqual(lower, []);
  });

  it('type every code, kind, state, status and taskState field', () => {
    const strings = Object.values(schema.getTypeMap())
      .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'))
      .flatMap((type) => Object.values((type as GraphQLObjectType | GraphQLInterfaceType).getFields())
        .filter((field) => ['code', 'kind', 'state', 'status', 'taskState', 'action', 'type'].includes(field.name))
        .filter((field) => getNamedType(field.type).name === 'String')
        .map((field) => `${type.name}.${field.name}`))
      .filter((field) => !(field in OPEN_FIELDS));
    assert.deepEqual(strings, []);
  });

  it('UserErrorCode lists the code of every user error class', () => {
    // The store's and XAPI's own error classes are translated before they reach a client.
    const files = sourceFiles('src').filter((file) => !/^src\/(store|xapi|simulator)\//.test(file));
    const codes = literalsIn(files, /readonly code(?:: string)? = '([A-Z_]+)'/g);
    assert.ok(codes.size > 20, `only ${codes.size} codes found`);
    const missing = [...codes].filter((code) => !enumValues('UserErrorCode').includes(code));
    assert.deepEqual(missing, []);
  });

  it('TaskState lists every task state the driver sets', () => {
    const states = literalsIn([...sourceFiles('src/driver'), ...sourceFiles('src/operations')], /taskState: '([a-z_-]+)'/g);
    assert.ok(states.size > 20, `only ${states.size} task states found`);
    const missing = [...states].filter((state) => !enumValues('TaskState').includes(enumValueName(state)));
    assert.deepEqual(missing, []);
  });
});
