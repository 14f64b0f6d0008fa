// Bookkeeping shared by the storage and network object classes (VDI, VBD, VIF): the one-to-many
// reference sets XAPI keeps in step (SR.VDIs, VM.VBDs, network.VIFs…), the current_operations marker of a
// running operation, and XAPI's hot-plug rules, which VBDs and VIFs share word for word.
import type { Db, Rec } from '../db.js';
import { XapiFailure } from '../errors.js';
import { datamodel, NULL_REF } from '../../xapi/datamodel/index.js';
import type { CallContext } from '../registry.js';

/** What a `<cls>.create` record may set: the constructor and writable fields; the rest is the server's. */
export function constructorFields(cls: string, record: Rec): Rec {
  const out: Rec = {};
  for (const field of datamodel.get(cls).fields) {
    if ((field.rw || field.qualifier === 'RO/constructor') && field.name in record) out[field.name] = record[field.name];
  }
  return out;
}

/** Adds `value` to the set field `field` of `ref` (no-op when already there or when `ref` is gone). */
export function linkRef(db: Db, ref: string, field: string, value: string): void {
  const row = db.row(ref);
  if (!row || (row.record[field] as string[]).includes(value)) return;
  db.update(ref, (r) => { r[field] = [...r[field], value]; });
}

/** Removes `value` from the set field `field` of `ref` (no-op when absent or when `ref` is gone). */
export function unlinkRef(db: Db, ref: string, field: string, value: string): void {
  const row = db.row(ref);
  if (!row || !(row.record[field] as string[]).includes(value)) return;
  db.update(ref, (r) => { r[field] = r[field].filter((v: string) => v !== value); });
}

/** Writes `allowed_operations` only when it changed, so recomputing costs no event. */
export function setAllowedOperations(db: Db, ref: string, allowed: string[]): void {
  const row = db.row(ref);
  if (!row) return;
  const previous = row.record.allowed_operations as string[];
  if (previous.length !== allowed.length || previous.some((op, i) => op !== allowed[i])) {
    db.update(ref, { allowed_operations: allowed });
  }
}

/**
 * Runs `work` with `op` in the object's current_operations (keyed by the task, as XAPI does), which
 * blocks conflicting operations meanwhile; `refresh` recomputes allowed_operations around it.
 */
export async function withCurrentOperation<T>(
  ctx: CallContext, ref: string, op: string, refresh: (db: Db, ref: string) => void, work: () => Promise<T> | T,
): Promise<T> {
  const marker = ctx.task?.ref ?? `OpaqueRef:op-${op}`;
  ctx.db.update(ref, (r) => { r.current_operations = { ...r.current_operations, [marker]: op }; });
  refresh(ctx.db, ref);
  try {
    return await work();
  } finally {
    if (ctx.db.has(ref)) {
      ctx.db.update(ref, (r) => {
        const { [marker]: _done, ...rest } = r.current_operations;
        r.current_operations = rest;
      });
      refresh(ctx.db, ref);
    }
  }
}

/**
 * XAPI's validity table for one object: every operation starts valid; each rule marks the operations it
 * forbids, and the first rule that forbids an operation is the error reported for it.
 */
export class OperationTable {
  private readonly errors = new Map<string, XapiFailure>();

  constructor(private readonly ops: readonly string[]) {}

  forbid(ops: readonly string[], code: string, ...params: unknown[]): void {
    for (const op of ops) if (!this.errors.has(op)) this.errors.set(op, new XapiFailure(code, ...params));
  }

  error(op: string): XapiFailure | undefined {
    return this.errors.get(op);
  }

  assert(op: string): void {
    const error = this.errors.get(op);
    if (error) throw error;
  }

  allowed(): string[] {
    return this.ops.filter((op) => !this.errors.has(op));
  }
}

/** Whether the VM's domain is (or will be) HVM: domain_type, or the boot policy on older records. */
export function isHvm(vm: Rec): boolean {
  if (vm.domain_type === 'hvm') return true;
  if (vm.domain_type && vm.domain_type !== 'unspecified') return false;
  return vm.HVM_boot_policy !== '';
}

/** VM operations during which XAPI refuses device hot(un)plug. */
const VM_BUSY_OPS = new Set(['clean_shutdown', 'hard_shutdown', 'suspend', 'pause']);

/** What a device (VBD or VIF) needs to be checked against the hot-plug rules. */
export interface HotplugSubject {
  readonly cls: 'VBD' | 'VIF';
  readonly ref: string;
  readonly record: Rec;
  readonly vmRef: string;
  readonly vm: Rec;
}

/** Any current operation on the device excludes the others (`parallel` ones may overlap each other). */
export function forbidDuringOperations(table: OperationTable, subject: HotplugSubject, all: readonly string[], parallel: readonly string[] = []): void {
  const current = Object.values(subject.record.current_operations as Record<string, string>);
  if (current.length === 0) return;
  const ops = all.filter((op) => !parallel.includes(op));
  table.forbid(ops, 'OTHER_OPERATION_IN_PROGRESS', subject.cls, subject.ref, current[0]);
}

/**
 * The power-state rule: plug needs a running VM and a detached device, unplug an attached one; on a
 * VM that is not running, every hot-plug operation fails with the VM's actual state.
 */
export function forbidByPowerState(table: OperationTable, subject: HotplugSubject, plugOps: readonly string[], unplugOps: readonly string[], offlineOps: readonly string[]): void {
  const power = subject.vm.power_state as string;
  if (power === 'Running') {
    if (subject.record.currently_attached) table.forbid(plugOps, 'DEVICE_ALREADY_ATTACHED', subject.ref);
    else table.forbid(unplugOps, 'DEVICE_ALREADY_DETACHED', subject.ref);
  } else {
    table.forbid(offlineOps, 'VM_BAD_POWER_STATE', subject.vmRef, 'running', power.toLowerCase());
  }
}

/** A VM being shut down, suspended or paused accepts no device changes. */
export function forbidWhileVmBusy(table: OperationTable, subject: HotplugSubject, ops: readonly string[]): void {
  for (const op of Object.values(subject.vm.current_operations as Record<string, string>)) {
    if (VM_BUSY_OPS.has(op)) table.forbid(ops, 'OPERATION_NOT_ALLOWED', `Current operation on VM:${subject.vmRef} is ${op}`);
  }
}

/**
 * HVM guests hot-plug devices only through their PV drivers: an explicit yes/no from the guest agent
 * wins, otherwise the drivers must have been reported (VM_MISSING_PV_DRIVERS before the guest booted).
 */
export function forbidWithoutPvDrivers(db: Db, table: OperationTable, subject: HotplugSubject, ops: readonly string[]): void {
  if (subject.vm.power_state !== 'Running' || !isHvm(subject.vm)) return;
  const metrics = subject.vm.guest_metrics !== NULL_REF ? db.find('VM_guest_metrics', subject.vm.guest_metrics) : undefined;
  const claim = metrics?.[subject.cls === 'VBD' ? 'can_use_hotplug_vbd' : 'can_use_hotplug_vif'];
  if (claim === 'yes') return;
  if (claim === 'no') {
    table.forbid(ops, 'OPERATION_NOT_ALLOWED', `VM states it does not support ${subject.cls} hotplug.`);
    return;
  }
  // Only VBDs accept the bare "PV drivers detected" flag; both accept a reported driver version.
  if (subject.cls === 'VBD' && metrics?.PV_drivers_detected) return;
  const version = metrics?.PV_drivers_version as Rec | undefined;
  if (version?.major === undefined || version?.minor === undefined) table.forbid(ops, 'VM_MISSING_PV_DRIVERS', subject.vmRef);
}
