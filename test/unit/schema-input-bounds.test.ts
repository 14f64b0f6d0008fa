// Every String, JSON and list input of the schema carries a bound that the validation plugin enforces and
// its description states; single global IDs are bounded where they are decoded. A new argument without one
// fails here, naming it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  getNamedType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType,
  type GraphQLArgument, type GraphQLInputField, type GraphQLInputType,
} from 'graphql';
import { schema } from '../../src/graphql/schema.js';

function isList(type: GraphQLInputType): boolean {
  if (isListType(type)) return true;
  return isNonNullType(type) && isListType(type.ofType);
}

/** What is wrong with the input's bound, or null when it has one. */
function missingBound(input: GraphQLArgument | GraphQLInputField): string | null {
  const named = getNamedType(input.type).name;
  const list = isList(input.type);
  if (!list && named === 'ID') return input.extensions.isRelayGlobalID ? null : 'an ID that is not a global ID';
  if (!list && named !== 'String' && named !== 'JSON') return null;
  const validation = input.extensions['@pothos/plugin-validation'] as { schemas?: unknown[] } | undefined;
  if (!validation?.schemas?.length) return 'no validation';
  if (!/\bat most \d/i.test(input.description ?? '')) return 'no bound in its description';
  return null;
}

function unboundedInputs(): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (where: string, input: GraphQLArgument | GraphQLInputField) => {
    const problem = missingBound(input);
    if (problem) problems.push(`${where}: ${problem}`);
    const named = getNamedType(input.type);
    if (isInputObjectType(named) && !seen.has(named.name)) {
      seen.add(named.name);
      for (const field of Object.values(named.getFields())) visit(`${named.name}.${field.name}`, field);
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) visit(`${type.name}.${field.name}(${arg.name})`, arg);
    }
  }
  return problems;
}

describe('schema input bounds', () => {
  it('bounds and documents every String, JSON and list argument and input field', () => {
    assert.deepEqual(unboundedInputs(), []);
  });

  it('would notice one that is not', () => {
    const arg = schema.getQueryType()!.getFields().instance!.args.find((a) => a.name === 'name')!;
    const saved = arg.description;
    try {
      (arg as { description: string | null | undefined }).description = 'A name.';
      assert.deepEqual(unboundedInputs(), ['Query.instance(name): no bound in its description']);
    } finally {
      (arg as { description: string | null | undefined }).description = saved;
    }
  });
});
