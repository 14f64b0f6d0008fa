// From a request's credential to the principal resolvers see. HTTP sends `Authorization: Bearer <token>`;
// graphql-ws sends it in `connectionParams`. No credential means an anonymous principal (null), which
// scope-auth refuses with UNAUTHENTICATED; a credential that does not check out is refused right here.
import { GraphQLError } from 'graphql';
import type { ApiTokenRepository } from '../store/index.js';
import type { Principal } from './context.js';

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Token secrets are `xg_` + base64url; anything else cannot be ours (and must never be echoed into HTML). */
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

/** Null for no credential; throws UNAUTHENTICATED for an unknown, revoked or malformed one. */
export async function principalFor(tokens: ApiTokenRepository, credential: string | null): Promise<Principal | null> {
  if (credential === null) return null;
  const token = looksLikeToken(credential) ? await tokens.authenticate(credential) : null;
  if (!token) throw unauthenticated('Invalid or revoked API token');
  return { tokenId: token.id, name: token.name, role: token.role };
}
