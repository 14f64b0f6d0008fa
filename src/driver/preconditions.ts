// State checks made before an action is recorded or any XAPI call is made: a refused request changes nothing.
import { InvalidStateError } from '../errors.js';
import type { Instance, PowerState, VmState } from '../store/index.js';

export function requireVmState(instance: Instance, action: string, allowed: readonly VmState[]): void {
  if (!allowed.includes(instance.vmState)) {
    throw new InvalidStateError(`Cannot ${action} an instance that is ${instance.vmState}`, instance.vmState, allowed);
  }
}

export function requirePowerState(instance: Instance, action: string, allowed: readonly PowerState[]): void {
  if (!allowed.includes(instance.powerState)) {
    throw new InvalidStateError(`Cannot ${action} an instance whose power state is ${instance.powerState}`, instance.powerState, allowed);
  }
}

/** Every action but spawn needs a VM to act on, and none may touch a deleted instance. */
export function requireLiveVm(instance: Instance, action: string): void {
  if (instance.deletedAt || instance.vmState === 'DELETED') {
    throw new InvalidStateError(`Cannot ${action} a deleted instance`, 'DELETED');
  }
  if (!instance.vmUuid && instance.vmState !== 'ERROR') {
    throw new InvalidStateError(`Cannot ${action} an instance that has no VM`, instance.vmState);
  }
}

/** The usual check: the instance has a VM and is in one of `allowed`. */
export function liveVmIn(action: string, allowed: readonly VmState[]): (instance: Instance) => void {
  return (instance) => {
    requireLiveVm(instance, action);
    requireVmState(instance, action, allowed);
  };
}
