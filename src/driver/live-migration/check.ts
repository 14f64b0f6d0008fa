// Can this instance move, live, to that host? Nova's destination and source checks in one place: the
// instance runs, the destination is usable and has the memory, the disks are reachable (shared storage)
// or copied (block migration, required to leave the pool), and for block migration XAPI's own dry run
// (host.migrate_receive on the destination, VM.assert_can_migrate on the source) agrees.
import { passedThroughAddresses } from '../../xapi/pci-config.js';
import type { DriverServices } from '../../operations/action.js';
import type { Host, Instance } from '../../store/index.js';
import { InvalidStateError } from '../../errors.js';
import { isXapiError, type XapiClient } from '../../xapi/index.js';
import { kernelImagesToMove } from '../kernel-moves.js';
import { instanceClient, poolClient, hostRef } from '../xapi-access.js';
import { requireVm } from '../vm-lookup.js';
import { VOLUME_VBD_KEY } from '../volume-storage.js';

const MiB = 1024 * 1024;
const NULL_REF = 'OpaqueRef:NULL';

export interface LiveMigrationRequest {
  /** Null lets the check decide: block migration when leaving the pool or without shared storage. */
  readonly blockMigration: boolean | null;
  /**
   * Skip XAPI's dry run for block migrations: for a caller about to prepare the migration, which makes
   * XAPI check the same thing (prepareBlockMigration) right before moving.
   */
  readonly skipDryRun?: boolean;
}

export type LiveMigrationVerdict =
  | { readonly possible: true; readonly blockMigration: boolean; readonly samePool: boolean }
  | { readonly possible: false; readonly reason: string; readonly blockMigration: boolean };

function refused(reason: string, blockMigration = false): LiveMigrationVerdict {
  return { possible: false, reason, blockMigration };
}

export async function checkLiveMigration(
  services: DriverServices, instance: Instance, destination: Host, request: LiveMigrationRequest,
): Promise<LiveMigrationVerdict> {
  if (instance.vmState !== 'ACTIVE' || instance.powerState !== 'RUNNING') {
    return refused(`Only a running instance can move live; this one is ${instance.vmState}/${instance.powerState}`);
  }
  if (!instance.vmUuid || !instance.poolId) return refused('The instance has no VM on a connected pool');
  if (destination.id === instance.hostId) return refused(`The instance already runs on ${destination.name}`);
  if (!destination.enabled || !destination.live || destination.maintenance !== 'NONE') {
    return refused(`${destination.name} does not take instances (${!destination.enabled ? 'disabled' : !destination.live ? 'not responding' : 'in maintenance'})`);
  }
  const needed = instance.memoryMb * MiB;
  if (destination.memoryFree < needed) {
    return refused(`${destination.name} has ${Math.floor(destination.memoryFree / MiB)} MiB free; the instance needs ${instance.memoryMb} MiB`);
  }
  const samePool = destination.poolId === instance.poolId;
  const client = instanceClient(services, instance);
  const vm = client.cache.getByUuid('VM', instance.vmUuid)?.record;
  const kernelRefusal = await kernelImagesToMove(services.store, instance, vm ?? {})
    .then(() => null, (error: unknown) => { if (error instanceof InvalidStateError) return error.message; throw error; });
  if (kernelRefusal) return refused(kernelRefusal);
  const devices = passedThroughAddresses(vm?.other_config);
  // XAPI refuses to migrate a VM with passed-through devices (VM_HAS_PCI_ATTACHED): said before anything moves.
  if (devices.length > 0) return refused(`Its PCI devices (${devices.join(', ')}) cannot move live; stop it and migrate it cold`);
  const shared = samePool && disksVisibleFrom(client, instance.vmUuid, destination);
  const blockMigration = request.blockMigration ?? !shared;
  if (!blockMigration && !samePool) return refused(`${destination.name} is in another pool: only a block migration can take the instance there`);
  if (!blockMigration && !shared) {
    return refused(`${destination.name} cannot see the instance's disks (no shared storage); a block migration would copy them`);
  }
  if (blockMigration && !request.skipDryRun) {
    try {
      await prepareBlockMigration(services, instance, destination);
    } catch (error) {
      if (!isXapiError(error)) throw error;
      return refused(`XAPI refused the migration: ${error.code}${error.params.length ? ` ${error.params.join(' ')}` : ''}`, true);
    }
  }
  return { possible: true, blockMigration, samePool };
}

/** Whether every disk of the VM sits on an SR with a plugged PBD on the destination host (from the cache). */
function disksVisibleFrom(client: XapiClient, vmUuid: string, destination: Host): boolean {
  const { cache } = client;
  const vm = cache.getByUuid('VM', vmUuid)?.record;
  const destRef = cache.refByUuid('host', destination.uuid);
  if (!vm || !destRef) return false;
  for (const vbdRef of vm.VBDs as string[]) {
    const vbd = cache.get('VBD', vbdRef);
    // Volumes are connected on the destination before the move (pre-migration), whatever it sees now.
    if (!vbd || vbd.VDI === NULL_REF || vbd.type === 'CD' || VOLUME_VBD_KEY in (vbd.other_config as object)) continue;
    const sr = cache.get('SR', String(cache.get('VDI', String(vbd.VDI))?.SR));
    const plugged = (sr?.PBDs as string[] | undefined ?? []).some((pbd) => {
      const record = cache.get('PBD', pbd);
      return record?.host === destRef && Boolean(record.currently_attached);
    });
    if (!plugged) return false;
  }
  return true;
}

export interface BlockMigrationPlan {
  readonly vm: string;
  /** host.migrate_receive's answer, to hand to migrate_send. */
  readonly token: Record<string, string>;
  readonly vdiMap: Record<string, string>;
}

/**
 * The destination's receive token and where each disk goes (its pool's default SR; a volume, to the SR
 * `volumeSrs` names for its VDI, where the destination already reaches it), checked by XAPI's
 * VM.assert_can_migrate. XAPI errors propagate.
 */
export async function prepareBlockMigration(
  services: DriverServices, instance: Instance, destination: Host, volumeSrs: ReadonlyMap<string, string> = new Map(),
): Promise<BlockMigrationPlan> {
  const source = instanceClient(services, instance);
  const target = poolClient(services, destination.poolId);
  const token = await migrateReceive(target, destination);
  const [pool] = await target.call<string[]>('pool.get_all');
  const sr = await target.call<string>('pool.get_default_SR', pool);
  const vm = await requireVm(source, instance);
  const vdiMap: Record<string, string> = {};
  for (const vbd of await source.call<string[]>('VM.get_VBDs', vm)) {
    const record = await source.call<{ VDI: string; type: string }>('VBD.get_record', vbd);
    if (record.VDI !== NULL_REF && record.type !== 'CD') vdiMap[record.VDI] = volumeSrs.get(record.VDI) ?? sr;
  }
  await source.call('VM.assert_can_migrate', vm, token, true, vdiMap, {}, {});
  return { vm, token, vdiMap };
}

/** host.migrate_receive on the destination's pool, over the destination host's management network. */
export async function migrateReceive(target: XapiClient, destination: Host): Promise<Record<string, string>> {
  const destRef = hostRef(target, destination);
  const management = target.cache.find('PIF', (pif) => pif.host === destRef && Boolean(pif.management));
  if (!management) throw new Error(`${destination.name} has no management interface`);
  return target.call<Record<string, string>>('host.migrate_receive', destRef, management.record.network, {});
}
