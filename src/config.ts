// Typed configuration from the environment, validated once at start so a mistake is one clear line.
import { DEFAULTS } from './settings.js';

export interface Config {
  /** Pool master URLs; null starts the embedded simulator. */
  readonly xapiUrls: readonly string[] | null;
  readonly xapiUser: string;
  /** Null only with the embedded simulator, which gets a password of its own. */
  readonly xapiPassword: string | null;
  readonly databaseUrl: string;
  /** The broker replicas share events through; null keeps them in this process. */
  readonly redisUrl: string | null;
  /** Seconds a replica's leases (its operations, the pool feeds it follows) outlive its last renewal. */
  readonly leaseSeconds: number;
  readonly port: number;
  readonly dataDir: string;
  /** Origins allowed to call the API from a browser; empty means same-origin only. `*` allows any. */
  readonly corsOrigins: readonly string[];
  readonly graphiql: boolean;
  /** Periodic tasks (one process at a time runs each, by a lease in the database). */
  readonly periodic: PeriodicConfig;
  /** Seconds a guest agent command waits for the agent's answer (Nova's agent_timeout). */
  readonly agentTimeoutSeconds: number;
  /** Seconds between polls of the hosts' bandwidth counters (Nova's bandwidth_poll_interval); 0 turns polling off. */
  readonly bandwidthPollSeconds: number;
  /** When set, `/metrics` answers only requests with `Authorization: Bearer <it>`. */
  readonly metricsToken: string | null;
  /** The least severe log lines written. */
  readonly logLevel: LogLevel;
  /** Speed of the embedded simulator (1 = realistic durations). */
  readonly simulatorTimeScale: number;
  /** Seconds a stop lets running XAPI steps finish before leaving the rest to the next start's recovery. */
  readonly shutdownGraceSeconds: number;
  /** PCI devices flavors may ask for by alias (Nova's pci_alias). */
  readonly pciAliases: PciAliases;
  /** Query cost points each token may spend per window; 0 points: no limit. */
  readonly queryBudget: { readonly points: number; readonly windowSeconds: number };
}

export type PciAliases = Readonly<Record<string, { readonly vendorId: string; readonly productId: string }>>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface PeriodicConfig {
  /** Seconds between full power-state reconciles with XAPI (Nova's sync_power_state_interval); 0 = off. */
  readonly powerSyncSeconds: number;
  /** Seconds after which a clean reboot counts as stuck and is made hard (Nova's reboot_timeout); 0 = off. */
  readonly rebootTimeoutSeconds: number;
  /** Seconds between runs of the stuck-reboot poll and the host-boot check (the latter also runs on host events). */
  readonly intervalSeconds: number;
}

/** A configuration mistake; its message is one line naming the variable and the offending value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): Config {
  const xapiUrls = list(env.XAPI_URL);
  for (const url of xapiUrls) checkHttpUrl('XAPI_URL', url);
  const xapiPassword = nonEmpty(env.XAPI_PASSWORD);
  if (xapiUrls.length > 0 && xapiPassword === null) {
    throw new ConfigError('XAPI_PASSWORD must be set when XAPI_URL names a pool');
  }
  const dataDir = nonEmpty(env.DATA_DIR) ?? DEFAULTS.DATA_DIR;
  const database = databaseUrl(env.DATABASE_URL) ?? `file:${dataDir.replace(/\/+$/, '')}/xengraph.db`;
  const redis = redisUrl(env.REDIS_URL);
  // Replicas share one database server: a SQLite file is one process's.
  if (redis !== null && !database.startsWith('postgres')) throw new ConfigError('REDIS_URL needs a PostgreSQL DATABASE_URL (replicas share one database)');
  const corsOrigins = list(env.CORS_ORIGINS).map(origin);
  return {
    xapiUrls: xapiUrls.length > 0 ? xapiUrls : null,
    xapiUser: nonEmpty(env.XAPI_USER) ?? DEFAULTS.XAPI_USER,
    xapiPassword,
    databaseUrl: database,
    redisUrl: redis,
    leaseSeconds: duration('LEASE_SECONDS', env.LEASE_SECONDS, DEFAULTS.LEASE_SECONDS, false),
    port: port(env.PORT),
    dataDir,
    corsOrigins,
    graphiql: flag('GRAPHIQL', env.GRAPHIQL, DEFAULTS.GRAPHIQL),
    periodic: {
      powerSyncSeconds: duration('POWER_SYNC_INTERVAL', env.POWER_SYNC_INTERVAL, DEFAULTS.POWER_SYNC_INTERVAL, true),
      rebootTimeoutSeconds: duration('REBOOT_TIMEOUT', env.REBOOT_TIMEOUT, DEFAULTS.REBOOT_TIMEOUT, true),
      intervalSeconds: duration('PERIODIC_INTERVAL', env.PERIODIC_INTERVAL, DEFAULTS.PERIODIC_INTERVAL, false),
    },
    agentTimeoutSeconds: seconds('AGENT_TIMEOUT', env.AGENT_TIMEOUT, DEFAULTS.AGENT_TIMEOUT),
    bandwidthPollSeconds: interval('BANDWIDTH_POLL_SECONDS', env.BANDWIDTH_POLL_SECONDS, DEFAULTS.BANDWIDTH_POLL_SECONDS),
    metricsToken: nonEmpty(env.METRICS_TOKEN),
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, DEFAULTS.LOG_LEVEL),
    simulatorTimeScale: timeScale(env.SIMULATOR_TIME_SCALE),
    shutdownGraceSeconds: duration('SHUTDOWN_GRACE', env.SHUTDOWN_GRACE, DEFAULTS.SHUTDOWN_GRACE, true),
    pciAliases: pciAliases(env.PCI_ALIASES),
    queryBudget: {
      points: points('QUERY_BUDGET', env.QUERY_BUDGET, DEFAULTS.QUERY_BUDGET),
      windowSeconds: seconds('QUERY_BUDGET_WINDOW', env.QUERY_BUDGET_WINDOW, DEFAULTS.QUERY_BUDGET_WINDOW),
    },
  };
}

const PCI_ID = /^[0-9a-f]{4}$/;

function pciAliases(value: string | undefined): PciAliases {
  const raw = nonEmpty(value) ?? DEFAULTS.PCI_ALIASES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const valid = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    && Object.values(parsed).every((alias: any) => typeof alias === 'object' && alias !== null
      && PCI_ID.test(String(alias.vendorId)) && PCI_ID.test(String(alias.productId)));
  if (!valid) {
    throw new ConfigError(`PCI_ALIASES must be a JSON object of aliases, each {"vendorId":"10de","productId":"1db6"} (4 lower-case hex digits), got ${JSON.stringify(value)}`);
  }
  return Object.fromEntries(Object.entries(parsed as Record<string, { vendorId: string; productId: string }>)
    .map(([alias, { vendorId, productId }]) => [alias, { vendorId, productId }]));
}

function redisUrl(value: string | undefined): string | null {
  const raw = nonEmpty(value);
  if (raw === null) return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(raw)) throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got ${JSON.stringify(value)}`);
  return raw;
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function port(value: string | undefined): number {
  const raw = nonEmpty(value);
  if (raw === null) return DEFAULTS.PORT;
  const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

function seconds(name: string, value: string | undefined, fallback: number): number {
  const raw = nonEmpty(value);
  if (raw === null) return fallback;
  const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 3600) {
    throw new ConfigError(`${name} must be a whole number of seconds between 1 and 3600, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** A whole number of points, 0 (off) to a billion. */
