// What a pool holds on XAPI, as sets of identities per class, to tell what an action left behind. An object is
// known by what it is, not by its ref: a volume handed to another pool and back is introduced again (its SR,
// PBDs and VDI get new refs, keeping their uuids) and re-attached with a new VBD, and that is no leftover as long
// as the same VM has the same disk at the same device. Base copies (the hidden, unmanaged VDIs a clone or
// snapshot freezes) are left out: XAPI's own garbage collector owns them.
import { xapiSession } from './driver.js';
import type { Stack } from './stack.js';

export const INVENTORIED = ['VM', 'VDI', 'VBD', 'VIF', 'SR', 'PBD'] as const;
export type Inventory = Record<(typeof INVENTORIED)[number], Set<string>>;

type Records<T> = Record<string, T & { uuid: string }>;

/** Every simulated pool's objects together (uuids are unique across pools). */
export async function xapiInventory(stack: Stack): Promise<Inventory> {
  const inventory: Inventory = { VM: new Set(), VDI: new Set(), VBD: new Set(), VIF: new Set(), SR: new Set(), PBD: new Set() };
  for (const pool of stack.sim.pools.keys()) {
    const xapi = await xapiSession(stack, pool);
    const all = <T>(cls: string) => xapi.call(`${cls}.get_all_records`) as Promise<Records<T>>;
    const [vms, vdis, vbds, vifs, srs, pbds, hosts] = await Promise.all([
      all<object>('VM'), all<{ managed: boolean; SR: string }>('VDI'), all<{ VM: string; VDI: string; userdevice: string }>('VBD'),
      all<{ VM: string; device: string; MAC: string }>('VIF'), all<object>('SR'), all<{ SR: string; host: string }>('PBD'), all<object>('host'),
    ]);
    const uuid = (records: Records<object>, ref: string) => records[ref]?.uuid ?? 'none';
    const identities = {
      VM: Object.values(vms).map((vm) => vm.uuid),
      VDI: Object.values(vdis).filter((vdi) => vdi.managed).map((vdi) => `${uuid(srs, vdi.SR)}/${vdi.uuid}`),
      VBD: Object.values(vbds).map((vbd) => `${uuid(vms, vbd.VM)}:${vbd.userdevice}=${uuid(vdis, vbd.VDI)}`),
      VIF: Object.values(vifs).map((vif) => `${uuid(vms, vif.VM)}:${vif.device}=${vif.MAC}`),
      // Volumes bring their own storage: an SR introduced for a target and its PBDs must go with the last volume.
      SR: Object.values(srs).map((sr) => sr.uuid),
      PBD: Object.values(pbds).map((pbd) => `${uuid(srs, pbd.SR)}@${uuid(hosts, pbd.host)}`),
    };
    for (const cls of INVENTORIED) for (const identity of identities[cls]) inventory[cls].add(identity);
  }
  return inventory;
}

/** What `after` holds that `before` did not, per class; empty lists when nothing was left behind. */
export function leftBehind(before: Inventory, after: Inventory): Record<string, string[]> {
  return Object.fromEntries(INVENTORIED.map((cls) => [cls, [...after[cls]].filter((identity) => !before[cls].has(identity))]));
}

export const NOTHING_LEFT = Object.fromEntries(INVENTORIED.map((cls) => [cls, []]));
