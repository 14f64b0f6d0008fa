// VDIs: creation and destruction with the SR's space accounting, the VHD chain that snapshot and clone
// build, full copies, resize, and the garbage collection of base copies that SR.scan runs.
//
// Space model (what the SM drivers report, simplified):
//  * VHD-file SRs (ext, nfs, file, smb…) are thin: a VDI's file holds the VHD metadata (header, footer,
//    block allocation table) plus 2 MiB + one 512-byte bitmap sector per block written. A new empty 10 GiB
//    disk takes about 22 KiB.
//  * LVM SRs (lvm, lvmoiscsi, lvmohba…) are thick: a writable leaf's volume is inflated to the whole virtual
//    size; snapshots and base copies are deflated to their data. Volumes grow in 4 MiB extents.
//  * Raw SRs (iso, udev) store images as they are: physical = virtual.
//  SR.physical_utilisation is the sum of its VDIs' physical_utilisation (base copies included);
//  SR.virtual_allocation sums the virtual sizes of managed VDIs only (base copies are hidden VHDs).
//
// The simulator has no guest writes, so how much data a VDI holds is tracked beside the database: zero for
// a new disk unless its creator says otherwise (suspend images are full), moved into the base copy by a
// snapshot, carried along by copies and merged back by garbage collection.
import { randomUUID } from 'node:crypto';
import { xapiNow } from '../clock.js';
import type { Db, Rec } from '../db.js';
import { fail, XapiFailure } from '../errors.js';
import { NULL_REF } from '../../xapi/datamodel/index.js';
import { defineMessage, type CallContext } from '../registry.js';
import { SIZES } from '../units.js';
import { constructorFields, linkRef, setAllowedOperations, unlinkRef, withCurrentOperation } from './devices.js';
import { forgetVdiContent, moveVdiContent, ownVdiContent, setVdiContent, visibleVdiContent } from './vdi-content.js';

const { MiB, GiB } = SIZES;

// ---------------------------------------------------------------------------------------------------------
// Storage layout

type Provisioning = 'thin' | 'thick' | 'raw';

function provisioningOf(sr: Rec): Provisioning {
  const type = sr.type as string;
  if (type.startsWith('lvm')) return 'thick';
  // A LUN-per-VDI iSCSI SR hands out whole LUNs.
  if (type === 'iso' || type === 'udev' || type === 'iscsi') return 'raw';
  return 'thin';
}

/** The SM driver capabilities an SR type offers (the ones XAPI's VDI operation checks look for). */
function smFeatures(sr: Rec): ReadonlySet<string> {
  switch (sr.type) {
    case 'iso': return ISO_FEATURES;
    case 'udev':
    case 'iscsi': return NO_FEATURES;
    default: return VHD_FEATURES;
  }
}
const VHD_FEATURES = new Set(['create', 'delete', 'clone', 'snapshot', 'resize', 'update', 'generate_config', 'mirror']);
const ISO_FEATURES = new Set(['create', 'delete']);
const NO_FEATURES = new Set<string>();

const VHD_BLOCK = 2 * MiB;
const SECTOR = 512;
const LVM_EXTENT = 4 * MiB;
/** Largest VHD the SM drivers accept. */
const MAX_VHD_SIZE = 2040 * GiB;

const roundUp = (bytes: number, unit: number): number => Math.ceil(bytes / unit) * unit;
const blocks = (bytes: number): number => Math.ceil(bytes / VHD_BLOCK);

/** Bytes of a dynamic VHD: footer copy, header and footer (2 KiB), the BAT, then bitmap + data per written block. */
function vhdBytes(virtualSize: number, data: number): number {
  return 2048 + roundUp(4 * blocks(virtualSize), SECTOR) + blocks(data) * (VHD_BLOCK + SECTOR);
}

/** LVM keeps writable leaves inflated so guest writes can never run out of space mid-flight. */
const isInflated = (vdi: Rec): boolean => Boolean(vdi.managed) && !vdi.is_a_snapshot && !vdi.read_only;

/** What a VDI with `data` bytes written occupies on its SR. */
function physicalFor(sr: Rec, vdi: Rec, data: number): number {
  const size = vdi.virtual_size as number;
  switch (provisioningOf(sr)) {
    case 'raw': return size;
    case 'thick': return roundUp(vhdBytes(size, isInflated(vdi) ? size : data), LVM_EXTENT);
    default: return vhdBytes(size, data);
  }
}

