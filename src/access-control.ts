// Who may send what, decided before the operation is read. An HTTP request without a valid token is refused
// before parsing (401, UNAUTHENTICATED: anonymous callers learn nothing of the schema, of ids or of input
// rules); graphql-ws refuses such a connection at connection_init (server.ts). An authenticated caller whose
// operation selects a root field above its role gets FORBIDDEN (403) right after parsing, before validation
// messages, variable coercion or argument checks could tell it anything about its input. Subscriptions end when their
// token is revoked.
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { authenticate, credentialFromConnectionParams, credentialFromHeader, forbidden, unauthenticated } from './graphql/auth.js';
import type { GraphQLContext, Principal } from './graphql/context.js';
import { deniedRootFields } from './graphql/root-authorization.js';
import { presentError, requestIdFromInitial, requestIdOf, type ErrorLog } from './request-errors.js';
import type { ApiTokenRepository } from './store/index.js';
import type { TokenStreams } from './token-streams.js';

/** What the access checks leave in yoga's initial context: the caller, once authenticated. */
export interface AuthenticatedInitialContext {
  principal?: Principal;
  params?: { operationName?: string | null };
}

export interface AccessControlOptions {
  readonly schema: GraphQLSchema;
  readonly tokens: Pick<ApiTokenRepository, 'authenticate'>;
  readonly streams: TokenStreams;
  readonly logError: ErrorLog;
}

/** The principal of a graphql-ws connection; UNAUTHENTICATED when its connectionParams carry no valid token. */
export async function authenticateConnection(tokens: Pick<ApiTokenRepository, 'authenticate'>, connectionParams: Readonly<Record<string, unknown>> | null | undefined): Promise<Principal> {
  return authenticate(tokens, credentialFromConnectionParams(connectionParams));
}

export function useAccessControl({ schema, tokens, streams, logError }: AccessControlOptions): Plugin<AuthenticatedInitialContext> {
  return {
    // HTTP only: graphql-ws authenticates when the connection opens and hands the principal in.
    async onParams({ request, context, setResult }) {
      try {
        const principal = await authenticate(tokens, credentialFromHeader(request.headers.get('authorization')));
        Object.assign(context, { principal });
      } catch (error) {
        setResult({ errors: [presentError(error, requestIdOf(request), logError)] });
      }
    },
    // Thrown rather than set as the result: a replaced parse or validation result would be cached by document
    // and served to the next caller, whatever its role.
    onParse({ context }) {
      return ({ result }) => {
        if (result instanceof Error || result === null) return;
        const { principal } = context;
        const requestId = requestIdFromInitial(context);
        if (!principal) throw presentError(unauthenticated(), requestId, logError);
        const denied = deniedRootFields(schema, result, context.params?.operationName, principal);
        if (denied.length > 0) throw presentError(refusedRequest(forbidden(denied.join(', '), principal.role)), requestId, logError);
      };
    },
    onSubscribe({ args }) {
      const { principal } = args.contextValue as Partial<GraphQLContext>;
      return {
        onSubscribeResult({ result, setResult }) {
          if (principal && isAsyncIterable(result)) setResult(streams.endOnRevocation(principal.tokenId, result));
        },
      };
    },
  };
}

/** A request refused as a whole gets 403 over HTTP, as a request without a token gets 401. */
function refusedRequest(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 403 } } });
}
