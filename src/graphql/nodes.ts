// nodes(ids:): each id is looked up on its own terms, so one malformed id answers null with an error at its
// own index (path ["nodes", i]) while the others are still answered.
import { resolveNodes } from '@pothos/plugin-relay';
import { GraphQLError, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { boundedList, decodeBoundedGlobalID } from './input-bounds.js';
import { resolveVisibleNodes } from './root-authorization.js';

/** `nodes(ids)` loads at most this many nodes per request. */
export const MAX_NODES_PER_REQUEST = 100;

type GlobalId = { typename: string; id: string };

/** The decoded id, or the error that entry answers: not base64 of "Type:id", or a type that is no Node. */
function decodeNodeId(globalID: string, info: GraphQLResolveInfo): GlobalId | GraphQLError {
  const invalid = (why: string) => new GraphQLError(`Invalid ID ${JSON.stringify(globalID.slice(0, 64))}: ${why}`, { extensions: { code: 'BAD_USER_INPUT' } });
  let decoded: GlobalId;
  try {
    decoded = decodeBoundedGlobalID(globalID);
  } catch (error) {
    return invalid(error instanceof Error ? error.message : 'not a global ID');
  }
  const type = info.schema.getType(decoded.typename);
  const node = info.schema.getType('Node');
  if (!type || !isObjectType(type) || !type.getInterfaces().some((implemented) => implemented === node)) return invalid('not the id of a Node');
  return decoded;
}

async function resolveEachNode(ids: readonly string[], ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<unknown[]> {
  const decoded = ids.map((id) => decodeNodeId(id, info));
  const wellFormed = decoded.filter((id): id is GlobalId => !(id instanceof GraphQLError));
  const found = await resolveVisibleNodes(null, { ids: wellFormed }, ctx, info, (visible) => resolveNodes(builder, ctx, info, visible));
  let next = 0;
  // graphql-js reports an Error item as that item's error and answers null in its place.
  return decoded.map((id) => (id instanceof GraphQLError ? id : found[next++]));
}

builder.queryField('nodes', (t) => t.field({
  type: [builder.nodeInterfaceRef()],
  nullable: { list: false, items: true },
  description: 'Objects by global id, in the order asked; an entry is null (with an error at its index when malformed) for what does not exist or may not be seen.',
  args: { ids: t.arg.idList({ required: true, ...boundedList(MAX_NODES_PER_REQUEST, { description: 'Global IDs.' }) }) },
  resolve: (_root, args, ctx, info) => resolveEachNode(args.ids.map(String), ctx, info),
}));
