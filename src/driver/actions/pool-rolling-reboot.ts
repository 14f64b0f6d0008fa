// Rebooting every host of a pool without stopping an instance (a patch round, as XenCenter's rolling pool
// upgrade does it): one host at a time, slaves first and the master last, each put into maintenance (its
// instances live-migrated away, and for the master its role handed to a slave), rebooted, waited for until it is
// back and enabled, and taken out of maintenance. The first failure stops the round: instances only ever move
// live, so every one still runs, and the host that failed stays in maintenance for a look.
import { InvalidStateError, NotFoundError } from '../../errors.js';
import type { DriverServices, TargetAction, TargetRun } from '../../operations/action.js';
import type { Host } from '../../store/index.js';
import { enterMaintenance, leaveMaintenance, powerDown, requireHost, updateHost } from '../host/host-actions.js';
import { isPoolMaster } from '../host/master-handover.js';
import { hostRef, poolClient } from '../xapi-access.js';

export interface RollingRebootInput {}

async function poolHosts(services: DriverServices, poolId: string): Promise<Host[]> {
  if (!services.pools.get(poolId)) throw new NotFoundError('Pool', poolId, { path: ['input', 'poolId'] });
  return services.store.hosts.list({ poolId }, { limit: 1000, inverted: false });
}

/** Slaves by name, then the master, which by then can hand its role to a host already rebooted. */
function rebootOrder(services: DriverServices, poolId: string, hosts: readonly Host[]): Host[] {
  const client = poolClient(services, poolId);
  const isMaster = (host: Host) => isPoolMaster(client, hostRef(client, host));
  const byName = [...hosts].sort((a, b) => a.name.localeCompare(b.name));
  return [...byName.filter((h) => !isMaster(h)), ...byName.filter(isMaster)];
}

/** The pool operation seen as one host's: its progress fills that host's share, each message naming the host. */
function hostShare(run: TargetRun, host: Host, index: number, count: number): TargetRun {
  const from = (100 * index) / count;
  const share = 100 / count;
  return {
    services: run.services,
    operation: run.operation,
    target: { type: 'Host', id: host.id },
    signal: run.signal,
    get percent() {
      return run.percent;
    },
    progress: (percent, phase, message) => run.progress(
      Math.min(99, Math.round(from + (share * percent) / 100)), phase, `${host.name} (${index + 1} of ${count}): ${message ?? phase}`,
    ),
    runInstanceAction: (action, instance, input, onProgress) => run.runInstanceAction(action, instance, input, onProgress),
    updateInstance: (instanceId, patch) => run.updateInstance(instanceId, patch),
  };
}

/** Hosts left half-way into or out of maintenance are shown as needing a look, like a failed maintenance action. */
async function markInterrupted(services: DriverServices, poolId: string): Promise<void> {
  for (const host of await poolHosts(services, poolId)) {
    if (host.maintenance === 'ENTERING' || host.maintenance === 'LEAVING') await updateHost(services, host.id, { maintenance: 'ERROR' });
  }
}

export const poolRollingRebootAction: TargetAction<RollingRebootInput> = {
  kind: 'pool.rollingReboot',
  targetType: 'Pool',
  async check(target, _input, services) {
    const hosts = await poolHosts(services, target.id);
    if (hosts.length < 2) {
      throw new InvalidStateError('A pool of one host cannot be rebooted without stopping its instances', 'SINGLE_HOST', ['SEVERAL_HOSTS']);
    }
    const unfit = hosts.find((h) => !h.live || !h.enabled || h.maintenance !== 'NONE');
    if (unfit) {
      throw new InvalidStateError(`${unfit.name} is not in service (live, enabled, out of maintenance); bring it back first`, 'HOST_OUT_OF_SERVICE', ['ALL_IN_SERVICE']);
    }
  },
  async run(run) {
    const poolId = run.target.id;
    const hosts = rebootOrder(run.services, poolId, await poolHosts(run.services, poolId));
    const rebooted: string[] = [];
    for (const [index, host] of hosts.entries()) {
      const share = hostShare(run, host, index, hosts.length);
      await enterMaintenance(share);
      await powerDown(share, await requireHost(run.services, host.id), { action: 'REBOOT', evacuate: true });
      await leaveMaintenance(share);
      // The next host's evacuation plans with this one: it must be seen back in service first.
      await poolClient(run.services, poolId).barrier();
      rebooted.push(host.name);
    }
    await run.progress(100, 'done', `${rebooted.length} hosts rebooted`);
    return { rebooted };
  },
  async onFailure(run) {
    await markInterrupted(run.services, run.target.id);
  },
  async reconcile(run) {
    // Interrupted by a restart somewhere in the round: nothing is resumed, the hosts are shown as they are.
    await markInterrupted(run.services, run.target.id);
    return 'FAILED';
  },
};