/** Data is written in whole VHD blocks and never exceeds the disk. */
const clampData = (bytes: number, virtualSize: number): number => Math.min(virtualSize, roundUp(Math.max(0, bytes), VHD_BLOCK));

/** SM failures reach clients as SR_BACKEND_FAILURE_<code> ["", "<text> [opterr=<detail>]", stderr]. */
function smFailure(code: number, text: string, detail: string): never {
  throw new XapiFailure(`SR_BACKEND_FAILURE_${code}`, '', `${text} [opterr=${detail}]`, '');
}

/** The virtual size an SR really gives a disk: VHD sizes are whole 2 MiB blocks, up to MAX_VHD_SIZE. */
function effectiveSize(sr: Rec, requested: number): number {
  if (provisioningOf(sr) === 'raw') return requested;
  if (requested < 0 || requested > MAX_VHD_SIZE) {
    smFailure(79, 'VDI Invalid size', `VDI size must be between 1 MB and ${MAX_VHD_SIZE / MiB} MB`);
  }
  return Math.max(VHD_BLOCK, roundUp(requested, VHD_BLOCK));
}

// ---------------------------------------------------------------------------------------------------------
// Data held by each VDI, and the SR totals

const written = new WeakMap<Db, Map<string, number>>();

function dataOf(db: Db, ref: string): number {
  const known = written.get(db)?.get(ref);
  if (known !== undefined) return known;
  // A VDI made outside this module: read its data back from the physical size where the layout allows it.
  const vdi = db.get('VDI', ref);
  const sr = db.find('SR', vdi.SR);
  const size = vdi.virtual_size as number;
  if (sr && provisioningOf(sr) === 'thin') {
    const spare = (vdi.physical_utilisation as number) - vhdBytes(size, 0);
    return clampData(Math.floor(spare / (VHD_BLOCK + SECTOR)) * VHD_BLOCK, size);
  }
  return Math.min(size, vdi.physical_utilisation as number);
}

function setData(db: Db, ref: string, bytes: number): void {
  let map = written.get(db);
  if (!map) written.set(db, (map = new Map()));
  map.set(ref, bytes);
}

/** Guest-visible data of a disk: its own blocks plus those of its VHD ancestors, at most the disk size. */
function chainData(db: Db, ref: string): number {
  let total = 0;
  let vdi: Rec | undefined = db.get('VDI', ref);
  let current: string | undefined = ref;
  const size = vdi.virtual_size as number;
  while (vdi && current && total < size) {
    total += dataOf(db, current);
    const parent = vdi.sm_config['vhd-parent'] as string | undefined;
    current = parent ? db.refByUuid('VDI', parent) : undefined;
    vdi = current ? db.find('VDI', current) : undefined;
  }
  return clampData(total, size);
}

/** Only managed VDIs count towards virtual_allocation; base copies are hidden. */
const visibleSize = (vdi: Rec): number => (vdi.managed ? (vdi.virtual_size as number) : 0);

function adjustSr(db: Db, srRef: string, physical: number, virtual: number): void {
  if ((physical === 0 && virtual === 0) || !db.has(srRef)) return;
  db.update(srRef, (sr) => {
    sr.physical_utilisation += physical;
    sr.virtual_allocation += virtual;
  });
}

/** Recomputes an SR's totals from its VDIs, as an SM scan or update reports them. */
export function refreshSrAccounting(db: Db, srRef: string): void {
  const sr = db.get('SR', srRef);
  let physical = 0;
  let virtual = 0;
  for (const ref of sr.VDIs as string[]) {
    const vdi = db.find('VDI', ref);
    if (!vdi) continue;
    physical += vdi.physical_utilisation as number;
    virtual += visibleSize(vdi);
  }
  if (physical !== sr.physical_utilisation || virtual !== sr.virtual_allocation) {
    db.update(srRef, { physical_utilisation: physical, virtual_allocation: virtual });
  }
}

/** SR_FULL [requested, maximum]: what the SR's utilisation would become, and its size. */
function assertSpace(db: Db, srRef: string, extra: number): void {
  if (extra <= 0) return;
  const sr = db.get('SR', srRef);
  const requested = (sr.physical_utilisation as number) + extra;
  if (requested > (sr.physical_size as number)) fail('SR_FULL', requested, sr.physical_size);
}

