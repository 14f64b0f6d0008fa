// Live migration: VM.pool_migrate inside a pool (memory moves, disks stay on shared storage) and the
// storage/cross-pool path — host.migrate_receive on the destination, VM.assert_can_migrate as a dry run,
// VM.migrate_send copying the disks to the mapped SRs and recreating the VM in the destination pool.
// Both take time in proportion to what they move, with task progress advancing as they go.
import { xapiNow } from '../clock.js';
import type { Db, Rec } from '../db.js';
import { fail, XapiFailure } from '../errors.js';
import { NULL_REF } from '../../xapi/datamodel/index.js';
import { defineMessage, type CallContext } from '../registry.js';
import type { SimPool } from '../world.js';
import { assertDisksVisibleFrom, createVbd } from './vbd.js';
import { setVdiContent, visibleVdiContent } from './vdi-content.js';
import { createVdi, destroyVdi } from './vdi.js';
import { createVif } from './vif.js';
import { createVm, destroyVm } from './vm.js';
import { moveDomain, startDomain, stopDomain } from './vm-domain.js';
import { assertVmOperation, withVmOperation } from './vm-operations.js';
import { assertHostUsable } from './vm-power.js';

const GiB = 1024 ** 3;
/** Realistic seconds per GiB moved: guest memory over the migration network, disk data over storage. */
const MEMORY_SECONDS_PER_GIB = 4;
const DISK_SECONDS_PER_GIB = 8;

function memorySeconds(vm: Rec): number {
  return Math.max(1, ((vm.memory_dynamic_max as number) / GiB) * MEMORY_SECONDS_PER_GIB);
}

interface Disk {
  readonly vbd: string;
  readonly vdi: string;
}

function disksOf(db: Db, vmRef: string): Disk[] {
  return (db.get('VM', vmRef).VBDs as string[])
    .map((vbd) => ({ vbd, vdi: db.get('VBD', vbd).VDI as string }))
    .filter(({ vdi }) => vdi !== NULL_REF && db.has(vdi));
}

defineMessage('VM.pool_migrate', (ctx, vm: string, host: string, _options: Rec) => withVmOperation(ctx, vm, 'pool_migrate', async () => {
  const record = ctx.db.get('VM', vm);
  ctx.db.get('host', host);
  if (host !== record.resident_on) assertHostUsable(ctx, host, record);
  assertDisksVisibleFrom(ctx.db, vm, host);
  // The destination's memory is held for the whole copy, as xenopsd reserves it before sending pages.
  ctx.db.update(vm, { scheduled_to_be_resident_on: host });
  try {
    await ctx.task?.work(memorySeconds(record), 0.95, { cancellable: true });
  } catch (error) {
    ctx.db.update(vm, { scheduled_to_be_resident_on: NULL_REF });
    throw error;
  }
  moveDomain(ctx.pool, vm, host);
  return '';
}));

// ---------------------------------------------------------------------------------------------------------
// Storage and cross-pool migration

defineMessage('host.migrate_receive', (ctx, host: string, network: string, _options: Rec) => {
  ctx.db.get('host', host);
  ctx.db.get('network', network);
  const [pif] = ctx.db.select('PIF', (p) => p.host === host && p.network === network);
  if (!pif) throw new XapiFailure('HOST_CANNOT_ATTACH_NETWORK', host, network);
  const [pifRef, pifRecord] = pif;
  if (!pifRecord.IP) fail('INTERFACE_HAS_NO_IP', pifRef);
  // The destination logs in for the source: the token carries a session of this pool.
  const session = ctx.db.create('session', {
    this_host: ctx.pool.masterRef, last_active: xapiNow(), validation_time: xapiNow(), is_local_superuser: true,
    auth_user_name: ctx.world.config.user, originator: 'migrate_receive',
  });
  const base = `http://${pifRecord.IP}`;
  return {
    SM: `${base}/services/SM?session_id=${session}`,
    host,
    xenops: `${base}/services/xenops?session_id=${session}`,
    session_id: session,
    master: `http://${ctx.pool.masterAddress}`,
  };
});

interface Destination {
  readonly pool: SimPool;
  readonly host: string;
}