function points(name: string, value: string | undefined, fallback: number): number {
  const raw = nonEmpty(value);
  if (raw === null) return fallback;
  const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed > 1_000_000_000) {
    throw new ConfigError(`${name} must be a whole number between 0 (no limit) and 1000000000, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** A period in whole seconds; 0 means never. */
function interval(name: string, value: string | undefined, fallback: number): number {
  const raw = nonEmpty(value);
  if (raw === null) return fallback;
  const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed > 86_400) {
    throw new ConfigError(`${name} must be a whole number of seconds between 0 (off) and 86400, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** Seconds, fractions allowed (tests run periodic tasks every fraction of a second); 0 only when it means off. */
function duration(name: string, value: string | undefined, fallback: number, zeroIsOff: boolean): number {
  const raw = nonEmpty(value);
  if (raw === null) return fallback;
  const parsed = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(parsed) || parsed > 86_400 || (parsed === 0 && !zeroIsOff)) {
    throw new ConfigError(`${name} must be a number of seconds up to 86400${zeroIsOff ? ' (0 turns it off)' : ', above 0'}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  const raw = nonEmpty(value)?.toLowerCase();
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  const raw = nonEmpty(value)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new ConfigError(`${name} must be one of ${[...TRUE, ...FALSE].join(', ')}, got ${JSON.stringify(value)}`);
}

function timeScale(value: string | undefined): number {
  const raw = nonEmpty(value);
  if (raw === null) return DEFAULTS.SIMULATOR_TIME_SCALE;
  const parsed = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(parsed > 0 && parsed <= 100)) {
    throw new ConfigError(`SIMULATOR_TIME_SCALE must be a number above 0 and at most 100, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/**
 * SQLite (a `file:` URL, a path or `:memory:`) or PostgreSQL (`postgres://`, `postgresql://`). Another scheme is
 * named by its scheme alone: the rest of a database URL may hold a password.
 */
function databaseUrl(value: string | undefined): string | null {
  const raw = nonEmpty(value);
  if (raw === null) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'file' && scheme !== 'postgres' && scheme !== 'postgresql') {
    throw new ConfigError(`DATABASE_URL must name a SQLite database (file:PATH, a path or :memory:) or a PostgreSQL one (postgres://…); ${scheme}:// is not supported`);
  }
  return raw;
}

function checkHttpUrl(name: string, value: string): void {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError(`${name} must be a comma-separated list of http(s) URLs, got ${JSON.stringify(value)}`);
  }
}

function origin(value: string): string {
  if (value === '*') return value;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.replace(/\/$/, '')) {
    throw new ConfigError(
      `CORS_ORIGINS must be a comma-separated list of origins like https://ui.example.com (or *), got ${JSON.stringify(value)}`,
    );
  }
  return url.origin;
}
