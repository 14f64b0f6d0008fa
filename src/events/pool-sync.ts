// Mirrors one pool's XAPI state into the store and turns what changed into domain events.
// XAPI owns power state, resident host and sizes; the store follows it, never the other way round.
import type { CacheChange } from '../xapi/object-cache.js';
import type { XapiRecord } from '../xapi/normalize.js';
import type { XapiClient } from '../xapi/client.js';
import { filterHostsOf, type Instance, type Store } from '../store/index.js';
import type { InstanceSyncResult, PowerState, VmObservation } from '../store/types.js';
import type { DomainEvent } from './domain-events.js';
import { publishInstanceEvent, type AppPubSub } from './pubsub.js';

const MiB = 1024 * 1024;
const NULL_REF = 'OpaqueRef:NULL';

/** Nova's mapping of XAPI power states. */
const POWER_STATES: Record<string, PowerState> = {
  Halted: 'SHUTDOWN', Running: 'RUNNING', Paused: 'PAUSED', Suspended: 'SUSPENDED', Crashed: 'CRASHED',
};

export function powerStateFromXapi(xapiPowerState: unknown): PowerState {
  return POWER_STATES[String(xapiPowerState)] ?? 'NOSTATE';
}

/** Guests are what users call instances: not templates, snapshots or control domains. */
export function isGuestVm(vm: XapiRecord): boolean {
  return !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain;
}

