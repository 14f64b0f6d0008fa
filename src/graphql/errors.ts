// Domain failures as GraphQL types. A mutation lists the classes it can raise in `errors: { types }` and its
// result becomes a union of its payload and those types, all implementing `UserError`; anything not listed
// stays a top-level GraphQL error.
import { builder } from './builder.js';

/** Every user error: a human message, a stable machine code, and where in the input it points. */
export class BaseUserError extends Error {
  readonly code: string = 'USER_ERROR';
  /** Path into the field's arguments (e.g. ['input', 'name']), when the error is about one input value. */
  readonly path: readonly string[] | null;

  constructor(message: string, options: { path?: readonly string[] } = {}) {
    super(message);
    this.name = new.target.name;
    this.path = options.path ?? null;
  }
}

export const UserErrorInterface = builder.interfaceRef<BaseUserError>('UserError').implement({
  description: 'A request that was understood but could not be carried out; nothing was changed.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'Stable machine-readable code, e.g. NOT_FOUND.' }),
    path: t.stringList({ nullable: true, resolve: (error) => (error.path ? [...error.path] : null) }),
  }),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constructors of any arity
type ErrorClass<T extends BaseUserError> = new (...args: any[]) => T;
type ErrorTypeOptions<T extends BaseUserError> = Omit<
  PothosSchemaTypes.ObjectTypeOptions<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never, T>,
  'interfaces' | 'name'
>;

/** Registers an error class as a GraphQL object implementing `UserError`; extra fields go in `options.fields`. */
export function userErrorType<T extends BaseUserError>(errorClass: ErrorClass<T>, name: string, options: ErrorTypeOptions<T> = {}) {
  // Pothos cannot prove through the generic T that T's shape extends the interface's, hence the cast;
  // callers still get `fields` typed for their class through ErrorTypeOptions<T>.
  return builder.objectType(errorClass, { ...options, name, interfaces: [UserErrorInterface] } as never);
}

userErrorType(BaseUserError, 'BaseUserError', { description: 'A user error without further detail.' });

/** The object an input pointed at does not exist (or is not visible to the caller). */
export class NotFoundError extends BaseUserError {
  override readonly code = 'NOT_FOUND';
  constructor(readonly resourceType: string, readonly resourceId: string, options: { path?: readonly string[] } = {}) {
    super(`${resourceType} ${resourceId} not found`, options);
  }
}

userErrorType(NotFoundError, 'NotFoundError', {
  fields: (t) => ({
    resourceType: t.exposeString('resourceType'),
    resourceId: t.exposeString('resourceId'),
  }),
});

/** An input value is well-typed but not acceptable (checked by a service after authorisation). */
export class InvalidInputError extends BaseUserError {
  override readonly code = 'INVALID_INPUT';
}

userErrorType(InvalidInputError, 'InvalidInputError');

/** The object is in a state that does not allow the action, e.g. rebooting a halted instance. */
export class InvalidStateError extends BaseUserError {
  override readonly code = 'INVALID_STATE';
  constructor(message: string, readonly currentState: string, readonly allowedStates: readonly string[] = []) {
    super(message);
  }
}

userErrorType(InvalidStateError, 'InvalidStateError', {
  fields: (t) => ({
    currentState: t.exposeString('currentState'),
    allowedStates: t.stringList({ resolve: (error) => [...error.allowedStates] }),
  }),
});

/** An idempotency key was sent again with a different request. */
export class IdempotencyKeyReuseError extends BaseUserError {
  override readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly idempotencyKey: string) {
    super(`Idempotency key ${idempotencyKey} was already used for a different request`, { path: ['input', 'idempotencyKey'] });
  }
}

userErrorType(IdempotencyKeyReuseError, 'IdempotencyKeyReuseError', {
  fields: (t) => ({ idempotencyKey: t.exposeString('idempotencyKey') }),
});
