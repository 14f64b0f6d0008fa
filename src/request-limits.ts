// Bounds every GraphQL request before any work is done on it, on HTTP and graphql-ws alike: HTTP bodies by
// size (refused before they are read), request parameters that are not well-formed JSON (yoga would fail
// them as internal errors), and documents through parseWithinLimits (nesting, tokens, fields, aliases,
// depth). Each refusal is a 4xx or a GraphQLError with a code, never an internal error.
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { parseWithinLimits } from './graphql/document-limits.js';

/** Largest request body or WebSocket message: spawn's user data (64 KiB) and files fit with room to spare. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

function badRequest(message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status } } });
}

function isObjectOrAbsent(value: unknown): boolean {
  return value == null || (typeof value === 'object' && !Array.isArray(value));
}

/** Refuses parameters graphql-js would choke on or yoga would fail as internal errors. */
function checkParams(params: GraphQLParams): void {
  if (params.query != null && typeof params.query !== 'string') throw badRequest('query must be a string');
  if (params.operationName != null && typeof params.operationName !== 'string') throw badRequest('operationName must be a string');
  if (!isObjectOrAbsent(params.variables)) throw badRequest('variables must be a JSON object');
  if (!isObjectOrAbsent(params.extensions)) throw badRequest('extensions must be a JSON object');
}

export function useRequestLimits(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      const chunked = request.headers.get('transfer-encoding') !== null;
      if (length > MAX_REQUEST_BYTES || (chunked && request.method === 'POST')) {
        // A chunked body's size is only known once read; clients send GraphQL bodies with a length.
        const status = chunked ? 411 : 413;
        const message = chunked ? 'Send the request body with a Content-Length' : `Request body larger than ${MAX_REQUEST_BYTES} bytes`;
        endResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }), {
          status, headers: { 'content-type': 'application/json', connection: 'close' },
        }));
        return;
      }
      if (!requestParser) return;
      setRequestParser(async (parsing) => {
        let params: Awaited<ReturnType<typeof requestParser>>;
        try {
          params = await requestParser(parsing);
        } catch (error) {
          if (error instanceof GraphQLError) throw error;
          // JSON.parse of GET (or form) `variables`/`extensions`.
          throw badRequest(`Malformed request parameters: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (params instanceof fetchAPI.Response) return params;
        for (const one of Array.isArray(params) ? params : [params as GraphQLParams]) checkParams(one);
        return params;
      });
    },
    onParse({ setParseFn }) {
      setParseFn((source) => parseWithinLimits(typeof source === 'string' ? source : source.body));
    },
  };
}
