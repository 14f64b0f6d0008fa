// After a failure or a restart the instance's Nova states must match what XAPI shows, whatever the action
// managed to do: power state from the VM as the event pump last saw it, vmState derived from it.
import { powerStateFromXapi } from '../events/pool-sync.js';
import { vmStateForPowerState, type Instance } from '../store/index.js';
import type { DriverServices } from './action.js';
import { updateInstance } from './instance-updates.js';

/** The VM's power state from the pool's event-fed cache; NOSTATE when the instance has no VM there. */
export function xapiPowerState(services: DriverServices, instance: Instance): Instance['powerState'] {
  if (!instance.poolId || !instance.vmUuid) return 'NOSTATE';
  const vm = services.pools.get(instance.poolId)?.client.cache.getByUuid('VM', instance.vmUuid);
  return vm ? powerStateFromXapi(vm.record.power_state) : 'NOSTATE';
}

export async function refreshVmStateFromXapi(services: DriverServices, instanceId: string): Promise<void> {
  const { store } = services;
  const instance = await store.instances.get(instanceId);
  if (!instance || instance.deletedAt) return;
  const powerState = xapiPowerState(services, instance);
  // A rescued instance stays RESCUED while its rescue VM exists; other states follow the VM.
  if (instance.vmState === 'RESCUED' || instance.vmState === 'SOFT_DELETED') return;
  await updateInstance(services, instance.id, { powerState, vmState: instance.vmUuid ? vmStateForPowerState(powerState) : 'ERROR' });
}
