// Nova's apply cycle on text: read the host's `iptables-save -c`, drop every line of ours from the filter
// table, put the new ones in (our jumps at the top of the built-in chains, our chains after the others'
// rules), keep the packet counters of rules that stay, and hand the table to `iptables-restore -c`. Rules
// and chains of other software are kept as they were.
import { BINARY, type FilterRules } from './render.js';

const BUILTIN_FILTER_CHAINS = new Set(['INPUT', 'FORWARD', 'OUTPUT']);
const ZERO = '[0:0]';

interface SavedTable {
  readonly declarations: string[];
  /** Rules without their counters, paired with them. */
  readonly rules: { readonly rule: string; readonly counters: string }[];
}

const RULE_LINE = /^(\[\d+:\d+\]\s+)?(-A\s.*)$/;

/** The filter table of an iptables-save text, or null when the host has none yet. */
export function parseFilterTable(saved: string): SavedTable | null {
  const lines = saved.split('\n').map((line) => line.trim());
  const start = lines.indexOf('*filter');
  if (start < 0) return null;
  const table: SavedTable = { declarations: [], rules: [] };
  for (const line of lines.slice(start + 1)) {
    if (line === 'COMMIT') break;
    if (line.startsWith(':')) table.declarations.push(line);
    const match = RULE_LINE.exec(line);
    if (match) table.rules.push({ rule: match[2]!.replace(/\s+/g, ' '), counters: match[1]?.trim() ?? ZERO });
  }
  return table;
}

const isOurs = (line: string): boolean => line.includes(BINARY);
const chainOf = (rule: string): string => rule.split(' ')[1] ?? '';

/** The iptables-restore input that makes the host's filter table hold `ours` beside everything foreign. */
export function filterRestoreInput(saved: string, ours: FilterRules): string {
  const table = parseFilterTable(saved) ?? {
    declarations: [...BUILTIN_FILTER_CHAINS].map((chain) => `:${chain} ACCEPT ${ZERO}`), rules: [],
  };
  const counters = new Map(table.rules.filter(({ rule }) => isOurs(rule)).map(({ rule, counters: c }) => [rule, c]));
  const withCounters = (rule: string): string => `${counters.get(rule) ?? ZERO} ${rule}`;
  const declaredByOthers = table.declarations.filter((line) => !isOurs(line));
  const top = ours.rules.filter((rule) => BUILTIN_FILTER_CHAINS.has(chainOf(rule)));
  const inOurChains = ours.rules.filter((rule) => !BUILTIN_FILTER_CHAINS.has(chainOf(rule)));
  return [
    '*filter',
    ...declaredByOthers,
    ...ours.chains.map((chain) => `:${chain} - ${ZERO}`),
    ...top.map(withCounters),
    ...table.rules.filter(({ rule }) => !isOurs(rule)).map(({ rule, counters: c }) => `${c} ${rule}`),
    ...inOurChains.map(withCounters),
    'COMMIT',
    '',
  ].join('\n');
}
