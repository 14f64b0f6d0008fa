// Who is the pool's master: pool.designate_new_master (a planned hand-over), and after a master is lost,
// pool.emergency_transition_to_master (a slave in emergency mode promotes itself) and pool.recover_slaves
// (the new master tells the other slaves where it is). A master hand-over restarts the old master's toolstack:
// its sessions end and its connections drop; tasks are kept, as their records move with the database.
import { fail } from '../errors.js';
import { defineMessage } from '../registry.js';
import type { SimPool } from '../world.js';
import { goDown, isLive } from './host-power.js';

/** Realistic seconds for the two-phase commit of a planned hand-over. */
const DESIGNATE_SECONDS = 5;
/** Lets the reply to the call that caused a toolstack restart leave before the restart drops connections. */
const RESTART_GRACE_MS = 50;

/** A host's toolstack restarted (to change role): clients watching other_config.agent_start_time see it. */
function markToolstackRestart(pool: SimPool, hostRef: string): void {
  pool.db.update(hostRef, (host) => {
    host.other_config = { ...host.other_config, agent_start_time: String(Date.now() / 1000) };
  });
}

function setMaster(pool: SimPool, hostRef: string): void {
  pool.masterRef = hostRef;
  pool.db.update(pool.poolRef, { master: hostRef });
  pool.staleSlaves.delete(hostRef);
  markToolstackRestart(pool, hostRef);
}

/** The sessions lived in the old master's memory: none survive the hand-over, blocked event calls included. */
export function endPoolSessions(pool: SimPool): void {
  for (const session of [...pool.db.table('session').keys()]) pool.db.destroy(session);
  pool.legacySubscriptions.clear();
  pool.db.wakeAll();
}

/** Hosts the master sees as dead (its own view, or the new master's after a take-over): guests halt, hosts go offline. */
export function declareDeadHosts(pool: SimPool): void {
  for (const [hostRef, host] of pool.db.table('host')) {
    if (!pool.world.isDead(host.record.address as string)) continue;
    if (isLive(pool.db, hostRef)) goDown(pool, hostRef);
  }
}

/**
 * `hostRef` takes over a pool whose master is gone. With `othersFollow` (HA's liveset agrees on the new
 * master) every survivor follows it at once; otherwise the other slaves keep pointing at the lost master
 * until pool.recover_slaves reaches them.
 */
export function takeOverAsMaster(pool: SimPool, hostRef: string, othersFollow: boolean): void {
  if (!othersFollow) {
    // Dead hosts learn who the master is when they come back (see host-machines.ts).
    for (const other of pool.db.table('host').keys()) {
      if (other !== hostRef && !pool.world.isDead(pool.addressOf(other))) pool.staleSlaves.set(other, pool.masterAddressSeenBy(other));
    }
  } else {
    pool.staleSlaves.clear();
  }
  setMaster(pool, hostRef);
  endPoolSessions(pool);
  declareDeadHosts(pool);
}

defineMessage('pool.designate_new_master', async (ctx, host: string) => {
  const { pool, db } = ctx;
  const record = db.get('host', host);
  if (db.get('pool', pool.poolRef).ha_enabled) fail('HA_IS_ENABLED');
  if (host === pool.masterRef) return '';
  if (pool.world.isDead(record.address as string) || !isLive(db, host)) fail('HOST_OFFLINE', host);
  await ctx.task?.work(DESIGNATE_SECONDS, 0.95);
  const oldMaster = pool.masterRef;
  const oldAddress = pool.masterAddress;
  pool.staleSlaves.clear();
  setMaster(pool, host);
  for (const [session, owner] of pool.localSessions) if (owner === oldMaster) pool.localSessions.delete(session);
  // Clients watching events see the pool's new master before the old one's toolstack restarts under them.
  setTimeout(() => {
    pool.world.network?.dropConnections(oldAddress);
    if (db.has(oldMaster)) markToolstackRestart(pool, oldMaster);
    endPoolSessions(pool);
  }, RESTART_GRACE_MS).unref();
  return '';
});

defineMessage('pool.emergency_transition_to_master', (ctx) => {
  if (ctx.host !== ctx.pool.masterRef) takeOverAsMaster(ctx.pool, ctx.host, false);
  return '';
});

defineMessage('pool.recover_slaves', (ctx) => {
  const { pool } = ctx;
  // A slave that died since cannot be reached; it finds the master itself when it comes back.
  const recovered = [...pool.staleSlaves.keys()].filter((host) => !pool.world.isDead(pool.addressOf(host)));
  for (const host of recovered) pool.staleSlaves.delete(host);
  return recovered;
});
