// The relay and errors plugins generate a mutation's input, payload and result union, and a connection's
// connection and edge types, all by name alone. Each says what it wraps by pointing at the field it serves.
import {
  getNamedType, isInputObjectType, isObjectType, isUnionType, type GraphQLField, type GraphQLSchema,
} from 'graphql';

const describe = (type: { description?: string | null }, text: string) => {
  type.description ||= text;
};

function describeMutationWrappers(name: string, field: GraphQLField<unknown, unknown>) {
  const input = field.args.find((arg) => arg.name === 'input');
  if (input) describe(getNamedType(input.type), `What \`${name}\` is asked to do.`);
  const result = getNamedType(field.type);
  if (!isUnionType(result)) return;
  describe(result, `What \`${name}\` answers: its payload, or one of these typed errors (nothing changed then).`);
  for (const member of result.getTypes()) {
    if (member.getInterfaces().length === 0) describe(member, `What \`${name}\` answers when accepted.`);
  }
}

function describeConnection(coordinate: string, field: GraphQLField<unknown, unknown>) {
  const connection = getNamedType(field.type);
  if (!isObjectType(connection) || !connection.getFields().edges || !connection.getFields().pageInfo) return;
  const edge = getNamedType(connection.getFields().edges!.type);
  const item = isObjectType(edge) ? getNamedType(edge.getFields().node?.type)?.name : undefined;
  describe(connection, `A page of ${item ? `${item} items` : 'items'} from \`${coordinate}\`, with where it sits for the next request.`);
  describe(edge, `One ${item ?? 'item'} of a \`${coordinate}\` page, with its cursor.`);
}

export function describeGeneratedWrappers(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, field] of Object.entries(schema.getMutationType()?.getFields() ?? {})) {
    describeMutationWrappers(name, field);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) describeConnection(`${type.name}.${field.name}`, field);
  }
  return schema;
}
