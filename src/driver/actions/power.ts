// Reboot, power off/on, pause/unpause, suspend/resume, soft delete/restore and set bootable, as Nova's driver
// did them, each refused up front when the instance's state does not allow it.
import type { InstanceAction } from '../../operations/action.js';
import { isXapiError } from '../../xapi/index.js';
import { liveVmIn, requireLiveVm, requirePowerState, requireVmState } from '../preconditions.js';
import { instanceClient } from '../xapi-access.js';
import { activeVm, requireVm, rescueVm } from '../vm-lookup.js';
import {
  acquireBootlock, hardShutdown, reconcileToPowerState, releaseBootlock, settle, vmTask, xapiPowerStateOf,
} from '../vm-power.js';
import { startOnHome, type Placement } from '../home-host.js';

type NoInput = Record<string, never>;

export type RebootType = 'SOFT' | 'HARD';

export const rebootAction: InstanceAction<{ type: RebootType }> = {
  kind: 'instance.reboot',
  reconcile: reconcileToPowerState('Running', 'ACTIVE'),
  taskState: 'rebooting',
  cancellable: true,
  check(instance, { type }) {
    requireLiveVm(instance, 'reboot');
    if (type === 'SOFT') {
      requireVmState(instance, 'soft-reboot', ['ACTIVE', 'RESCUED']);
      requirePowerState(instance, 'soft-reboot', ['RUNNING']);
    } else {
      // XAPI reboots no suspended VM (VM_BAD_POWER_STATE); resume is the way back.
      requireVmState(instance, 'reboot', ['ACTIVE', 'STOPPED', 'PAUSED', 'ERROR', 'RESCUED']);
      requirePowerState(instance, 'reboot', ['RUNNING', 'PAUSED', 'SHUTDOWN', 'CRASHED']);
    }
  },
  async run(run, { type }) {
    const client = instanceClient(run.services, run.instance);
    const rescue = await rescueVm(client, run.instance);
    const vm = rescue ?? await requireVm(client, run.instance);
    let placement: Placement | undefined;
    try {
      await vmTask(run, client, type === 'HARD' ? 'hard_reboot' : 'clean_reboot', [vm], 'rebooting');
    } catch (error) {
      // A halted VM cannot reboot; Nova started it instead, and so do we, on the instance's host.
      if (!isXapiError(error, 'VM_BAD_POWER_STATE') || error.params.at(-1)?.toLowerCase() !== 'halted') throw error;
      placement = await startOnHome(run, client, vm, { method: 'start', phase: 'starting' });
    }
    await settle(run, client, vm, rescue ? 'RESCUED' : 'ACTIVE');
    return placement;
  },
};

export interface PowerOffInput {
  /** Seconds to wait for a clean shutdown before forcing one; 0 forces at once. */
  readonly timeout: number;
  /** Seconds between clean-shutdown attempts while waiting. */
  readonly retryInterval: number;
}

