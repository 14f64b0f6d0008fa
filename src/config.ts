// Typed configuration from the environment, validated once at start so a mistake is one clear line.
export interface Config {
  /** Pool master URLs; null starts the embedded simulator. */
  readonly xapiUrls: readonly string[] | null;
  readonly xapiUser: string;
  /** Null only with the embedded simulator, which gets a password of its own. */
  readonly xapiPassword: string | null;
  readonly databaseUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** Origins allowed to call the API from a browser; empty means same-origin only. `*` allows any. */
  readonly corsOrigins: readonly string[];
  readonly graphiql: boolean;
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
  const dataDir = nonEmpty(env.DATA_DIR) ?? './data';
  const corsOrigins = list(env.CORS_ORIGINS).map(origin);
  return {
    xapiUrls: xapiUrls.length > 0 ? xapiUrls : null,
    xapiUser: nonEmpty(env.XAPI_USER) ?? 'root',
    xapiPassword,
    databaseUrl: nonEmpty(env.DATABASE_URL) ?? `file:${dataDir.replace(/\/+$/, '')}/xengraph.db`,
    port: port(env.PORT),
    dataDir,
    corsOrigins,
    graphiql: flag('GRAPHIQL', env.GRAPHIQL, true),
  };
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
  if (raw === null) return 4000;
  const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got ${JSON.stringify(value)}`);
  }
  return parsed;
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
