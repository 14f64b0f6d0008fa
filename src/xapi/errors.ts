// Errors raised by the XAPI client. XAPI reports every API-level failure as a code plus string parameters
// (`VM_BAD_POWER_STATE [vm, expected, actual]`); callers branch on the code, so it is the primary key here.

/** Error codes the client itself reacts to; everything else is surfaced to the caller unchanged. */
export const XapiErrorCode = {
  SESSION_INVALID: 'SESSION_INVALID',
  HOST_IS_SLAVE: 'HOST_IS_SLAVE',
  EVENTS_LOST: 'EVENTS_LOST',
  EVENT_FROM_TOKEN_PARSE_FAILURE: 'EVENT_FROM_TOKEN_PARSE_FAILURE',
  SESSION_AUTHENTICATION_FAILED: 'SESSION_AUTHENTICATION_FAILED',
  MESSAGE_METHOD_UNKNOWN: 'MESSAGE_METHOD_UNKNOWN',
  TASK_CANCELLED: 'TASK_CANCELLED',
  HANDLE_INVALID: 'HANDLE_INVALID',
  MAP_DUPLICATE_KEY: 'MAP_DUPLICATE_KEY',
} as const;

/** A failure reported by XAPI itself (`Status: Failure`, or a task that ended in failure/cancelled). */
export class XapiError extends Error {
  override readonly name = 'XapiError';
  readonly code: string;
  readonly params: string[];
  /** The wire method that failed (`VM.start`, `Async.VM.start`), or '' when unknown. */
  readonly method: string;
  /** Set when the failure was reported through a task (callAsync). */
  readonly task?: string;

  constructor(code: string, params: readonly unknown[] = [], method = '', task?: string) {
    const stringParams = params.map((p) => String(p));
    super(`${code}(${stringParams.join(', ')})`);
    this.code = code;
    this.params = stringParams;
    this.method = method;
    if (task !== undefined) this.task = task;
  }

  /** Builds the error from XAPI's `ErrorDescription` / task `error_info`: `[code, ...params]`. */
  static fromDescription(description: unknown, method = '', task?: string): XapiError {
    const list = Array.isArray(description) ? description : [description];
    const [code, ...params] = list;
    return new XapiError(code === undefined || code === '' ? 'UNKNOWN_XAPI_ERROR' : String(code), params, method, task);
  }
}

export function isXapiError(error: unknown, code?: string): error is XapiError {
  return error instanceof XapiError && (code === undefined || error.code === code);
}

/**
 * The XAPI endpoint could not be reached or the connection broke (ECONNREFUSED, ECONNRESET, socket hang-up,
 * timeout). Distinct from XapiError so the session layer can fail over to another pool member.
 */
export class XapiTransportError extends Error {
  override readonly name = 'XapiTransportError';
  /** The system error code (`ECONNREFUSED`, `ECONNRESET`, `ETIMEDOUT`, …). */
  readonly code: string;
  readonly url: string;
  readonly method: string;

  constructor(code: string, url: string, method: string, cause?: unknown) {
    super(`${code} calling ${method} on ${url}`, cause === undefined ? undefined : { cause });
    this.code = code;
    this.url = url;
    this.method = method;
  }

  /**
   * True when the request certainly never reached XAPI, so even a non-idempotent call may be re-sent
   * elsewhere. After a reset or timeout the call may have run, and re-sending `VM.clone` would clone twice.
   */
  get neverDelivered(): boolean {
    return NEVER_DELIVERED_CODES.has(this.code);
  }
}

const NEVER_DELIVERED_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export function isTransportError(error: unknown): error is XapiTransportError {
  return error instanceof XapiTransportError;
}

/** The endpoint answered, but not with a well-formed XAPI response (HTML error page, XML-RPC fault, garbage). */
export class XapiProtocolError extends Error {
  override readonly name = 'XapiProtocolError';
  readonly url: string;
  readonly method: string;

  constructor(message: string, url: string, method: string, cause?: unknown) {
    super(`${message} (calling ${method} on ${url})`, cause === undefined ? undefined : { cause });
    this.url = url;
    this.method = method;
  }
}
