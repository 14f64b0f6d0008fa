// Nova's resume_state_on_host_boot: instances that ran on a host when it went down are started again on it
// once it is back. Nova knew them from its database at compute start-up; xengraph marks them when it halts
// them for a host reboot or sees their host go down, in systemMetadata, so the mark survives a restart.
import type { ActionRun, InstanceAction } from '../../operations/action.js';
import type { Instance } from '../../store/index.js';
import { requireLiveVm, requireVmState } from '../preconditions.js';
import { requireVm, instanceVm } from '../vm-lookup.js';
import { reconcileToPowerState, settle, vmTask, xapiPowerStateOf } from '../vm-power.js';
import { hostRef, instanceClient } from '../xapi-access.js';

/** systemMetadata key: the id of the host the instance is to be started on when that host is back. */
export const RESUME_ON_HOST_BOOT = 'resume_on_host_boot';

export function withoutResumeMark(instance: Instance): Record<string, string> {
  const { [RESUME_ON_HOST_BOOT]: _mark, ...rest } = instance.systemMetadata;
  return rest;
}

export function withResumeMark(instance: Instance, hostId: string): Record<string, string> {
  return { ...instance.systemMetadata, [RESUME_ON_HOST_BOOT]: hostId };
}

export interface ResumeOnHostBootInput {
  readonly hostId: string;
}

async function clearMark(run: ActionRun): Promise<void> {
  if (RESUME_ON_HOST_BOOT in run.instance.systemMetadata) await run.updateInstance({ systemMetadata: withoutResumeMark(run.instance) });
}

export const resumeStateOnHostBootAction: InstanceAction<ResumeOnHostBootInput> = {
  kind: 'instance.resumeStateOnHostBoot',
  taskState: 'powering-on',
  cancellable: true,
  check(instance) {
    requireLiveVm(instance, 'resume');
    requireVmState(instance, 'resume after its host booted', ['ACTIVE', 'STOPPED', 'ERROR']);
  },
  async run(run, { hostId }) {
    const { services } = run;
    const client = instanceClient(services, run.instance);
    const vm = await requireVm(client, run.instance);
    // Someone may have started it meanwhile; then there is nothing left to resume.
    if (await xapiPowerStateOf(client, vm) === 'Halted') {
      const host = await services.store.hosts.get(hostId);
      // As Nova's power_on: started on this host, the one it ran on.
      if (host) await vmTask(run, client, 'start_on', [vm, hostRef(client, host), false, false], 'starting');
      else await vmTask(run, client, 'start', [vm, false, false], 'starting');
    }
    await settle(run, client, vm, 'ACTIVE');
    await clearMark(run);
  },
  async onFailure(run) {
    // Tried once, as Nova did at start-up: the mark goes, and the instance shows what its VM is.
    await clearMark(run);
    const client = instanceClient(run.services, run.instance);
    const vm = await instanceVm(client, run.instance);
    if (vm) await settle(run, client, vm, (await xapiPowerStateOf(client, vm)) === 'Running' ? 'ACTIVE' : 'STOPPED');
  },
  async reconcile(run) {
    const outcome = await reconcileToPowerState('Running', 'ACTIVE')(run);
    await clearMark(run);
    return outcome;
  },
};
