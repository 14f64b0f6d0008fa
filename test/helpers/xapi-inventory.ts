// What a pool holds on XAPI, as sets of refs per class, to tell what an action left behind. Base copies (the
// hidden, unmanaged VDIs a clone or snapshot freezes) are left out: XAPI's own garbage collector owns them.
import { xapiSession } from './driver.js';
import type { Stack } from './stack.js';

export const INVENTORIED = ['VM', 'VDI', 'VBD', 'VIF', 'SR', 'PBD'] as const;
export type Inventory = Record<(typeof INVENTORIED)[number], Set<string>>;

/** Every simulated pool's objects together (refs are unique across pools). */
export async function xapiInventory(stack: Stack): Promise<Inventory> {
  const inventory: Inventory = { VM: new Set(), VDI: new Set(), VBD: new Set(), VIF: new Set(), SR: new Set(), PBD: new Set() };
  for (const pool of stack.sim.pools.keys()) {
    const xapi = await xapiSession(stack, pool);
    const vdis = await xapi.call('VDI.get_all_records') as Record<string, { managed: boolean }>;
    const refs = {
      VM: await xapi.call('VM.get_all') as string[],
      VDI: Object.entries(vdis).filter(([, vdi]) => vdi.managed).map(([ref]) => ref),
      VBD: await xapi.call('VBD.get_all') as string[],
      VIF: await xapi.call('VIF.get_all') as string[],
      // Volumes bring their own storage: an SR introduced for a target and its PBDs must go with the last volume.
      SR: await xapi.call('SR.get_all') as string[],
      PBD: await xapi.call('PBD.get_all') as string[],
    };
    for (const cls of INVENTORIED) for (const ref of refs[cls]) inventory[cls].add(ref);
  }
  return inventory;
}

/** What `after` holds that `before` did not, per class; empty lists when nothing was left behind. */
export function leftBehind(before: Inventory, after: Inventory): Record<string, string[]> {
  return Object.fromEntries(INVENTORIED.map((cls) => [cls, [...after[cls]].filter((ref) => !before[cls].has(ref))]));
}

export const NOTHING_LEFT = Object.fromEntries(INVENTORIED.map((cls) => [cls, []]));