/** Applies `patch` to a VDI now holding `data` bytes and re-derives its footprint; the SR follows. */
function updateFootprint(db: Db, ref: string, data: number, patch: Rec = {}): void {
  const before = db.get('VDI', ref);
  const oldPhysical = before.physical_utilisation as number;
  const oldVisible = visibleSize(before);
  const physical = physicalFor(db.get('SR', before.SR), { ...before, ...patch }, data);
  setData(db, ref, data);
  const after = db.update(ref, { ...patch, physical_utilisation: physical });
  adjustSr(db, after.SR, physical - oldPhysical, visibleSize(after) - oldVisible);
}

// ---------------------------------------------------------------------------------------------------------
// Operation checks (XAPI's check_operation_error for VDIs)

/** Operations that may run while the disk is attached to a running VM. */
const LIVE_OPS = new Set(['snapshot', 'resize_online', 'blocked', 'clone', 'mirror', 'enable_cbt', 'disable_cbt', 'data_destroy']);
const FEATURE_OF: Record<string, string> = {
  snapshot: 'snapshot', destroy: 'delete', resize: 'resize', update: 'update', resize_online: 'resize_online',
  generate_config: 'generate_config', clone: 'clone', mirror: 'mirror',
};
/** The operations XAPI evaluates for allowed_operations (its pre-Ely list), in the order it lists them. */
const ADVERTISED = ['generate_config', 'force_unlock', 'update', 'forget', 'destroy', 'mirror', 'snapshot', 'resize_online', 'resize', 'copy', 'clone'];

function pbdPlugged(db: Db, sr: Rec): boolean {
  return (sr.PBDs as string[]).some((pbd) => db.find('PBD', pbd)?.currently_attached);
}

/** The first reason `op` cannot run on the VDI now, or undefined. */
export function vdiOperationError(db: Db, ref: string, op: string): XapiFailure | undefined {
  const vdi = db.get('VDI', ref);
  const current = Object.values(vdi.current_operations as Record<string, string>);
  // A running copy only reads the disk, so it excludes nothing by itself.
  if (current.some((running) => running !== 'copy')) return new XapiFailure('OTHER_OPERATION_IN_PROGRESS', 'VDI', ref);
  const sr = db.get('SR', vdi.SR);
  if (op === 'resize' && !pbdPlugged(db, sr)) return new XapiFailure('SR_NO_PBDS', vdi.SR);

  const vbds = (vdi.VBDs as string[]).map((vbd) => db.find('VBD', vbd)).filter((vbd): vbd is Rec => vbd !== undefined);
  const active = vbds.filter((vbd) => vbd.currently_attached);
  const blocked = LIVE_OPS.has(op) ? false : op === 'copy' ? active.some((vbd) => vbd.mode === 'RW') : active.length > 0;
  if (blocked) return new XapiFailure('VDI_IN_USE', ref, op);
  if (vbds.some((vbd) => Object.keys(vbd.current_operations).length > 0)) return new XapiFailure('OTHER_OPERATION_IN_PROGRESS', 'VDI', ref);

  const feature = FEATURE_OF[op];
  if (feature && !smFeatures(sr).has(feature)) return new XapiFailure('SR_OPERATION_NOT_SUPPORTED', vdi.SR);
  switch (op) {
    case 'destroy':
      if (sr.type === 'udev') return new XapiFailure('VDI_IS_A_PHYSICAL_DEVICE', ref);
      if (sr.is_tools_sr) return new XapiFailure('SR_OPERATION_NOT_SUPPORTED', vdi.SR);
      if (vdi.type === 'rrd') return new XapiFailure('VDI_HAS_RRDS', ref);
      return undefined;
    case 'forget':
      return vdi.type === 'rrd' ? new XapiFailure('VDI_HAS_RRDS', ref) : undefined;
    case 'snapshot':
      if (vdi.sharable) return new XapiFailure('VDI_IS_SHARABLE', ref);
      if (vdi.on_boot === 'reset') return new XapiFailure('VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION');
      if (current.includes('copy')) return new XapiFailure('OPERATION_NOT_ALLOWED', 'Snapshot operation not allowed during copy.');
      return undefined;
    case 'copy':
      if (vdi.type === 'ha_statefile' || vdi.type === 'redo_log') {
        return new XapiFailure('OPERATION_NOT_ALLOWED', "VDI containing HA statefile or redo log cannot be copied (check the VDI's allowed operations).");
      }
      return undefined;
  }
  return undefined;
}

