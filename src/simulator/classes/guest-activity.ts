// What a simulated guest does with its resources while its domain runs: CPU seconds per vCPU, bytes through
// each VIF and each disk, and the memory it reports free. The counters are smooth functions of the time the
// domain has spent running, in simulated seconds (wall time divided by the time scale), so they stand still
// while the domain is paused, pile up faster on a fast time scale, and can be read at any past instant —
// which is what the RRD archives (rrd/) and the bandwidth plugin (dom0/) need.
import type { Db, Rec } from '../db.js';
import type { SimPool } from '../world.js';

/** A stretch of wall time (ms) the domain spent running; `to` is null while it still runs. */
interface RunningStretch {
  readonly from: number;
  to: number | null;
}

/** One domain's life, kept after it stops so a halted VM still has its last readings (XAPI archives its RRD). */
export interface DomainActivity {
  readonly vm: string;
  readonly vmUuid: string;
  /** The domain id and host: a live migration changes both and keeps the counters, as the VM's RRD moves with it. */
  domid: number;
  host: string;
  /** Wall ms the domain came up. */
  readonly startedAt: number;
  /** Wall ms it went away; null while it exists. */
  endedAt: number | null;
  readonly stretches: RunningStretch[];
  readonly timeScale: number;
}

const activities = new WeakMap<Db, Map<string, DomainActivity>>();

function activityTable(db: Db): Map<string, DomainActivity> {
  let table = activities.get(db);
  if (!table) activities.set(db, (table = new Map()));
  return table;
}

const hasDomain = (vm: Rec): boolean => vm.power_state === 'Running' || vm.power_state === 'Paused';

/**
 * Brings the VM's activity in line with its domain: a new domain starts fresh counters, pausing stops the
 * clock, a stop ends the activity. The domain lifecycle calls it at each change; readers call it too, so a
 * VM that runs since a world was reloaded (or was put in place directly) gets an activity from then on.
 */
export function trackDomain(pool: SimPool, vmRef: string, now = Date.now()): DomainActivity | undefined {
  const table = activityTable(pool.db);
  const vm = pool.db.find('VM', vmRef);
  let activity = table.get(vmRef);
  if (!vm) {
    table.delete(vmRef);
    return undefined;
  }
  if (!hasDomain(vm)) {
    if (activity && activity.endedAt === null) {
      closeStretch(activity, now);
      activity.endedAt = now;
    }
    return activity;
  }
  if (!activity || activity.endedAt !== null) {
    activity = {
      vm: vmRef, vmUuid: String(vm.uuid), domid: vm.domid as number, host: vm.resident_on as string,
      startedAt: now, endedAt: null, stretches: [], timeScale: pool.world.config.timeScale,
    };
    table.set(vmRef, activity);
  }
  activity.domid = vm.domid as number;
  activity.host = vm.resident_on as string;
  const open = activity.stretches.at(-1)?.to === null;
  if (vm.power_state === 'Running' && !open) activity.stretches.push({ from: now, to: null });
  if (vm.power_state === 'Paused') closeStretch(activity, now);
  return activity;
}

function closeStretch(activity: DomainActivity, now: number): void {
  const last = activity.stretches.at(-1);
  if (last && last.to === null) last.to = now;
}

/** The activity of every VM that has (or had) a domain in the pool, brought up to date. */
export function domainActivities(pool: SimPool, now = Date.now()): DomainActivity[] {
  for (const [ref, row] of pool.db.table('VM')) {
    if (!row.record.is_control_domain && !row.record.is_a_template && hasDomain(row.record)) trackDomain(pool, ref, now);
  }
  const table = activityTable(pool.db);
  for (const ref of table.keys()) if (!pool.db.has(ref)) table.delete(ref);
  return [...table.values()];
}

/** Simulated seconds the domain had spent running at wall time `t`. */
export function runningSeconds(activity: DomainActivity, t: number): number {
  let ms = 0;
  for (const { from, to } of activity.stretches) {
    if (from >= t) break;
    ms += Math.min(to ?? t, t) - from;
  }
  return ms / 1000 / activity.timeScale;
}

