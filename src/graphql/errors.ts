// Domain failures as GraphQL types. A mutation lists the classes it can raise in `errors: { types }` and its
// result becomes a union of its payload and those types, all implementing `UserError`; anything not listed
// stays a top-level GraphQL error.
import {
  BaseUserError, IdempotencyKeyReuseError, InvalidInputError, InvalidStateError, NoValidHostError, NotFoundError,
  OperationInProgressError,
} from '../errors.js';
import { builder } from './builder.js';

export {
  BaseUserError, IdempotencyKeyReuseError, InvalidInputError, InvalidStateError, NoValidHostError, NotFoundError,
  OperationInProgressError,
};

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

userErrorType(NotFoundError, 'NotFoundError', {
  fields: (t) => ({
    resourceType: t.exposeString('resourceType'),
    resourceId: t.exposeString('resourceId'),
  }),
});

userErrorType(InvalidInputError, 'InvalidInputError');

userErrorType(InvalidStateError, 'InvalidStateError', {
  fields: (t) => ({
    currentState: t.exposeString('currentState'),
    allowedStates: t.stringList({ resolve: (error) => [...error.allowedStates] }),
  }),
});

userErrorType(IdempotencyKeyReuseError, 'IdempotencyKeyReuseError', {
  fields: (t) => ({ idempotencyKey: t.exposeString('idempotencyKey') }),
});

userErrorType(OperationInProgressError, 'OperationInProgressError', {
  fields: (t) => ({
    activeOperation: t.globalID({ nullable: true, resolve: (e) => (e.activeOperationId ? { type: 'Operation', id: e.activeOperationId } : null) }),
  }),
});

userErrorType(NoValidHostError, 'NoValidHostError');