function assertVdiOperation(db: Db, ref: string, op: string): Rec {
  const error = vdiOperationError(db, ref, op);
  if (error) throw error;
  return db.get('VDI', ref);
}

/** Base copies and other unmanaged (hidden) VDIs are off limits to the disk operations. */
function assertManaged(db: Db, ref: string): void {
  if (!db.get('VDI', ref).managed) fail('VDI_NOT_MANAGED', ref);
}

export function refreshVdiOperations(db: Db, ref: string): void {
  if (!db.has(ref)) return;
  setAllowedOperations(db, ref, ADVERTISED.filter((op) => !vdiOperationError(db, ref, op)));
}

// ---------------------------------------------------------------------------------------------------------
// Rows

/** The SR must be plugged somewhere and its driver must offer `feature`. */
function usableSr(db: Db, srRef: string, feature: string): Rec {
  const sr = db.get('SR', srRef);
  if (!pbdPlugged(db, sr)) fail('SR_NO_PBDS', srRef);
  if (!smFeatures(sr).has(feature)) fail('SR_OPERATION_NOT_SUPPORTED', srRef);
  return sr;
}

/** A planned VDI row: its fields and the data it will hold, with the space it takes. */
interface PlannedVdi {
  readonly sr: string;
  readonly fields: Rec;
  readonly data: number;
  readonly physical: number;
}

function planVdi(db: Db, srRef: string, fields: Rec, data: number): PlannedVdi {
  const sr = db.get('SR', srRef);
  const uuid = (fields.uuid as string | undefined) ?? randomUUID();
  const layout = provisioningOf(sr) === 'raw' ? {} : { vdi_type: 'vhd' };
  const full: Rec = {
    ...fields, uuid, location: uuid, SR: srRef, VBDs: [], snapshots: [], crash_dumps: [], current_operations: {},
    allowed_operations: [], storage_lock: false, missing: false, parent: NULL_REF,
    sm_config: { ...layout, ...(fields.sm_config as Rec | undefined) },
  };
  return { sr: srRef, fields: full, data, physical: physicalFor(sr, full, data) };
}

/** The single place a VDI row and its footprint enter an SR. */
function addVdi(db: Db, plan: PlannedVdi): string {
  const ref = db.create('VDI', { ...plan.fields, physical_utilisation: plan.physical });
  setData(db, ref, plan.data);
  linkRef(db, plan.sr, 'VDIs', ref);
  adjustSr(db, plan.sr, plan.physical, visibleSize(plan.fields));
  refreshVdiOperations(db, ref);
  return ref;
}

/**
 * Deletes a VDI without checks, with what hangs off it: its place in the SR and in its snapshot source's
 * `snapshots`, and its VBDs, which XAPI destroys at once rather than leave pointing at nothing.
 */
export function removeVdi(db: Db, ref: string): void {
  const vdi = db.get('VDI', ref);
  for (const vbdRef of vdi.VBDs as string[]) {
    const vbd = db.find('VBD', vbdRef);
    if (!vbd) continue;
    unlinkRef(db, vbd.VM, 'VBDs', vbdRef);
    db.destroy(vbdRef);
  }
  unlinkRef(db, vdi.SR, 'VDIs', ref);
  unlinkRef(db, vdi.snapshot_of, 'snapshots', ref);
  adjustSr(db, vdi.SR, -(vdi.physical_utilisation as number), -visibleSize(vdi));
  written.get(db)?.delete(ref);
  forgetVdiContent(db, ref);
  db.destroy(ref);
}

export interface CreateVdiOptions {
  /** Bytes of data already written (an installed system, say); suspend images default to full. */
  dataBytes?: number;
}

function planCreate(db: Db, fields: Rec, options: CreateVdiOptions): PlannedVdi {
  const srRef = (fields.SR as string | undefined) ?? NULL_REF;
  const sr = usableSr(db, srRef, 'create');
  const size = effectiveSize(sr, Number(fields.virtual_size ?? 0));
  const data = clampData(options.dataBytes ?? (fields.type === 'suspend' ? size : 0), size);
  const plan = planVdi(db, srRef, { ...fields, virtual_size: size, managed: true }, data);
  assertSpace(db, srRef, plan.physical);
  return plan;
}

/** A new managed VDI in `fields.SR`; SR_FULL when its footprint does not fit. */
export function createVdi(db: Db, fields: Rec, options: CreateVdiOptions = {}): string {
  return addVdi(db, planCreate(db, fields, options));
}

