// Mutations for driver actions on an existing instance. Each takes `{ id, idempotencyKey, ... }`, returns at
// once with `{ operation, instance }` (the work runs in the background) or a typed error, and changes nothing
// when refused.
import { z } from 'zod';
import { ejectCdAction } from '../driver/actions/cd.js';
import { destroyAction } from '../driver/actions/destroy.js';
import { updateMetadataAction } from '../driver/actions/metadata.js';
import { setHaRestartPriorityAction, type HaRestartPriority } from '../driver/actions/ha-protection.js';
import { rescueAction, unrescueAction } from '../driver/actions/rescue.js';
import {
  pauseAction, powerOffAction, powerOnAction, rebootAction, restoreAction, resumeAction, setBootableAction,
  softDeleteAction, suspendAction, unpauseAction,
} from '../driver/actions/power.js';
import type { InstanceAction } from '../operations/action.js';
import type { Submitted } from '../operations/runner.js';
import type { Instance } from '../store/index.js';
import { ActionAvailabilityRegistry } from './action-availability.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import {
  IdempotencyKeyReuseError, InvalidInputError, InvalidStateError, NotFoundError, OperationInProgressError,
} from './errors.js';
import { ImageRef, InstanceRef, OperationRef } from './refs.js';
import { DESCRIBE } from './shared-descriptions.js';
import { boundedMetadata, boundedMetadataKeys, boundedText, idempotencyKeyField, metadataInput } from './input-bounds.js';

/** The typed errors every instance action can answer with. */
export const ACTION_ERRORS = [NotFoundError, InvalidStateError, InvalidInputError, OperationInProgressError, IdempotencyKeyReuseError];

export const ActionPayload = builder.objectRef<Submitted>('ActionPayload').implement({
  description: 'An accepted action: its Operation (follow it with operationUpdated) and the instance as it is now.',
  fields: (t) => ({
    operation: t.field({ type: OperationRef, description: DESCRIBE.acceptedOperation, resolve: (s) => s.operation }),
    instance: t.field({ type: InstanceRef, description: DESCRIBE.instanceOnAction, resolve: (s) => s.instance }),
  }),
});

export { idempotencyKeyField };

export const RebootTypeEnum = builder.enumType('RebootType', {
  description: 'How to reboot (Nova\'s reboot_type).',
  values: {
    SOFT: { description: 'Ask the guest to restart (clean reboot).' },
    HARD: { description: 'Reset the VM, like pressing the reset button.' },
  },
});

/** Submits `action` for the instance named by the input's global id. */
export function submitForInstance<Input>(
  ctx: GraphQLContext, action: InstanceAction<Input>, instanceId: string, idempotencyKey: string | null | undefined, input: Input,
): Promise<Submitted> {
  const { store, operations } = ctx.services;
  return operations.submit(action, {
    input: { ...input, instanceId } as Input,
    requestedBy: ctx.principal?.tokenId ?? '',
    requestId: ctx.requestId,
    idempotencyKey,
    instance: async () => {
      const instance = await store.instances.get(instanceId);
      if (!instance || instance.deletedAt) throw new NotFoundError('Instance', instanceId, { path: ['input', 'id'] });
      return instance;
    },
  });
}

interface ActionFieldSpec<Input> {
  readonly description: string;
  readonly action: InstanceAction<Input>;
  /** Extra input fields beyond id and idempotencyKey. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Pothos input field builders
  readonly inputFields?: (t: any) => Record<string, any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed input object
  readonly toInput: (input: any) => Input;
  /** Typed errors beyond ACTION_ERRORS that the action's check can raise. */
  readonly errors?: readonly (new (...args: never[]) => Error)[];
  /** The input allowedActions checks the action with; `toInput({})` when absent. */
  readonly probeInput?: Input;
}

/** The instance mutations, for Instance.allowedActions. */
export const instanceActionAvailability = new ActionAvailabilityRegistry<Instance>((instance) => ({ instanceId: instance.id }), 'instance');

