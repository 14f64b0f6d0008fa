// What a resize or cold migration will do, decided before anything is recorded or called: the flavors, the
// host it lands on, and Nova's refusals. Placement follows Nova with allow_resize_to_same_host: a resize stays
// on the instance's host when the new flavor fits there once the old VM has stopped, else the scheduler picks
// another host of the pool, else (its pool full) a host of another pool; a cold migration always leaves its
// host, and leaves its pool only for a host asked for there. Volumes go along, into another pool too.
import { InvalidInputError, InvalidStateError, NoValidHostError, NotFoundError } from '../errors.js';
import type { DriverServices } from '../operations/action.js';
import type { Flavor, Host, Instance, Migration, MigrationType, Store } from '../store/index.js';
import { ROOT_DEVICE } from './devices.js';
import { kernelImagesToMove } from './kernel-moves.js';
import { origNameOf, vmNameOf } from './naming.js';
import { pciAliasesOf, pciRefusal, pciRequestsOf } from './pci-passthrough.js';
import { requireLiveVm, requireVmState } from './preconditions.js';
import { assertDisksFit } from './resize-disks.js';
import { chooseHost } from './scheduler.js';
import { poolClient } from './xapi-access.js';
import { VOLUME_VBD_KEY } from './volume-storage.js';

export type MoveType = Extract<MigrationType, 'resize' | 'migration'>;

export interface MoveRequest {
  readonly type: MoveType;
  /** Resize: the flavor asked for. */
  readonly flavorId?: string;
  /** Cold migration: the host asked for; null lets the scheduler pick. */
  readonly hostId?: string | null;
}

export interface MovePlan {
  readonly type: MoveType;
  readonly oldFlavor: Flavor;
  readonly newFlavor: Flavor;
  /** Where the instance runs now; null when it is stopped (a halted VM is resident nowhere). */
  readonly source: Host | null;
  readonly destination: Host;
  /** The destination is in another pool: the disks go by storage motion (resize-across-pools.ts). */
  readonly crossPool: boolean;
}

export async function planMove(services: DriverServices, instance: Instance, request: MoveRequest): Promise<MovePlan> {
  const verb = request.type === 'resize' ? 'resize' : 'migrate';
  requireLiveVm(instance, verb);
  requireVmState(instance, verb, ['ACTIVE', 'STOPPED']);
  if (vmNameOf(instance) === null) throw new InvalidStateError(`Only instances xengraph built can ${verb}`, 'UNMANAGED');
  if (cachedVm(services, instance, origNameOf(instance)!)) {
    throw new InvalidStateError(`An earlier resize of ${instance.name} was neither confirmed nor reverted`, instance.vmState);
  }
  const { store } = services;
  // A VM booted from dom0 files needs their images to boot on the destination: refused now rather than halfway.
  await kernelImagesToMove(store, instance, cachedVm(services, instance, vmNameOf(instance)!) ?? {});
  const oldFlavor = instance.flavorId ? await store.flavors.get(instance.flavorId) : null;
  if (!oldFlavor) throw new InvalidStateError(`Instance ${instance.name} has no flavor to ${verb} from`, instance.vmState);
  const source = instance.hostId ? await store.hosts.get(instance.hostId) : null;
  if (request.type === 'resize') {
    const newFlavor = await store.flavors.get(request.flavorId ?? '');
    if (!newFlavor) throw new NotFoundError('Flavor', request.flavorId ?? '', { path: ['input', 'flavorId'] });
    if (newFlavor.id === oldFlavor.id) throw new InvalidInputError('The instance already has this flavor', { path: ['input', 'flavorId'] });
    assertDisksFit(oldFlavor, newFlavor, cachedRootBytes(services, instance));
    const destination = await resizeDestination(store, instance, source, oldFlavor, newFlavor, devicesFilter(services, instance, newFlavor));
    return { type: 'resize', oldFlavor, newFlavor, source, destination, crossPool: destination.poolId !== instance.poolId };
  }
  if (request.hostId) {
    const host = await store.hosts.get(request.hostId);
    if (!host) throw new NotFoundError('Host', request.hostId, { path: ['input', 'hostId'] });
    if (host.id === instance.hostId) throw new InvalidInputError(`Instance ${instance.name} already runs on ${host.name}`, { path: ['input', 'hostId'] });
  }
  const destination = await chooseHost(store, {
    flavor: oldFlavor, hostId: request.hostId, poolId: instance.poolId, excludeHostId: source?.id, refusal: devicesFilter(services, instance, oldFlavor),
  });
  return { type: 'migration', oldFlavor, newFlavor: oldFlavor, source, destination, crossPool: destination.poolId !== instance.poolId };
}

/**
 * Nova's resize claim of the flavor's PCI devices: only hosts with enough free ones for the new VM qualify;
 * on its own host the instance's devices count as free, its old VM being stopped first.
 */
function devicesFilter(services: DriverServices, instance: Instance, flavor: Flavor): ((host: Host) => string | null) | undefined {
  return pciRefusal(services, pciRequestsOf(flavor, pciAliasesOf(services)), instance.uuid);
}

