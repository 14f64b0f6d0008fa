// Mirroring a pool costs the store one read per event batch, not one per VM: VMs appearing or changing
// together on XAPI are mirrored together, in one transaction, with each VM's own write.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InstancePageDocument } from '../generated/graphql.js';
import { addGuestVms } from '../helpers/sim-vms.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

const VMS = 200;

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

async function listedCount(nameContains: string): Promise<number> {
  const page = await stack.request(InstancePageDocument, { first: 1, filter: { nameContains } }, stack.adminToken);
  return page.data?.instances.totalCount ?? 0;
}

/** Store statements spent while `change` happens on XAPI and xengraph mirrors it, until `mirrored` holds. */
async function statementsFor(change: () => void, mirrored: () => Promise<boolean>, what: string): Promise<number> {
  const { store } = stack.app.services;
  const before = store.queryCount();
  change();
  await waitUntil(mirrored, 10_000, what);
  const spent = store.queryCount() - before;
  return spent;
}

describe('a batch of XAPI changes', () => {
  it('creates the instances of many new VMs with about one statement each', async () => {
    const pool = stack.sim.world.pools[0];
    let vms: string[] = [];
    const spent = await statementsFor(
      () => { vms = addGuestVms(pool, VMS, 'batch-made'); },
      async () => (await listedCount('batch-made-')) === VMS,
      `${VMS} instances mirrored`,
    );
    assert.equal(vms.length, VMS);
    // One insert per VM, a read per batch, and the listing polls; one read per VM as well would be ~2 × VMS.
    assert.ok(spent < VMS * 1.25, `${spent} store statements to mirror ${VMS} new VMs`);
  });

  it('renames many known VMs with about one statement each', async () => {
    const pool = stack.sim.world.pools[0];
    const refs = pool.db.select('VM', (vm) => String(vm.name_label).startsWith('batch-made-')).map(([ref]) => ref);
    assert.equal(refs.length, VMS);
    const spent = await statementsFor(
      () => { for (const ref of refs) pool.db.update(ref, { name_label: `batch-renamed-${ref}` }); },
      async () => (await listedCount('batch-renamed-')) === VMS,
      `${VMS} renames mirrored`,
    );
    assert.ok(spent < VMS * 1.25, `${spent} store statements to mirror ${VMS} renamed VMs`);
  });
});