/** Simulated seconds between two wall instants, running or not (what a rate is averaged over). */
export function simulatedSeconds(activity: { readonly timeScale: number }, fromMs: number, toMs: number): number {
  return (toMs - fromMs) / 1000 / activity.timeScale;
}

// ---------------------------------------------------------------------------------------------------------
// The guest's workload: each counter grows at a rate that swings around a base per VM and device.

/** A number in [0, 1) from a string, stable across runs (FNV-1a). */
function unit(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

interface Workload {
  /** Mean rate per simulated second. */
  readonly base: number;
  /** Swing around the mean, as a fraction of it (below 1, so the rate stays positive). */
  readonly swing: number;
  /** Simulated seconds per cycle. */
  readonly period: number;
}

/** ∫₀ˢ base·(1 + swing·sin(2πu/period + phase)) du: the amount done after s seconds of running. */
function accumulated(work: Workload, phase: number, s: number): number {
  const w = (2 * Math.PI) / work.period;
  return work.base * (s + (work.swing / w) * (Math.cos(phase) - Math.cos(w * s + phase)));
}

interface Profile {
  /** Range the mean rate of a VM's counter is picked from. */
  readonly low: number;
  readonly high: number;
  readonly swing: number;
  readonly period: number;
}

function counter(activity: DomainActivity, key: string, profile: Profile, t: number): number {
  const seed = unit(`${activity.vmUuid}/${key}`);
  const work = { base: profile.low + (profile.high - profile.low) * seed, swing: profile.swing, period: profile.period * (0.8 + 0.4 * seed) };
  return accumulated(work, 2 * Math.PI * unit(`${key}/${activity.vmUuid}`), runningSeconds(activity, t));
}

const CPU: Profile = { low: 0.04, high: 0.35, swing: 0.6, period: 240 };
// The amount done after s seconds stays within base·s·(1 ± swing), so a guest always has received more than
// it has sent (at least 42 kB/s against at most 39 kB/s): which way a counter points is never ambiguous.
const VIF_RX: Profile = { low: 60_000, high: 120_000, swing: 0.3, period: 180 };
const VIF_TX: Profile = { low: 10_000, high: 30_000, swing: 0.3, period: 180 };
const VBD_READ: Profile = { low: 50_000, high: 450_000, swing: 0.6, period: 420 };
const VBD_WRITE: Profile = { low: 20_000, high: 170_000, swing: 0.6, period: 420 };

/** CPU seconds vCPU `n` had used at wall time `t`. */
export function cpuSeconds(activity: DomainActivity, n: number, t: number): number {
  return counter(activity, `cpu${n}`, CPU, t);
}

/** Bytes the guest had received (rx) or sent (tx) through its VIF `device` at wall time `t`. */
export function vifBytes(activity: DomainActivity, device: string, direction: 'rx' | 'tx', t: number): number {
  return Math.floor(counter(activity, `vif${device}/${direction}`, direction === 'rx' ? VIF_RX : VIF_TX, t));
}

/** Bytes the guest had read from or written to its disk `device` (xvda…) at wall time `t`. */
export function vbdBytes(activity: DomainActivity, device: string, direction: 'read' | 'write', t: number): number {
  return Math.floor(counter(activity, `vbd${device}/${direction}`, direction === 'read' ? VBD_READ : VBD_WRITE, t));
}

/** What the guest's tools say is free, in KiB, out of `memoryBytes`: it breathes with the workload. */
export function guestFreeKib(activity: DomainActivity, memoryBytes: number, t: number): number {
  const s = runningSeconds(activity, t);
  const phase = 2 * Math.PI * unit(`mem/${activity.vmUuid}`);
  return Math.floor((memoryBytes / 1024) * (0.45 + 0.2 * Math.sin((2 * Math.PI * s) / 600 + phase)));
}