/** The pool and host a migrate_receive token points at; its session must still be valid there. */
function destinationOf(ctx: CallContext, dest: Rec): Destination {
  const address = /^https?:\/\/([^/:]+)/.exec(String(dest.xenops ?? dest.master ?? ''))?.[1];
  const pool = address ? ctx.world.endpoint(address)?.pool : undefined;
  if (!pool) throw new XapiFailure('INTERNAL_ERROR', 'The migration destination cannot be reached');
  if (!pool.db.find('session', String(dest.session_id))) fail('SESSION_INVALID', String(dest.session_id));
  const host = String(dest.host);
  if (!pool.db.find('host', host)) fail('HANDLE_INVALID', 'host', host);
  return { pool, host };
}

/** Each VIF goes to the network the map names, else to the destination's network on the same bridge. */
function vifNetworks(ctx: CallContext, vmRef: string, to: SimPool, vifMap: Rec): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const vif of ctx.db.get('VM', vmRef).VIFs as string[]) {
    const mapped = vifMap[vif] as string | undefined;
    const bridge = ctx.db.get('network', ctx.db.get('VIF', vif).network).bridge;
    const network = mapped ?? to.db.select('network', (n) => n.bridge === bridge)[0]?.[0];
    if (!network || !to.db.find('network', network)) fail('VIF_NOT_IN_MAP', vif);
    mapping.set(vif, network);
  }
  return mapping;
}

/** What migrate_send checks before it moves anything (the VM's own operation check is the caller's). */
function checkMigration(ctx: CallContext, vm: string, dest: Rec, live: boolean, vdiMap: Rec, vifMap: Rec) {
  const record = ctx.db.get('VM', vm);
  const to = destinationOf(ctx, dest);
  for (const { vdi } of disksOf(ctx.db, vm)) {
    const sr = vdiMap[vdi] as string | undefined;
    if (!sr) throw new XapiFailure('VDI_NOT_IN_MAP', vdi);
    if (!to.pool.db.find('SR', sr)) fail('HANDLE_INVALID', 'SR', sr);
  }
  const networks = vifNetworks(ctx, vm, to.pool, vifMap);
  if (live && record.power_state === 'Running') {
    assertHostUsable({ ...ctx, pool: to.pool, db: to.pool.db }, to.host, record);
  }
  return { record, to, networks };
}

defineMessage('VM.assert_can_migrate', (ctx, vm: string, dest: Rec, live: boolean, vdiMap: Rec, vifMap: Rec) => {
  assertVmOperation(ctx.db, vm, 'migrate_send');
  checkMigration(ctx, vm, dest, live, vdiMap, vifMap);
  return '';
});

/** Fields a VM keeps when it moves to another pool: its identity and configuration, not its runtime state. */
const NOT_MOVED = new Set([
  'allowed_operations', 'current_operations', 'metrics', 'guest_metrics', 'consoles', 'VBDs', 'VIFs', 'snapshots',
  'children', 'crash_dumps', 'VTPMs', 'VUSBs', 'attached_PCIs', 'VGPUs', 'suspend_VDI', 'resident_on', 'affinity',
  'power_state', 'domid', 'scheduled_to_be_resident_on', 'parent', 'snapshot_of', 'suspend_SR',
]);

