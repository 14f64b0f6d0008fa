// VM power operations: start, shutdown, reboot, pause, suspend, resume — XAPI's checks, task progress
// while the (simulated) domain works, then the domain state change.
import { NULL_REF } from '../../xapi/datamodel/index.js';
import { XapiFailure } from '../errors.js';
import { defineMessage, type CallContext } from '../registry.js';
import { assertHostHasMemory, hostFreeMemory, vmFootprint } from './host-memory.js';
import { guestSupports, scheduleGuestBoot } from './guest.js';
import { trackDomain } from './guest-activity.js';
import { assertPciDevicesFree } from './pci.js';
import { createVdi, destroyVdi } from './vdi.js';
import { assertDisksVisibleFrom, assertVmDisksAttachable } from './vbd.js';
import { postVmMessage, rebootDomain, startDomain, stopDomain } from './vm-domain.js';
import { withVmOperation } from './vm-operations.js';

/** Realistic durations in seconds, scaled by the simulator's time scale. */
const SECONDS = { start: 3, clean_shutdown: 2, hard_shutdown: 0.5, reboot: 4, pause: 0.2, suspend: 4, resume: 3 };

export function assertHostUsable(ctx: CallContext, hostRef: string, vm: Record<string, any>): void {
  const host = ctx.db.get('host', hostRef);
  if (!host.enabled) throw new XapiFailure('HOST_DISABLED', hostRef);
  const metrics = ctx.db.get('host_metrics', host.metrics);
  if (!metrics.live) throw new XapiFailure('HOST_OFFLINE', hostRef);
  assertHostHasMemory(ctx.db, hostRef, vm);
}

/**
 * Picks a host as XAPI's start does: among those that can see the VM's disks, the affinity host when it fits,
 * else the enabled host with most free memory.
 */
export function chooseHost(ctx: CallContext, vmRef: string): string {
  const vm = ctx.db.get('VM', vmRef);
  const candidates = [...ctx.db.table('host').keys()].filter((ref) => {
    try {
      assertHostUsable(ctx, ref, vm);
      assertDisksVisibleFrom(ctx.db, vmRef, ref);
      assertPciDevicesFree(ctx.db, vmRef, ref);
      return true;
    } catch {
      return false;
    }
  });
  if (candidates.includes(vm.affinity)) return vm.affinity;
  if (candidates.length === 0) throw new XapiFailure('NO_HOSTS_AVAILABLE');
  return candidates.reduce((best, ref) => (hostFreeMemory(ctx.db, ref) > hostFreeMemory(ctx.db, best) ? ref : best));
}

async function bootOn(ctx: CallContext, vmRef: string, hostRef: string, paused: boolean, seconds: number): Promise<string> {
  assertVmDisksAttachable(ctx.db, vmRef);
  // Reserve the host's memory for the whole boot so concurrent starts cannot overcommit it.
  ctx.db.update(vmRef, { scheduled_to_be_resident_on: hostRef });
  try {
    await ctx.task?.work(seconds, 0.95);
  } catch (error) {
    ctx.db.update(vmRef, { scheduled_to_be_resident_on: NULL_REF });
    throw error;
  }
  startDomain(ctx.pool, vmRef, hostRef, paused);
  return '';
}

defineMessage('VM.start', (ctx, vm: string, paused: boolean) => withVmOperation(ctx, vm, 'start', () =>
  bootOn(ctx, vm, chooseHost(ctx, vm), paused, SECONDS.start)));

defineMessage('VM.start_on', (ctx, vm: string, host: string, paused: boolean) => withVmOperation(ctx, vm, 'start_on', () => {
  assertHostUsable(ctx, host, ctx.db.get('VM', vm));
  assertDisksVisibleFrom(ctx.db, vm, host);
  assertPciDevicesFree(ctx.db, vm, host);
  return bootOn(ctx, vm, host, paused, SECONDS.start);
}));

async function shutdown(ctx: CallContext, vm: string, clean: boolean): Promise<string> {
  if (clean && !guestSupports(ctx.db, vm, 'feature-shutdown')) throw new XapiFailure('VM_LACKS_FEATURE', vm);
  await ctx.task?.work(clean ? SECONDS.clean_shutdown : SECONDS.hard_shutdown, 0.95);
  const suspendVdi = ctx.db.get('VM', vm).suspend_VDI as string;
  if (ctx.db.get('VM', vm).power_state === 'Suspended') {
    // Shutting down a suspended VM throws its saved memory image away.
    ctx.db.update(vm, { power_state: 'Halted', suspend_VDI: NULL_REF });
    if (ctx.db.has(suspendVdi)) destroyVdi(ctx.db, suspendVdi);
  } else {
    stopDomain(ctx.pool, vm, 'Halted');
  }
  postVmMessage(ctx.db, vm, 'VM_SHUTDOWN');
  return '';
}

