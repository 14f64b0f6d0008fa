import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { all, changes, first, one, present, type Db, type Program, type Runner } from '../program.js';
import { AddressInUseError, InvalidSubnetError, NoFreeAddressError, SubnetInUseError } from '../errors.js';
import { formatIpv4, hostRange, inRange, parseIpv4 } from '../ipv4.js';
import type { instanceVifs, subnets } from '../schema.js';
import type { InstanceVif, NewSubnet, Subnet, VifRepository } from '../types.js';
import { loadInInputOrder } from './batch.js';
import { uniqueViolation } from '../constraint-errors.js';

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

export function vifRepository(r: Runner): VifRepository {
  const { db, t: { instanceVifs, subnets } } = r;
  /** The subnet of the network holding `ip`, which must be a free host address other than its gateway. */
  function* requestedAddress(tx: Db, candidates: SubnetRow[], ip: string): Program<{ subnetId: string; ip: string }> {
    const subnet = candidates.find((s) => {
      const range = hostRange(s.cidr);
      return range !== null && inRange(range, ip);
    });
    if (!subnet) throw new InvalidSubnetError(`${ip} is not a host address of any subnet of the network`);
    if (subnet.gateway === ip) throw new AddressInUseError('ip', ip);
    const taken = (yield* first(tx.select({ id: instanceVifs.id }).from(instanceVifs)
      .where(and(eq(instanceVifs.subnetId, subnet.id), eq(instanceVifs.ip, ip)))));
    if (taken) throw new AddressInUseError('ip', ip);
    return { subnetId: subnet.id, ip };
  }

  function* lowestFree(tx: Db, subnet: SubnetRow): Program<string | null> {
    const range = hostRange(subnet.cidr);
    if (!range) return null;
    const taken = new Set((yield* all(tx.select({ ip: instanceVifs.ip }).from(instanceVifs)
      .where(eq(instanceVifs.subnetId, subnet.id)))).map((row) => row.ip));
    if (subnet.gateway) taken.add(subnet.gateway);
    for (let n = range.first; n <= range.last; n++) {
      const ip = formatIpv4(n);
      if (!taken.has(ip)) return ip;
    }
    return null;
  }

  class DrizzleVifRepository implements VifRepository {

    async createSubnet(input: NewSubnet): Promise<Subnet> {
      const range = hostRange(input.cidr);
      if (!range) throw new InvalidSubnetError(`${input.cidr} is not an IPv4 network in CIDR notation`);
      if (input.gateway && !inRange(range, input.gateway)) throw new InvalidSubnetError(`gateway ${input.gateway} is outside ${input.cidr}`);
      const badDns = (input.dns ?? []).find((server) => parseIpv4(server) === null);
      if (badDns !== undefined) throw new InvalidSubnetError(`DNS server ${badDns} is not an IPv4 address`);
      return toSubnet(present(await r.first(db.insert(subnets).values({
        id: randomUUID(), networkId: input.networkId, cidr: input.cidr, gateway: input.gateway ?? null, dns: [...(input.dns ?? [])],
      }).returning())));
    }

    async removeSubnet(id: string): Promise<boolean> {
      // One immediate transaction, so no address can be allocated between the check and the delete.
      return r.transaction(function* (tx) {
        const allocated = (yield* first(tx.select({ n: count() }).from(instanceVifs).where(eq(instanceVifs.subnetId, id))))?.n ?? 0;
        if (allocated > 0) throw new SubnetInUseError(id, allocated);
        return (yield* changes(tx.delete(subnets).where(eq(subnets.id, id)))) > 0;
      });
    }

    async subnetsOf(networkId: string): Promise<Subnet[]> {
      return (await r.all(db.select().from(subnets).where(eq(subnets.networkId, networkId)).orderBy(asc(subnets.createdAt)))).map(toSubnet);
    }

    async allocate(input: { instanceId: string; networkId: string; device: number; mac?: string | null; ip?: string | null }): Promise<InstanceVif> {
      const { mac: requestedMac, ip: requestedIp, ...row } = input;
      const mac = requestedMac?.toLowerCase() ?? null;
      for (let attempt = 0; ; attempt++) {
        try {
          return await r.transaction(function* (tx) {
            const candidates = (yield* all(tx.select().from(subnets).where(eq(subnets.networkId, input.networkId)).orderBy(asc(subnets.createdAt))));
            let address: { subnetId: string; ip: string } | null = null;
            if (requestedIp) {
              address = yield* requestedAddress(tx, candidates, requestedIp);
            } else {
              for (const subnet of candidates) {
                const ip = yield* lowestFree(tx, subnet);
                if (ip) {
                  address = { subnetId: subnet.id, ip };
                  break;
                }
              }
              if (candidates.length > 0 && !address) throw new NoFreeAddressError(input.networkId);
            }
            if (mac && (yield* first(tx.select({ id: instanceVifs.id }).from(instanceVifs).where(eq(instanceVifs.mac, mac))))) {
              throw new AddressInUseError('mac', mac);
            }
            return toVif((yield* one(tx.insert(instanceVifs).values({
              id: randomUUID(), ...row, mac: mac ?? randomMac(), subnetId: address?.subnetId ?? null, ip: address?.ip ?? null,
            }).returning())));
          });
        } catch (error) {
          // A MAC collision (one in sixteen million) just draws again.
          if (!mac && attempt < 5 && uniqueViolation(error)?.includes('mac')) continue;
          throw error;
        }
      }
    }

    async listForInstance(instanceId: string): Promise<InstanceVif[]> {
      return (await r.all(db.select().from(instanceVifs).where(eq(instanceVifs.instanceId, instanceId))
        .orderBy(asc(instanceVifs.device)))).map(toVif);
    }

    async get(id: string): Promise<InstanceVif | null> {
      const row = (await r.first(db.select().from(instanceVifs).where(eq(instanceVifs.id, id))));
      return row ? toVif(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(InstanceVif | null)[]> {
      return loadInInputOrder(ids, instanceVifs.id, (where) => (r.all(db.select().from(instanceVifs).where(where))), toVif);
    }

    async getByMac(mac: string): Promise<InstanceVif | null> {
      const row = (await r.first(db.select().from(instanceVifs).where(eq(instanceVifs.mac, mac.toLowerCase()))));
      return row ? toVif(row) : null;
    }

    async getSubnets(ids: readonly string[]): Promise<(Subnet | null)[]> {
      return loadInInputOrder(ids, subnets.id, (where) => (r.all(db.select().from(subnets).where(where))), toSubnet);
    }

    async listAllocated(filter: { networkId?: string; subnetId?: string }): Promise<InstanceVif[]> {
      const where = and(
        filter.networkId === undefined ? undefined : eq(instanceVifs.networkId, filter.networkId),
        filter.subnetId === undefined ? undefined : eq(instanceVifs.subnetId, filter.subnetId),
      );
      return (await r.all(db.select().from(instanceVifs).where(where)
        .orderBy(asc(instanceVifs.createdAt), asc(instanceVifs.id)))).map(toVif);
    }

    async release(vifIds: readonly string[]): Promise<void> {
      if (vifIds.length > 0) (await r.changes(db.delete(instanceVifs).where(inArray(instanceVifs.id, [...vifIds]))));
    }
  }
  return new DrizzleVifRepository();
}
