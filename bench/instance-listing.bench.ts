// The read API against the raw pool: one page of 100 instances with their hosts, served from xengraph's
// event-fed store, next to the VM.get_all_records call a client without xengraph would make, in one run.
import { performance } from 'node:perf_hooks';
import { jsonSession } from '../test/helpers/raw-xapi.js';
import { addGuestVms } from '../test/helpers/sim-vms.js';
import { startStack } from '../test/helpers/stack.js';
import { median, printTable } from './report.js';

const VMS = Number(process.env.BENCH_VMS ?? 5_000);
const ROUNDS = 15;
const PAGE_QUERY = `query Page($after: String) {
  instances(first: 100, after: $after) {
    totalCount
    pageInfo { endCursor }
    edges { node { id name powerState memoryMb host { id name memoryFreeBytes } } }
  }
}`;

interface Page {
  instances: { totalCount: number; pageInfo: { endCursor: string }; edges: unknown[] };
}

export async function instanceListingBench(): Promise<void> {
  const stack = await startStack({ timeScale: 0 });
  try {
    addGuestVms(stack.sim.world.pools[0], VMS, 'bench', { running: true });
    const deadline = Date.now() + 120_000;
    let total = 0;
    while (total < VMS) {
      if (Date.now() > deadline) throw new Error(`only ${total} of ${VMS} instances synced`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      total = ((await stack.request<Page, object>(PAGE_QUERY, {}, stack.adminToken)).data?.instances.totalCount) ?? 0;
    }
    const xapi = await jsonSession(stack.sim.pools[0].masterUrl, stack.simPassword);

    const apiTimes: number[] = [];
    const xapiTimes: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now();
      const page: { data?: Page | null; errors?: unknown } = await stack.request<Page, object>(PAGE_QUERY, { after }, stack.adminToken);
      apiTimes.push(performance.now() - t);
      if (page.data?.instances.edges.length !== 100) throw new Error(`short page: ${JSON.stringify(page.errors)}`);
      after = page.data.instances.pageInfo.endCursor;
      t = performance.now();
      await xapi.call('VM.get_all_records');
      xapiTimes.push(performance.now() - t);
    }
    const api = median(apiTimes);
    const raw = median(xapiTimes);
    printTable(`instance listing over ${total} instances (median of ${ROUNDS})`, [
      ['xengraph instances(first: 100) { host } (ms)', api.toFixed(1)],
      ['XAPI VM.get_all_records, JSON-RPC (ms)', raw.toFixed(1)],
      ['VM.get_all_records / instances page', (raw / api).toFixed(1)],
    ]);
  } finally {
    await stack.stop();
  }
}