defineMessage('VM.clean_shutdown', (ctx, vm: string) => withVmOperation(ctx, vm, 'clean_shutdown', () => shutdown(ctx, vm, true)));
defineMessage('VM.hard_shutdown', (ctx, vm: string) => withVmOperation(ctx, vm, 'hard_shutdown', () => shutdown(ctx, vm, false)));
defineMessage('VM.shutdown', (ctx, vm: string) => withVmOperation(ctx, vm, 'shutdown', () => {
  const running = ctx.db.get('VM', vm).power_state === 'Running';
  return shutdown(ctx, vm, running && guestSupports(ctx.db, vm, 'feature-shutdown'));
}));

async function reboot(ctx: CallContext, vm: string, clean: boolean): Promise<string> {
  if (clean && !guestSupports(ctx.db, vm, 'feature-reboot')) throw new XapiFailure('VM_LACKS_FEATURE', vm);
  await ctx.task?.work(SECONDS.reboot, 0.95);
  rebootDomain(ctx.pool, vm);
  return '';
}

defineMessage('VM.clean_reboot', (ctx, vm: string) => withVmOperation(ctx, vm, 'clean_reboot', () => reboot(ctx, vm, true)));
defineMessage('VM.hard_reboot', (ctx, vm: string) => withVmOperation(ctx, vm, 'hard_reboot', () => reboot(ctx, vm, false)));

function setPaused(ctx: CallContext, vm: string, paused: boolean) {
  return withVmOperation(ctx, vm, paused ? 'pause' : 'unpause', async () => {
    await ctx.task?.work(SECONDS.pause, 0.95);
    const metrics = ctx.db.get('VM', vm).metrics;
    ctx.db.update(vm, { power_state: paused ? 'Paused' : 'Running' });
    ctx.db.update(metrics, { state: [paused ? 'paused' : 'running'] });
    trackDomain(ctx.pool, vm);
    // A domain started paused (Nova's spawn does) boots its guest only now.
    if (!paused) scheduleGuestBoot(ctx.pool, vm, ctx.db.get('VM', vm).domid as number);
    return '';
  });
}

defineMessage('VM.pause', (ctx, vm: string) => setPaused(ctx, vm, true));
defineMessage('VM.unpause', (ctx, vm: string) => setPaused(ctx, vm, false));

defineMessage('VM.suspend', (ctx, vm: string) => withVmOperation(ctx, vm, 'suspend', async () => {
  if (!guestSupports(ctx.db, vm, 'feature-suspend')) throw new XapiFailure('VM_LACKS_FEATURE', vm);
  const record = ctx.db.get('VM', vm);
  const host = ctx.db.get('host', record.resident_on);
  const sr = host.suspend_image_sr !== NULL_REF ? host.suspend_image_sr : ctx.db.get('pool', ctx.pool.poolRef).suspend_image_SR;
  if (!ctx.db.has(sr)) throw new XapiFailure('VM_NO_SUSPEND_SR', vm);
  const image = createVdi(ctx.db, {
    SR: sr, virtual_size: vmFootprint(record), type: 'suspend', name_label: 'Suspend image',
    name_description: `Memory image of ${record.name_label}`,
  });
  await ctx.task?.work(SECONDS.suspend, 0.95);
  stopDomain(ctx.pool, vm, 'Suspended');
  ctx.db.update(vm, { suspend_VDI: image });
  postVmMessage(ctx.db, vm, 'VM_SUSPENDED');
  return '';
}));

async function resumeOn(ctx: CallContext, vm: string, host: string, paused: boolean): Promise<string> {
  const image = ctx.db.get('VM', vm).suspend_VDI as string;
  await bootOn(ctx, vm, host, paused, SECONDS.resume);
  ctx.db.update(vm, { suspend_VDI: NULL_REF });
  if (ctx.db.has(image)) destroyVdi(ctx.db, image);
  postVmMessage(ctx.db, vm, 'VM_RESUMED');
  return '';
}

defineMessage('VM.resume', (ctx, vm: string, paused: boolean) => withVmOperation(ctx, vm, 'resume', () =>
  resumeOn(ctx, vm, chooseHost(ctx, vm), paused)));

defineMessage('VM.resume_on', (ctx, vm: string, host: string, paused: boolean) => withVmOperation(ctx, vm, 'resume_on', () => {
  assertHostUsable(ctx, host, ctx.db.get('VM', vm));
  return resumeOn(ctx, vm, host, paused);
}));

defineMessage('VM.power_state_reset', (ctx, vm: string) => {
  const record = ctx.db.get('VM', vm);
  if (record.power_state !== 'Halted' && record.resident_on !== NULL_REF) stopDomain(ctx.pool, vm, 'Halted');
  else ctx.db.update(vm, { power_state: 'Halted', suspend_VDI: NULL_REF });
  return '';
});
