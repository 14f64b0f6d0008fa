// What a pool holds on XAPI, as sets of refs per class, to tell what an action left behind. Base copies (the
// hidden, unmanaged VDIs a clone or snapshot freezes) are left out: XAPI's own garbage collector owns them.
import { xapiSession } from './driver.js';
import type { Stack } from './stack.js';

export const INVENTORIED = ['VM', 'VDI', 'VBD', 'VIF'] as const;
export type Inventory = Record<(typeof INVENTORIED)[number], Set<string>>;

export async function xapiInventory(stack: Stack, pool = 0): Promise<Inventory> {
  const xapi = await xapiSession(stack, pool);
  const vdis = await xapi.call('VDI.get_all_records') as Record<string, { managed: boolean }>;
  return {
    VM: new Set(await xapi.call('VM.get_all') as string[]),
    VDI: new Set(Object.entries(vdis).filter(([, vdi]) => vdi.managed).map(([ref]) => ref)),
    VBD: new Set(await xapi.call('VBD.get_all') as string[]),
    VIF: new Set(await xapi.call('VIF.get_all') as string[]),
  };
}

/** What `after` holds that `before` did not, per class; empty lists when nothing was left behind. */
export function leftBehind(before: Inventory, after: Inventory): Record<string, string[]> {
  return Object.fromEntries(INVENTORIED.map((cls) => [cls, [...after[cls]].filter((ref) => !before[cls].has(ref))]));
}

export const NOTHING_LEFT = Object.fromEntries(INVENTORIED.map((cls) => [cls, []]));
