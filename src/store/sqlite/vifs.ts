import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { AddressInUseError, InvalidSubnetError, NoFreeAddressError, SubnetInUseError } from '../errors.js';
import { formatIpv4, hostRange, inRange, parseIpv4 } from '../ipv4.js';
import { instanceVifs, subnets } from '../schema.js';
import type { InstanceVif, NewSubnet, Subnet, VifRepository } from '../types.js';
import { loadInInputOrder } from './batch.js';
import { uniqueViolation } from './constraint-errors.js';

type SubnetRow = typeof subnets.$inferSelect;
type VifRow = typeof instanceVifs.$inferSelect;

const toSubnet = (row: SubnetRow): Subnet => ({
  id: row.id, networkId: row.networkId, cidr: row.cidr, gateway: row.gateway, dns: row.dns,
});

const toVif = (row: VifRow): InstanceVif => ({
  id: row.id, instanceId: row.instanceId, networkId: row.networkId, subnetId: row.subnetId,
  device: row.device, mac: row.mac, ip: row.ip,
});

/** A locally administered unicast MAC with OpenStack's fa:16:3e prefix, as Nova/Neutron hand out. */
function randomMac(): string {
  return ['fa', '16', '3e', ...[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0'))].join(':');
}

export class SqliteVifRepository implements VifRepository {
  constructor(private readonly db: SqliteDb) {}

  async createSubnet(input: NewSubnet): Promise<Subnet> {
    const range = hostRange(input.cidr);
    if (!range) throw new InvalidSubnetError(`${input.cidr} is not an IPv4 network in CIDR notation`);
    if (input.gateway && !inRange(range, input.gateway)) throw new InvalidSubnetError(`gateway ${input.gateway} is outside ${input.cidr}`);
    const badDns = (input.dns ?? []).find((server) => parseIpv4(server) === null);
    if (badDns !== undefined) throw new InvalidSubnetError(`DNS server ${badDns} is not an IPv4 address`);
    return toSubnet(this.db.insert(subnets).values({
      id: randomUUID(), networkId: input.networkId, cidr: input.cidr, gateway: input.gateway ?? null, dns: [...(input.dns ?? [])],
    }).returning().get());
  }

  async removeSubnet(id: string): Promise<boolean> {
    // One immediate transaction, so no address can be allocated between the check and the delete.
    return this.db.transaction((tx) => {
      const allocated = tx.select({ n: count() }).from(instanceVifs).where(eq(instanceVifs.subnetId, id)).get()?.n ?? 0;
      if (allocated > 0) throw new SubnetInUseError(id, allocated);
      return tx.delete(subnets).where(eq(subnets.id, id)).run().changes > 0;
    }, { behavior: 'immediate' });
  }

  async subnetsOf(networkId: string): Promise<Subnet[]> {
    return this.db.select().from(subnets).where(eq(subnets.networkId, networkId)).orderBy(asc(subnets.createdAt)).all().map(toSubnet);
  }

  async allocate(input: { instanceId: string; networkId: string; device: number; mac?: string | null; ip?: string | null }): Promise<InstanceVif> {
    const { mac: requestedMac, ip: requestedIp, ...row } = input;
    const mac = requestedMac?.toLowerCase() ?? null;
    for (let attempt = 0; ; attempt++) {
      try {
        return this.db.transaction((tx) => {
          const candidates = tx.select().from(subnets).where(eq(subnets.networkId, input.networkId)).orderBy(asc(subnets.createdAt)).all();
          let address: { subnetId: string; ip: string } | null = null;
          if (requestedIp) {
            address = this.requestedAddress(candidates, requestedIp);
          } else {
            for (const subnet of candidates) {
              const ip = this.lowestFree(subnet);
              if (ip) {
                address = { subnetId: subnet.id, ip };
                break;
              }
            }
            if (candidates.length > 0 && !address) throw new NoFreeAddressError(input.networkId);
          }
          if (mac && tx.select({ id: instanceVifs.id }).from(instanceVifs).where(eq(instanceVifs.mac, mac)).get()) {
            throw new AddressInUseError('mac', mac);
          }
          return toVif(tx.insert(instanceVifs).values({
            id: randomUUID(), ...row, mac: mac ?? randomMac(), subnetId: address?.subnetId ?? null, ip: address?.ip ?? null,
          }).returning().get());
        }, { behavior: 'immediate' });
      } catch (error) {
        // A MAC collision (one in sixteen million) just draws again.
        if (!mac && attempt < 5 && uniqueViolation(error)?.includes('mac')) continue;
        throw error;
      }
    }
  }

  /** The subnet of the network holding `ip`, which must be a free host address other than its gateway. */
  private requestedAddress(candidates: SubnetRow[], ip: string): { subnetId: string; ip: string } {
    const subnet = candidates.find((s) => {
      const range = hostRange(s.cidr);
      return range !== null && inRange(range, ip);
    });
    if (!subnet) throw new InvalidSubnetError(`${ip} is not a host address of any subnet of the network`);
    if (subnet.gateway === ip) throw new AddressInUseError('ip', ip);
    const taken = this.db.select({ id: instanceVifs.id }).from(instanceVifs)
      .where(and(eq(instanceVifs.subnetId, subnet.id), eq(instanceVifs.ip, ip))).get();
    if (taken) throw new AddressInUseError('ip', ip);
    return { subnetId: subnet.id, ip };
  }

  private lowestFree(subnet: SubnetRow): string | null {
    const range = hostRange(subnet.cidr);
    if (!range) return null;
    const taken = new Set(this.db.select({ ip: instanceVifs.ip }).from(instanceVifs)
      .where(eq(instanceVifs.subnetId, subnet.id)).all().map((row) => row.ip));
    if (subnet.gateway) taken.add(subnet.gateway);
    for (let n = range.first; n <= range.last; n++) {
      const ip = formatIpv4(n);
      if (!taken.has(ip)) return ip;
    }
    return null;
  }

  async listForInstance(instanceId: string): Promise<InstanceVif[]> {
    return this.db.select().from(instanceVifs).where(eq(instanceVifs.instanceId, instanceId))
      .orderBy(asc(instanceVifs.device)).all().map(toVif);
  }

  async get(id: string): Promise<InstanceVif | null> {
    const row = this.db.select().from(instanceVifs).where(eq(instanceVifs.id, id)).get();
    return row ? toVif(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<(InstanceVif | null)[]> {
    return loadInInputOrder(ids, instanceVifs.id, (where) => this.db.select().from(instanceVifs).where(where).all(), toVif);
  }

  async getByMac(mac: string): Promise<InstanceVif | null> {
    const row = this.db.select().from(instanceVifs).where(eq(instanceVifs.mac, mac.toLowerCase())).get();
    return row ? toVif(row) : null;
  }

  async getSubnets(ids: readonly string[]): Promise<(Subnet | null)[]> {
    return loadInInputOrder(ids, subnets.id, (where) => this.db.select().from(subnets).where(where).all(), toSubnet);
  }

  async listAllocated(filter: { networkId?: string; subnetId?: string }): Promise<InstanceVif[]> {
    const where = and(
      filter.networkId === undefined ? undefined : eq(instanceVifs.networkId, filter.networkId),
      filter.subnetId === undefined ? undefined : eq(instanceVifs.subnetId, filter.subnetId),
    );
    return this.db.select().from(instanceVifs).where(where)
      .orderBy(asc(instanceVifs.createdAt), asc(instanceVifs.id)).all().map(toVif);
  }

  async release(vifIds: readonly string[]): Promise<void> {
    if (vifIds.length > 0) this.db.delete(instanceVifs).where(inArray(instanceVifs.id, [...vifIds])).run();
  }
}
