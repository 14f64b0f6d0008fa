// Host actions, each a durable Operation on the host: Nova's set_host_enabled, host_maintenance_mode and
// host_power_action. Where Nova's `xenhost` plugin ran `xe` commands in dom0, these are XAPI's own calls:
// host.disable/enable, live migration of every instance (one Operation each), host.reboot/shutdown/power_on.
import { BaseUserError, InvalidStateError, NotFoundError } from '../../errors.js';
import type { DriverServices, TargetAction, TargetRun } from '../../operations/action.js';
import type { Host, HostPatch, Instance } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { powerOffAction } from '../actions/power.js';
import { hostRef, poolClient, storeMirrorsPool } from '../xapi-access.js';
import { evacuate, instancesOn, planEvacuation, requireIdle } from './evacuation.js';
import { handOverMastership } from './master-handover.js';
import { requireNoPoolOperation } from './pool-operation.js';
import { withResumeMark } from './resume-on-boot.js';

/** disabledReason of a host xengraph disabled for a reboot or shutdown; it is enabled again when it is back. */
export const POWER_ACTION_REASON = 'host reboot or shutdown';
export const MAINTENANCE_REASON = 'maintenance mode';

const MINUTE = 60_000;
/** How long a host may take to go down after host.reboot/shutdown, and to come back (firmware, Xen, dom0). */
const GOING_DOWN_MS = 10 * MINUTE;
const BOOTING_MS = 60 * MINUTE;

/** STARTUP was asked of a host XAPI cannot power on (no power_on_mode configured). */
export class PowerOnUnavailableError extends BaseUserError {
  override readonly code = 'POWER_ON_UNAVAILABLE';
  constructor(readonly hostName: string) {
    super(`${hostName} has no power-on mode (IPMI, wake-on-LAN, …) configured in XAPI, so it cannot be started remotely`);
  }
}

/** Some instances could not be moved off the host; those that could were moved. */
export class EvacuationFailedError extends BaseUserError {
  override readonly code = 'EVACUATION_FAILED';
}

export async function requireHost(services: DriverServices, hostId: string): Promise<Host> {
  const host = await services.store.hosts.get(hostId);
  if (!host) throw new NotFoundError('Host', hostId, { path: ['input', 'id'] });
  return host;
}

/** The host as a host action's check sees it: known, and not in the middle of a pool-wide operation. */
async function requireActionableHost(services: DriverServices, hostId: string): Promise<Host> {
  const host = await requireHost(services, hostId);
  await requireNoPoolOperation(services.store, host);
  return host;
}

function xapiHost(services: DriverServices, host: Host): { client: XapiClient; ref: string } {
  const client = poolClient(services, host.poolId);
  return { client, ref: hostRef(client, host) };
}

/** Changes xengraph's service state of a host and tells hostUpdated subscribers. */
export async function updateHost(services: DriverServices, hostId: string, patch: HostPatch): Promise<Host | null> {
  const host = await services.store.hosts.update(hostId, patch);
  if (host) services.pubsub.publish('host:changed', host.id, { hostId: host.id });
  return host;
}

/**
 * host.enable / host.disable, then waits until the event pump has mirrored it: the store's `enabled` is XAPI's,
 * and a pump write of the host's older record must not land after the action's own.
 */
async function switchHost(services: DriverServices, client: XapiClient, ref: string, host: Host, enabled: boolean): Promise<void> {
  await client.call(enabled ? 'host.enable' : 'host.disable', ref);
  await storeMirrorsPool(services, host.poolId);
}

function isLive(client: XapiClient, ref: string): boolean | undefined {
  const host = client.cache.get('host', ref);
  const metrics = host ? client.cache.get('host_metrics', String(host.metrics)) : undefined;
  return metrics ? Boolean(metrics.live) : undefined;
}

function untilLive(client: XapiClient, ref: string, live: boolean, timeoutMs: number, signal: AbortSignal): Promise<true> {
  return client.cache.waitFor(() => isLive(client, ref) === live || undefined, timeoutMs, signal);
}

// ---------------------------------------------------------------------------------------------------------
// set_host_enabled

export interface SetEnabledInput {
  readonly enabled: boolean;
  readonly reason: string | null;
}

export const hostSetEnabledAction: TargetAction<SetEnabledInput> = {
  kind: 'host.setEnabled',
  targetType: 'Host',
  async check(target, { enabled }, services) {
    const host = await requireActionableHost(services, target.id);
    if (enabled && host.maintenance !== 'NONE') {
      throw new InvalidStateError(`${host.name} is in maintenance (${host.maintenance}); leave maintenance mode to enable it`, host.maintenance, ['NONE']);
    }
  },
  async run(run, { enabled, reason }) {
    const host = await requireHost(run.services, run.target.id);
    const { client, ref } = xapiHost(run.services, host);
    await switchHost(run.services, client, ref, host, enabled);
    await updateHost(run.services, host.id, { enabled, disabledReason: enabled ? null : reason ?? 'disabled by an administrator' });
    return { enabled };
  },
  async reconcile(run, input) {
    await hostSetEnabledAction.run(run, input);
    return 'SUCCEEDED';
  },
};

