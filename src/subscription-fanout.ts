// One change, many subscribers: when subscribers of the same operation (document, operation name and
// variables) and the same role receive the same published event, its GraphQL execution runs once and every
// one of them gets that result. Each subscriber keeps its own event stream, so ordering, filters and its
// token's revocation (access-control.ts) stay its own; only the execution is shared. Safe because a
// subscription's result depends on the event, the operation and the caller's role alone (no field reads the
// caller's token id), and because pubsub hands every subscriber the very same event object, made anew for
// each change.
import { createSourceEventStream, execute, GraphQLError, locatedError, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { mapEvents } from './graphql/event-stream-operators.js';
import type { GraphQLContext } from './graphql/context.js';

type SharedResult = ExecutionResult | Promise<ExecutionResult>;

export function useSharedSubscriptionExecution(): Plugin {
  const documentIds = new WeakMap<DocumentNode, number>();
  let documents = 0;
  // Results live as long as their event does: nothing to expire by hand.
  const resultsByEvent = new WeakMap<object, Map<string, SharedResult>>();

  const executionKey = (args: ExecutionArgs): string => {
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = ++documents));
    const { principal } = args.contextValue as Partial<GraphQLContext>;
    return JSON.stringify([documentId, args.operationName ?? null, args.variableValues ?? {}, principal?.role ?? null]);
  };

  const subscribeSharing = async (args: ExecutionArgs) => {
    // graphql-js rethrows what is not a GraphQLError (an input validation failure, say); graphql-ws would close
    // the socket with 4500 for it, where the caller is owed a typed error result like any other.
    const events = await createSourceEventStream(args).catch((error: unknown) => ({
      errors: [error instanceof GraphQLError ? error : locatedError(error, [])],
    }));
    if (!isAsyncIterable(events)) return events;
    const key = executionKey(args);
    const executeFor = (event: unknown): SharedResult => execute({ ...args, rootValue: event });
    // A plain map: graphql-yoga's mapAsyncIterator runs a chain of promise helpers per event per subscriber.
    return mapEvents(events, (event: unknown) => {
      if (typeof event !== 'object' || event === null) return executeFor(event);
      let results = resultsByEvent.get(event);
      if (!results) resultsByEvent.set(event, (results = new Map()));
      let result = results.get(key);
      if (!result) results.set(key, (result = executeFor(event)));
      return result;
    });
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribeSharing as Parameters<typeof setSubscribeFn>[0]);
    },
  };
}