export function destroyVdi(db: Db, vdiRef: string): void {
  assertVdiOperation(db, vdiRef, 'destroy');
  assertManaged(db, vdiRef);
  removeVdi(db, vdiRef);
}

// ---------------------------------------------------------------------------------------------------------
// The VHD chain: snapshot and clone

type Derivation = 'snapshot' | 'clone';

interface DerivePlan {
  readonly source: string;
  /** The source's sm_config once it sits on the new base. */
  readonly chained: Rec;
  readonly base: PlannedVdi;
  readonly leaf: PlannedVdi;
}

/**
 * A snapshot or clone freezes the source's current data in a new hidden, read-only "base copy"; the source
 * continues as an empty leaf on top of it, next to the new VDI (another empty leaf). The base takes the
 * source's former place in the chain. Metadata copied to the new VDI is what XAPI copies.
 */
function planDerive(db: Db, srcRef: string, kind: Derivation, overrides: Rec): DerivePlan {
  const src = assertVdiOperation(db, srcRef, kind);
  assertManaged(db, srcRef);
  const srRef = src.SR as string;
  const sr = db.get('SR', srRef);
  const formerParent = src.sm_config['vhd-parent'] as string | undefined;
  const base = planVdi(db, srRef, {
    name_label: 'base copy', name_description: '', type: 'user', virtual_size: src.virtual_size, read_only: true,
    managed: false, sharable: false, sm_config: formerParent ? { 'vhd-parent': formerParent } : {},
  }, dataOf(db, srcRef));
  const chained = { ...src.sm_config, 'vhd-parent': base.fields.uuid };
  const snapshot = kind === 'snapshot'
    ? { is_a_snapshot: true, snapshot_of: srcRef, snapshot_time: xapiNow() }
    : { is_a_snapshot: false, snapshot_of: NULL_REF };
  const leaf = planVdi(db, srRef, {
    name_label: src.name_label, name_description: src.name_description, type: src.type, sharable: src.sharable,
    read_only: src.read_only, other_config: { ...src.other_config }, xenstore_data: { ...src.xenstore_data },
    on_boot: src.on_boot, allow_caching: src.allow_caching, virtual_size: src.virtual_size, managed: true,
    sm_config: chained, ...snapshot, ...overrides,
  }, 0);
  const sourceAfter = physicalFor(sr, src, 0);
  assertSpace(db, srRef, base.physical + leaf.physical + sourceAfter - (src.physical_utilisation as number));
  return { source: srcRef, chained, base, leaf };
}

function derive(db: Db, plan: DerivePlan): string {
  // The source shrinks first so the SR never counts its data twice.
  updateFootprint(db, plan.source, 0, { sm_config: plan.chained });
  moveVdiContent(db, plan.source, addVdi(db, plan.base));
  const leaf = addVdi(db, plan.leaf);
  if (plan.leaf.fields.is_a_snapshot) linkRef(db, plan.source, 'snapshots', leaf);
  refreshVdiOperations(db, plan.source);
  return leaf;
}

export function snapshotVdi(db: Db, vdiRef: string, overrides: Rec = {}): string {
  return derive(db, planDerive(db, vdiRef, 'snapshot', overrides));
}

export function cloneVdi(db: Db, vdiRef: string, overrides: Rec = {}): string {
  return derive(db, planDerive(db, vdiRef, 'clone', overrides));
}

// ---------------------------------------------------------------------------------------------------------
// Copy and resize

/** A full, independent copy (no chain) of everything the guest sees, created RW as XAPI does. */
function planCopy(db: Db, srcRef: string, srRef: string): PlannedVdi {
  const src = assertVdiOperation(db, srcRef, 'copy');
  assertManaged(db, srcRef);
  const sr = usableSr(db, srRef, 'create');
  const size = effectiveSize(sr, src.virtual_size as number);
  const plan = planVdi(db, srRef, {
    name_label: src.name_label, name_description: src.name_description, type: src.type, sharable: src.sharable,
    read_only: false, other_config: { ...src.other_config }, xenstore_data: { ...src.xenstore_data },
    on_boot: src.on_boot, allow_caching: src.allow_caching, virtual_size: size, managed: true,
  }, clampData(chainData(db, srcRef), size));
  assertSpace(db, srRef, plan.physical);
  return plan;
}

