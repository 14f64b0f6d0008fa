// VBDs: create with device resolution, destroy, hot(un)plug, CD insert/eject, the VM's free disk devices,
// and what a domain start or stop does to a VM's devices.
import type { Db, Rec } from '../db.js';
import { fail, XapiFailure } from '../errors.js';
import { NULL_REF } from '../../xapi/datamodel/index.js';
import { defineMessage, type CallContext } from '../registry.js';
import {
  constructorFields, forbidByPowerState, forbidDuringOperations, forbidWhileVmBusy, forbidWithoutPvDrivers, isHvm,
  linkRef, OperationTable, setAllowedOperations, unlinkRef, withCurrentOperation, type HotplugSubject,
} from './devices.js';
import { refreshVdiOperations } from './vdi.js';
import { refreshVifOperations, setVifAttached } from './vif.js';

/** vbd_operations, in the datamodel's order. */
const VBD_OPS = ['attach', 'eject', 'insert', 'plug', 'unplug', 'unplug_force', 'pause', 'unpause'] as const;
const HOTPLUG_OPS = ['plug', 'unplug', 'unplug_force'];
/** VDI types a VBD may point at. */
const ATTACHABLE_TYPES = new Set(['system', 'user', 'ephemeral', 'suspend', 'crashdump', 'metadata']);
/** Realistic hot-plug / media change durations in seconds (scaled). */
const SECONDS = { plug: 0.5, media: 0.3 };

// ---------------------------------------------------------------------------------------------------------
// Device names: userdevice "1" is the guest's second disk, "xvdb" on PV and HVM alike from the fifth
// disk on, "hdb" for the first four disks of an HVM guest (emulated IDE).

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function diskLetters(n: number): string {
  return n < 26 ? LETTERS[n] : diskLetters(Math.floor(n / 26) - 1) + LETTERS[n % 26];
}

/** The disk number a userdevice or device name stands for ("1", "xvdb", "hdb", "sdb" → 1). */
export function diskNumber(name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  const m = /^(?:xvd|hd|sd)([a-z]+)\d*$/.exec(name);
  if (!m) return undefined;
  let n = 0;
  for (const c of m[1]) n = n * 26 + LETTERS.indexOf(c) + 1;
  return n - 1;
}

function deviceName(n: number, hvm: boolean): string {
  return `${hvm && n < 4 ? 'hd' : 'xvd'}${diskLetters(n)}`;
}

/** userdevice spellings XAPI accepts at creation. */
const VALID_USERDEVICE = /^(autodetect|\d+|(?:sd|xvd|hd)[a-p]\d*|fd[ab]\d*)$/;

/** Disk numbers the VM's VBDs already take, by userdevice or by the device name they were given. */
function usedDisks(db: Db, vm: Rec): Set<number> {
  const used = new Set<number>();
  for (const ref of vm.VBDs as string[]) {
    const vbd = db.find('VBD', ref);
    if (!vbd) continue;
    for (const name of [vbd.userdevice, vbd.device] as string[]) {
      const n = diskNumber(name);
      if (n !== undefined) used.add(n);
    }
  }
  return used;
}

/** Current XAPI offers disks 0–254 to every guest (0–255 to the control domain), lowest first. */
function allowedDisks(db: Db, vm: Rec): number[] {
  const count = vm.is_control_domain ? 256 : 255;
  const used = usedDisks(db, vm);
  return Array.from({ length: count }, (_, n) => n).filter((n) => !used.has(n));
}

// ---------------------------------------------------------------------------------------------------------
// Operation checks (XAPI's valid_operations for VBDs)

const IDLE_PARALLEL = ['pause', 'unpause'];

/**
 * XAPI's VBD validity table. `sharing` adds the costly check that nobody else holds the disk in a
 * conflicting mode; XAPI only runs it when asserting, not when refreshing allowed_operations.
 */
