// GraphQL does not carry an interface field's description over to the types implementing it: each error type's
// message/code/path and each node's id would read blank. They take the interface's, unless they say more.
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

export function inheritInterfaceDescriptions(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const iface of type.getInterfaces()) {
      const inherited = iface.getFields();
      for (const field of Object.values(type.getFields())) {
        field.description ||= inherited[field.name]?.description;
      }
    }
  }
  return schema;
}
