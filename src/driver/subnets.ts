// The IPv4 subnets instances get their addresses from: which ranges a network may be given, and removing
// one no interface uses any more. No XAPI call; the store does the address arithmetic.
import { InvalidInputError, InvalidStateError, NotFoundError } from '../errors.js';
import type { DriverServices } from '../operations/action.js';
import { parseIpv4 } from '../store/ipv4.js';
import { InvalidSubnetError, SubnetInUseError, type Network, type NewSubnet, type Subnet } from '../store/index.js';

/** Larger ranges are no tenant subnet, and allocating from one means walking millions of addresses. */
export const MIN_SUBNET_PREFIX = 16;
/** A /31 or /32 has no host address to hand out besides its gateway. */
export const MAX_SUBNET_PREFIX = 30;

// Ranges that are never a tenant's (RFC 6890): a subnet overlapping one is refused.
const RESERVED_RANGES: readonly (readonly [string, string])[] = [
  ['0.0.0.0/8', '"this network"'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];

const CIDR_PATH = ['input', 'cidr'];

/** First and last address of `a.b.c.d/len`, or null when it is not an IPv4 network in CIDR notation. */
function span(cidr: string): { first: number; last: number; prefix: number } | null {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(cidr);
  const base = match ? parseIpv4(match[1]!) : null;
  const prefix = Number(match?.[2]);
  if (base === null || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  return base % size === 0 ? { first: base, last: base + size - 1, prefix } : null;
}

function checkRange(cidr: string): void {
  const range = span(cidr);
  if (!range) throw new InvalidInputError(`${cidr} is not an IPv4 network in CIDR notation (e.g. 10.0.0.0/24)`, { path: CIDR_PATH });
  if (range.prefix < MIN_SUBNET_PREFIX || range.prefix > MAX_SUBNET_PREFIX) {
    throw new InvalidInputError(`A subnet's prefix must be /${MIN_SUBNET_PREFIX} to /${MAX_SUBNET_PREFIX}, not /${range.prefix}`, { path: CIDR_PATH });
  }
  for (const [reserved, what] of RESERVED_RANGES) {
    const other = span(reserved)!;
    if (range.first <= other.last && other.first <= range.last) {
      throw new InvalidInputError(`${cidr} overlaps ${reserved}, the ${what} range`, { path: CIDR_PATH });
    }
  }
}

export async function addSubnet(services: DriverServices, input: NewSubnet): Promise<{ network: Network; subnet: Subnet }> {
  const { store } = services;
  const network = await store.networks.get(input.networkId);
  if (!network) throw new NotFoundError('Network', input.networkId, { path: ['input', 'networkId'] });
  checkRange(input.cidr);
  try {
    return { network, subnet: await store.vifs.createSubnet(input) };
  } catch (error) {
    if (error instanceof InvalidSubnetError) throw new InvalidInputError(error.message, { path: CIDR_PATH });
    throw error;
  }
}

/** Removes a subnet no interface holds an address of; refused with InvalidStateError (IN_USE) otherwise. */
export async function removeSubnet(services: DriverServices, subnetId: string): Promise<Network> {
  const { store } = services;
  const [subnet] = await store.vifs.getSubnets([subnetId]);
  const network = subnet ? await store.networks.get(subnet.networkId) : null;
  if (!subnet || !network) throw new NotFoundError('Subnet', subnetId, { path: ['input', 'subnetId'] });
  try {
    if (!await store.vifs.removeSubnet(subnetId)) throw new NotFoundError('Subnet', subnetId, { path: ['input', 'subnetId'] });
  } catch (error) {
    if (error instanceof SubnetInUseError) throw new InvalidStateError(`${subnet.cidr}: ${error.message}; detach them first`, 'IN_USE', ['UNUSED']);
    throw error;
  }
  return network;
}