export function vbdOperations(db: Db, ref: string, sharing = false): OperationTable {
  const vbd = db.get('VBD', ref);
  const vm = db.get('VM', vbd.VM);
  const subject: HotplugSubject = { cls: 'VBD', ref, record: vbd, vmRef: vbd.VM, vm };
  const table = new OperationTable(VBD_OPS);

  // pause/unpause may overlap each other; attach may overlap unpause (a reboot re-attaches paused disks).
  forbidDuringOperations(table, subject, VBD_OPS, IDLE_PARALLEL);
  const current = Object.values(vbd.current_operations as Record<string, string>);
  if (current.some((op) => !IDLE_PARALLEL.includes(op))) table.forbid(['pause'], 'OTHER_OPERATION_IN_PROGRESS', 'VBD', ref, current[0]);
  if (current.some((op) => op !== 'attach' && !IDLE_PARALLEL.includes(op))) table.forbid(['unpause'], 'OTHER_OPERATION_IN_PROGRESS', 'VBD', ref, current[0]);

  if (!vbd.unpluggable) table.forbid(['unplug', 'unplug_force'], 'VBD_NOT_UNPLUGGABLE', ref);
  if (vbd.type !== 'CD') table.forbid(['insert', 'eject'], 'VBD_NOT_REMOVABLE_MEDIA', ref);
  if (vbd.empty) table.forbid(['eject'], 'VBD_IS_EMPTY', ref);
  else table.forbid(['insert'], 'VBD_NOT_EMPTY', ref);

  const offline = vm.power_state === 'Paused' ? HOTPLUG_OPS : [...HOTPLUG_OPS, 'pause', 'unpause'];
  forbidByPowerState(table, subject, ['plug'], ['unplug', 'unplug_force'], offline);
  forbidWhileVmBusy(table, subject, ['plug', 'unplug']);
  forbidWithoutPvDrivers(db, table, subject, HOTPLUG_OPS);
  if (vm.power_state === 'Running' && isHvm(vm) && vbd.type === 'CD') {
    table.forbid(HOTPLUG_OPS, 'OPERATION_NOT_ALLOWED', 'HVM CDROMs cannot be hotplugged/unplugged, only inserted or ejected');
  }
  if (vbd.type === 'CD' && vm.power_state === 'Suspended') {
    table.forbid(['insert', 'eject'], 'VM_BAD_POWER_STATE', vbd.VM, 'halted, running', 'suspended');
  }

  const vdi = vbd.empty ? undefined : db.find('VDI', vbd.VDI);
  if (vdi) {
    // XAPI quirk: this error names the VBD, not the VDI.
    if (!vdi.managed) table.forbid(VBD_OPS, 'VDI_NOT_MANAGED', ref);
    const vdiBusy = Object.values(vdi.current_operations as Record<string, string>).find((op) => op !== 'copy' && op !== 'mirror');
    if (vdiBusy) table.forbid(['attach', 'plug', 'insert'], 'OTHER_OPERATION_IN_PROGRESS', 'VDI', vbd.VDI, vdiBusy);
    if (sharing && !vbd.currently_attached) forbidConflictingUse(db, table, ref, vm, vdi);
  }
  return table;
}

/** A non-sharable disk may have one writer, or any number of readers. */
function forbidConflictingUse(db: Db, table: OperationTable, ref: string, vm: Rec, vdi: Rec): void {
  const vbd = db.get('VBD', ref);
  const holders = (vdi.VBDs as string[])
    .filter((other) => other !== ref)
    .map((other) => db.find('VBD', other))
    .filter((other): other is Rec => {
      if (!other) return false;
      const owner = db.find('VM', other.VM);
      // Suspended VMs hold nothing; control domains share disks safely.
      if (!owner || owner.power_state === 'Suspended' || owner.is_control_domain) return false;
      return other.currently_attached || Object.keys(other.current_operations).length > 0;
    });
  const needWrite = vbd.mode === 'RW';
  const someoneWrites = holders.some((other) => other.mode === 'RW');
  const attachOps = ['attach', 'insert', 'plug'];
  if (!vdi.sharable && !vm.is_control_domain && (someoneWrites || (needWrite && holders.length > 0))) {
    table.forbid(attachOps, 'VDI_IN_USE', vbd.VDI);
  }
  if (needWrite && vdi.read_only) table.forbid(attachOps, 'VDI_READONLY', vbd.VDI);
}

/** Recomputes the VBD's allowed_operations, and its disk's, which depend on the VBD. */
export function refreshVbdOperations(db: Db, ref: string): void {
  const vbd = db.find('VBD', ref);
  if (!vbd) return;
  setAllowedOperations(db, ref, vbdOperations(db, ref).allowed());
  if (vbd.VDI !== NULL_REF) refreshVdiOperations(db, vbd.VDI);
}

/** What XAPI's VM.update_allowed_operations also does: refresh every device of the VM. */
export function refreshVmDeviceOperations(db: Db, vmRef: string): void {
  const vm = db.find('VM', vmRef);
  if (!vm) return;
  for (const vbd of vm.VBDs as string[]) refreshVbdOperations(db, vbd);
  for (const vif of vm.VIFs as string[]) refreshVifOperations(db, vif);
}

