// Nova's _sync_power_states, the slow half: the event pump keeps power states current as XAPI reports them;
// every POWER_SYNC_INTERVAL this asks XAPI for every record again and checks the store against it, so an
// event lost on the way (or a store row changed by hand) is put right. Differences show as instance events.
import type { DriverServices } from '../operations/action.js';

export async function reconcilePowerStates(services: DriverServices): Promise<void> {
  await Promise.all(services.pools.list().map((link) => link.sync.reconcile()));
}
