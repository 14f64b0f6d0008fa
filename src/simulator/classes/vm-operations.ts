// Which VM operations are valid now, checked in XAPI's order with its exact errors, and the
// current_operations / allowed_operations bookkeeping around a running operation.
import type { Db, Rec } from '../db.js';
import { XapiFailure } from '../errors.js';
import type { CallContext } from '../registry.js';
import { withCurrentOperation } from './devices.js';
import { refreshVmDeviceOperations } from './vbd.js';

type PowerState = 'Halted' | 'Paused' | 'Running' | 'Suspended';
const ANY: PowerState[] = ['Halted', 'Paused', 'Running', 'Suspended'];

/** Power states each operation may start from, in the order XAPI lists them in VM_BAD_POWER_STATE. */
const ALLOWED_FROM: Record<string, PowerState[]> = {
  start: ['Halted'], start_on: ['Halted'],
  pause: ['Running'], unpause: ['Paused'],
  clean_shutdown: ['Running'], shutdown: ['Paused', 'Suspended', 'Running'],
  hard_shutdown: ['Paused', 'Suspended', 'Running'],
  clean_reboot: ['Running'], hard_reboot: ['Paused', 'Running'],
  suspend: ['Running'], resume: ['Suspended'], resume_on: ['Suspended'],
  pool_migrate: ['Running'], migrate_send: ['Halted', 'Suspended', 'Running'],
  checkpoint: ['Paused', 'Suspended', 'Running'],
  snapshot: ANY, revert: ANY, power_state_reset: ANY, query_services: ANY, assert_operation_valid: ANY,
  clone: ['Halted'], copy: ['Halted'],
  provision: ['Halted'], make_into_template: ['Halted'], changing_shadow_memory: ['Halted'],
  changing_NVRAM: ['Halted'], create_vtpm: ['Halted'],
  destroy: ['Halted', 'Suspended'], export: ['Halted', 'Suspended'], create_template: ['Halted', 'Suspended'],
  changing_VCPUs: ['Halted'], changing_static_range: ['Halted'], changing_memory_limits: ['Halted'],
  changing_dynamic_range: ['Halted', 'Running'],
  call_plugin: ['Running'], send_sysrq: ['Running'], send_trigger: ['Running'],
  changing_memory_live: ['Running'], changing_VCPUs_live: ['Running'], changing_shadow_memory_live: ['Running'],
  data_source_op: ['Running'],
};

/** Operations XAPI never lists in allowed_operations. */
const NOT_ADVERTISED = new Set([
  'create_template', 'power_state_reset', 'csvm', 'get_boot_record', 'send_sysrq', 'send_trigger', 'query_services',
  'shutdown', 'call_plugin', 'changing_memory_live', 'awaiting_memory_live', 'changing_memory_limits',
  'changing_shadow_memory_live', 'changing_VCPUs', 'assert_operation_valid', 'data_source_op',
  'update_allowed_operations', 'import', 'reverting',
]);

const TEMPLATE_OPS = new Set([
  'changing_dynamic_range', 'changing_static_range', 'changing_memory_limits', 'changing_shadow_memory',
  'changing_VCPUs', 'changing_NVRAM', 'clone', 'copy', 'export', 'metadata_export', 'provision',
]);
const SNAPSHOT_OPS = new Set(['revert', 'clone', 'copy', 'export', 'destroy', 'hard_shutdown', 'metadata_export']);
const CONTROL_DOMAIN_OPS = new Set(['changing_dynamic_range', 'changing_static_range', 'changing_memory_limits', 'changing_VCPUs', 'changing_VCPUs_live']);

/** The first reason `op` cannot run on this VM now, or undefined when it can. */
export function operationError(vmRef: string, vm: Rec, op: string): XapiFailure | undefined {
  const blocked = (vm.blocked_operations as Rec)[op];
  if (blocked !== undefined) return new XapiFailure('OPERATION_BLOCKED', vmRef, blocked);

  const allowed = ALLOWED_FROM[op];
  const power = vm.power_state as PowerState;
  const controlDomainOp = vm.is_control_domain && CONTROL_DOMAIN_OPS.has(op);
  if (allowed && !allowed.includes(power) && !controlDomainOp) {
    return new XapiFailure('VM_BAD_POWER_STATE', vmRef, allowed.map((s) => s.toLowerCase()).join(', '), power.toLowerCase());
  }

  const current = Object.entries(vm.current_operations as Record<string, string>);
  if (current.length > 0) {
    const [task, running] = current[0];
    return new XapiFailure('OTHER_OPERATION_IN_PROGRESS', 'VM', vmRef, running, task);
  }

  if (vm.is_a_template && !vm.is_a_snapshot && !TEMPLATE_OPS.has(op)) {
    const defaultTemplateException = (op === 'destroy' || op === 'migrate_send') && !vm.is_default_template;
    if (!defaultTemplateException) return new XapiFailure('VM_IS_TEMPLATE', vmRef, op);
  }
  if (vm.is_a_snapshot && !SNAPSHOT_OPS.has(op)) return new XapiFailure('VM_IS_SNAPSHOT', vmRef, op);
  if (op === 'provision' && !vm.is_a_template) return new XapiFailure('PROVISION_ONLY_ALLOWED_ON_TEMPLATE');
  if (op === 'revert' && !vm.is_a_snapshot) return new XapiFailure('REVERT_ONLY_ALLOWED_ON_SNAPSHOT');

  if (vm.is_control_domain && !controlDomainOp) {
    return new XapiFailure('OPERATION_NOT_ALLOWED', op === 'destroy' ? 'This operation is not allowed on dom0' : 'This operation is not allowed on a control domain');
  }
  return undefined;
}

export function assertVmOperation(db: Db, vmRef: string, op: string): Rec {
  const vm = db.get('VM', vmRef);
  const error = operationError(vmRef, vm, op);
  if (error) throw error;
  return vm;
}

/** Recomputes the VM's allowed_operations and, as XAPI does, those of its devices, which depend on it. */
export function refreshVmOperations(db: Db, vmRef: string): void {
  refreshVmDeviceOperations(db, vmRef);
  const vm = db.get('VM', vmRef);
  const allowed = Object.keys(ALLOWED_FROM).filter((op) => !NOT_ADVERTISED.has(op) && !operationError(vmRef, vm, op));
  const previous = vm.allowed_operations as string[];
  if (previous.length !== allowed.length || previous.some((op, i) => op !== allowed[i])) {
    db.update(vmRef, { allowed_operations: allowed });
  }
}

/**
 * Runs `op` on a VM as XAPI does: check validity, mark the task in current_operations (which blocks
 * conflicting operations and updates allowed_operations), run, then clear the mark whatever happens.
 */
export async function withVmOperation<T>(ctx: CallContext, vmRef: string, op: string, work: () => Promise<T> | T): Promise<T> {
  assertVmOperation(ctx.db, vmRef, op);
  return withCurrentOperation(ctx, vmRef, op, refreshVmOperations, work);
}