/** A VM's disks must be reachable from the host it runs on: each SR needs an attached PBD there. */
export function assertDisksVisibleFrom(db: Db, vmRef: string, hostRef: string): void {
  for (const vbd of db.get('VM', vmRef).VBDs as string[]) {
    const vdi = db.find('VBD', vbd)?.VDI as string | undefined;
    if (!vdi || vdi === NULL_REF || !db.has(vdi)) continue;
    const sr = db.get('VDI', vdi).SR as string;
    const visible = db.select('PBD', (pbd) => pbd.SR === sr && pbd.host === hostRef && Boolean(pbd.currently_attached)).length > 0;
    if (!visible) fail('VM_REQUIRES_SR', vmRef, sr);
  }
}

/** Every disk a starting VM will attach must be free for it (VDI_IN_USE, VDI_READONLY…). */
export function assertVmDisksAttachable(db: Db, vmRef: string): void {
  for (const vbd of db.get('VM', vmRef).VBDs as string[]) if (db.has(vbd)) vbdOperations(db, vbd, true).assert('attach');
}

// ---------------------------------------------------------------------------------------------------------
// Domain start and stop

function setVbdAttached(db: Db, ref: string, attached: boolean, vm: Rec): void {
  const vbd = db.get('VBD', ref);
  const n = diskNumber(vbd.userdevice);
  const patch: Rec = { currently_attached: attached };
  // The device name is assigned when the disk appears in the guest, and stays afterwards.
  if (attached && n !== undefined) patch.device = deviceName(n, isHvm(vm));
  db.update(ref, patch);
  refreshVbdOperations(db, ref);
}

/**
 * A domain's devices come up with it: every VBD that has a disk (or is a CD drive, even empty) and
 * every VIF becomes currently_attached; VBDs get their guest device names.
 */
export function attachVmDevices(db: Db, vmRef: string): void {
  const vm = db.get('VM', vmRef);
  for (const ref of vm.VBDs as string[]) {
    const vbd = db.find('VBD', ref);
    if (!vbd || (vbd.empty ? vbd.type !== 'CD' : !db.has(vbd.VDI))) continue;
    setVbdAttached(db, ref, true, vm);
  }
  for (const ref of vm.VIFs as string[]) if (db.has(ref)) setVifAttached(db, ref, true);
}

/** A stopping (or suspending) domain takes its devices down with it. */
export function detachVmDevices(db: Db, vmRef: string): void {
  const vm = db.get('VM', vmRef);
  for (const ref of vm.VBDs as string[]) if (db.has(ref)) setVbdAttached(db, ref, false, vm);
  for (const ref of vm.VIFs as string[]) if (db.has(ref)) setVifAttached(db, ref, false);
}

// ---------------------------------------------------------------------------------------------------------
// Create and destroy

const MIGRATING = ['migrate_send', 'pool_migrate'];

export function createVbd(db: Db, input: Rec): string {
  const record = constructorFields('VBD', input);
  const vmRef = (record.VM as string | undefined) ?? NULL_REF;
  const vm = db.get('VM', vmRef);
  const empty = Boolean(record.empty);
  const vdiRef = empty ? NULL_REF : ((record.VDI as string | undefined) ?? NULL_REF);
  const vdi = empty ? undefined : db.get('VDI', vdiRef);
  // XAPI needs type and mode in the record; when a client leaves them out, take what the rest implies.
  const type = (input.type as string | undefined) ?? (empty ? 'CD' : 'Disk');
  const mode = (input.mode as string | undefined) ?? (type === 'CD' ? 'RO' : 'RW');

  if (vdi && !ATTACHABLE_TYPES.has(vdi.type)) fail('VDI_INCOMPATIBLE_TYPE', vdiRef, vdi.type);
  if (type === 'CD' && mode !== 'RO') fail('VBD_CDS_MUST_BE_READONLY');
  if (type !== 'CD' && empty) fail('VBD_NOT_REMOVABLE_MEDIA', 'in constructor');
  if (type === 'CD' && vdi) assertIso(db, vdiRef, vdi);
  if (mode === 'RW' && vdi?.read_only) fail('VDI_READONLY', vdiRef);
  const migrating = Object.values(vm.current_operations as Record<string, string>).find((op) => MIGRATING.includes(op));
  if (migrating) fail('OTHER_OPERATION_IN_PROGRESS', 'VM', vmRef, migrating);

  const requested = String(record.userdevice ?? '');
  const free = allowedDisks(db, vm);
  if (!VALID_USERDEVICE.test(requested) || (requested === 'autodetect' && free.length === 0)) fail('INVALID_DEVICE', requested);
  const userdevice = requested === 'autodetect' ? String(free[0]) : requested;
  const n = diskNumber(userdevice);
  if (n !== undefined && usedDisks(db, vm).has(n)) fail('DEVICE_ALREADY_EXISTS', userdevice);

  // Even on a running VM a new VBD starts unplugged: VBD.plug attaches it.
  const ref = db.create('VBD', {
    ...record, VM: vmRef, VDI: vdiRef, empty, type, mode, userdevice, device: '', currently_attached: false,
  });
  linkRef(db, vmRef, 'VBDs', ref);
  if (vdi) linkRef(db, vdiRef, 'VBDs', ref);
  refreshVbdOperations(db, ref);
  return ref;
}

