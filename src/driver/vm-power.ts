// Power primitives shared by the actions: long ones run as XAPI async tasks so they report progress and can
// be cancelled; each leaves the instance's power state as XAPI now reports it.
import { powerStateFromXapi } from '../events/pool-sync.js';
import type { ActionRun, ReconcileOutcome } from '../operations/action.js';
import { instanceClient } from './xapi-access.js';
import { activeVm } from './vm-lookup.js';
import type { VmState } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';

/** Nova's bootlock: a VM whose start is blocked cannot be booted by anyone until it is released. */
export async function acquireBootlock(client: XapiClient, vm: string): Promise<void> {
  await client.call('VM.set_blocked_operations', vm, { start: '' });
}

export async function releaseBootlock(client: XapiClient, vm: string): Promise<void> {
  await client.call('VM.remove_from_blocked_operations', vm, 'start');
}

export async function xapiPowerStateOf(client: XapiClient, vm: string): Promise<string> {
  return client.call<string>('VM.get_power_state', vm);
}

/**
 * Runs `VM.<method>` as an async task, with the operation's cancellation and progress wired in. When the
 * task is the whole action its progress is the operation's; inside a multi-step action (`withinStep`) it
 * moves the percentage within the step, and its own shows in the message.
 */
export async function vmTask(
  run: ActionRun, client: XapiClient, method: string, args: unknown[], phase: string, options: { withinStep?: boolean } = {},
): Promise<void> {
  const report = (fraction: number) => {
    const done = Math.round(fraction * 100);
    return options.withinStep ? run.taskProgress(fraction, phase, `${method} ${done}%`) : run.progress(done, phase);
  };
  await report(0);
  await client.callAsync(`VM.${method}`, args, {
    signal: run.signal,
    onProgress: (fraction) => void report(fraction).catch(() => undefined),
  });
}

/** Hard shutdown unless already halted (Nova's power_off without a grace period). */
export async function hardShutdown(run: ActionRun, client: XapiClient, vm: string): Promise<void> {
  if ((await xapiPowerStateOf(client, vm)) !== 'Halted') await vmTask(run, client, 'hard_shutdown', [vm], 'stopping');
}

/** Records the VM's power state as XAPI reports it now, with the vmState the action ended in. */
export async function settle(run: ActionRun, client: XapiClient, vm: string, vmState: VmState): Promise<void> {
  const powerState = powerStateFromXapi(await xapiPowerStateOf(client, vm));
  await run.updateInstance({ vmState, powerState });
}

/**
 * Recovery for an action cut short by a crash: it succeeded if XAPI shows the VM in the state the action
 * was driving it to, and then the instance gets the action's vmState.
 */
export function reconcileToPowerState(xapiPowerState: string, vmState: VmState) {
  return async (run: ActionRun): Promise<ReconcileOutcome> => {
    const client = instanceClient(run.services, run.instance);
    const vm = await activeVm(client, run.instance);
    if (!vm || await xapiPowerStateOf(client, vm) !== xapiPowerState) return 'FAILED';
    await settle(run, client, vm, vmState);
    return 'SUCCEEDED';
  };
}
