// VM records: create and destroy, operation checks, memory and VCPU settings.
import { xapiNow } from '../clock.js';
import type { Rec } from '../db.js';
import { fail, XapiFailure } from '../errors.js';
import { NULL_REF } from '../../xapi/datamodel/index.js';
import { defineMessage, type CallContext } from '../registry.js';
import { constructorFields } from './devices.js';
import { assertVmOperation, operationError, refreshVmOperations, withVmOperation } from './vm-operations.js';

/** Fields a client may not choose at creation: XAPI manages them. */
const RUNTIME_DEFAULTS: Rec = {
  power_state: 'Halted', resident_on: NULL_REF, scheduled_to_be_resident_on: NULL_REF, domid: -1,
  current_operations: {}, consoles: [], VIFs: [], VBDs: [], guest_metrics: NULL_REF, is_control_domain: false,
};

/** Creates a VM row with its own VM_metrics, as VM.create, clone, copy and snapshot all do. */
export function createVm(ctx: CallContext, fields: Rec): string {
  const metrics = ctx.db.create('VM_metrics', { install_time: xapiNow(), last_updated: xapiNow() });
  const ref = ctx.db.create('VM', { ...fields, ...RUNTIME_DEFAULTS, metrics });
  refreshVmOperations(ctx.db, ref);
  return ref;
}

function assertMemoryOrder(staticMin: number, dynamicMin: number, dynamicMax: number, staticMax: number): void {
  if (!(staticMin <= dynamicMin)) fail('MEMORY_CONSTRAINT_VIOLATION', 'Memory limits must satisfy: static_min ≤ dynamic_min');
  if (!(dynamicMin <= dynamicMax)) fail('MEMORY_CONSTRAINT_VIOLATION', 'Memory limits must satisfy: dynamic_min ≤ dynamic_max');
  if (!(dynamicMax <= staticMax)) fail('MEMORY_CONSTRAINT_VIOLATION', 'Memory limits must satisfy: dynamic_max ≤ static_max');
}

defineMessage('VM.create', (ctx, record: Rec) => {
  const fields = constructorFields('VM', record);
  const m = (name: string, fallback: number) => (fields[name] as number | undefined) ?? fallback;
  const staticMax = m('memory_static_max', 0);
  assertMemoryOrder(m('memory_static_min', 0), m('memory_dynamic_min', 0), m('memory_dynamic_max', staticMax), staticMax);
  // Clients older than domain_type (Nova among them) say HVM through the boot policy; XAPI derives it so.
  const domainType = !fields.domain_type || fields.domain_type === 'unspecified'
    ? (fields.HVM_boot_policy ? 'hvm' : 'pv')
    : fields.domain_type;
  return createVm(ctx, { memory_target: m('memory_dynamic_max', staticMax), ...fields, domain_type: domainType });
});

/** Destroying a VM removes its own devices and metrics; its disks (VDIs) stay, as in XAPI. */
export function destroyVm(ctx: CallContext, vmRef: string): void {
  const vm = ctx.db.get('VM', vmRef);
  for (const vbd of vm.VBDs as string[]) {
    const vdi = ctx.db.find('VBD', vbd)?.VDI as string | undefined;
    if (vdi && ctx.db.has(vdi)) ctx.db.update(vdi, (v) => { v.VBDs = v.VBDs.filter((r: string) => r !== vbd); });
    ctx.db.destroy(vbd);
  }
  for (const vif of vm.VIFs as string[]) {
    const network = ctx.db.find('VIF', vif)?.network as string | undefined;
    if (network && ctx.db.has(network)) ctx.db.update(network, (n) => { n.VIFs = n.VIFs.filter((r: string) => r !== vif); });
    ctx.db.destroy(vif);
  }
  for (const ref of [vm.metrics, vm.guest_metrics, ...(vm.consoles as string[])]) if (ref !== NULL_REF) ctx.db.destroy(ref);
  const parent = vm.snapshot_of as string;
  if (ctx.db.find('VM', parent)) ctx.db.update(parent, (p) => { p.snapshots = p.snapshots.filter((r: string) => r !== vmRef); });
  ctx.db.destroy(vmRef);
}