export const powerOffAction: InstanceAction<PowerOffInput> = {
  kind: 'instance.powerOff',
  reconcile: reconcileToPowerState('Halted', 'STOPPED'),
  taskState: 'powering-off',
  check: liveVmIn('power off', ['ACTIVE', 'PAUSED', 'SUSPENDED', 'ERROR', 'RESCUED']),
  async run(run, { timeout, retryInterval }) {
    const client = instanceClient(run.services, run.instance);
    const vm = await requireVm(client, run.instance);
    const deadline = Date.now() + timeout * 1000;
    // A guest may ignore the first ACPI request (still booting, no PV drivers yet): ask again until the deadline.
    while (timeout > 0 && Date.now() < deadline && (await xapiPowerStateOf(client, vm)) === 'Running') {
      try {
        await vmTask(run, client, 'clean_shutdown', [vm], 'shutting down cleanly');
        break;
      } catch (error) {
        if (!isXapiError(error)) throw error;
        await run.progress(0, 'shutting down cleanly', `clean shutdown refused (${error.code}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, Math.max(retryInterval, 1) * 1000));
      }
    }
    await hardShutdown(run, client, vm);
    await settle(run, client, vm, 'STOPPED');
  },
};

export const powerOnAction: InstanceAction<NoInput> = {
  kind: 'instance.powerOn',
  reconcile: reconcileToPowerState('Running', 'ACTIVE'),
  taskState: 'powering-on',
  cancellable: true,
  check(instance) {
    liveVmIn('power on', ['STOPPED', 'ERROR'])(instance);
    requirePowerState(instance, 'power on', ['SHUTDOWN']);
  },
  async run(run) {
    const client = instanceClient(run.services, run.instance);
    const vm = await requireVm(client, run.instance);
    const placement = await startOnHome(run, client, vm, { method: 'start', phase: 'starting' });
    await settle(run, client, vm, 'ACTIVE');
    return placement;
  },
};

const XAPI_POWER_STATE = { ACTIVE: 'Running', PAUSED: 'Paused', SUSPENDED: 'Suspended' } as const;

/** An action that is one XAPI call on the instance's VM, from one state to another. */
function simpleAction(spec: {
  kind: string; taskState: string; verb: string; from: 'ACTIVE' | 'PAUSED' | 'SUSPENDED'; to: 'ACTIVE' | 'PAUSED' | 'SUSPENDED';
  steps: (client: ReturnType<typeof instanceClient>, vm: string, run: Parameters<InstanceAction<NoInput>['run']>[0]) => Promise<void>;
}): InstanceAction<NoInput> {
  return {
    kind: spec.kind,
    taskState: spec.taskState,
    check: liveVmIn(spec.verb, [spec.from]),
    reconcile: reconcileToPowerState(XAPI_POWER_STATE[spec.to], spec.to),
    async run(run) {
      const client = instanceClient(run.services, run.instance);
      const vm = await requireVm(client, run.instance);
      await spec.steps(client, vm, run);
      await settle(run, client, vm, spec.to);
    },
  };
}

export const pauseAction = simpleAction({
  kind: 'instance.pause', taskState: 'pausing', verb: 'pause', from: 'ACTIVE', to: 'PAUSED',
  steps: async (client, vm) => void await client.call('VM.pause', vm),
});

export const unpauseAction = simpleAction({
  kind: 'instance.unpause', taskState: 'unpausing', verb: 'unpause', from: 'PAUSED', to: 'ACTIVE',
  steps: async (client, vm) => void await client.call('VM.unpause', vm),
});

export const suspendAction = simpleAction({
  kind: 'instance.suspend', taskState: 'suspending', verb: 'suspend', from: 'ACTIVE', to: 'SUSPENDED',
  steps: async (client, vm, run) => {
    await acquireBootlock(client, vm);
    try {
      await vmTask(run, client, 'suspend', [vm], 'suspending');
    } catch (error) {
      await releaseBootlock(client, vm).catch(() => undefined);
      throw error;
    }
  },
});

export const resumeAction = simpleAction({
  kind: 'instance.resume', taskState: 'resuming', verb: 'resume', from: 'SUSPENDED', to: 'ACTIVE',
  steps: async (client, vm, run) => {
    await releaseBootlock(client, vm);
    await startOnHome(run, client, vm, { method: 'resume', phase: 'resuming' });
  },
});

export const softDeleteAction: InstanceAction<NoInput> = {
  kind: 'instance.softDelete',
  reconcile: reconcileToPowerState('Halted', 'SOFT_DELETED'),
  taskState: 'soft-deleting',
  check: liveVmIn('soft-delete', ['ACTIVE', 'STOPPED', 'PAUSED', 'SUSPENDED', 'ERROR']),
  async run(run) {
    const client = instanceClient(run.services, run.instance);
    const vm = await requireVm(client, run.instance);
    await hardShutdown(run, client, vm);
    await acquireBootlock(client, vm);
    await settle(run, client, vm, 'SOFT_DELETED');
  },
};

export const restoreAction: InstanceAction<NoInput> = {
  kind: 'instance.restore',
  reconcile: reconcileToPowerState('Running', 'ACTIVE'),
  taskState: 'restoring',
  check: liveVmIn('restore', ['SOFT_DELETED']),
  async run(run) {
    const client = instanceClient(run.services, run.instance);
    const vm = await requireVm(client, run.instance);
    await releaseBootlock(client, vm);
    const placement = await startOnHome(run, client, vm, { method: 'start', phase: 'starting' });
    await settle(run, client, vm, 'ACTIVE');
    return placement;
  },
  async onFailure(run) {
    // Still soft-deleted unless the VM came up; the bootlock may already be gone, which restore would redo.
    const client = instanceClient(run.services, run.instance);
    const vm = await activeVm(client, run.instance);
    if (vm) await settle(run, client, vm, (await xapiPowerStateOf(client, vm)) === 'Running' ? 'ACTIVE' : 'SOFT_DELETED');
  },
};

export const setBootableAction: InstanceAction<{ bootable: boolean }> = {
  kind: 'instance.setBootable',
  taskState: 'updating-bootable',
  check(instance) {
    requireLiveVm(instance, 'change whether it boots');
  },
  async run(run, { bootable }) {
    const client = instanceClient(run.services, run.instance);
    const vm = await requireVm(client, run.instance);
    if (bootable) await releaseBootlock(client, vm);
    else await acquireBootlock(client, vm);
    return { bootable };
  },
  async reconcile(run, input) {
    // Setting the lock again is harmless, so an interrupted change is simply made.
    await setBootableAction.run(run, input);
    return 'SUCCEEDED';
  },
};
