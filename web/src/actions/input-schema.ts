// What a mutation takes and answers, read from the API's own schema (introspection), so a form is built from the
// input type as the server defines it today: a new field or enum value shows up without a change here.
import { useQuery } from 'urql';
import { typeNamesOf } from './catalogue.js';

interface TypeRef {
  readonly kind: string;
  readonly name: string | null;
  readonly enumValues?: readonly { readonly name: string }[] | null;
  readonly ofType: TypeRef | null;
}

export const ACTION_SCHEMA = /* GraphQL */ `
  query ActionSchema($input: String!, $result: String!) {
    input: __type(name: $input) { inputFields { name description defaultValue type { ...TypeRef } } }
    result: __type(name: $result) { possibleTypes { name fields { name } } }
  }
  fragment TypeRef on __Type {
    kind name enumValues { name }
    ofType { kind name enumValues { name } ofType { kind name enumValues { name } ofType { kind name enumValues { name } } } }
  }
`;

/** How a field is entered: one value, a list of them, or JSON for nested input objects and the JSON scalar. */
export type FieldShape =
  | { readonly kind: 'text' | 'id' | 'int' | 'float' | 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly item: 'text' | 'id' | 'int' | 'float' }
  | { readonly kind: 'json' };

export interface InputField {
  readonly name: string;
  readonly description: string | null;
  readonly required: boolean;
  /** The schema's default, as GraphQL literal text (`true`, `"x"`, `HARD`). */
  readonly defaultValue: string | null;
  readonly shape: FieldShape;
}

export interface ActionSchema {
  readonly inputType: string;
  readonly fields: readonly InputField[];
  /** Result union members that are not errors, and whether each carries the Operation it started. */
  readonly payloads: readonly { readonly name: string; readonly hasOperation: boolean }[];
}

const SCALAR_KINDS: Readonly<Record<string, 'text' | 'id' | 'int' | 'float' | 'boolean'>> = {
  String: 'text', ID: 'id', Int: 'int', Float: 'float', Boolean: 'boolean',
};

function unwrapNonNull(type: TypeRef): TypeRef {
  return type.kind === 'NON_NULL' && type.ofType ? type.ofType : type;
}

export function shapeOf(type: TypeRef): FieldShape {
  const named = unwrapNonNull(type);
  if (named.kind === 'LIST' && named.ofType) {
    const item = unwrapNonNull(named.ofType);
    const scalar = item.kind === 'SCALAR' ? SCALAR_KINDS[item.name ?? ''] : undefined;
    return scalar && scalar !== 'boolean' ? { kind: 'list', item: scalar } : { kind: 'json' };
  }
  if (named.kind === 'ENUM') return { kind: 'enum', values: (named.enumValues ?? []).map((value) => value.name) };
  const scalar = named.kind === 'SCALAR' ? SCALAR_KINDS[named.name ?? ''] : undefined;
  return scalar ? { kind: scalar } : { kind: 'json' };
}

export interface ActionSchemaData {
  input: { inputFields: { name: string; description: string | null; defaultValue: string | null; type: TypeRef }[] } | null;
  result: { possibleTypes: { name: string; fields: { name: string }[] | null }[] | null } | null;
}

export function useActionSchema(mutation: string): { schema: ActionSchema | null; error: string | null } {
  const names = typeNamesOf(mutation);
  const [{ data, error }] = useQuery<ActionSchemaData>({ query: ACTION_SCHEMA, variables: names });
  if (error) return { schema: null, error: error.message };
  if (!data) return { schema: null, error: null };
  const schema = actionSchemaOf(names.input, data);
  return schema ? { schema, error: null } : { schema: null, error: `The API has no ${mutation} action.` };
}

/** The form's model of an action from the introspection answer; null when the schema has no such mutation. */
export function actionSchemaOf(inputType: string, data: ActionSchemaData): ActionSchema | null {
  if (!data.input || !data.result) return null;
  return {
    inputType,
    fields: data.input.inputFields.map((field): InputField => ({
      name: field.name,
      description: field.description,
      required: field.type.kind === 'NON_NULL' && field.defaultValue == null,
      defaultValue: field.defaultValue,
      shape: shapeOf(field.type),
    // What must be filled in comes first; the schema lists fields alphabetically.
    })).sort((a, b) => Number(b.required) - Number(a.required)),
    payloads: (data.result.possibleTypes ?? [])
      // Every error member implements UserError and so has `code`; payloads do not.
      .filter((type) => !type.fields?.some((field) => field.name === 'code'))
      .map((type) => ({ name: type.name, hasOperation: Boolean(type.fields?.some((field) => field.name === 'operation')) })),
  };
}

/** The mutation with its input as one variable: the error members' words and path, the Operation it started. */
export function actionDocument(mutation: string, schema: ActionSchema): string {
  const payloads = schema.payloads.filter((payload) => payload.hasOperation)
    .map((payload) => `... on ${payload.name} { operation { id } }`).join(' ');
  return `mutation RunAction($input: ${schema.inputType}!) {
    result: ${mutation}(input: $input) { __typename ... on UserError { message code path } ${payloads} }
  }`;
}