export function copyVdi(db: Db, vdiRef: string, srRef: string): string {
  const copy = addVdi(db, planCopy(db, vdiRef, srRef));
  const content = visibleVdiContent(db, vdiRef);
  if (content) setVdiContent(db, copy, content);
  return copy;
}

/** VDI.copy into an existing disk: it must be at least as large; its data grows to cover the source's. */
function planCopyInto(db: Db, srcRef: string, intoRef: string): { data: number } {
  const src = assertVdiOperation(db, srcRef, 'copy');
  assertManaged(db, srcRef);
  const into = db.get('VDI', intoRef);
  assertManaged(db, intoRef);
  if ((into.virtual_size as number) < (src.virtual_size as number)) fail('VDI_TOO_SMALL', intoRef, src.virtual_size);
  const data = clampData(Math.max(dataOf(db, intoRef), chainData(db, srcRef)), into.virtual_size as number);
  assertSpace(db, into.SR, physicalFor(db.get('SR', into.SR), into, data) - (into.physical_utilisation as number));
  return { data };
}

/** Growth only, as the SM drivers allow; undefined when the size does not change. */
function planResize(db: Db, ref: string, requested: number): { size: number; data: number } | undefined {
  const vdi = assertVdiOperation(db, ref, 'resize');
  assertManaged(db, ref);
  if (requested < (vdi.virtual_size as number)) smFailure(79, 'VDI Invalid size', 'shrinking not allowed');
  if (requested === vdi.virtual_size) return undefined;
  const sr = db.get('SR', vdi.SR);
  const size = effectiveSize(sr, requested);
  const data = dataOf(db, ref);
  assertSpace(db, vdi.SR, physicalFor(sr, { ...vdi, virtual_size: size }, data) - (vdi.physical_utilisation as number));
  return { size, data };
}

/**
 * Data written into a VDI from outside (an HTTP import): it now holds at least `bytes` of data, which its
 * footprint and the SR follow. SR_FULL when the SR cannot take the growth.
 */
export function recordVdiWrite(db: Db, ref: string, bytes: number): void {
  const vdi = db.get('VDI', ref);
  const data = clampData(Math.max(dataOf(db, ref), bytes), vdi.virtual_size as number);
  assertSpace(db, vdi.SR, physicalFor(db.get('SR', vdi.SR), vdi, data) - (vdi.physical_utilisation as number));
  updateFootprint(db, ref, data);
}

export function resizeVdi(db: Db, vdiRef: string, size: number): void {
  const plan = planResize(db, vdiRef, size);
  if (plan) updateFootprint(db, vdiRef, plan.data, { virtual_size: plan.size });
}

// ---------------------------------------------------------------------------------------------------------
// Garbage collection

/**
 * What SM's garbage collector does to VHD chains: a base copy nothing depends on any more is deleted, and a
 * base copy with a single child is coalesced into it (the child takes the base's data and its place in the
 * chain). Returns how many base copies went away.
 */
export function collectGarbage(db: Db, srRef: string): number {
  const sr = db.get('SR', srRef);
  if (provisioningOf(sr) === 'raw') return 0;
  let removed = 0;
  for (;;) {
    const vdis = (db.get('SR', srRef).VDIs as string[])
      .map((ref) => [ref, db.find('VDI', ref)] as const)
      .filter((entry): entry is readonly [string, Rec] => entry[1] !== undefined);
    const children = new Map<string, string[]>();
    for (const [ref, vdi] of vdis) {
      const parent = vdi.sm_config['vhd-parent'] as string | undefined;
      if (parent) children.set(parent, [...(children.get(parent) ?? []), ref]);
    }
    const victim = vdis.find(([, vdi]) => !vdi.managed && (children.get(vdi.uuid)?.length ?? 0) <= 1);
    if (!victim) return removed;
    const [baseRef, base] = victim;
    const [child] = children.get(base.uuid) ?? [];
    if (child) {
      const childRecord = db.get('VDI', child);
      const { 'vhd-parent': _merged, ...smConfig } = childRecord.sm_config as Rec;
      const parent = base.sm_config['vhd-parent'] as string | undefined;
      const merged = clampData(dataOf(db, baseRef) + dataOf(db, child), childRecord.virtual_size as number);
      updateFootprint(db, child, merged, { sm_config: parent ? { ...smConfig, 'vhd-parent': parent } : smConfig });
      // The child's own writes are newer than what it inherits.
      if (!ownVdiContent(db, child)) moveVdiContent(db, baseRef, child);
    }
    removeVdi(db, baseRef);
    removed++;
  }
}