export function instanceActionField<Input>(name: string, spec: ActionFieldSpec<Input>): void {
  const typeName = name[0].toUpperCase() + name.slice(1);
  const probe = spec.probeInput ?? spec.toInput({});
  instanceActionAvailability.register({ mutation: name, role: 'operator', check: (instance, services) => spec.action.check(instance, probe, services) });
  builder.mutationField(name, (t) => t.field({
    type: ActionPayload,
    description: spec.description,
    authScopes: { operator: true },
    errors: { types: [...ACTION_ERRORS, ...(spec.errors ?? [])], directResult: true, union: { name: `${typeName}Result` } },
    args: {
      input: t.arg({
        required: true,
        description: 'The instance and how to act on it.',
        type: builder.inputType(`${typeName}Input`, {
          description: `What ${name} acts on and how.`,
          fields: (f) => ({
            id: f.globalID({ for: InstanceRef, required: true, description: 'The instance to act on.' }),
            idempotencyKey: f.string(idempotencyKeyField),
            ...(spec.inputFields?.(f) ?? {}),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, ctx) => {
      const { id, idempotencyKey } = input as { id: { id: string }; idempotencyKey?: string | null };
      return submitForInstance(ctx, spec.action, id.id, idempotencyKey, spec.toInput(input));
    },
  }));
}

const noInput = () => ({});

instanceActionField('instanceReboot', {
  description: 'Reboots the instance: SOFT asks the guest, HARD resets it; a halted VM is started instead.',
  action: rebootAction,
  inputFields: (t) => ({ type: t.field({ type: RebootTypeEnum, required: true, description: 'SOFT or HARD.' }) }),
  toInput: (input: { type: 'SOFT' | 'HARD' }) => ({ type: input.type }),
  // HARD: the widest reboot (a stopped instance is started); SOFT asks more of the guest.
  probeInput: { type: 'HARD' },
});

instanceActionField('instancePowerOff', {
  description: 'Stops the instance: a clean shutdown for up to `timeout` seconds (asking again every `retryInterval`), then a hard one.',
  action: powerOffAction,
  inputFields: (t) => ({
    timeout: t.int({
      description: 'Seconds to wait for a clean shutdown before forcing it (0–3600); 0 forces at once.',
      required: false, defaultValue: 0, validate: z.number().int().min(0).max(3600) }),
    retryInterval: t.int({
      description: 'Seconds between clean-shutdown requests while waiting (1–600).',
      required: false, defaultValue: 5, validate: z.number().int().min(1).max(600) }),
  }),
  toInput: (input: { timeout?: number | null; retryInterval?: number | null }) => ({ timeout: input.timeout ?? 0, retryInterval: input.retryInterval ?? 5 }),
});

instanceActionField('instancePowerOn', { description: 'Starts a stopped instance.', action: powerOnAction, toInput: noInput });
instanceActionField('instancePause', { description: 'Pauses a running instance in memory.', action: pauseAction, toInput: noInput });
instanceActionField('instanceUnpause', { description: 'Lets a paused instance run again.', action: unpauseAction, toInput: noInput });
instanceActionField('instanceSuspend', {
  description: 'Suspends the instance to disk; it cannot be booted until resumed.', action: suspendAction, toInput: noInput,
});
instanceActionField('instanceResume', { description: 'Resumes a suspended instance.', action: resumeAction, toInput: noInput });
instanceActionField('instanceSoftDelete', {
  description: 'Stops the instance and blocks it from booting, keeping its disks, until restored or destroyed.',
  action: softDeleteAction, toInput: noInput,
});
instanceActionField('instanceRestore', { description: 'Brings back a soft-deleted instance and starts it.', action: restoreAction, toInput: noInput });
instanceActionField('instanceSetBootable', {
  description: 'Allows or blocks booting the instance (XAPI blocked operations).',
  action: setBootableAction,
  inputFields: (t) => ({ bootable: t.boolean({ required: true, description: 'True allows starting the VM; false blocks it.' }) }),
  toInput: (input: { bootable: boolean }) => ({ bootable: input.bootable }),
});

instanceActionField('instanceEjectCd', {
  description: 'Ejects the disc from the instance\'s CD drive (an ISO image it was installed from, whose copy is then removed); '
    + 'the drive stays, empty, and the next boot is from the disk. Refused when no drive holds a disc.',
  action: ejectCdAction,
  toInput: noInput,
});

instanceActionField('instanceDestroy', {
  description: 'Destroys the instance: its rescue VM, its VM (forced off) and, unless deleteDisks is false, its disks; '
    + 'its addresses are released and it is marked DELETED. A VM already gone is not an error.',
  action: destroyAction,
  inputFields: (t) => ({
    deleteDisks: t.boolean({ required: false, defaultValue: true, description: 'False keeps the instance\'s VDIs on their SR.' }),
  }),
  toInput: (input: { deleteDisks?: boolean | null }) => ({ deleteDisks: input.deleteDisks ?? true }),
});

instanceActionField('instanceRescue', {
  description: 'Stops the instance and boots a <name>-rescue VM from a rescue image with the instance\'s disks attached after its own.',
  action: rescueAction,
  inputFields: (t) => ({
    imageId: t.globalID({ for: ImageRef, required: false, description: 'The rescue image; the instance\'s own image when absent.' }),
    password: t.string({
      required: false,
      ...boundedText(255, { min: 1, description: 'Set through the rescue image\'s guest agent when it has one (see the result\'s passwordSet). Never stored.' }),
    }),
  }),
  toInput: (input: { imageId?: { id: string } | null; password?: string | null }) => ({
    imageId: input.imageId?.id ?? null, password: input.password ?? null,
  }),
});

instanceActionField('instanceUnrescue', {
  description: 'Removes the rescue VM (never the instance\'s own disks) and starts the instance again.',
  action: unrescueAction,
  toInput: noInput,
});

instanceActionField('instanceUpdateMetadata', {
  description: 'Sets and removes metadata entries; a running guest sees them under vm-data/user-metadata at once.',
  action: updateMetadataAction,
  inputFields: (t) => ({
    set: t.field({ type: 'JSON', required: false, ...boundedMetadata('Entries to add or overwrite: string keys and values.') }),
    remove: t.stringList({ required: false, ...boundedMetadataKeys('Keys to remove.') }),
  }),
  toInput: (input: { set?: unknown; remove?: string[] | null }) => ({ set: metadataInput(input.set), remove: [...new Set(input.remove ?? [])] }),
});

const HaRestartPriorityEnum = builder.enumType('HaRestartPriority', {
  description: 'Whether the pool\'s HA restarts the instance on a surviving host when its host dies.',
  values: {
    RESTART: { description: 'Always (XAPI `restart`).' },
    BEST_EFFORT: { description: 'When capacity remains after the instances marked RESTART (XAPI `best-effort`).' },
    NONE: { description: 'Never: the instance stays halted with its host.' },
  } as const,
});

instanceActionField('instanceSetHaRestartPriority', {
  description: 'Protects the instance with the pool\'s HA (VM.ha_restart_priority), or stops protecting it. Takes effect once HA is on.',
  action: setHaRestartPriorityAction,
  inputFields: (t) => ({ priority: t.field({ type: HaRestartPriorityEnum, required: true, description: 'The priority to set (XAPI VM.ha_restart_priority).' }) }),
  toInput: (input: { priority: HaRestartPriority }) => ({ priority: input.priority }),
});
