// Finding an instance's VM on XAPI: by name label for managed instances (0 → none, 1 → it, more → a clash),
// by uuid for VMs xengraph did not create.
import { BaseUserError } from '../errors.js';
import type { Instance } from '../store/index.js';
import { isXapiError, type XapiClient } from '../xapi/index.js';
import { rescueNameOf, vmNameOf } from './naming.js';

/** Two VMs carry the instance's name; acting on either could hit the wrong one. */
export class InstanceExistsError extends BaseUserError {
  override readonly code = 'INSTANCE_EXISTS';
  constructor(readonly vmName: string) {
    super(`More than one VM is named ${vmName}`);
  }
}

export async function vmByName(client: XapiClient, name: string): Promise<string | null> {
  const refs = await client.call<string[]>('VM.get_by_name_label', name);
  if (refs.length > 1) throw new InstanceExistsError(name);
  return refs[0] ?? null;
}

/** The instance's own VM, or null when XAPI has none. */
export async function instanceVm(client: XapiClient, instance: Instance): Promise<string | null> {
  const name = vmNameOf(instance);
  if (name !== null) return vmByName(client, name);
  if (!instance.vmUuid) return null;
  try {
    return await client.call<string>('VM.get_by_uuid', instance.vmUuid);
  } catch (error) {
    if (isXapiError(error, 'UUID_INVALID')) return null;
    throw error;
  }
}

export async function rescueVm(client: XapiClient, instance: Instance): Promise<string | null> {
  const name = rescueNameOf(instance);
  return name === null ? null : vmByName(client, name);
}

/** Reboot and console read the rescue VM when one exists, as Nova did. */
export async function activeVm(client: XapiClient, instance: Instance): Promise<string | null> {
  return (await rescueVm(client, instance)) ?? instanceVm(client, instance);
}

/** The instance's VM; a missing one is an error for actions that need it. */
export async function requireVm(client: XapiClient, instance: Instance): Promise<string> {
  const vm = await instanceVm(client, instance);
  if (!vm) throw new VmMissingError(instance);
  return vm;
}

export class VmMissingError extends BaseUserError {
  override readonly code = 'VM_NOT_FOUND';
  constructor(instance: Instance) {
    super(`Instance ${instance.name} has no VM on its pool`);
  }
}