// ---------------------------------------------------------------------------------------------------------
// host_maintenance_mode

export interface MaintenanceInput {
  readonly enabled: boolean;
}

export async function enterMaintenance(run: TargetRun): Promise<Record<string, unknown>> {
  const { services } = run;
  const host = await requireHost(services, run.target.id);
  const { client, ref } = xapiHost(services, host);
  // Nova left disabling to the API layer; here it is the first step, so nothing new lands while instances leave.
  await run.progress(0, 'disabling');
  await updateHost(services, host.id, { maintenance: 'ENTERING', enabled: false, disabledReason: MAINTENANCE_REASON });
  await switchHost(services, client, ref, host, false);
  const newMaster = await handOverMastership(run, client, host, 2);
  const plan = await planEvacuation(services, host);
  const { moved, failed } = await evacuate(run, plan, 5, 95);
  if (failed.length > 0) throw new EvacuationFailedError(`${failed.length} of ${plan.length} instances stayed on ${host.name}: ${failed.join('; ')}`);
  await updateHost(services, host.id, { maintenance: 'ON' });
  return { maintenance: 'ON', evacuated: moved, ...(newMaster ? { newMaster } : {}) };
}

export async function leaveMaintenance(run: TargetRun): Promise<Record<string, unknown>> {
  const { services } = run;
  const host = await requireHost(services, run.target.id);
  const { client, ref } = xapiHost(services, host);
  await updateHost(services, host.id, { maintenance: 'LEAVING' });
  await switchHost(services, client, ref, host, true);
  await updateHost(services, host.id, { maintenance: 'NONE', enabled: true, disabledReason: null });
  return { maintenance: 'NONE' };
}

export const hostMaintenanceAction: TargetAction<MaintenanceInput> = {
  kind: 'host.setMaintenanceMode',
  targetType: 'Host',
  async check(target, { enabled }, services) {
    const host = await requireActionableHost(services, target.id);
    if (!enabled) {
      if (host.maintenance !== 'ON' && host.maintenance !== 'ERROR') {
        throw new InvalidStateError(`${host.name} is not in maintenance`, host.maintenance, ['ON', 'ERROR']);
      }
      return;
    }
    if (host.maintenance !== 'NONE' && host.maintenance !== 'ERROR') {
      throw new InvalidStateError(`${host.name} is already in maintenance (${host.maintenance})`, host.maintenance, ['NONE', 'ERROR']);
    }
    if (!host.live) throw new InvalidStateError(`${host.name} is not responding, so its instances cannot be moved`, 'NOT_LIVE', ['LIVE']);
    // The whole plan, before anything is recorded: every instance must have somewhere to go.
    await planEvacuation(services, host);
  },
  run: (run, { enabled }) => (enabled ? enterMaintenance(run) : leaveMaintenance(run)),
  async onFailure(run) {
    // Entering: still disabled, some instances may have left. Leaving: XAPI said no to host.enable.
    await updateHost(run.services, run.target.id, { maintenance: 'ERROR' });
  },
  async reconcile(run, { enabled }) {
    if (!enabled) {
      await leaveMaintenance(run);
      return 'SUCCEEDED';
    }
    const host = await requireHost(run.services, run.target.id);
    const empty = (await instancesOn(run.services, host)).length === 0;
    await updateHost(run.services, host.id, { maintenance: empty ? 'ON' : 'ERROR' });
    return empty ? 'SUCCEEDED' : 'FAILED';
  },
};

// ---------------------------------------------------------------------------------------------------------
// host_power_action

export type HostPowerActionKind = 'REBOOT' | 'SHUTDOWN' | 'STARTUP';

export interface PowerActionInput {
  readonly action: HostPowerActionKind;
  /** REBOOT/SHUTDOWN: move the instances to other hosts instead of halting them (and resuming them at boot). */
  readonly evacuate: boolean;
}

/**
 * Nova's plugin halted every resident VM (`xe vm-shutdown --multiple`) before rebooting. Here each running
 * instance is first marked to be resumed when the host is back, then stopped as its own power-off Operation
 * (clean shutdown for a minute, then forced).
 */
