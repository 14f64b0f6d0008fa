// High availability: pool.enable_ha / disable_ha with heartbeat SRs, the VMs it protects
// (VM.set_ha_restart_priority) and how many host failures it plans for. When a host dies with HA on, the
// survivors notice after the heartbeat timeout: a lost master is replaced by a survivor, the dead hosts go
// offline with their guests halted, and protected guests start again on the survivors, as xHA does.
import { xapiNow } from '../clock.js';
import { fail, XapiFailure } from '../errors.js';
import { defineMessage, type CallContext } from '../registry.js';
import type { SimPool } from '../world.js';
import { goDown, isLive } from './host-power.js';
import { takeOverAsMaster } from './pool-master.js';
import { createVdi, destroyVdi } from './vdi.js';
import { startDomain, postVmMessage } from './vm-domain.js';
import { chooseHost } from './vm-power.js';

/** Realistic seconds: arming the heartbeat daemons, and xHA's default heartbeat timeout. */
const ENABLE_SECONDS = 30;
const DEFAULT_TIMEOUT_SECONDS = 60;
const STATEFILE_BYTES = 4 * 1024 * 1024;
const REDO_LOG_BYTES = 4 * 1024 * 1024;
const PRIORITIES = new Set(['restart', 'best-effort', '']);

const poolRecord = (pool: SimPool) => pool.db.get('pool', pool.poolRef);
const hostRefs = (pool: SimPool) => [...pool.db.table('host').keys()];

/** Up on the network and live in the database. */
function isAlive(pool: SimPool, host: string): boolean {
  return !pool.world.isDead(pool.addressOf(host)) && isLive(pool.db, host);
}

function assertHeartbeatSrs(ctx: CallContext, srs: string[]): void {
  if (srs.length === 0) fail('HA_HEARTBEAT_DAEMON_STARTUP_FAILED');
  for (const sr of srs) {
    if (!ctx.db.get('SR', sr).shared) fail('HA_CONSTRAINT_VIOLATION_SR_NOT_SHARED', sr);
    const attached = new Set((ctx.db.get('SR', sr).PBDs as string[])
      .filter((pbd) => ctx.db.get('PBD', pbd).currently_attached)
      .map((pbd) => ctx.db.get('PBD', pbd).host as string));
    if (hostRefs(ctx.pool).some((host) => !attached.has(host))) fail('HA_HOST_CANNOT_ACCESS_STATEFILE');
  }
}

function planExistsFor(pool: SimPool, tolerate: number): number {
  return Math.max(0, Math.min(tolerate, hostRefs(pool).filter((h) => isAlive(pool, h)).length - 1));
}

defineMessage('pool.enable_ha', async (ctx, heartbeatSrs: string[], configuration: Record<string, string>) => {
  const { db, pool } = ctx;
  if (poolRecord(pool).ha_enabled) fail('HA_IS_ENABLED');
  for (const host of hostRefs(pool)) if (!isAlive(pool, host)) fail('HOST_OFFLINE', host);
  assertHeartbeatSrs(ctx, heartbeatSrs);
  await ctx.task?.work(ENABLE_SECONDS, 0.95);
  if (poolRecord(pool).ha_enabled) fail('HA_IS_ENABLED');
  const [first] = heartbeatSrs;
  const statefiles = heartbeatSrs.map((sr) => createVdi(db, {
    SR: sr, name_label: 'Statefile for HA', type: 'ha_statefile', virtual_size: STATEFILE_BYTES, sharable: true,
  }));
  createVdi(db, { SR: first, name_label: 'Metadata for HA', type: 'redo_log', virtual_size: REDO_LOG_BYTES, sharable: true });
  const uuids = statefiles.map((vdi) => db.get('VDI', vdi).uuid as string);
  db.update(pool.poolRef, (p) => {
    p.ha_enabled = true;
    p.ha_configuration = configuration;
    p.ha_statefiles = statefiles;
    p.ha_plan_exists_for = planExistsFor(pool, p.ha_host_failures_to_tolerate);
  });
  for (const host of hostRefs(pool)) {
    const peers = hostRefs(pool).filter((h) => h !== host).map((h) => db.get('host', h).uuid as string);
    db.update(host, { ha_statefiles: uuids, ha_network_peers: peers });
  }
  return '';
});