/** SM kicks its garbage collector after every deletion; it runs in the background a little later. */
const GC_DELAY_SECONDS = 30;

function scheduleGarbageCollection(ctx: CallContext, srRef: string): void {
  const timer = setTimeout(() => {
    if (ctx.db.has(srRef)) collectGarbage(ctx.db, srRef);
  }, ctx.pool.duration(GC_DELAY_SECONDS));
  timer.unref();
}

// ---------------------------------------------------------------------------------------------------------
// Messages

/** Realistic durations in seconds (scaled by the simulator's time scale). */
const SECONDS = { create: 0.5, destroy: 0.5, derive: 0.5, resize: 0.5, update: 0.2, copyMin: 1, copyPer10GiB: 1 };

/** Marks the operation on the VDI while the storage works, as XAPI does; the database changes come after. */
function busy(ctx: CallContext, ref: string, op: string, seconds: number, cancellable = false): Promise<void> {
  return withCurrentOperation(ctx, ref, op, refreshVdiOperations, () => ctx.task?.work(seconds, 1, { cancellable }));
}

defineMessage('VDI.create', async (ctx, record: Rec) => {
  const ref = createVdi(ctx.db, constructorFields('VDI', record));
  await ctx.task?.work(SECONDS.create);
  return ref;
});

defineMessage('VDI.destroy', async (ctx, vdi: string) => {
  assertVdiOperation(ctx.db, vdi, 'destroy');
  assertManaged(ctx.db, vdi);
  await busy(ctx, vdi, 'destroy', SECONDS.destroy);
  const sr = ctx.db.get('VDI', vdi).SR as string;
  destroyVdi(ctx.db, vdi);
  scheduleGarbageCollection(ctx, sr);
  return '';
});

/** VDI.forget drops the record only: no storage call, no managed check (base copies can be forgotten). */
defineMessage('VDI.forget', (ctx, vdi: string) => {
  assertVdiOperation(ctx.db, vdi, 'forget');
  removeVdi(ctx.db, vdi);
  return '';
});

function deriveMessage(kind: Derivation) {
  return async (ctx: CallContext, vdi: string, _driverParams: Rec) => {
    planDerive(ctx.db, vdi, kind, {});
    await busy(ctx, vdi, kind, SECONDS.derive);
    return derive(ctx.db, planDerive(ctx.db, vdi, kind, {}));
  };
}

defineMessage('VDI.snapshot', deriveMessage('snapshot'));
defineMessage('VDI.clone', deriveMessage('clone'));

/** Copying reads the whole disk: about a second per 10 GiB of virtual size, and it can be cancelled. */
const copySeconds = (bytes: number): number => Math.max(SECONDS.copyMin, (bytes / (10 * GiB)) * SECONDS.copyPer10GiB);

defineMessage('VDI.copy', async (ctx, vdi: string, sr: string, baseVdi: string, intoVdi: string) => {
  // base_vdi only lets the storage skip blocks both share; the result is the same.
  if (baseVdi !== NULL_REF) ctx.db.get('VDI', baseVdi);
  const seconds = copySeconds(ctx.db.get('VDI', vdi).virtual_size as number);
  if (intoVdi !== NULL_REF) {
    planCopyInto(ctx.db, vdi, intoVdi);
    await busy(ctx, vdi, 'copy', seconds, true);
    updateFootprint(ctx.db, intoVdi, planCopyInto(ctx.db, vdi, intoVdi).data);
    const content = visibleVdiContent(ctx.db, vdi);
    if (content) setVdiContent(ctx.db, intoVdi, content);
    return intoVdi;
  }
  planCopy(ctx.db, vdi, sr);
  await busy(ctx, vdi, 'copy', seconds, true);
  return copyVdi(ctx.db, vdi, sr);
});

defineMessage('VDI.resize', async (ctx, vdi: string, size: number) => {
  planResize(ctx.db, vdi, size);
  await busy(ctx, vdi, 'resize', SECONDS.resize);
  resizeVdi(ctx.db, vdi, size);
  return '';
});

defineMessage('VDI.update', async (ctx, vdi: string) => {
  assertVdiOperation(ctx.db, vdi, 'update');
  await busy(ctx, vdi, 'update', SECONDS.update);
  return '';
});