async function resizeDestination(
  store: Store, instance: Instance, source: Host | null, oldFlavor: Flavor, newFlavor: Flavor, refusal?: (host: Host) => string | null,
): Promise<Host> {
  // The old VM is stopped before the new one starts, so its memory counts as free on its own host.
  const released = source && instance.powerState === 'RUNNING' ? { hostId: source.id, memoryMb: oldFlavor.memoryMb } : null;
  const choices = [
    ...(source ? [{ hostId: source.id, released }] : []),
    { poolId: instance.poolId, excludeHostId: source?.id },
    { excludePoolId: instance.poolId },
  ];
  let noHost: unknown;
  for (const choice of choices) {
    try {
      return await chooseHost(store, { flavor: newFlavor, refusal, ...choice });
    } catch (error) {
      if (!(error instanceof NoValidHostError)) throw error;
      noHost ??= error;
    }
  }
  throw noHost;
}

/**
 * The two sides of a move: the pool -orig stays in and the pool the new VM went to, the same one unless the
 * move left its pool. `disksShared`: the sides may name the same VDIs (never across pools).
 */
export async function moveSides(services: DriverServices, instance: Instance, migration: Migration | null) {
  const sourcePoolId = sourcePoolOf(instance);
  const destination = migration?.destHostId ? await services.store.hosts.get(migration.destHostId) : null;
  const targetPoolId = destination?.poolId ?? instance.poolId;
  const source = poolClient(services, sourcePoolId);
  const target = poolClient(services, targetPoolId);
  return { source, target, sourcePoolId, targetPoolId, disksShared: source === target };
}

/** A VM by name from the event-fed cache of the instance's pool (or `poolId`'s): a pre-check that costs no XAPI call. */
export function cachedVm(services: DriverServices, instance: Instance, name: string, poolId = instance.poolId): Record<string, unknown> | undefined {
  const cache = poolId ? services.pools.get(poolId)?.client.cache : undefined;
  return cache?.find('VM', (vm) => vm.name_label === name)?.record;
}

/** The root disk's size as the cache last saw it; null when it cannot tell (the run checks again). */
function cachedRootBytes(services: DriverServices, instance: Instance): number | null {
  const cache = instance.poolId ? services.pools.get(instance.poolId)?.client.cache : undefined;
  const vm = cachedVm(services, instance, vmNameOf(instance)!);
  if (!cache || !vm) return null;
  for (const ref of (vm.VBDs ?? []) as string[]) {
    const vbd = cache.get('VBD', ref);
    if (vbd?.userdevice !== ROOT_DEVICE) continue;
    // A boot volume is no local root disk: the resize leaves it as it is.
    if (VOLUME_VBD_KEY in ((vbd.other_config ?? {}) as object)) return null;
    const vdi = cache.get('VDI', String(vbd.VDI));
    return vdi ? Number(vdi.virtual_size) : null;
  }
  return null;
}

/** The resize or cold migration a RESIZED instance waits on: its newest finished one. */
export async function pendingMigration(store: Store, instanceId: string): Promise<Migration | null> {
  const finished = await store.migrations.list({ instanceId, status: 'finished' }, { limit: 20, inverted: false });
  return finished.find((migration) => migration.type === 'resize' || migration.type === 'migration') ?? null;
}

/** The Migration row an operation recorded, if it got that far. */
export async function migrationOfOperation(store: Store, instanceId: string, operationId: string): Promise<Migration | null> {
  const recent = await store.migrations.list({ instanceId }, { limit: 50, inverted: false });
  return recent.find((migration) => migration.operationId === operationId) ?? null;
}

// Nova kept the instance's state from before a resize in system_metadata["old_vm_state"], so that revert
// (and confirm) know whether the VM should be running afterwards; so does xengraph.
const OLD_VM_STATE = 'old_vm_state';
/** The pool the -orig VM stays in, which a move to another pool leaves behind (the instance follows the new VM). */
const SOURCE_POOL = 'resize_source_pool';

export function withOldVmState(instance: Instance, running: boolean): Record<string, string> {
  return { ...instance.systemMetadata, [OLD_VM_STATE]: running ? 'active' : 'stopped', ...(instance.poolId ? { [SOURCE_POOL]: instance.poolId } : {}) };
}

export function withoutOldVmState(instance: Instance): Record<string, string> {
  const { [OLD_VM_STATE]: _dropped, [SOURCE_POOL]: _pool, ...rest } = instance.systemMetadata;
  return rest;
}

/** The pool holding the -orig VM of the move under way: the instance's own unless the move left it. */
export function sourcePoolOf(instance: Instance): string | null {
  return instance.systemMetadata[SOURCE_POOL] ?? instance.poolId;
}

/** How the instance was before its last resize or migration; null when none is under way. */
export function oldVmState(instance: Instance): 'active' | 'stopped' | null {
  const state = instance.systemMetadata[OLD_VM_STATE];
  return state === 'active' || state === 'stopped' ? state : null;
}