defineMessage('VM.destroy', (ctx, vm: string) => {
  assertVmOperation(ctx.db, vm, 'destroy');
  destroyVm(ctx, vm);
  return '';
});

defineMessage('VM.assert_operation_valid', (ctx, vm: string, op: string) => {
  const error = operationError(vm, ctx.db.get('VM', vm), op);
  if (error) throw error;
  return '';
}, { quiet: true });

defineMessage('VM.update_allowed_operations', (ctx, vm: string) => {
  ctx.db.get('VM', vm);
  refreshVmOperations(ctx.db, vm);
  return '';
}, { quiet: true });

defineMessage('VM.get_boot_record', (ctx, vm: string) => ctx.db.get('VM', vm), { quiet: true });

/** Settings that need the VM halted are checked like operations; the memory invariant always holds. */
function setMemory(ctx: CallContext, vm: string, op: string, patch: Rec): Promise<string> {
  return withVmOperation(ctx, vm, op, () => {
    const next = { ...ctx.db.get('VM', vm), ...patch };
    assertMemoryOrder(next.memory_static_min, next.memory_dynamic_min, next.memory_dynamic_max, next.memory_static_max);
    ctx.db.update(vm, patch);
    return '';
  });
}

defineMessage('VM.set_memory_limits', (ctx, vm: string, smin: number, smax: number, dmin: number, dmax: number) =>
  setMemory(ctx, vm, 'changing_memory_limits', {
    memory_static_min: smin, memory_static_max: smax, memory_dynamic_min: dmin, memory_dynamic_max: dmax, memory_target: dmax,
  }));
defineMessage('VM.set_memory_static_range', (ctx, vm: string, min: number, max: number) =>
  setMemory(ctx, vm, 'changing_static_range', { memory_static_min: min, memory_static_max: max }));
defineMessage('VM.set_memory_dynamic_range', (ctx, vm: string, min: number, max: number) =>
  setMemory(ctx, vm, 'changing_dynamic_range', { memory_dynamic_min: min, memory_dynamic_max: max, memory_target: max }));
defineMessage('VM.set_memory_static_max', (ctx, vm: string, value: number) =>
  setMemory(ctx, vm, 'changing_static_range', { memory_static_max: value }));
defineMessage('VM.set_memory_dynamic_max', (ctx, vm: string, value: number) =>
  setMemory(ctx, vm, 'changing_dynamic_range', { memory_dynamic_max: value, memory_target: value }));
defineMessage('VM.set_memory_dynamic_min', (ctx, vm: string, value: number) =>
  setMemory(ctx, vm, 'changing_dynamic_range', { memory_dynamic_min: value }));
defineMessage('VM.set_memory', (ctx, vm: string, value: number) =>
  setMemory(ctx, vm, 'changing_memory_limits', { memory_static_max: value, memory_dynamic_max: value, memory_dynamic_min: value, memory_target: value }));

defineMessage('VM.set_VCPUs_max', (ctx, vm: string, value: number) => withVmOperation(ctx, vm, 'changing_VCPUs', () => {
  if (value < (ctx.db.get('VM', vm).VCPUs_at_startup as number)) throw new XapiFailure('VALUE_NOT_SUPPORTED', 'VCPU values', value, 'VCPUs_max must be at least VCPUs_at_startup');
  ctx.db.update(vm, { VCPUs_max: value });
  return '';
}));
defineMessage('VM.set_VCPUs_at_startup', (ctx, vm: string, value: number) => withVmOperation(ctx, vm, 'changing_VCPUs', () => {
  if (value < 1 || value > (ctx.db.get('VM', vm).VCPUs_max as number)) throw new XapiFailure('VALUE_NOT_SUPPORTED', 'VCPU values', value, 'VCPUs_at_startup must be between 1 and VCPUs_max');
  ctx.db.update(vm, { VCPUs_at_startup: value });
  return '';
}));
