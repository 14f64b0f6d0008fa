// Failures a caller can act on: each has a stable code, a message, and (when it is about one input value) a
// path into the input. The driver and services throw them; the GraphQL layer turns each into a typed error.

/** The XAPI refusal behind a failure that has a name of its own (e.g. FIREWALL_NOT_APPLIED). */
export interface XapiCause {
  readonly code: string;
  readonly params: readonly string[];
}

export class BaseUserError extends Error {
  readonly code: string = 'USER_ERROR';
  /** Path into the field's arguments (e.g. ['input', 'name']), when the error is about one input value. */
  readonly path: readonly string[] | null;
  readonly xapiCause: XapiCause | null;

  constructor(message: string, options: { path?: readonly string[]; xapiCause?: XapiCause | null } = {}) {
    super(message);
    this.name = new.target.name;
    this.path = options.path ?? null;
    this.xapiCause = options.xapiCause ?? null;
  }
}

/** The object an input pointed at does not exist (or is not visible to the caller). */
export class NotFoundError extends BaseUserError {
  override readonly code = 'NOT_FOUND';
  constructor(readonly resourceType: string, readonly resourceId: string, options: { path?: readonly string[] } = {}) {
    super(`${resourceType} ${resourceId} not found`, options);
  }
}

/** An input value is well-typed but not acceptable (checked by a service after authorisation). */
export class InvalidInputError extends BaseUserError {
  override readonly code = 'INVALID_INPUT';
}

/** The object is in a state that does not allow the action, e.g. pausing a stopped instance. */
export class InvalidStateError extends BaseUserError {
  override readonly code = 'INVALID_STATE';
  constructor(message: string, readonly currentState: string, readonly allowedStates: readonly string[] = []) {
    super(message);
  }
}

/** An idempotency key was sent again with a different request. */
export class IdempotencyKeyReuseError extends BaseUserError {
  override readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly idempotencyKey: string) {
    super(`Idempotency key ${idempotencyKey} was already used for a different request`, { path: ['input', 'idempotencyKey'] });
  }
}

/** The instance (or host, …) already has an action running; one at a time per instance or target. */
export class OperationInProgressError extends BaseUserError {
  override readonly code = 'OPERATION_IN_PROGRESS';
  constructor(readonly instanceId: string, readonly activeOperationId: string | null, subject = 'instance') {
    super(`The ${subject} already has an operation in progress; wait for it to finish or cancel it`);
  }
}

/** No host can take the instance: all are disabled, down, or short of free memory. */
export class NoValidHostError extends BaseUserError {
  override readonly code = 'NO_VALID_HOST';
}
