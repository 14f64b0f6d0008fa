// Instance.allowedActions and Host.allowedActions: each mutation on the object, whether the caller may run it
// now and, when not, why and with which code the mutation would answer (action-availability.ts). Imported after
// every mutation module (schema.ts), as the enums list the mutations those registered.
import { hostActionAvailability } from './host-compute.js';
import { instanceActionAvailability } from './instance-actions.js';
import type { ActionAvailability, ActionAvailabilityRegistry } from './action-availability.js';
import { builder } from './builder.js';
import { enumValueName } from './enums.js';
import { UserErrorCodeEnum, type USER_ERROR_CODES } from './errors.js';
import { HostRef, InstanceRef } from './refs.js';

function allowedActionType<Subject extends { id: string }>(subjectName: 'Instance' | 'Host', registry: ActionAvailabilityRegistry<Subject>) {
  const entries = registry.seal().map((mutation) => [enumValueName(mutation), { value: mutation, description: `The ${mutation} mutation.` }] as const);
  const MutationEnum = builder.enumType(`${subjectName}Mutation`, {
    description: `A mutation that acts on one ${subjectName.toLowerCase()}.`,
    values: Object.fromEntries(entries) as Record<string, { value: string; description: string }>,
  });
  return builder.objectRef<ActionAvailability>(`${subjectName}AllowedAction`).implement({
    description: `Whether a mutation on the ${subjectName.toLowerCase()} would be accepted now, and why not when not.`,
    fields: (t) => ({
      action: t.field({ type: MutationEnum, description: 'The mutation.', resolve: (a) => a.action }),
      allowed: t.exposeBoolean('allowed', {
        description: 'True when the caller may run it and the object\'s state allows it; its own input may still be refused.',
      }),
      reason: t.exposeString('reason', { nullable: true, description: 'Why it is refused, as the mutation would say; null when allowed.' }),
      code: t.field({
        type: UserErrorCodeEnum,
        nullable: true,
        description: 'The code the mutation would answer with (FORBIDDEN: the role is too low); null when allowed.',
        resolve: (a) => a.code as (typeof USER_ERROR_CODES)[number] | null,
      }),
    }),
  });
}

const ALLOWED_ACTIONS = 'Every mutation on this object, with whether it is allowed now for the caller (read from the store and the '
  + 'pools\' caches: no XAPI call). Live: it follows the object\'s updates on its subscription.';

const InstanceAllowedAction = allowedActionType('Instance', instanceActionAvailability);
builder.objectField(InstanceRef, 'allowedActions', (t) => t.field({
  type: [InstanceAllowedAction],
  description: ALLOWED_ACTIONS,
  resolve: (instance, _args, ctx) => instanceActionAvailability.availabilityFor(instance, ctx),
}));

const HostAllowedAction = allowedActionType('Host', hostActionAvailability);
builder.objectField(HostRef, 'allowedActions', (t) => t.field({
  type: [HostAllowedAction],
  description: ALLOWED_ACTIONS,
  resolve: (host, _args, ctx) => hostActionAvailability.availabilityFor(host, ctx),
}));
