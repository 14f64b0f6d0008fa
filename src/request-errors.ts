// What clients see of errors. Expected errors (GraphQLErrors we or the libraries raised on purpose) keep their
// message and get a code if they lack one; anything else is replaced by a generic message and logged here
// with the request id, which the client also gets (extensions.requestId and the x-request-id header).
// It runs on HTTP and graphql-ws alike because both go through the same enveloped pipeline, and it is the only
// masking: yoga's own is off (server.ts), errors yoga reports itself are hidden in onResultProcess.
import { randomUUID } from 'node:crypto';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { handleStreamOrSingleExecutionResult, isAsyncIterable, type Plugin } from 'graphql-yoga';
import { BaseUserError, InvalidInputError } from './errors.js';
import { mapEvents } from './graphql/event-stream-operators.js';
import { acceptedRequestId } from './logging/request-id.js';

export type ErrorLog = (message: string, error: unknown) => void;

const requestIds = new WeakMap<Request, string>();

/** The id of an HTTP request: the caller's `x-request-id` when it is sane, otherwise a fresh one. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    id = acceptedRequestId(request.headers.get('x-request-id'));
    requestIds.set(request, id);
  }
  return id;
}

/** Errors raised on purpose are GraphQLErrors all the way down; others are bugs or failures to hide. */
function isExpected(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null || isExpected(error.originalError);
}

/** What yoga made of a thrown value that was not a GraphQLError (or marked as unexpected when it was a string). */
function isUnexpected(error: GraphQLError): boolean {
  return !isExpected(error) || error.extensions?.unexpected === true;
}

/**
 * Graphql-js and Pothos report bad input (unknown enum values in variables, malformed global ids, bad page
 * sizes) as GraphQLErrors without a code: those get `defaultCode`.
 */
export function presentError(error: unknown, requestId: string, log: ErrorLog, defaultCode = 'BAD_USER_INPUT'): GraphQLError {
  const userError = error instanceof GraphQLError ? error.originalError : error;
  if (userError instanceof BaseUserError) {
    // A typed failure on a field whose result has no union member for it (input validation of queries and
    // subscriptions, mostly): still the caller's to fix, so it keeps its message.
    const located = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError(userError.message, {
      nodes: located?.nodes, source: located?.source, positions: located?.positions, path: located?.path,
      extensions: {
        code: userError instanceof InvalidInputError ? 'BAD_USER_INPUT' : userError.code,
        ...(userError.path ? { inputPath: [...userError.path] } : {}),
        requestId,
      },
    });
  }
  if (isExpected(error)) {
    if (error.extensions.requestId === requestId && error.extensions.code) return error;
    return new GraphQLError(error.message, {
      nodes: error.nodes, source: error.source, positions: error.positions, path: error.path,
      originalError: error.originalError,
      extensions: { ...error.extensions, code: error.extensions.code ?? defaultCode, requestId },
    });
  }
  return hiddenError(error, requestId, log);
}

/** An unexpected error as the client sees it: a generic message and the request id; the error itself is logged. */
function hiddenError(error: unknown, requestId: string, log: ErrorLog, extensions: Record<string, unknown> = {}): GraphQLError {
  log(`request ${requestId}: internal error`, error instanceof GraphQLError && error.originalError ? error.originalError : error);
  const located = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(`Internal server error (request id ${requestId})`, {
    nodes: located?.nodes, source: located?.source, positions: located?.positions, path: located?.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, ...extensions },
  });
}

/** Validation and parse errors happen before the context exists, so the id comes from the initial context. */
export function requestIdFromInitial(context: { requestId?: unknown; request?: unknown }): string {
  if (typeof context.requestId === 'string') return context.requestId;
  // Duck-typed: yoga's Request may come from its fetch ponyfill rather than the global class.
  const request = context.request as Request | undefined;
  if (request && typeof request === 'object' && typeof request.headers?.get === 'function') return requestIdOf(request);
  return randomUUID();
}

export function useRequestErrors(log: ErrorLog): Plugin<{ requestId?: string }> {
  /** The result as the client sees it: the same object when it has no errors. */
  const presented = (result: ExecutionResult, requestId: string): ExecutionResult => (result.errors?.length
    ? { ...result, errors: result.errors.map((e) => presentError(e, requestId, log)) }
    : result);
  const present = (requestId: string) => ({ result, setResult }: { result: ExecutionResult; setResult: (r: ExecutionResult) => void }) => {
    if (result.errors?.length) setResult(presented(result, requestId));
  };
  return {
    onRequest({ request }) {
      requestIdOf(request);
    },
    // Errors raised outside an execution (a plugin or the context failing) reach the response as yoga made
    // them from what was thrown, message included: unexpected ones are hidden here like any other, and a
    // response with nothing else in it stays a 500.
    onResultProcess({ request, result, setResult }) {
      if (isAsyncIterable(result)) return;
      const requestId = requestIdOf(request);
      const hidden = (single: ExecutionResult): ExecutionResult => {
        if (!single.errors?.some(isUnexpected)) return single;
        const status = 'data' in single ? {} : { http: { status: 500 } };
        const errors = single.errors.map((error) => (isUnexpected(error) ? hiddenError(error, requestId, log, status) : error));
        return { ...single, errors };
      };
      setResult(Array.isArray(result) ? result.map(hidden) : hidden(result as ExecutionResult));
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
    onParse({ context }) {
      return ({ result, replaceParseResult }) => {
        if (result instanceof Error) {
          replaceParseResult(presentError(result, requestIdFromInitial(context), log, 'GRAPHQL_PARSE_FAILED'));
        }
      };
    },
    onValidate({ context }) {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        const requestId = requestIdFromInitial(context);
        setResult(result.map((error) => presentError(error, requestId, log, 'GRAPHQL_VALIDATION_FAILED')));
      };
    },
    onExecute({ args }) {
      const requestId = requestIdFromInitial(args.contextValue);
      return { onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, present(requestId)) };
    },
    onSubscribe({ args }) {
      const requestId = requestIdFromInitial(args.contextValue);
      const presentedHere = (result: ExecutionResult) => presented(result, requestId);
      return {
        // Each result of a stream through a plain map: envelop's onNext hook runs a chain of promise helpers per
        // result per subscriber, which a change reaching a thousand subscribers paid a thousand times.
        // A stream's own failure is presented in the same step (envelop's onSubscribeError would wrap the stream
        // in another iterator of its own).
        onSubscribeResult: ({ result, setResult }) => {
          setResult(isAsyncIterable(result)
            ? mapEvents(result, presentedHere, (error) => presentError(error, requestId, log))
            : presentedHere(result));
        },
      };
    },
  };
}
