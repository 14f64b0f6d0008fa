// IPv4 arithmetic for address allocation from a subnet's CIDR.

export interface Ipv4Range {
  /** First and last host addresses (network and broadcast excluded for prefixes up to /30). */
  readonly first: number;
  readonly last: number;
}

export function parseIpv4(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** The host addresses of `a.b.c.d/len`, or null when the CIDR is malformed or not a network address. */
export function hostRange(cidr: string): Ipv4Range | null {
  const [address, lengthText] = cidr.split('/');
  const base = parseIpv4(address ?? '');
  const length = Number(lengthText);
  if (base === null || !/^\d{1,2}$/.test(lengthText ?? '') || length > 32) return null;
  const size = 2 ** (32 - length);
  if (base % size !== 0) return null;
  return size <= 2 ? { first: base, last: base + size - 1 } : { first: base + 1, last: base + size - 2 };
}

export function inRange(range: Ipv4Range, address: string): boolean {
  const n = parseIpv4(address);
  return n !== null && n >= range.first && n <= range.last;
}
