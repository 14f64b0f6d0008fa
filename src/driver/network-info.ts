// What a guest learns about each of its interfaces from vm-data/networking/<mac>: label, MAC, IPv4
// addresses with netmask and gateway, broadcast and DNS servers (Nova's layout).
import type { InstanceVif, Network, Subnet } from '../store/index.js';
import { formatIpv4, parseIpv4 } from '../store/ipv4.js';

export interface VifNetworkInfo {
  readonly vif: InstanceVif;
  readonly network: Network;
  readonly subnet: Subnet | null;
}

export function netmaskOf(prefix: number): string {
  return formatIpv4(prefix === 0 ? 0 : (0xffffffff - (2 ** (32 - prefix) - 1)));
}

function broadcastOf(cidr: string): string {
  const [address, prefixText] = cidr.split('/');
  const size = 2 ** (32 - Number(prefixText));
  return formatIpv4(parseIpv4(address!)! + size - 1);
}

export function networkingKey(mac: string): string {
  return `vm-data/networking/${mac.replaceAll(':', '')}`;
}

export function networkingRecord({ vif, network, subnet }: VifNetworkInfo): Record<string, unknown> {
  const record: Record<string, unknown> = { label: network.name, mac: vif.mac };
  if (subnet && vif.ip) {
    const netmask = netmaskOf(Number(subnet.cidr.split('/')[1]));
    Object.assign(record, {
      gateway: subnet.gateway ?? undefined,
      broadcast: broadcastOf(subnet.cidr),
      ips: [{ ip: vif.ip, enabled: '1', netmask, gateway: subnet.gateway ?? undefined }],
      ...(subnet.dns.length > 0 ? { dns: [...new Set(subnet.dns)] } : {}),
    });
  }
  return record;
}
