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

/**
 * Every code a user error carries (src/errors.ts and the driver's error classes). A class with a new code
 * fails test/unit/schema-enums.test.ts until it is listed here.
 */
export const USER_ERROR_CODES = [
  'USER_ERROR', 'NOT_FOUND', 'INVALID_INPUT', 'INVALID_STATE', 'IDEMPOTENCY_KEY_REUSED', 'OPERATION_IN_PROGRESS', 'NO_VALID_HOST',
  'INVALID_AGGREGATE_ACTION', 'MIGRATION_REFUSED', 'INTERFACE_ATTACH_FAILED', 'AGENT_ERROR', 'AGENT_TIMEOUT', 'AGENT_NOT_IMPLEMENTED',
  'COALESCE_TIMEOUT', 'INSTANCE_EXISTS', 'VM_NOT_FOUND', 'POWER_ON_UNAVAILABLE', 'EVACUATION_FAILED', 'SECURITY_GROUP_IN_USE',
  'FIREWALL_NOT_APPLIED', 'RESIZE_ERROR', 'STORAGE_ERROR', 'CONSOLE_NOT_AVAILABLE',
  // Not a union member: the role refusal is a top-level error; allowedActions names it with the same code.
  'FORBIDDEN',
] as const;

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Stable machine-readable code of a UserError.',
  values: USER_ERROR_CODES,
});

export const UserErrorInterface = builder.interfaceRef<BaseUserError>('UserError').implement({
  description: 'A request that was understood but could not be carried out; nothing was changed.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.field({ type: UserErrorCodeEnum, resolve: (error) => error.code as (typeof USER_ERROR_CODES)[number] }),
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
