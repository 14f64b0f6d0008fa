// pool.join / pool.join_force / pool.eject: hosts entering and leaving a pool. The joining host logs in to the
// master as a client would, passes XAPI's pre-join checks, is absorbed into the master's database and restarts
// its toolstack as a slave; an ejected slave reboots into a pool of its own (see pool-membership.ts).
import { fail } from '../errors.js';
import { defineMessage, type CallContext } from '../registry.js';
import type { SimPool } from '../world.js';
import { absorbHost, ejectHost } from './pool-membership.js';

/** Realistic seconds: the joiner's database sync and the toolstack restart that follows it. */
const JOIN_SECONDS = 20;
const RESTART_SECONDS = 2;
const EJECT_SECONDS = 10;
/** An ejected host reinstalls its configuration and reboots before it answers again. */
const REBOOT_SECONDS = 30;
/** However fast the world runs, a client must be able to read the join's task before the restart. */
const MIN_RESTART_MS = 100;

/** The joiner's login to the master: unreachable, a slave, or wrong credentials fail as they would over the wire. */
function loginToMaster(ctx: CallContext, address: string, user: string, password: string): SimPool {
  const endpoint = ctx.world.endpoint(address);
  if (!endpoint || endpoint.pool.retired) fail('JOINING_HOST_CONNECTION_FAILED');
  const { pool, hostRef } = endpoint!;
  if (hostRef !== pool.masterRef) fail('HOST_IS_SLAVE', pool.masterAddress);
  const { config } = ctx.world;
  if (user !== config.user || password !== config.password) fail('SESSION_AUTHENTICATION_FAILED', user, 'Authentication failure');
  return pool;
}

function assertCanJoin(ctx: CallContext, master: SimPool, force: boolean): void {
  const joiner = ctx.pool;
  const { db } = joiner;
  if (joiner.retired) fail('OPERATION_NOT_ALLOWED', 'The host is already joining another pool');
  if (master === joiner) fail('OPERATION_NOT_ALLOWED', 'The host is already a member of that pool');
  if (db.table('host').size > 1) fail('JOINING_HOST_CANNOT_BE_MASTER_OF_OTHER_HOSTS');
  const guests = db.select('VM', (vm) => !vm.is_control_domain && !vm.is_a_template && !vm.is_a_snapshot);
  if (guests.some(([, vm]) => vm.power_state !== 'Halted')) fail('JOINING_HOST_CANNOT_HAVE_RUNNING_OR_SUSPENDED_VMS');
  if (guests.some(([, vm]) => Object.keys(vm.current_operations).length > 0)) fail('JOINING_HOST_CANNOT_HAVE_VMS_WITH_CURRENT_OPERATIONS');
  if (db.select('SR', (sr) => sr.shared && !sr.is_tools_sr).length > 0) fail('JOINING_HOST_CANNOT_CONTAIN_SHARED_SRS');

  const mine = db.get('host', joiner.masterRef);
  const theirs = master.db.get('host', master.masterRef);
  const version = (host: typeof mine, key: string) => String(host.software_version?.[key] ?? '');
  if (version(mine, 'product_version') !== version(theirs, 'product_version')) fail('POOL_JOINING_HOST_MUST_HAVE_SAME_PRODUCT_VERSION');
  const api = (host: typeof mine) => `${host.API_version_major}.${host.API_version_minor}`;
  if (api(mine) !== api(theirs)) fail('POOL_JOINING_HOST_MUST_HAVE_SAME_API_VERSION', api(mine), api(theirs));
  if (version(mine, 'network_backend') !== version(theirs, 'network_backend')) fail('OPERATION_NOT_ALLOWED', 'Network backends differ');
  // The homogeneity checks are what join_force skips.
  if (!force && mine.cpu_info?.vendor !== theirs.cpu_info?.vendor) fail('HOSTS_NOT_HOMOGENEOUS', 'CPUs differ');
}

/** The joiner's toolstack comes back as a slave: its database and sessions are gone, its address now serves the master's pool. */
function restartAsSlave(joiner: SimPool): void {
  joiner.world.removePool(joiner);
  for (const session of [...joiner.db.table('session').keys()]) joiner.db.destroy(session);
  joiner.legacySubscriptions.clear();
  joiner.db.wakeAll();
}

async function join(ctx: CallContext, address: string, user: string, password: string, force: boolean): Promise<string> {
  const master = loginToMaster(ctx, address, user, password);
  assertCanJoin(ctx, master, force);
  await ctx.task?.work(JOIN_SECONDS, 0.95);
  // The world may have moved on while the databases were syncing.
  assertCanJoin(ctx, loginToMaster(ctx, address, user, password), force);
  absorbHost(ctx.pool, master);
  ctx.pool.retired = true;
  const joiner = ctx.pool;
  setTimeout(() => restartAsSlave(joiner), Math.max(MIN_RESTART_MS, joiner.duration(RESTART_SECONDS))).unref();
  return '';
}

defineMessage('pool.join', (ctx, address: string, user: string, password: string) => join(ctx, address, user, password, false));
defineMessage('pool.join_force', (ctx, address: string, user: string, password: string) => join(ctx, address, user, password, true));

function assertCanEject(ctx: CallContext, host: string): void {
  ctx.db.get('host', host);
  if (host === ctx.pool.masterRef) fail('INTERNAL_ERROR', 'Cannot eject the pool master');
  const resident = ctx.db.select('VM', (vm) => vm.resident_on === host && !vm.is_control_domain && vm.power_state !== 'Halted');
  if (resident.length > 0) fail('OPERATION_NOT_ALLOWED', 'VM resident on host');
}

defineMessage('pool.eject', async (ctx, host: string) => {
  assertCanEject(ctx, host);
  await ctx.task?.work(EJECT_SECONDS, 0.95);
  assertCanEject(ctx, host);
  ejectHost(ctx, host, ctx.pool.duration(REBOOT_SECONDS));
  return '';
});
