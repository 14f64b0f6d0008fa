// Nova's resume_state_on_host_boot, run when a host comes back rather than when a compute service starts:
// instances marked as running on a host when it went down (by a host power action that halted them, or
// because the host was seen down with them running) are started on it again, each as an Operation, once the
// host is live and in service. A host xengraph keeps out of service (an administrator disabled it, or it is in
// maintenance) is disabled again after a boot, since XAPI enables every host when its toolstack starts.
import { BaseUserError } from '../errors.js';
import { POWER_ACTION_REASON, updateHost } from '../driver/host/host-actions.js';
import {
  RESUME_ON_HOST_BOOT, resumeStateOnHostBootAction, withoutResumeMark, withResumeMark,
} from '../driver/host/resume-on-boot.js';
import { refreshHostFirewalls } from '../driver/firewall/apply.js';
import { activePoolOperation } from '../driver/host/pool-operation.js';
import { hostRef, poolClient } from '../driver/xapi-access.js';
import { targetIdOf } from '../operations/action.js';
import { updateInstance } from '../operations/instance-updates.js';
import type { AppServices } from '../services.js';
import type { Host, Instance } from '../store/index.js';

export const HOST_BOOT_RESUMER = 'periodic:resume_state_on_host_boot';

const ORDER = { field: 'NAME', direction: 'ASC' } as const;
const ALL = { limit: 100_000, inverted: false } as const;

/** What about a host decides whether its instances can come back. */
function serviceState(host: Host): string {
  return `${host.live}/${host.enabled}/${host.maintenance}/${host.disabledReason ?? ''}`;
}

export class HostBootWatch {
  /** Liveness at the previous check, to tell a boot from a host that was up all along. */
  private readonly lastLive = new Map<string, boolean>();
  private readonly followed = new Map<string, AsyncIterator<unknown>>();

  constructor(private readonly services: AppServices, private readonly onChange: () => void) {}

  /** One pass over every host; see the module comment. */
  async check(): Promise<void> {
    const hosts = await this.services.store.hosts.list({}, ALL);
    for (const host of hosts) this.follow(host);
    for (const host of hosts) {
      const wasLive = this.lastLive.get(host.id);
      this.lastLive.set(host.id, host.live);
      if (!host.live) {
        await this.markRunning(host);
        continue;
      }
      // A host back from a boot starts with an empty packet filter (dom0's iptables are not kept across boots).
      if (wasLive === false) await refreshHostFirewalls(this.services, [host.id]);
      if (await this.busy(host)) continue;
      const current = await this.backInService(host);
      const keptOut = current.maintenance !== 'NONE' || current.disabledReason !== null;
      if (keptOut && current.enabled && wasLive === false) await this.keepDisabled(current);
      else if (!keptOut && current.enabled) await this.resumeMarked(current);
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.followed.values()].map((iterator) => iterator.return?.()));
    this.followed.clear();
  }

  /** A change to a host's liveness or service state (from XAPI or from xengraph) asks for a check. */
  private follow(host: Host): void {
    if (this.followed.has(host.id)) return;
    const { store, pubsub } = this.services;
    const iterator = pubsub.subscribe('host:changed', host.id)[Symbol.asyncIterator]();
    this.followed.set(host.id, iterator);
    let seen = serviceState(host);
    void (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const now = await store.hosts.get(host.id);
        // Memory figures change the host row all the time; only its service state matters here.
        if (now && serviceState(now) !== seen) {
          seen = serviceState(now);
          this.onChange();
        }
      }
    })().catch(() => undefined);
  }

  /** An action on the host, or on its whole pool (a rolling reboot), is already bringing it back as it wants. */
  private async busy(host: Host): Promise<boolean> {
    const active = await this.services.store.operations.count({ targetId: targetIdOf({ type: 'Host', id: host.id }), status: ['PENDING', 'RUNNING', 'CANCELLING'] });
    return active > 0 || (await activePoolOperation(this.services.store, host.poolId)) !== undefined;
  }

  /** The host is down with instances the store still has running on it: they are to come back with it. */
  private async markRunning(host: Host): Promise<void> {
    const running = await this.services.store.instances.list({ hostId: host.id, powerState: 'RUNNING' }, ORDER, ALL);
    for (const instance of running) {
      if (instance.systemMetadata[RESUME_ON_HOST_BOOT] === host.id) continue;
      await updateInstance(this.services, instance.id, { systemMetadata: withResumeMark(instance, host.id) });
    }
  }

  /**
   * A host xengraph shut down for a power action that has since been started by other means (XAPI enabled it
   * at boot) is back in service, as after hostPowerAction STARTUP.
   */
  private async backInService(host: Host): Promise<Host> {
    if (host.disabledReason !== POWER_ACTION_REASON || !host.enabled || host.maintenance !== 'NONE') return host;
    return (await updateHost(this.services, host.id, { disabledReason: null })) ?? host;
  }

  private async keepDisabled(host: Host): Promise<void> {
    const client = poolClient(this.services, host.poolId);
    await client.call('host.disable', hostRef(client, host));
    await updateHost(this.services, host.id, { enabled: false });
  }

  private async resumeMarked(host: Host): Promise<void> {
    const { store, operations } = this.services;
    const marked = await store.instances.list({ systemMetadata: { key: RESUME_ON_HOST_BOOT, value: host.id } }, ORDER, ALL);
    for (const instance of marked) {
      if (instance.taskState !== null) continue;
      // Already running again (someone started it), or moved to another pool: nothing to resume.
      if (instance.powerState === 'RUNNING' || instance.poolId !== host.poolId) {
        await this.unmark(instance);
        continue;
      }
      try {
        await operations.submit(resumeStateOnHostBootAction, {
          input: { hostId: host.id, instanceId: instance.id } as { hostId: string },
          requestedBy: HOST_BOOT_RESUMER,
          instance: async () => instance,
        });
      } catch (error) {
        // Refused (deleted, rescued, busy since): it is not to be retried at every check.
        if (!(error instanceof BaseUserError)) throw error;
        await this.unmark(instance);
      }
    }
  }

  private async unmark(instance: Instance): Promise<void> {
    await updateInstance(this.services, instance.id, { systemMetadata: withoutResumeMark(instance) });
  }
}