defineMessage('pool.disable_ha', async (ctx) => {
  const { db, pool } = ctx;
  if (!poolRecord(pool).ha_enabled) fail('HA_NOT_ENABLED');
  await ctx.task?.work(ENABLE_SECONDS / 3, 0.95);
  for (const [vdi] of db.select('VDI', (v) => v.type === 'ha_statefile' || (v.type === 'redo_log' && v.name_label === 'Metadata for HA'))) {
    destroyVdi(db, vdi);
  }
  db.update(pool.poolRef, { ha_enabled: false, ha_configuration: {}, ha_statefiles: [], ha_plan_exists_for: 0 });
  for (const host of hostRefs(pool)) db.update(host, { ha_statefiles: [], ha_network_peers: [] });
  return '';
});

defineMessage('VM.set_ha_restart_priority', (ctx, vm: string, value: string) => {
  ctx.db.get('VM', vm);
  if (!PRIORITIES.has(value)) fail('INVALID_VALUE', 'ha_restart_priority', value);
  // Since ha_always_run was folded into the priority, "restart" is what keeps a VM running.
  ctx.db.update(vm, { ha_restart_priority: value, ha_always_run: value === 'restart' });
  return '';
});

defineMessage('pool.set_ha_host_failures_to_tolerate', (ctx, self: string, value: number) => {
  const pool = ctx.db.get('pool', self);
  if (value < 0) fail('INVALID_VALUE', 'ha_host_failures_to_tolerate', value);
  const plan = planExistsFor(ctx.pool, value);
  if (pool.ha_enabled && plan < value) fail('HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN');
  ctx.db.update(self, { ha_host_failures_to_tolerate: value, ha_plan_exists_for: pool.ha_enabled ? plan : 0 });
  return '';
});

/** The heartbeat timeout the pool was armed with (enable_ha's `timeout` configuration key). */
function heartbeatTimeoutMs(pool: SimPool): number {
  const configured = Number(poolRecord(pool).ha_configuration?.timeout);
  return pool.duration(Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_SECONDS);
}

/** Restarts what HA protects on the survivors: "restart" first, then "best-effort" where room is left. */
function restartProtected(pool: SimPool, vms: string[]): void {
  const ctx: CallContext = { world: pool.world, pool, db: pool.db, session: '', host: pool.masterRef };
  const rank = (vm: string) => (pool.db.get('VM', vm).ha_restart_priority === 'restart' ? 0 : 1);
  for (const vm of [...vms].sort((a, b) => rank(a) - rank(b))) {
    if (!pool.db.has(vm) || pool.db.get('VM', vm).power_state !== 'Halted') continue;
    try {
      startDomain(pool, vm, chooseHost(ctx, vm), false);
      postVmMessage(pool.db, vm, 'VM_STARTED');
    } catch (error) {
      if (!(error instanceof XapiFailure)) throw error;
      if (rank(vm) === 0) postVmMessage(pool.db, vm, 'HA_PROTECTED_VM_RESTART_FAILED', error.description.join(' '));
    }
  }
}

/** The alert XAPI raises for each host HA has fenced out of the pool. */
function postHostFailed(pool: SimPool, host: string): void {
  pool.db.create('message', {
    name: 'HA_HOST_FAILED', priority: 2, cls: 'Host', obj_uuid: pool.db.get('host', host).uuid, timestamp: xapiNow(),
    body: `Server '${String(pool.db.get('host', host).name_label)}' has failed`,
  });
}

/** What the survivors do once the heartbeat timeout has passed without word from the dead hosts. */
function failOver(pool: SimPool): void {
  if (!poolRecord(pool).ha_enabled) return;
  const failed = hostRefs(pool).filter((host) => pool.world.isDead(pool.addressOf(host)) && isLive(pool.db, host));
  const survivors = hostRefs(pool).filter((host) => isAlive(pool, host) && !pool.world.isStillBooting(pool.addressOf(host)));
  if (failed.length === 0 || survivors.length === 0) return;
  const protectedVms = failed.flatMap((host) => pool.db.select('VM', (vm) => vm.resident_on === host && !vm.is_control_domain
    && (vm.ha_restart_priority === 'restart' || vm.ha_restart_priority === 'best-effort' || vm.ha_always_run)).map(([ref]) => ref));
  if (failed.includes(pool.masterRef)) takeOverAsMaster(pool, survivors[0]!, true);
  for (const host of failed) {
    if (isLive(pool.db, host)) goDown(pool, host);
    postHostFailed(pool, host);
  }
  pool.db.update(pool.poolRef, (p) => { p.ha_plan_exists_for = planExistsFor(pool, p.ha_host_failures_to_tolerate); });
  restartProtected(pool, protectedVms);
}

/** A host of `pool` has just died: the survivors act once its heartbeat has timed out. */
export function watchHeartbeat(pool: SimPool): void {
  setTimeout(() => failOver(pool), heartbeatTimeoutMs(pool)).unref();
}
