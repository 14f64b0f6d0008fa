// Authorization before anything looks at input. Scope-auth checks a field when it resolves, after graphql-js
// has coerced the variables and the validation plugin has checked the arguments, so a reader calling an admin
// mutation with bad input would learn why the input is bad. The root fields an operation selects are checked
// here instead, as soon as the document is parsed, with the same declared scopes; scope-auth still guards
// everything below them. Node types get the same treatment in node(id:) and nodes(ids:).
import { getOperationAST, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Principal } from './context.js';
import { declaredScopes, scopesAdmit, scopesFor } from './scopes.js';

/** `Type.field` of each root field the operation selects that the principal may not use, in document order. */
export function deniedRootFields(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, principal: Principal): string[] {
  const chosen = getOperationAST(document, operationName);
  // An ambiguous or unnamed choice is refused later by graphql-js; nothing in it may run anyway.
  const operations = chosen ? [chosen] : document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = new Map(document.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]));
  const scopes = scopesFor(principal);
  const denied = new Set<string>();
  for (const operation of operations) {
    const rootType = schema.getRootType(operation.operation);
    if (!rootType) continue;
    const fields = rootType.getFields();
    for (const name of selectedFieldNames(operation.selectionSet, fragments, new Set())) {
      const field = fields[name];
      // Unknown fields fail validation; introspection and node lookups are open to every authenticated caller.
      if (field && scopesAdmit(declaredScopes(field.extensions), scopes) === false) denied.add(`${rootType.name}.${name}`);
    }
  }
  return [...denied];
}

/** Field names of a selection set, through fragments and regardless of @skip/@include (a refusal may not depend on them). */
function selectedFieldNames(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, visited: Set<string>): string[] {
  return selectionSet.selections.flatMap((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return [selection.name.value];
      case Kind.INLINE_FRAGMENT:
        return selectedFieldNames(selection.selectionSet, fragments, visited);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visited.has(fragment.name.value)) return [];
        visited.add(fragment.name.value);
        return selectedFieldNames(fragment.selectionSet, fragments, visited);
      }
    }
  });
}

/** Whether the principal may see objects of a type; ids of types it may not see look like ids of nothing. */
export function maySeeType(info: GraphQLResolveInfo, typename: string, principal: Principal | null): boolean {
  const type = info.schema.getType(typename);
  // Unknown type names are left to the lookup, which refuses them as malformed ids.
  if (!type) return true;
  return scopesAdmit(declaredScopes(type.extensions), scopesFor(principal)) !== false;
}

/** node(id:): an id of a type the caller may not see answers null, exactly like an id that does not exist. */
export function resolveVisibleNode<Id extends { typename: string }>(
  _root: unknown, args: { id: Id }, ctx: { principal: Principal | null }, info: GraphQLResolveInfo, resolveNode: (id: Id) => unknown,
): unknown {
  return maySeeType(info, args.id.typename, ctx.principal) ? resolveNode(args.id) : null;
}

/** nodes(ids:): as node(id:), item by item. */
export async function resolveVisibleNodes<Id extends { typename: string }>(
  _root: unknown, args: { ids: Id[] }, ctx: { principal: Principal | null }, info: GraphQLResolveInfo, resolveNodes: (ids: Id[]) => Promise<unknown[]>,
): Promise<unknown[]> {
  const visible = args.ids.map((id) => maySeeType(info, id.typename, ctx.principal));
  const nodes = visible.some(Boolean) ? await resolveNodes(args.ids) : [];
  return args.ids.map((_id, index) => (visible[index] ? nodes[index] : null));
}
