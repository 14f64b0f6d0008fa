// What happens in the database when a VM's domain comes up on a host or goes away:
// resident_on, domid, metrics, consoles, attached devices, host memory and the lifecycle messages.
import { xapiNow } from '../clock.js';
import type { Db } from '../db.js';
import { buildLiveDomain, destroyLiveDomain } from '../dom0/xenstore.js';
import { NULL_REF } from '../../xapi/datamodel/index.js';
import type { SimPool } from '../world.js';
import { refreshHostMemory } from './host-memory.js';
import { scheduleGuestBoot, stopGuest } from './guest.js';
import { trackDomain } from './guest-activity.js';
import { attachVmDevices, detachVmDevices } from './vbd.js';
import { refreshVmOperations } from './vm-operations.js';

const nextDomid = new WeakMap<Db, number>();

/** XAPI's lifecycle notifications (VM_STARTED, VM_SHUTDOWN, …) as message rows. */
export function postVmMessage(db: Db, vmRef: string, name: string, body = ''): void {
  db.create('message', {
    name, priority: 5, cls: 'VM', obj_uuid: db.get('VM', vmRef).uuid, timestamp: xapiNow(), body,
  });
}

function allocateDomid(db: Db): number {
  const domid = nextDomid.get(db) ?? 1;
  nextDomid.set(db, domid + 1);
  return domid;
}

export interface StartOptions {
  /** The guest arrives already running (cross-pool migration): no boot, VM_MIGRATED instead of VM_STARTED. */
  readonly migrated?: boolean;
}

export function startDomain(pool: SimPool, vmRef: string, hostRef: string, paused: boolean, options: StartOptions = {}): void {
  const { db } = pool;
  const domid = allocateDomid(db);
  const vm = db.get('VM', vmRef);
  db.update(vmRef, {
    power_state: paused ? 'Paused' : 'Running', resident_on: hostRef, scheduled_to_be_resident_on: NULL_REF, domid,
  });
  db.update(vm.metrics, {
    memory_actual: vm.memory_target || vm.memory_dynamic_max, VCPUs_number: vm.VCPUs_at_startup,
    start_time: xapiNow(), last_updated: xapiNow(), current_domain_type: vm.domain_type === 'hvm' ? 'hvm' : 'pv',
    state: [paused ? 'paused' : 'running'], hvm: vm.domain_type === 'hvm',
  });
  const address = db.get('host', hostRef).address as string;
  // Every domain has a graphical (rfb) console; a PV one also has its text console.
  const consoles = (vm.domain_type === 'hvm' ? ['rfb'] : ['rfb', 'vt100']).map((protocol) => {
    const console = db.create('console', { protocol, VM: vmRef });
    db.update(console, (c) => { c.location = `https://${address}/console?uuid=${c.uuid}`; });
    return console;
  });
  db.update(vmRef, { consoles });
  attachVmDevices(db, vmRef);
  // The toolstack copies the parameter xenstore into the new domain's live one.
  buildLiveDomain(db, vmRef, hostRef, domid);
  db.update(hostRef, (h) => { h.resident_VMs = [...h.resident_VMs, vmRef]; });
  refreshHostMemory(db, hostRef);
  refreshVmOperations(db, vmRef);
  trackDomain(pool, vmRef);
  if (options.migrated) {
    postVmMessage(db, vmRef, 'VM_MIGRATED');
    return;
  }
  postVmMessage(db, vmRef, 'VM_STARTED');
  scheduleGuestBoot(pool, vmRef, domid);
}

/**
 * A live migration inside the pool: the running guest moves to another host under a new domain id; its
 * memory is counted there, its console follows, and nothing reboots.
 */
export function moveDomain(pool: SimPool, vmRef: string, destination: string): void {
  const { db } = pool;
  const vm = db.get('VM', vmRef);
  const source = vm.resident_on as string;
  const domid = allocateDomid(db);
  destroyLiveDomain(db, source, vm.domid as number);
  db.update(vmRef, { resident_on: destination, scheduled_to_be_resident_on: NULL_REF, domid });
  buildLiveDomain(db, vmRef, destination, domid);
  const address = db.get('host', destination).address as string;
  for (const console of vm.consoles as string[]) db.update(console, (c) => { c.location = `https://${address}/console?uuid=${c.uuid}`; });
  db.update(source, (h) => { h.resident_VMs = h.resident_VMs.filter((r: string) => r !== vmRef); });
  db.update(destination, (h) => { h.resident_VMs = [...h.resident_VMs, vmRef]; });
  refreshHostMemory(db, source);
  refreshHostMemory(db, destination);
  refreshVmOperations(db, vmRef);
  trackDomain(pool, vmRef);
  postVmMessage(db, vmRef, 'VM_MIGRATED');
}

/** Tears the domain down; the VM ends Halted (or Suspended, keeping its suspend image). */
export function stopDomain(pool: SimPool, vmRef: string, finalState: 'Halted' | 'Suspended'): void {
  const { db } = pool;
  const vm = db.get('VM', vmRef);
  const hostRef = vm.resident_on as string;
  stopGuest(db, vmRef);
  destroyLiveDomain(db, hostRef, vm.domid as number);
  detachVmDevices(db, vmRef);
  for (const console of vm.consoles as string[]) db.destroy(console);
  db.update(vmRef, {
    power_state: finalState, resident_on: NULL_REF, scheduled_to_be_resident_on: NULL_REF, domid: -1,
    consoles: [], requires_reboot: false,
  });
  db.update(vm.metrics, { memory_actual: 0, VCPUs_number: 0, state: [], last_updated: xapiNow(), current_domain_type: 'unspecified' });
  if (db.has(hostRef)) {
    db.update(hostRef, (h) => { h.resident_VMs = h.resident_VMs.filter((r: string) => r !== vmRef); });
    refreshHostMemory(db, hostRef);
  }
  refreshVmOperations(db, vmRef);
  trackDomain(pool, vmRef);
}

/** A reboot is a new domain on the same host: new domid, guest boots again. */
export function rebootDomain(pool: SimPool, vmRef: string): void {
  const hostRef = pool.db.get('VM', vmRef).resident_on as string;
  stopDomain(pool, vmRef, 'Halted');
  startDomain(pool, vmRef, hostRef, false);
  postVmMessage(pool.db, vmRef, 'VM_REBOOTED');
}
