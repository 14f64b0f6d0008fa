// Where an instance is filtered: read back from the simulator's dom0 iptables of each host, through any live
// host's address (the admin endpoint answers on every host of the world).
import assert from 'node:assert/strict';
import { InstanceNetworkingDocument, type InstanceNetworkingQuery } from '../generated/graphql.js';
import type { Stack } from './stack.js';

type Chains = Record<string, { policy: string | null; rules: string[] }>;
type Networking = Extract<NonNullable<InstanceNetworkingQuery['node']>, { interfaces: unknown }>;

/** The instance's packet-filter chain and the address its jump matches, as the driver names them. */
export interface FilteredInstance {
  readonly chain: string;
  readonly address: string;
}

export async function filteredInstance(stack: Stack, instanceId: string, token: string): Promise<FilteredInstance> {
  const view = (await stack.request(InstanceNetworkingDocument, { id: instanceId }, token)).data!.node as Networking;
  return { chain: `xengraph-inst-${parseInt(view.vmName.replace('instance-', ''), 16)}`, address: view.interfaces[0]!.ip! };
}

async function filterTable(simUrl: string, host: string): Promise<Chains> {
  const response = await fetch(new URL(`/_sim/iptables?host=${host}`, simUrl));
  const body = await response.json() as { hosts: { ipv4: { filter: Chains } }[] };
  return body.hosts[0]!.ipv4.filter;
}

/** The hosts (of `hosts`) whose filter holds the instance's chain and the jump to it from its address. */
export async function hostsFiltering(simUrl: string, hosts: readonly string[], { chain, address }: FilteredInstance): Promise<string[]> {
  const found: string[] = [];
  for (const host of hosts) {
    const table = await filterTable(simUrl, host);
    const jumps = table['xengraph-local']?.rules.includes(`-d ${address} -j ${chain}`) ?? false;
    if (table[chain] || jumps) {
      assert.ok(table[chain] && jumps, `${host} holds the chain and its jump together`);
      found.push(host);
    }
  }
  return found;
}
