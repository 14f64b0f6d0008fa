// Whether HA restarts the instance when its host dies: XAPI's VM.ha_restart_priority (`restart`: always, which
// XAPI reflects as ha_always_run; `best-effort`: if capacity allows after the protected ones; '': never). Set on
// the VM, so it holds whether or not HA is on yet; the pool's HA then restarts the VM on a survivor.
import { InvalidStateError } from '../../errors.js';
import type { InstanceAction } from '../../operations/action.js';
import { instanceVm } from '../vm-lookup.js';
import { instanceClient } from '../xapi-access.js';

export type HaRestartPriority = 'RESTART' | 'BEST_EFFORT' | 'NONE';

const XAPI_PRIORITY: Record<HaRestartPriority, string> = { RESTART: 'restart', BEST_EFFORT: 'best-effort', NONE: '' };

export interface HaProtectionInput {
  readonly priority: HaRestartPriority;
}

export const setHaRestartPriorityAction: InstanceAction<HaProtectionInput> = {
  kind: 'instance.setHaRestartPriority',
  taskState: 'updating-ha-protection',
  check(instance) {
    if (instance.deletedAt || instance.vmState === 'DELETED') throw new InvalidStateError('A deleted instance cannot be protected', 'DELETED');
    if (!instance.vmUuid) throw new InvalidStateError('The instance has no VM yet', instance.vmState, ['ACTIVE', 'STOPPED']);
  },
  async run(run, { priority }) {
    const client = instanceClient(run.services, run.instance);
    const vm = await instanceVm(client, run.instance);
    if (!vm) throw new InvalidStateError('The instance\'s VM is gone', 'NO_VM');
    await client.call('VM.set_ha_restart_priority', vm, XAPI_PRIORITY[priority]);
    return { haRestartPriority: priority };
  },
  async reconcile(run, input) {
    await setHaRestartPriorityAction.run(run, input);
    return 'SUCCEEDED';
  },
};
