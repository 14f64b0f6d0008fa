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

/** What each code means, for the enum's documentation. */
const USER_ERROR_CODE_MEANINGS: Record<(typeof USER_ERROR_CODES)[number], string> = {
  USER_ERROR: 'A refusal with no more specific code.',
  NOT_FOUND: 'The object an input names does not exist (or the caller may not see it).',
  INVALID_INPUT: 'An input value is well-formed but not acceptable; `path` names it.',
  INVALID_STATE: 'The object\'s state does not allow the action now (e.g. pausing a stopped instance).',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used before for a different request.',
  OPERATION_IN_PROGRESS: 'The object already has an operation running; one at a time.',
  NO_VALID_HOST: 'No host can take the instance (disabled, down or short of memory).',
  INVALID_AGGREGATE_ACTION: 'The aggregate\'s state does not allow the action (Nova\'s InvalidAggregateAction).',
  MIGRATION_REFUSED: 'The live migration checks said no; the reason says why.',
  INTERFACE_ATTACH_FAILED: 'The VM takes no further network interface.',
  AGENT_ERROR: 'The guest agent answered with an error.',
  AGENT_TIMEOUT: 'The guest agent did not answer within AGENT_TIMEOUT seconds.',
  AGENT_NOT_IMPLEMENTED: 'The instance has no guest agent, or it lacks the command.',
  COALESCE_TIMEOUT: 'The disk chain did not coalesce in time for a snapshot.',
  INSTANCE_EXISTS: 'A VM with this name already exists on the pool.',
  VM_NOT_FOUND: 'The instance\'s VM is no longer on its pool.',
  POWER_ON_UNAVAILABLE: 'The host has no power-on mode configured.',
  EVACUATION_FAILED: 'Some instances could not leave the host.',
  SECURITY_GROUP_IN_USE: 'The security group still has member instances.',
  FIREWALL_NOT_APPLIED: 'The host refused the security group rules.',
  RESIZE_ERROR: 'The new flavor cannot take the instance (e.g. a smaller disk).',
  STORAGE_ERROR: 'The storage refused (e.g. an iSCSI target that does not answer).',
  CONSOLE_NOT_AVAILABLE: 'The instance has no console to connect to now.',
  FORBIDDEN: 'The caller\'s role is too low (a top-level error, named here by allowedActions).',
};

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Stable machine-readable code of a UserError.',
  values: Object.fromEntries(USER_ERROR_CODES.map((code) => [code, { value: code, description: USER_ERROR_CODE_MEANINGS[code] }])) as
    Record<(typeof USER_ERROR_CODES)[number], { value: (typeof USER_ERROR_CODES)[number]; description: string }>,
});

export const UserErrorInterface = builder.interfaceRef<BaseUserError>('UserError').implement({
  description: 'A request that was understood but could not be carried out; nothing was changed.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, for a person to read.' }),
    code: t.field({ type: UserErrorCodeEnum, description: 'What went wrong, for a program to act on.', resolve: (error) => error.code as (typeof USER_ERROR_CODES)[number] }),
    path: t.stringList({ nullable: true, description: 'The input value at fault (e.g. ["input", "name"]); null when it is no one value.', resolve: (error) => (error.path ? [...error.path] : null) }),
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
  description: 'Nothing of that type has that id (or it was deleted).',
  fields: (t) => ({
    resourceType: t.exposeString('resourceType', { description: 'The type looked for, e.g. Instance.' }),
    resourceId: t.exposeString('resourceId', { description: 'The id that named nothing, as given.' }),
  }),
});

userErrorType(InvalidInputError, 'InvalidInputError', {
  description: 'An input value is malformed or out of bounds; `path` names it and `message` says why.',
});

userErrorType(InvalidStateError, 'InvalidStateError', {
  description: 'The object is in a state that does not allow this action (Nova\'s InstanceInvalidState).',
  fields: (t) => ({
    currentState: t.exposeString('currentState', { description: 'The state it is in (e.g. an instance\'s vmState).' }),
    allowedStates: t.stringList({ description: 'The states the action would be accepted in.', resolve: (error) => [...error.allowedStates] }),
  }),
});

userErrorType(IdempotencyKeyReuseError, 'IdempotencyKeyReuseError', {
  description: 'The idempotency key was used before for a different request; use a fresh key for a new request.',
  fields: (t) => ({ idempotencyKey: t.exposeString('idempotencyKey', { description: 'The key given twice.' }) }),
});

userErrorType(OperationInProgressError, 'OperationInProgressError', {
  description: 'Another operation is running on the same object; wait for it to end, or cancel it.',
  fields: (t) => ({
    activeOperation: t.globalID({ description: 'The global id of the operation in the way; null when unknown.', nullable: true, resolve: (e) => (e.activeOperationId ? { type: 'Operation', id: e.activeOperationId } : null) }),
  }),
});

userErrorType(NoValidHostError, 'NoValidHostError', {
  description: 'No host can take the instance (memory, disk, PCI devices or state); `message` says what was missing.',
});
