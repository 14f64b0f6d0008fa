// From a request's credential to the principal resolvers see. HTTP sends `Authorization: Bearer <token>`;
// graphql-ws sends it in `connectionParams`. Callers without a valid credential are refused before their
// operation is even parsed (access-control.ts), all with the same UNAUTHENTICATED error.
import { GraphQLError } from 'graphql';
import type { ApiTokenRepository } from '../store/index.js';
import type { Principal, Role } from './context.js';

export function unauthenticated(message = 'Authentication required: send an API token as "Authorization: Bearer <token>"'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** The one refusal of an authenticated caller, whether it comes before execution or from scope-auth during it. */
export function forbidden(coordinate: string, role: Role): GraphQLError {
  return new GraphQLError(`Not authorized: ${coordinate} needs a higher role than ${role}`, { extensions: { code: 'FORBIDDEN' } });
}

/** Token secrets are `xg_` + base64url; anything else cannot be ours and is not looked up. */
export function looksLikeToken(value: string): boolean {
  return /^xg_[A-Za-z0-9_-]{16,128}$/.test(value);
}

/** The credential in an `Authorization` header value; null when there is none. */
export function credentialFromHeader(header: string | null | undefined): string | null {
  if (header == null || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match) throw unauthenticated('Malformed Authorization header: expected "Bearer <token>"');
  return match[1];
}

/** graphql-ws clients put the header value (or the bare token) in `authorization` or `Authorization`. */
export function credentialFromConnectionParams(params: Readonly<Record<string, unknown>> | null | undefined): string | null {
  const value = params?.authorization ?? params?.Authorization;
  if (value == null || value === '') return null;
  if (typeof value !== 'string') throw unauthenticated('connectionParams.authorization must be a string');
  return /^bearer\s/i.test(value.trim()) ? credentialFromHeader(value) : value.trim();
}

/** The principal of a credential; UNAUTHENTICATED for none and for an unknown, revoked or malformed one. */
export async function authenticate(tokens: Pick<ApiTokenRepository, 'authenticate'>, credential: string | null): Promise<Principal> {
  if (credential === null) throw unauthenticated();
  const token = looksLikeToken(credential) ? await tokens.authenticate(credential) : null;
  if (!token) throw unauthenticated('Invalid or revoked API token');
  return { tokenId: token.id, name: token.name, role: token.role };
}