defineMessage('VM.migrate_send', (ctx, vm: string, dest: Rec, live: boolean, vdiMap: Rec, vifMap: Rec, options: Rec) =>
  withVmOperation(ctx, vm, 'migrate_send', async () => {
    const { record, to, networks } = checkMigration(ctx, vm, dest, live, vdiMap, vifMap);
    if (to.pool === ctx.pool) fail('NOT_IMPLEMENTED', 'storage migration inside a pool (use VDI.pool_migrate)');
    // options.copy: the halted VM is copied, disks included, and the source stays as it is (a new uuid there).
    const copy = String(options?.copy ?? '').toLowerCase() === 'true';
    if (copy && record.power_state !== 'Halted') fail('VM_BAD_POWER_STATE', vm, 'halted', String(record.power_state).toLowerCase());
    const target = { ...ctx, pool: to.pool, db: to.pool.db };
    const running = record.power_state === 'Running';
    const fields = Object.fromEntries(Object.entries(record).filter(([key]) => !NOT_MOVED.has(key)));
    const moved = createVm(target, { ...structuredClone(fields), uuid: copy ? undefined : record.uuid });
    const created: string[] = [];
    const reachedInPlace = new Set<string>();
    try {
      if (running) to.pool.db.update(moved, { scheduled_to_be_resident_on: to.host });
      const disks = disksOf(ctx.db, vm).map((disk) => ({ ...disk, lun: sameLunIn(ctx.db, disk.vdi, to.pool.db, vdiMap[disk.vdi] as string) }));
      const copied = disks.filter(({ lun }) => lun === null);
      const diskBytes = copied.reduce((sum, { vdi }) => sum + (ctx.db.get('VDI', vdi).physical_utilisation as number), 0);
      const diskSeconds = (diskBytes / GiB) * DISK_SECONDS_PER_GIB;
      const memory = running ? memorySeconds(record) : 0;
      const diskShare = diskSeconds + memory > 0 ? diskSeconds / (diskSeconds + memory) : 1;
      for (const [index, { vbd, vdi, lun }] of disks.entries()) {
        if (lun) reachedInPlace.add(vdi);
        const copy = lun ?? copyDiskAcross(ctx.db, vdi, to.pool.db, vdiMap[vdi] as string);
        if (!lun) created.push(copy);
        const source = ctx.db.get('VBD', vbd);
        createVbd(to.pool.db, {
          VM: moved, VDI: copy, userdevice: source.userdevice, bootable: source.bootable, mode: source.mode, type: source.type,
          empty: false, unpluggable: source.unpluggable, other_config: { ...source.other_config },
          qos_algorithm_type: source.qos_algorithm_type, qos_algorithm_params: { ...source.qos_algorithm_params },
        });
        await ctx.task?.work(diskSeconds / disks.length, (diskShare * (index + 1)) / disks.length, { cancellable: true });
      }
      for (const [vif, network] of networks) {
        const source = ctx.db.get('VIF', vif);
        createVif(to.pool.db, {
          device: source.device, network, VM: moved, MAC: source.MAC, MTU: source.MTU, other_config: { ...source.other_config },
          qos_algorithm_type: source.qos_algorithm_type, qos_algorithm_params: { ...source.qos_algorithm_params },
        });
      }
      if (running) await ctx.task?.work(memory, 0.95, { cancellable: true });
    } catch (error) {
      // Nothing of a failed migration stays at the destination; the source VM never stopped.
      destroyVm(target, moved);
      for (const vdi of created) destroyVdi(to.pool.db, vdi);
      throw error;
    }
    if (copy) return moved;
    // The switch-over: the guest stops here and resumes there, then the source VM and its disks go.
    if (running) stopDomain(ctx.pool, vm, 'Halted');
    // A LUN both pools reach is the same disk on both sides: it stays (its SR on the source is the caller's).
    const sourceDisks = disksOf(ctx.db, vm).map(({ vdi }) => vdi).filter((vdi) => !reachedInPlace.has(vdi));
    destroyVm(ctx, vm);
    for (const vdi of sourceDisks) destroyVdi(ctx.db, vdi);
    if (running) startDomain(to.pool, moved, to.host, false, { migrated: true });
    return moved;
  }));

/**
 * The disk itself when the mapped SR of the other pool already holds it: an iSCSI LUN both pools reach (XAPI with
 * relax-xsm-sr-check, which Nova required for volumes) gets the same VDI uuid in each, so nothing is copied.
 */
function sameLunIn(from: Db, vdi: string, to: Db, sr: string): string | null {
  const { uuid } = from.get('VDI', vdi);
  if (to.get('SR', sr).type !== 'iscsi') return null;
  return to.select('VDI', (candidate) => candidate.SR === sr && candidate.uuid === uuid)[0]?.[0] ?? null;
}

/** A full copy of a disk into an SR of another pool, content included. */
function copyDiskAcross(from: Db, vdi: string, to: Db, sr: string): string {
  const source = from.get('VDI', vdi);
  const copy = createVdi(to, {
    name_label: source.name_label, name_description: source.name_description, SR: sr, virtual_size: source.virtual_size,
    type: source.type, sharable: source.sharable, read_only: source.read_only, other_config: { ...source.other_config },
    xenstore_data: { ...source.xenstore_data }, sm_config: {}, tags: [...source.tags],
  }, { dataBytes: source.physical_utilisation as number });
  const content = visibleVdiContent(from, vdi);
  if (content) setVdiContent(to, copy, content);
  return copy;
}
