// Instances keep their host, as Nova's belonged to their compute host: a VM's XAPI affinity names the host it
// was placed on, and starting or resuming it goes back there while that host is in service and has room.
// When it has not, the best other host of the pool takes the instance, which then belongs there; the reason
// is reported, never silent.
import { NoValidHostError } from '../errors.js';
import type { ActionRun } from '../operations/action.js';
import type { Host } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';
import { chooseHost } from './scheduler.js';
import { vmTask } from './vm-power.js';
import { hostRef } from './xapi-access.js';

/**
 * Makes `host` the home of the VM that `findVm` names, after the VM moved there: XAPI's own starts (HA, another
 * tool) prefer it too. The guest runs there whatever this says, so a failure is reported in the operation's
 * progress, not turned into a failed action.
 */
export async function claimHome(run: ActionRun, client: XapiClient, host: Host, findVm: () => Promise<string>): Promise<void> {
  try {
    await client.call('VM.set_affinity', await findVm(), hostRef(client, host));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await run.progress(run.percent, run.operation.progress.phase ?? 'moving', `runs on ${host.name}, which could not be made its home: ${reason}`);
  }
}

/** Where a start went: the instance's host, or another one and why. */
export type Placement = {
  readonly hostId: string | null;
  readonly hostName?: string;
  /** Set when the instance's own host could not take it. */
  readonly placedElsewhere?: string;
};

export interface StartOptions {
  /** `resume` brings a suspended VM back; `start` boots a halted one. */
  readonly method: 'start' | 'resume';
  readonly phase: string;
  /** Inside a multi-step action, whose step owns the percentage. */
  readonly withinStep?: boolean;
}

/** Starts (or resumes) the instance's VM on its host, or on the best other host of its pool. */
export async function startOnHome(run: ActionRun, client: XapiClient, vm: string, options: StartOptions): Promise<Placement> {
  const { store } = run.services;
  const { instance } = run;
  const home = instance.hostId ? await store.hosts.get(instance.hostId) : null;
  const tail = options.method === 'start' ? [false, false] : [false, true];
  const task = (method: string, args: unknown[]) => vmTask(run, client, method, [vm, ...args, ...tail], options.phase, { withinStep: options.withinStep });
  if (!home) {
    // A VM xengraph did not place, halted with no affinity: XAPI picks, as it would for any client.
    await task(options.method, []);
    return { hostId: null };
  }
  const request = { flavor: { memoryMb: instance.memoryMb } };
  let host = home;
  let placedElsewhere: string | undefined;
  try {
    await chooseHost(store, { ...request, hostId: home.id });
  } catch (error) {
    if (!(error instanceof NoValidHostError)) throw error;
    host = await chooseHost(store, { ...request, poolId: home.poolId, excludeHostId: home.id });
    placedElsewhere = `${home.name} could not take it: ${error.message}`;
    await run.progress(run.percent, options.phase, `starting on ${host.name}; ${placedElsewhere}`);
  }
  await task(`${options.method}_on`, [hostRef(client, host)]);
  if (host !== home) await claimHome(run, client, host, async () => vm);
  return { hostId: host.id, hostName: host.name, ...(placedElsewhere ? { placedElsewhere } : {}) };
}
