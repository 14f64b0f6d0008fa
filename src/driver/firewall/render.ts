// The iptables filter rules of one host, as Nova's iptables firewall driver built them for dom0: pure data in,
// chains and rules out. Chains are wrapped with the binary's name (`<binary>-<chain>`, Nova's rule; ours is
// `xengraph`, so xengraph's chains never collide with a nova-compute's). Each filtered instance gets a chain
// `xengraph-inst-<serial>` (Nova used the integer instance id, which our serial is), entered from
// `xengraph-local` by one `-d <address>` jump per address of its interfaces; the chain drops invalid packets,
// accepts established ones and its own subnets' traffic, then each security-group rule, then falls back to
// `xengraph-sg-fallback`, which drops.

export const BINARY = 'xengraph';

/** A chain name in xengraph's namespace. */
export const wrapped = (chain: string): string => `${BINARY}-${chain}`;

export const FILTER_TOP = wrapped('filter-top');
export const LOCAL_CHAIN = wrapped('local');
export const FALLBACK_CHAIN = wrapped('sg-fallback');
/** Built-in chains that jump into a wrapped twin of theirs, where host-wide rules of ours would go. */
const BUILTIN_CHAINS = ['INPUT', 'OUTPUT', 'FORWARD'] as const;

export function instanceChain(chainId: number): string {
  return wrapped(`inst-${chainId}`);
}

/** A security-group rule with its source resolved: a CIDR, or the addresses of the source group's members. */
export interface ResolvedRule {
  readonly protocol: 'tcp' | 'udp' | 'icmp';
  /** tcp/udp: the first port; icmp: the type, null or -1 for any. */
  readonly fromPort: number | null;
  /** tcp/udp: the last port; icmp: the code, null or -1 for any. */
  readonly toPort: number | null;
  readonly cidr: string | null;
  /** For a rule whose source is a group: its members' IPv4 addresses (possibly none). */
  readonly sourceAddresses: readonly string[] | null;
}

/** What the host's filter needs to know about one instance. */
export interface FilteredInstance {
  /** Nova's instance id in the chain name; xengraph's instance serial. */
  readonly chainId: number;
  /** IPv4 addresses of its interfaces, in device order. */
  readonly addresses: readonly string[];
  /** CIDRs of the subnets its interfaces are on: traffic from them is let in (Nova's allow_same_net_traffic). */
  readonly subnets: readonly string[];
  /** The rules of all its groups, in order. */
  readonly rules: readonly ResolvedRule[];
}

/** The part of the filter table that is xengraph's: its chains and its rules (`-A <chain> <args>`), in order. */
export interface FilterRules {
  readonly chains: readonly string[];
  readonly rules: readonly string[];
}

const anyIcmp = (value: number | null): boolean => value === null || value < 0;

/** The match arguments of one rule (protocol, ports or ICMP type, no source), as Nova's Dom0 driver wrote them. */
export function ruleMatch(rule: Pick<ResolvedRule, 'protocol' | 'fromPort' | 'toPort'>): string[] {
  const args = ['-p', rule.protocol];
  if (rule.protocol === 'icmp') {
    if (!anyIcmp(rule.fromPort)) {
      args.push('-m', 'icmp', '--icmp-type', anyIcmp(rule.toPort) ? `${rule.fromPort}` : `${rule.fromPort}/${rule.toPort}`);
    }
  } else if (rule.fromPort !== null && rule.toPort !== null) {
    // XenServer's dom0 iptables had no multiport match, so Nova's Dom0 driver wrote ranges as a plain --dport a:b.
    args.push('--dport', rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}:${rule.toPort}`);
  }
  return args;
}

/**
 * The accepting lines of one rule: one with `-s <cidr>`, or one per member address of its source group (no
 * /32, as Nova wrote them). A group with no member addresses contributes nothing.
 */
export function ruleLines(rule: ResolvedRule): string[] {
  const head = ['-j', 'ACCEPT', ...ruleMatch(rule)].join(' ');
  const sources = rule.sourceAddresses ?? (rule.cidr ? [rule.cidr] : []);
  return sources.map((source) => `${head} -s ${source}`);
}

/** The chain of one instance, top to bottom (without the `-A <chain>` prefix). */
export function instanceChainRules(instance: FilteredInstance): string[] {
  return [
    '-m state --state INVALID -j DROP',
    '-m state --state ESTABLISHED,RELATED -j ACCEPT',
    ...instance.subnets.map((cidr) => `-s ${cidr} -j ACCEPT`),
    ...instance.rules.flatMap(ruleLines),
    `-j ${FALLBACK_CHAIN}`,
  ];
}

/**
 * Everything xengraph puts in the host's filter table for these instances. With none, only the empty
 * scaffolding remains (Nova kept it too): no packet is dropped by it.
 */
export function renderHostFilter(instances: readonly FilteredInstance[]): FilterRules {
  const sorted = [...instances].sort((a, b) => a.chainId - b.chainId);
  const chains = [
    FILTER_TOP,
    ...BUILTIN_CHAINS.map(wrapped),
    LOCAL_CHAIN,
    FALLBACK_CHAIN,
    ...sorted.map((instance) => instanceChain(instance.chainId)),
  ];
  const rules = [
    `-A FORWARD -j ${FILTER_TOP}`,
    `-A OUTPUT -j ${FILTER_TOP}`,
    ...BUILTIN_CHAINS.map((chain) => `-A ${chain} -j ${wrapped(chain)}`),
    `-A ${FILTER_TOP} -j ${LOCAL_CHAIN}`,
    `-A ${FALLBACK_CHAIN} -j DROP`,
    ...sorted.flatMap((instance) => instance.addresses.map((address) => `-A ${LOCAL_CHAIN} -d ${address} -j ${instanceChain(instance.chainId)}`)),
    ...sorted.flatMap((instance) => instanceChainRules(instance).map((rule) => `-A ${instanceChain(instance.chainId)} ${rule}`)),
  ];
  return { chains, rules: keepLastOfDuplicates(rules) };
}

/** A rule written twice (two groups granting the same thing) is kept once, at its last place, as Nova did. */
function keepLastOfDuplicates(rules: readonly string[]): string[] {
  const last = new Map(rules.map((rule, index) => [rule, index]));
  return rules.filter((rule, index) => last.get(rule) === index);
}
