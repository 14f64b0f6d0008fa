// Tells a pool that is merely away (retried in the background) from one that can never work as configured
// (wrong credentials, a URL that is not XAPI, https against plain HTTP, a host name that does not exist): the
// latter is a settings mistake, worded as one line naming the setting, at start and in a running server alike.
import { ConfigError } from '../config.js';
import { XapiErrorCode, isXapiError, XapiProtocolError, XapiTransportError } from '../xapi/errors.js';

export interface PoolStartFailure {
  readonly url: string;
  readonly error: unknown;
}

/** TLS failures: the handshake itself (https against a plain HTTP server) or a certificate Node does not trust. */
const CERTIFICATE_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_)/;

/** The one-line settings problem `error` reveals about the pool at `url`, or null when it is only unreachable. */
export function poolSettingsProblem(url: string, user: string, error: unknown): string | null {
  if (isXapiError(error, XapiErrorCode.SESSION_AUTHENTICATION_FAILED)) {
    return `XAPI_USER / XAPI_PASSWORD: the pool at ${url} refuses the login of "${user}" (SESSION_AUTHENTICATION_FAILED)`;
  }
  if (error instanceof XapiTransportError && error.code === 'ENOTFOUND') {
    return `XAPI_URL: unknown host "${new URL(url).hostname}" in ${url} (ENOTFOUND)`;
  }
  if (!(error instanceof XapiProtocolError)) return null;
  const cause = (error.cause ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof cause.code === 'string' ? cause.code : '';
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_')) {
    return `XAPI_URL: no TLS at ${url} (${code}); if the server speaks plain HTTP, use http://`;
  }
  if (CERTIFICATE_CODES.test(code)) {
    return `XAPI_URL: the TLS certificate of ${url} is not trusted (${code}); add its CA with NODE_EXTRA_CA_CERTS`;
  }
  return `XAPI_URL: ${url} answers, but not as XAPI (${oneLine(String(cause.message ?? error.message))})`;
}

/**
 * Decides whether a start may go on after each configured pool was tried once: any settings mistake stops it,
 * and so does every pool being unreachable unless one of them was linked in an earlier run (then it is a pool
 * that is down for now, whose operations recovery must still settle once it is back).
 */
export function checkPoolsAtStart(
  configured: readonly string[], failures: readonly PoolStartFailure[], user: string, knownUrls: readonly string[],
): void {
  for (const { url, error } of failures) {
    const problem = poolSettingsProblem(url, user, error);
    if (problem) throw new ConfigError(problem);
  }
  if (configured.length === 0 || failures.length < configured.length) return;
  if (failures.some(({ url }) => knownUrls.some((known) => sameUrl(known, url)))) return;
  const reasons = failures.map(({ url, error }) => `${url}: ${reasonCode(error)}`).join(', ');
  throw new ConfigError(`XAPI_URL: no configured pool answers (${reasons})`);
}

function reasonCode(error: unknown): string {
  if (error instanceof XapiTransportError) return error.code;
  return oneLine(error instanceof Error ? error.message : String(error));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).toString() === new URL(b).toString();
  } catch {
    return false;
  }
}
