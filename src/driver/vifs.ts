// Nova's VIF driver (bridge flavour) with its later hot-plug: a VIF is found by MAC among the VM's VIFs,
// created on the network's bridge at a device, and plugged only while the VM runs; unplugging is the reverse,
// then VIF.destroy. Nova's driver-level unplug_vifs passed two arguments to a method needing the VM as a third
// and failed with a TypeError; here the VM is looked up when the caller has none.
import type { Instance } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';
import { createVif } from './devices.js';
import { instanceVm } from './vm-lookup.js';

interface VifRecord {
  readonly MAC: string;
  readonly device: string;
  readonly currently_attached: boolean;
}

/** The VM's VIF carrying the MAC; VIFs that vanish while being read are skipped, as Nova ignored them. */
export async function vifByMac(client: XapiClient, vm: string, mac: string): Promise<{ vif: string; record: VifRecord } | null> {
  for (const vif of await client.call<string[]>('VM.get_VIFs', vm)) {
    const record = await client.call<VifRecord>('VIF.get_record', vif).catch(() => null);
    if (record && record.MAC.toLowerCase() === mac.toLowerCase()) return { vif, record };
  }
  return null;
}

const isRunning = async (client: XapiClient, vm: string): Promise<boolean> => (await client.call<string>('VM.get_power_state', vm)) === 'Running';

export interface PluggedVif {
  readonly vif: string;
  readonly created: boolean;
  readonly plugged: boolean;
}

/** Creates (or reuses, by MAC) the VIF and hot-plugs it when the VM runs. */
export async function plugVif(
  client: XapiClient, vm: string, at: { network: string; device: string; mac: string }, signal?: AbortSignal,
): Promise<PluggedVif> {
  const existing = await vifByMac(client, vm, at.mac);
  const vif = existing?.vif ?? await createVif(client, vm, at.network, Number(at.device), at.mac);
  if (existing?.record.currently_attached || !(await isRunning(client, vm))) return { vif, created: !existing, plugged: false };
  await client.callAsync('VIF.plug', [vif], { signal });
  return { vif, created: !existing, plugged: true };
}

/** Unplugs (when plugged in a running VM) and destroys the VIF with the MAC; false when the VM has none. */
export async function unplugVif(client: XapiClient, vm: string, mac: string, signal?: AbortSignal): Promise<boolean> {
  const found = await vifByMac(client, vm, mac);
  if (!found) return false;
  if (found.record.currently_attached && await isRunning(client, vm)) await client.callAsync('VIF.unplug', [found.vif], { signal });
  await client.call('VIF.destroy', found.vif);
  return true;
}

/** Nova's unplug_vifs, with the signature fixed: the VM is the instance's own unless given. */
export async function unplugVifs(client: XapiClient, instance: Instance, macs: readonly string[], vm?: string | null): Promise<string[]> {
  const target = vm ?? await instanceVm(client, instance);
  if (!target) return [];
  const removed: string[] = [];
  for (const mac of macs) if (await unplugVif(client, target, mac)) removed.push(mac);
  return removed;
}
