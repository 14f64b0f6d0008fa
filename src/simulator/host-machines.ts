// Hosts as machines that can die and come back (the admin API's kill and revive). A dead host's address
// refuses connections, as a machine whose IP is gone; what the pool makes of it depends on who died and on HA:
// slaves of a dead master run in emergency mode until a survivor takes over. A revived host boots, answers
// HOST_STILL_BOOTING while its toolstack syncs with the master, then serves as a slave again.
import { comeUp, goDown, isLive } from './classes/host-power.js';
import { watchHeartbeat } from './classes/pool-ha.js';
import { declareDeadHosts, endPoolSessions } from './classes/pool-master.js';
import type { SimPool, World } from './world.js';

/** Realistic seconds from power to a toolstack that has synchronised with its master. */
const TOOLSTACK_SYNC_SECONDS = 20;
/** Without HA, a master declares a slave dead after this long without its heartbeat (xapi's default). */
const HOST_ASSUMED_DEAD_SECONDS = 600;

export class HostNotFound extends Error {}

/** The live pool holding the host named, or with that uuid or address. */
export function findHost(world: World, id: string): { pool: SimPool; hostRef: string; address: string } {
  for (const pool of world.pools) {
    if (pool.retired) continue;
    for (const [hostRef, row] of pool.db.table('host')) {
      const { name_label, uuid, address } = row.record;
      if (id === name_label || id === uuid || id === address) return { pool, hostRef, address: address as string };
    }
  }
  throw new HostNotFound(`no host ${id}`);
}

/** The host dies: its sessions (local ones included) and connections go with it once `after` settles. */
export function killHost(world: World, id: string, after?: Promise<unknown>): void {
  const { pool, hostRef, address } = findHost(world, id);
  if (world.isDead(address)) return;
  world.deadAddresses.add(address);
  world.stillBootingUntil.delete(address);
  for (const [session, owner] of pool.localSessions) if (owner === hostRef) pool.localSessions.delete(session);
  // A master keeps the pool's sessions in its memory: they die with it.
  if (hostRef === pool.masterRef) endPoolSessions(pool);
  world.network?.refuse(address, after);
  noticeDeath(pool);
}

/** Who notices a death: HA's survivors after the heartbeat timeout, or else a living master, much later. */
function noticeDeath(pool: SimPool): void {
  if (pool.db.get('pool', pool.poolRef).ha_enabled) {
    watchHeartbeat(pool);
    return;
  }
  setTimeout(() => {
    if (!pool.world.isDead(pool.masterAddress)) declareDeadHosts(pool);
  }, pool.duration(HOST_ASSUMED_DEAD_SECONDS)).unref();
}

/** The host powers on again and rejoins its pool's current master once its toolstack has synchronised. */
export async function reviveHost(world: World, id: string): Promise<void> {
  const { pool, hostRef, address } = findHost(world, id);
  if (!world.isDead(address)) return;
  const syncMs = pool.duration(TOOLSTACK_SYNC_SECONDS);
  world.stillBootingUntil.set(address, Date.now() + syncMs);
  world.deadAddresses.delete(address);
  pool.staleSlaves.delete(hostRef);
  // The machine rebooted: whatever the database still shows running there is gone.
  if (isLive(pool.db, hostRef)) goDown(pool, hostRef);
  await world.network?.accept(address);
  setTimeout(() => {
    world.stillBootingUntil.delete(address);
    if (!world.isDead(address)) comeUp(pool, hostRef);
  }, syncMs).unref();
}
