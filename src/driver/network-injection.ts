// Nova's inject_network_info: each of the instance's interfaces described in vm-data/networking/<mac> of the
// VM's parameter xenstore (read by the guest at boot) and, when the VM runs, of its live xenstore too, where
// an agent's resetnetwork or the guest's own tools find it at once.
import type { Instance, Store } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';
import { liveDomainOf, updateLiveXenstore } from './live-xenstore.js';
import { networkingKey, networkingRecord } from './network-info.js';
import { networkInfoOf } from './spawn/build-vm.js';
import { writeParamXenstore } from './xenstore.js';

export interface NetworkInjection {
  /** How many interfaces were described. */
  readonly interfaces: number;
  /** Whether the running domain's live xenstore got them too (false for a VM that is not running). */
  readonly liveXenstoreUpdated: boolean;
}

export async function injectNetworkInfo(store: Store, client: XapiClient, vm: string, instance: Instance): Promise<NetworkInjection> {
  const vifs = await store.vifs.listForInstance(instance.id);
  const domain = await liveDomainOf(client, vm);
  let live = domain !== null;
  for (const vif of vifs) {
    const key = networkingKey(vif.mac);
    const value = JSON.stringify(networkingRecord(await networkInfoOf(store, vif)));
    await writeParamXenstore(client, vm, key, value);
    if (domain) live = (await updateLiveXenstore(client, domain, key, value)) && live;
  }
  return { interfaces: vifs.length, liveXenstoreUpdated: live && vifs.length > 0 };
}