export class PoolSync {
  /** XAPI host ref → store host id, so VM changes resolve their host without a query. */
  private readonly hostIds = new Map<string, string>();
  /** XAPI VM ref → VM uuid, since a deleted VM's event carries no record. */
  private readonly vmUuids = new Map<string, string>();
  /** XAPI VM ref → the instance a second VM of it stands in for (a rescue VM). */
  private readonly companions = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly poolId: string,
    private readonly client: XapiClient,
    private readonly store: Store,
    private readonly pubsub: AppPubSub,
    private readonly logError: (message: string, error: unknown) => void,
  ) {}

  /** Brings the store in line with the whole pool (start, and after the watcher resynced). */
  async fullSync(): Promise<void> {
    const { cache } = this.client;
    for (const [ref, host] of cache.all('host')) await this.syncHost(ref, host);
    for (const [, network] of cache.all('network')) await this.syncNetwork(network);
    const seen = new Set<string>();
    const guests: [string, XapiRecord][] = [];
    for (const [ref, vm] of cache.all('VM')) {
      if (!isGuestVm(vm)) continue;
      seen.add(String(vm.uuid));
      guests.push([ref, vm]);
    }
    await this.syncVms(guests);
    for (const vmUuid of await this.store.instances.vmUuidsInPool(this.poolId)) {
      if (!seen.has(vmUuid)) await this.vmGone(vmUuid);
    }
    for (const [ref, instanceId] of this.companions) {
      if (!cache.get('VM', ref)) await this.companionGone(ref, instanceId);
    }
  }

  /**
   * Nova's slow power-state sync: XAPI is asked for every watched record again (the watcher's resync, whose
   * differences arrive as ordinary changes) and the store is checked against the whole cache, in turn with
   * event batches so the two never interleave.
   */
  reconcile(): Promise<void> {
    this.client.requestResync();
    this.queue = this.queue.then(() => this.fullSync()).catch((error) => {
      this.logError(`pool ${this.poolId}: could not reconcile the store with XAPI`, error);
    });
    return this.queue;
  }

  /** Resolves once every batch handed to the sync so far is in the store. */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Applies one event batch; batches are processed one at a time, in order. */
  apply(changes: readonly CacheChange[]): Promise<void> {
    this.queue = this.queue.then(() => this.applyNow(changes)).catch((error) => {
      this.logError(`pool ${this.poolId}: could not mirror XAPI changes`, error);
    });
    return this.queue;
  }

  private async applyNow(changes: readonly CacheChange[]): Promise<void> {
    const { cache } = this.client;
    // Hosts first: VMs reference them.
    const hostRefs = new Set<string>();
    for (const change of changes) {
      if (change.cls === 'host' && change.record) hostRefs.add(change.ref);
      if (change.cls === 'host_metrics') {
        const owner = cache.find('host', (h) => h.metrics === change.ref);
        if (owner) hostRefs.add(owner.ref);
      }
    }
    for (const ref of hostRefs) {
      const host = cache.get('host', ref);
      if (host) await this.syncHost(ref, host);
    }
    // Guest VMs seen in the batch are mirrored together, in one transaction, after the rest (each VM appears
    // once in a batch, so the order between VMs does not matter).
    const guests: [string, XapiRecord][] = [];
    for (const change of changes) {
      this.pubsub.publish('xapi:event', {
        poolId: this.poolId, cls: change.cls, ref: change.ref, operation: change.operation, snapshot: change.snapshot ?? null,
      });
      if (change.cls === 'network' && change.record) await this.syncNetwork(change.record);
      if (change.cls !== 'VM') continue;
      const companionOf = this.companions.get(change.ref);
      if (companionOf !== undefined && !(change.record && isGuestVm(change.record))) await this.companionGone(change.ref, companionOf);
      else if (change.record && isGuestVm(change.record)) guests.push([change.ref, change.record]);
      else {
        const uuid = change.previous?.uuid ?? this.vmUuids.get(change.ref);
        // A VM turned into a template, or deleted: either way no longer an instance on XAPI.
        if (typeof uuid === 'string') await this.vmGone(uuid);
        this.vmUuids.delete(change.ref);
      }
    }
    await this.syncVms(guests);
  }

  private async syncHost(ref: string, host: XapiRecord): Promise<void> {
    const metrics = this.client.cache.get('host_metrics', String(host.metrics));
    const { host: row, changed } = await this.store.hosts.upsertFromXapi({
      uuid: String(host.uuid),
      poolId: this.poolId,
      name: String(host.name_label),
      address: String(host.address),
      enabled: Boolean(host.enabled),
      live: metrics ? Boolean(metrics.live) : true,
      memoryTotal: Number(metrics?.memory_total ?? 0),
      memoryFree: Number(metrics?.memory_free ?? 0),
      cpuCount: Number((host.cpu_info as Record<string, string> | undefined)?.cpu_count ?? 0),
    });
    this.hostIds.set(ref, row.id);
    if (changed) this.pubsub.publish('host:changed', row.id, { hostId: row.id });
  }

  /** XAPI networks become networks instances can be attached to, matched across pools by bridge. */
  private async syncNetwork(network: XapiRecord): Promise<void> {
    const bridge = String(network.bridge ?? '');
    if (bridge) await this.store.networks.ensureForBridge({ name: String(network.name_label), bridge });
  }

  /** Mirrors guest VMs (ref, record) in one store transaction, then tells what changed. */
  private async syncVms(vms: readonly (readonly [string, XapiRecord])[]): Promise<void> {
    if (vms.length === 0) return;
    const results = await this.store.instances.syncManyFromXapi(vms.map(([ref, vm]) => this.observe(ref, vm)));
    const at = new Date();
    results.forEach((result, i) => this.announce(vms[i]![0], result, at));
  }

  private observe(ref: string, vm: XapiRecord): VmObservation {
    this.vmUuids.set(ref, String(vm.uuid));
    const otherConfig = (vm.other_config ?? {}) as Record<string, string>;
    return {
      vmUuid: String(vm.uuid),
      name: String(vm.name_label),
      poolId: this.poolId,
      hostId: this.placementOf(vm),
      powerState: powerStateFromXapi(vm.power_state),
      vcpus: Number(vm.VCPUs_at_startup ?? 0),
      memoryMb: Math.round(Number(vm.memory_static_max ?? 0) / MiB),
      novaUuid: otherConfig.nova_uuid,
    };
  }

  private announce(ref: string, result: InstanceSyncResult, at: Date): void {
    const { instance, created, changed, previous } = result;
    if (result.companion) this.companions.set(ref, instance.id);
    this.publishPlacement(previous, instance);
    const events: DomainEvent[] = [];
    const about = { instanceId: instance.id, instance, at };
    if (created) events.push({ kind: 'INSTANCE_CREATED', ...about });
    if (!created && changed.includes('powerState') && previous) {
      events.push({ kind: 'POWER_STATE_CHANGED', ...about, from: previous.powerState, to: instance.powerState });
    }
    // A rescue VM's whereabouts are no field of the instance's; its vmState (RESCUED) is the action's news.
    if (!created && changed.length > 0 && !result.companion) events.push({ kind: 'INSTANCE_CHANGED', ...about, fields: changed });
    for (const event of events) this.publish(event);
  }

  /**
   * The host a VM runs on; for one that does not run, the host it will start on (its affinity, which xengraph
   * sets to the instance's host), as Nova's instances belonged to their compute host whatever their power.
   */
  private placementOf(vm: XapiRecord): string | null {
    const residentOn = String(vm.resident_on ?? NULL_REF);
    const home = residentOn !== NULL_REF ? residentOn : String(vm.affinity ?? NULL_REF);
    return home === NULL_REF ? null : this.hostIds.get(home) ?? null;
  }

  private async companionGone(ref: string, instanceId: string): Promise<void> {
    this.companions.delete(ref);
    const result = await this.store.instances.companionGone(instanceId);
    if (result) this.publishPlacement(result.previous, result.instance);
  }

  /** Tells the filter follower when the hosts that must carry an instance's chain changed. */
  private publishPlacement(previous: Instance | null, instance: Instance): void {
    const before = previous ? filterHostsOf(previous) : [];
    const after = filterHostsOf(instance);
    if (before.join() !== after.join()) this.pubsub.publish('instance:placement', { instanceId: instance.id, before, after });
  }

  private async vmGone(vmUuid: string): Promise<void> {
    const instance = await this.store.instances.markVmGone(vmUuid, this.poolId);
    if (!instance) return;
    const at = new Date();
    // Unmanaged instances vanish with their VM; managed ones stay, unlinked and without power.
    this.publish(instance.deletedAt
      ? { kind: 'INSTANCE_DELETED', instanceId: instance.id, instance, at }
      : { kind: 'INSTANCE_CHANGED', instanceId: instance.id, instance, at, fields: ['powerState', 'vmUuid'] });
  }

  private publish(event: DomainEvent): void {
    publishInstanceEvent(this.pubsub, event);
  }
}