async function haltInstances(run: TargetRun, host: Host, instances: readonly Instance[]): Promise<string[]> {
  const halted: string[] = [];
  const failed: string[] = [];
  for (const [index, instance] of instances.entries()) {
    await run.progress(5 + Math.round((60 * index) / instances.length), 'stopping instances', `stopping ${instance.name}`);
    if (instance.powerState === 'RUNNING') await run.updateInstance(instance.id, { systemMetadata: withResumeMark(instance, host.id) });
    try {
      const { operation } = await run.runInstanceAction(powerOffAction, instance, { timeout: 60, retryInterval: 5 });
      if (operation.status === 'SUCCEEDED') halted.push(instance.id);
      else failed.push(`${instance.name}: ${operation.error?.message ?? operation.status}`);
    } catch (error) {
      failed.push(`${instance.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // XAPI would halt the rest itself, but a guest that refused to stop is worth a look before pulling the plug.
  if (failed.length > 0) throw new EvacuationFailedError(`${failed.length} instances did not stop: ${failed.join('; ')}`);
  return halted;
}

/** Back from a reboot or power-on: enabled again if xengraph only disabled it for the power action. */
async function restoreService(services: DriverServices, client: XapiClient, ref: string, hostId: string): Promise<void> {
  const host = await requireHost(services, hostId);
  if (host.disabledReason === POWER_ACTION_REASON && host.maintenance === 'NONE') {
    await switchHost(services, client, ref, host, true);
    await updateHost(services, hostId, { enabled: true, disabledReason: null });
  } else if (host.disabledReason !== null || host.maintenance !== 'NONE') {
    // XAPI enables a host at boot; one an administrator disabled (or in maintenance) stays out of service.
    await switchHost(services, client, ref, host, false);
    await updateHost(services, hostId, { enabled: false });
  }
}

export async function powerDown(run: TargetRun, host: Host, input: PowerActionInput): Promise<Record<string, unknown>> {
  const { services } = run;
  const { client, ref } = xapiHost(services, host);
  const reboot = input.action === 'REBOOT';
  await run.progress(0, 'disabling');
  const inService = host.enabled && host.disabledReason === null && host.maintenance === 'NONE';
  await updateHost(services, host.id, inService ? { enabled: false, disabledReason: POWER_ACTION_REASON } : { enabled: false });
  await switchHost(services, client, ref, host, false);
  const newMaster = await handOverMastership(run, client, host, 2);
  const residents = await instancesOn(services, host);
  let result: Record<string, unknown> = newMaster ? { newMaster } : {};
  if (input.evacuate) {
    const plan = await planEvacuation(services, host, residents);
    const { moved, failed } = await evacuate(run, plan, 5, 65);
    if (failed.length > 0) throw new EvacuationFailedError(`${failed.length} of ${plan.length} instances stayed on ${host.name}: ${failed.join('; ')}`);
    result = { ...result, evacuated: moved };
  } else {
    result = { ...result, halted: await haltInstances(run, host, residents) };
  }
  await run.progress(70, reboot ? 'rebooting' : 'shutting down');
  await client.call(reboot ? 'host.reboot' : 'host.shutdown', ref);
  await untilLive(client, ref, false, GOING_DOWN_MS, run.signal);
  if (!reboot) return { action: input.action, ...result };
  await run.progress(85, 'booting');
  await untilLive(client, ref, true, BOOTING_MS, run.signal);
  await restoreService(services, client, ref, host.id);
  return { action: input.action, ...result };
}

async function startUp(run: TargetRun, host: Host): Promise<Record<string, unknown>> {
  const { client, ref } = xapiHost(run.services, host);
  await run.progress(0, 'powering on');
  await client.call('host.power_on', ref);
  await run.progress(50, 'booting');
  await untilLive(client, ref, true, BOOTING_MS, run.signal);
  await restoreService(run.services, client, ref, host.id);
  return { action: 'STARTUP' };
}

export const hostPowerAction: TargetAction<PowerActionInput> = {
  kind: 'host.powerAction',
  targetType: 'Host',
  async check(target, input, services) {
    const host = await requireActionableHost(services, target.id);
    const { client, ref } = xapiHost(services, host);
    const live = isLive(client, ref) ?? host.live;
    if (input.action === 'STARTUP') {
      if (!String(client.cache.get('host', ref)?.power_on_mode ?? '')) throw new PowerOnUnavailableError(host.name);
      if (live) throw new InvalidStateError(`${host.name} is already running`, 'LIVE', ['DOWN']);
      return;
    }
    if (!live) throw new InvalidStateError(`${host.name} is not running`, 'DOWN', ['LIVE']);
    const residents = await instancesOn(services, host);
    if (input.evacuate) await planEvacuation(services, host, residents);
    else await requireIdle(services, residents);
  },
  async run(run, input) {
    const host = await requireHost(run.services, run.target.id);
    return input.action === 'STARTUP' ? startUp(run, host) : powerDown(run, host, input);
  },
  async onFailure(run) {
    // Refused or stopped before the host went down: it goes back into service (if xengraph took it out), and
    // instances halted on the way are then resumed like after a boot.
    const host = await requireHost(run.services, run.target.id);
    const { client, ref } = xapiHost(run.services, host);
    if (isLive(client, ref)) await restoreService(run.services, client, ref, host.id);
  },
  async reconcile(run, input) {
    // Whatever step it was at, the host is judged by whether it now runs as the action wanted.
    const host = await requireHost(run.services, run.target.id);
    const { client, ref } = xapiHost(run.services, host);
    const live = isLive(client, ref) ?? host.live;
    if (input.action === 'SHUTDOWN') return live ? 'FAILED' : 'SUCCEEDED';
    if (!live) return 'FAILED';
    await restoreService(run.services, client, ref, host.id);
    return 'SUCCEEDED';
  },
};

export const HOST_ACTIONS: ReadonlyMap<string, TargetAction<never>> = new Map(
  ([hostSetEnabledAction, hostMaintenanceAction, hostPowerAction] as TargetAction<never>[]).map((action) => [action.kind, action]),
);