/** Only ISO images (from an SR whose content is "iso") go into CD drives. */
function assertIso(db: Db, vdiRef: string, vdi: Rec): void {
  const contentType = db.get('SR', vdi.SR).content_type as string;
  if (contentType !== 'iso') fail('VDI_IS_NOT_ISO', vdiRef, contentType);
}

export function destroyVbd(db: Db, ref: string): void {
  const vbd = db.get('VBD', ref);
  if (vbd.currently_attached) {
    const vmUuid = db.find('VM', vbd.VM)?.uuid ?? '';
    fail('OPERATION_NOT_ALLOWED', `VBD '${vbd.uuid}' still attached to '${vmUuid}'`);
  }
  unlinkRef(db, vbd.VM, 'VBDs', ref);
  unlinkRef(db, vbd.VDI, 'VBDs', ref);
  db.destroy(ref);
  if (db.has(vbd.VDI)) refreshVdiOperations(db, vbd.VDI);
}

// ---------------------------------------------------------------------------------------------------------
// Messages

/** Checks `op`, marks it on the VBD while the (simulated) backend works, then applies `change`. */
async function vbdOperation(ctx: CallContext, ref: string, op: string, seconds: number, change: () => void): Promise<string> {
  vbdOperations(ctx.db, ref, true).assert(op);
  await withCurrentOperation(ctx, ref, op, refreshVbdOperations, () => ctx.task?.work(seconds));
  change();
  refreshVbdOperations(ctx.db, ref);
  return '';
}

function hotplug(ctx: CallContext, ref: string, op: string, attach: boolean): Promise<string> {
  return vbdOperation(ctx, ref, op, SECONDS.plug, () => {
    const vbd = ctx.db.get('VBD', ref);
    setVbdAttached(ctx.db, ref, attach, ctx.db.get('VM', vbd.VM));
  });
}

defineMessage('VBD.create', (ctx, record: Rec) => createVbd(ctx.db, record));
defineMessage('VBD.destroy', (ctx, vbd: string) => {
  destroyVbd(ctx.db, vbd);
  return '';
});
defineMessage('VBD.plug', (ctx, vbd: string) => hotplug(ctx, vbd, 'plug', true));
defineMessage('VBD.unplug', (ctx, vbd: string) => hotplug(ctx, vbd, 'unplug', false));
defineMessage('VBD.unplug_force', (ctx, vbd: string) => hotplug(ctx, vbd, 'unplug_force', false));

defineMessage('VBD.insert', (ctx, vbd: string, vdi: string) => {
  vbdOperations(ctx.db, vbd, true).assert('insert');
  const image = ctx.db.get('VDI', vdi);
  assertIso(ctx.db, vdi, image);
  if (!image.managed) fail('VDI_NOT_MANAGED', vdi);
  return vbdOperation(ctx, vbd, 'insert', SECONDS.media, () => {
    ctx.db.update(vbd, { VDI: vdi, empty: false });
    linkRef(ctx.db, vdi, 'VBDs', vbd);
  });
});

defineMessage('VBD.eject', (ctx, vbd: string) => vbdOperation(ctx, vbd, 'eject', SECONDS.media, () => {
  const previous = ctx.db.get('VBD', vbd).VDI as string;
  ctx.db.update(vbd, { VDI: NULL_REF, empty: true });
  unlinkRef(ctx.db, previous, 'VBDs', vbd);
  if (ctx.db.has(previous)) refreshVdiOperations(ctx.db, previous);
}));

defineMessage('VBD.assert_attachable', (ctx, vbd: string) => {
  vbdOperations(ctx.db, vbd, true).assert('attach');
  return '';
}, { quiet: true });

/** The mode can only change while the VM is down. */
defineMessage('VBD.set_mode', (ctx, vbd: string, mode: string) => {
  const vmRef = ctx.db.get('VBD', vbd).VM as string;
  const power = ctx.db.get('VM', vmRef).power_state as string;
  if (power !== 'Halted') throw new XapiFailure('VM_BAD_POWER_STATE', vmRef, 'halted', power.toLowerCase());
  ctx.db.update(vbd, { mode });
  return '';
});

defineMessage('VM.get_allowed_VBD_devices', (ctx, vm: string) => allowedDisks(ctx.db, ctx.db.get('VM', vm)).map(String), { quiet: true });
