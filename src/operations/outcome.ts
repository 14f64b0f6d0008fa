// How a failure is recorded on an Operation: a stable code, a message, and XAPI's own code and parameters
// when XAPI refused, so a caller can tell "not enough memory" from "bad power state" without parsing text.
import { BaseUserError } from '../errors.js';
import type { OperationError } from '../store/index.js';
import { isTransportError, isXapiError, XapiErrorCode } from '../xapi/index.js';

export function operationErrorOf(error: unknown): OperationError {
  if (isXapiError(error)) {
    return { code: 'XAPI_ERROR', message: `XAPI refused ${error.method || 'a call'}: ${bounded(error.code)}`, xapiCode: bounded(error.code), xapiParams: boundedParams(error.params) };
  }
  if (error instanceof BaseUserError) {
    const cause = error.xapiCause;
    return { code: error.code, message: bounded(error.message), xapiCode: cause ? bounded(cause.code) : null, xapiParams: cause ? boundedParams(cause.params) : null };
  }
  if (isTransportError(error)) return { code: 'XAPI_UNREACHABLE', message: bounded(error.message), xapiCode: null, xapiParams: null };
  return { code: 'INTERNAL', message: bounded(error instanceof Error ? error.message : String(error)), xapiCode: null, xapiParams: null };
}

/** What of an error is kept: a pool (or a guest behind it) may answer with megabytes, which no reader needs. */
export const MAX_ERROR_TEXT = 2_000;
export const MAX_ERROR_PARAMS = 32;

function bounded(text: string): string {
  return text.length <= MAX_ERROR_TEXT ? text : `${text.slice(0, MAX_ERROR_TEXT)}… (${text.length - MAX_ERROR_TEXT} more characters)`;
}

function boundedParams(params: readonly string[]): string[] {
  const kept = params.slice(0, MAX_ERROR_PARAMS).map((param) => bounded(String(param)));
  return params.length > MAX_ERROR_PARAMS ? [...kept, `… (${params.length - MAX_ERROR_PARAMS} more)`] : kept;
}

/** True when the error is the end of a cancelled XAPI task or of an aborted wait. */
export function isCancellation(error: unknown): boolean {
  return isXapiError(error, XapiErrorCode.TASK_CANCELLED) || (error instanceof Error && error.name === 'AbortError');
}
