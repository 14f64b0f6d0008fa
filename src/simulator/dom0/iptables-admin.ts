// GET /_sim/iptables[?host=<name, uuid or address>]: each host's dom0 packet filter as data, so tests and
// demos can see what a firewall driver applied.
import type { World } from '../world.js';
import { iptablesSnapshot } from './iptables.js';

export function iptablesOfHosts(world: World, wanted: string | null) {
  const hosts = [];
  const seen = new Set<string>();
  for (const pool of world.pools) {
    for (const [, row] of pool.db.table('host')) {
      const { uuid, name_label: name, address } = row.record as { uuid: string; name_label: string; address: string };
      // A host that just joined another pool shows in both databases for a moment: once is enough.
      if (seen.has(uuid) || (wanted !== null && ![uuid, name, address].includes(wanted))) continue;
      seen.add(uuid);
      hosts.push({ pool: pool.name, name, uuid, ipv4: iptablesSnapshot(world, uuid, 'ipv4'), ipv6: iptablesSnapshot(world, uuid, 'ipv6') });
    }
  }
  return { hosts };
}
