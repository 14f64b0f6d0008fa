// Queries run compiled (graphql-jit): a page of a thousand instances with their hosts is some ten thousand
// field resolutions, and the generic executor spent more on each (an info object per field, a promise chain
// per object, the garbage of both) than the resolvers themselves. Mutations and subscriptions keep the generic
// executor, and so does any query the compiled path could get wrong.
//
// Scopes on object types (Instance, Host…) are checked by scope-auth in each type's isTypeOf, with the
// request's context; graphql-jit calls isTypeOf with the object alone. So the compiled path runs on a copy of
// the schema whose scoped types have no isTypeOf, and only for documents whose every reachable scoped type
// admits the caller's role, decided once per document and role from the declared scopes: for those the
// per-object checks could only pass. A document reaching a type that would refuse the caller (or one whose
// scopes are a function) runs on the generic executor, which refuses it as before. Field scopes stay in the
// field resolvers, which the compiled query calls like the executor does. Variables that do not coerce are
// left to the executor too, so their errors read as everywhere else.
import {
  getNamedType, getOperationAST, getVariableValues, GraphQLObjectType, isAbstractType, isObjectType, TypeInfo, visit,
  visitWithTypeInfo, type DocumentNode, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext, Principal } from './context.js';
import { declaredScopes, scopesAdmit, scopesFor, type Scopes } from './scopes.js';

/** The scopes an object of this type must pass: its own and its interfaces' (none: empty). */
function typeScopes(type: GraphQLObjectType): unknown[] {
  return [type, ...type.getInterfaces()].map((t) => declaredScopes(t.extensions)).filter((s) => s !== undefined && s !== null);
}

/** The schema without the scope checks in isTypeOf (decided beforehand per document, see above). */
function schemaWithoutTypeScopeChecks(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      if (typeScopes(type).length === 0) return type;
      return new GraphQLObjectType({ ...type.toConfig(), isTypeOf: undefined });
    },
  });
}

/** Whether every scoped object type the document can produce admits a caller with these scopes. */
export function typeScopesAdmit(schema: GraphQLSchema, document: DocumentNode, scopes: Scopes): boolean {
  const typeInfo = new TypeInfo(schema);
  const reached = new Set<GraphQLNamedType>();
  visit(document, visitWithTypeInfo(typeInfo, {
    Field() {
      const type = typeInfo.getType();
      if (type) reached.add(getNamedType(type));
    },
  }));
  const objects = new Set<GraphQLObjectType>();
  for (const type of reached) {
    if (isObjectType(type)) objects.add(type);
    else if (isAbstractType(type)) for (const possible of schema.getPossibleTypes(type)) objects.add(possible);
  }
  for (const type of objects) {
    for (const declared of typeScopes(type)) if (scopesAdmit(declared, scopes) !== true) return false;
  }
  return true;
}

interface Compiled {
  readonly operation: OperationDefinitionNode;
  readonly run: CompiledQuery;
}

export function useCompiledQueries(schema: GraphQLSchema): Plugin {
  let compiledSchema: GraphQLSchema | undefined;
  /** Per document: per operation name and role, the compiled query, or null where the executor keeps it. */
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled | null>>();

  const compiledFor = (document: DocumentNode, operationName: string | null | undefined, principal: Principal): Compiled | null => {
    let byKey = compiled.get(document);
    if (!byKey) compiled.set(document, (byKey = new Map()));
    const key = `${operationName ?? ''}\u0000${principal.role}`;
    let query = byKey.get(key);
    if (query === undefined) {
      query = null;
      const operation = getOperationAST(document, operationName);
      if (operation?.operation === 'query' && typeScopesAdmit(schema, document, scopesFor(principal))) {
        compiledSchema ??= schemaWithoutTypeScopeChecks(schema);
        const result = compileQuery(compiledSchema, document, operationName ?? undefined);
        if (isCompiledQuery(result)) query = { operation, run: result };
      }
      byKey.set(key, query);
    }
    return query;
  };

  return {
    onExecute({ args, setExecuteFn }) {
      const { principal } = args.contextValue as Partial<GraphQLContext>;
      if (!principal) return;
      const query = compiledFor(args.document, args.operationName, principal);
      if (!query || getVariableValues(schema, query.operation.variableDefinitions ?? [], args.variableValues ?? {}).errors) return;
      setExecuteFn((execution) => query.run.query(execution.rootValue, execution.contextValue, execution.variableValues ?? {}));
    },
  };
}
