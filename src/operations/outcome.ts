// How a failure is recorded on an Operation: a stable code, a message, and XAPI's own code and parameters
// when XAPI refused, so a caller can tell "not enough memory" from "bad power state" without parsing text.
import { BaseUserError } from '../errors.js';
import type { OperationError } from '../store/index.js';
import { isTransportError, isXapiError, XapiErrorCode } from '../xapi/index.js';

export function operationErrorOf(error: unknown): OperationError {
  if (isXapiError(error)) {
    return { code: 'XAPI_ERROR', message: `XAPI refused ${error.method || 'a call'}: ${error.code}`, xapiCode: error.code, xapiParams: [...error.params] };
  }
  if (error instanceof BaseUserError) {
    return { code: error.code, message: error.message, xapiCode: error.xapiCause?.code ?? null, xapiParams: error.xapiCause ? [...error.xapiCause.params] : null };
  }
  if (isTransportError(error)) return { code: 'XAPI_UNREACHABLE', message: error.message, xapiCode: null, xapiParams: null };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), xapiCode: null, xapiParams: null };
}

/** True when the error is the end of a cancelled XAPI task or of an aborted wait. */
export function isCancellation(error: unknown): boolean {
  return isXapiError(error, XapiErrorCode.TASK_CANCELLED) || (error instanceof Error && error.name === 'AbortError');
}
