// Every setting `xengraph serve` reads, with its default and meaning: the one table that loadConfig's defaults,
// the CLI's usage text and the README's settings table (checked by a test) all come from.

/** Defaults loadConfig applies; shown as they are in the usage text and the README. */
export const DEFAULTS = {
  XAPI_USER: 'root',
  PORT: 4000,
  DATA_DIR: './data',
  GRAPHIQL: true,
  AGENT_TIMEOUT: 30,
  BANDWIDTH_POLL_SECONDS: 60,
  POWER_SYNC_INTERVAL: 600,
  REBOOT_TIMEOUT: 600,
  PERIODIC_INTERVAL: 60,
  SHUTDOWN_GRACE: 8,
  LEASE_SECONDS: 15,
  SIMULATOR_TIME_SCALE: 1,
  LOG_LEVEL: 'info',
  PCI_ALIASES: '{"gpu":{"vendorId":"10de","productId":"1db6"}}',
  QUERY_BUDGET: 1_000_000,
  QUERY_BUDGET_WINDOW: 60,
} as const;

export interface Setting {
  /** The environment variable. */
  readonly name: string;
  /** The `serve` flag that overrides it, if any. */
  readonly flag?: string;
  readonly shownDefault: string;
  readonly meaning: string;
}

/** A default as written in markdown (the usage text drops the backquotes). */
function code(value: string | number | boolean): string {
  return `\`${value}\``;
}

export const SETTINGS: readonly Setting[] = [
  { name: 'XAPI_URL', flag: '--xapi-url', shownDefault: '— (embedded simulator)', meaning: 'comma-separated pool master URLs, e.g. `https://xen1.example.net`' },
  { name: 'XAPI_USER', shownDefault: code(DEFAULTS.XAPI_USER), meaning: 'XAPI user name' },
  { name: 'XAPI_PASSWORD', shownDefault: '—', meaning: 'XAPI password; required with `XAPI_URL`' },
  { name: 'PORT', flag: '--port', shownDefault: code(DEFAULTS.PORT), meaning: 'HTTP and WebSocket port (`0`: any free port, printed at start)' },
  { name: 'DATA_DIR', flag: '--data-dir', shownDefault: code(DEFAULTS.DATA_DIR), meaning: 'database, simulator state and image files' },
  { name: 'DATABASE_URL', flag: '--database-url', shownDefault: '`file:$DATA_DIR/xengraph.db`', meaning: 'SQLite database (`file:PATH`, a path, or `:memory:`), or PostgreSQL (`postgres://user@host:port/db`)' },
  { name: 'REDIS_URL', shownDefault: 'none', meaning: 'Redis (`redis://host:port`) carrying subscriptions\' events between replicas that share a PostgreSQL `DATABASE_URL`; without it events stay in the process' },
  { name: 'LEASE_SECONDS', shownDefault: code(DEFAULTS.LEASE_SECONDS), meaning: 'seconds after which a replica that stopped renewing its leases (the operations it runs, the pool feeds it follows) loses them to another' },
  { name: 'CORS_ORIGINS', shownDefault: 'none', meaning: 'comma-separated origins allowed to call the API from a browser' },
  { name: 'GRAPHIQL', shownDefault: code(DEFAULTS.GRAPHIQL), meaning: 'serve GraphiQL on `GET /graphql`' },
  { name: 'AGENT_TIMEOUT', shownDefault: code(DEFAULTS.AGENT_TIMEOUT), meaning: "seconds a guest agent command waits for the agent's answer" },
  { name: 'BANDWIDTH_POLL_SECONDS', shownDefault: code(DEFAULTS.BANDWIDTH_POLL_SECONDS), meaning: "seconds between polls of the hosts' per-interface traffic counters (`0`: off)" },
  { name: 'POWER_SYNC_INTERVAL', shownDefault: code(DEFAULTS.POWER_SYNC_INTERVAL), meaning: 'seconds between full power-state reconciles with XAPI, beside the live event feed (`0`: off)' },
  { name: 'REBOOT_TIMEOUT', shownDefault: code(DEFAULTS.REBOOT_TIMEOUT), meaning: 'seconds after which a clean reboot counts as stuck: its XAPI task is cancelled and the instance rebooted hard (`0`: off)' },
  { name: 'PERIODIC_INTERVAL', shownDefault: code(DEFAULTS.PERIODIC_INTERVAL), meaning: 'seconds between runs of the stuck-reboot poll and the host-boot check (which also runs when a host changes)' },
  { name: 'SIMULATOR_TIME_SCALE', shownDefault: code(DEFAULTS.SIMULATOR_TIME_SCALE), meaning: 'speed of the embedded simulator (without `XAPI_URL`): `1` takes realistic time, `0.1` ten times less' },
  { name: 'SHUTDOWN_GRACE', shownDefault: code(DEFAULTS.SHUTDOWN_GRACE), meaning: 'seconds a stop (SIGTERM, SIGINT) lets running XAPI steps finish; what still runs then is settled by the next start' },
  { name: 'LOG_LEVEL', shownDefault: code(DEFAULTS.LOG_LEVEL), meaning: 'least severe log lines written: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent` (JSON lines; pretty on a terminal)' },
  { name: 'PCI_ALIASES', shownDefault: code(DEFAULTS.PCI_ALIASES), meaning: "PCI devices flavors may ask for with the extra spec `pci_passthrough:alias` = `<alias>:<count>` (Nova's `pci_alias`): JSON, alias → hexadecimal `vendorId` and `productId`" },
  { name: 'QUERY_BUDGET', shownDefault: code(DEFAULTS.QUERY_BUDGET), meaning: 'query cost points each API token may spend per window (a field costs 1, a connection its page size times its selection; `0`: no limit); over it, `QUERY_BUDGET_EXCEEDED` (HTTP 429)' },
  { name: 'QUERY_BUDGET_WINDOW', shownDefault: code(DEFAULTS.QUERY_BUDGET_WINDOW), meaning: 'seconds after which a token\'s query budget is whole again' },
  { name: 'METRICS_TOKEN', shownDefault: 'none', meaning: 'when set, `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`' },
];

/** The README's table (between its header row and the first blank line after it). */
export function settingsMarkdownTable(): string {
  const rows = SETTINGS.map((s) => `| \`${s.name}\`${s.flag ? ` (\`${s.flag}\`)` : ''} | ${s.shownDefault} | ${s.meaning} |`);
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The same table for a terminal: no markdown, aligned columns. */
export function settingsUsage(): string {
  const plain = (text: string) => text.replaceAll('`', '');
  const left = SETTINGS.map((s) => `${s.name}${s.flag ? ` (${s.flag})` : ''}`);
  const width = Math.max(...left.map((text) => text.length));
  return SETTINGS.map((s, i) => `  ${left[i]!.padEnd(width)}  ${plain(s.meaning)} [default: ${plain(s.shownDefault)}]`).join('\n');
}
