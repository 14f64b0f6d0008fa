// host.reboot / host.shutdown / host.power_on. Reboot and shutdown need a disabled, live host; once the
// call returns the host halts what still runs on it, unplugs its storage and drops off (host_metrics.live
// false). A rebooting host comes back after a (scaled) boot, enabled, with a new boot_time; a shut-down one
// waits for host.power_on, which needs a power_on_mode (IPMI, wake-on-LAN, …) and a host that is down.
import { xapiNow } from '../clock.js';
import type { Db } from '../db.js';
import { fail } from '../errors.js';
import { defineMessage, type CallContext } from '../registry.js';
import type { SimPool } from '../world.js';
import { withCurrentOperation } from './devices.js';
import { refreshHostMemory } from './host-memory.js';
import { postVmMessage, stopDomain } from './vm-domain.js';

/** Realistic seconds: halting the guests and dom0 before going dark, then firmware, Xen and dom0 booting. */
const SECONDS = { goingDown: 3, boot: 60, powerOn: 2 };

function metricsOf(db: Db, host: string): string {
  return db.get('host', host).metrics as string;
}

/** Whether the pool's database shows the host live (host_metrics.live), whatever the machine is doing. */
export function isLive(db: Db, host: string): boolean {
  return Boolean(db.get('host_metrics', metricsOf(db, host)).live);
}

function assertNoHostOperation(db: Db, host: string): void {
  const [running] = Object.entries(db.get('host', host).current_operations as Record<string, string>);
  if (running) fail('OTHER_OPERATION_IN_PROGRESS', 'host', host, running[1], running[0]);
}

/** The host's guests stop (XAPI shuts down what is still resident), its PBDs unplug and it goes dark. */
export function goDown(pool: SimPool, host: string): void {
  const { db } = pool;
  for (const vm of [...(db.get('host', host).resident_VMs as string[])]) {
    const record = db.find('VM', vm);
    if (!record || record.is_control_domain) continue;
    stopDomain(pool, vm, 'Halted');
    postVmMessage(db, vm, 'VM_SHUTDOWN');
  }
  for (const pbd of db.get('host', host).PBDs as string[]) {
    if (db.find('PBD', pbd)?.currently_attached) db.update(pbd, { currently_attached: false });
  }
  db.update(metricsOf(db, host), { live: false, last_updated: xapiNow() });
}

/** Booted: storage plugged again, alive, and enabled, as XAPI enables a host when its toolstack starts. */
export function comeUp(pool: SimPool, host: string): void {
  const { db } = pool;
  if (!db.has(host)) return;
  for (const pbd of db.get('host', host).PBDs as string[]) {
    if (db.has(pbd)) db.update(pbd, { currently_attached: true });
  }
  const now = Date.now() / 1000;
  db.update(host, (h) => {
    h.enabled = true;
    h.other_config = { ...h.other_config, boot_time: String(now), agent_start_time: String(now) };
  });
  const dom0Metrics = db.find('VM', db.get('host', host).control_domain)?.metrics;
  if (dom0Metrics && db.has(dom0Metrics)) db.update(dom0Metrics, { start_time: xapiNow(), last_updated: xapiNow() });
  db.update(metricsOf(db, host), { live: true, last_updated: xapiNow() });
  refreshHostMemory(db, host);
}

function afterBoot(pool: SimPool, host: string, seconds: number): void {
  setTimeout(() => comeUp(pool, host), pool.duration(seconds)).unref();
}

async function powerDown(ctx: CallContext, host: string, op: 'reboot' | 'shutdown'): Promise<string> {
  const record = ctx.db.get('host', host);
  if (!isLive(ctx.db, host)) fail('HOST_OFFLINE', host);
  if (record.enabled) fail('HOST_NOT_DISABLED');
  assertNoHostOperation(ctx.db, host);
  await withCurrentOperation(ctx, host, op, () => undefined, () => ctx.task?.work(SECONDS.goingDown, 0.95));
  goDown(ctx.pool, host);
  if (op === 'reboot') afterBoot(ctx.pool, host, SECONDS.boot);
  return '';
}

defineMessage('host.reboot', (ctx, host: string) => powerDown(ctx, host, 'reboot'));
defineMessage('host.shutdown', (ctx, host: string) => powerDown(ctx, host, 'shutdown'));

defineMessage('host.power_on', async (ctx, host: string) => {
  const record = ctx.db.get('host', host);
  if (!record.power_on_mode) fail('HOST_POWER_ON_MODE_DISABLED');
  if (isLive(ctx.db, host)) fail('HOST_IS_LIVE', host);
  assertNoHostOperation(ctx.db, host);
  await withCurrentOperation(ctx, host, 'power_on', () => undefined, () => ctx.task?.work(SECONDS.powerOn, 0.95));
  afterBoot(ctx.pool, host, SECONDS.boot);
  return '';
});
