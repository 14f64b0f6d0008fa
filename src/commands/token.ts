// `xengraph token create --role R [--name N]`: creates an API token in the store directly (no server needed)
// and prints only the secret, so scripts can capture it: TOKEN=$(xengraph token create --role reader).
// `xengraph token revoke ID`: revokes one (its id as the API shows it); a running server ends the token's open
// streams within a second, since it re-reads the tokens that have some.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { ConfigError, loadConfig } from '../config.js';
import { isPostgresUrl } from '../store/database-url.js';
import { openStore, ROLES, type Role, type Store } from '../store/index.js';
import { databaseLocation } from '../store/database.js';

const USAGE = 'usage: xengraph token create --role reader|operator|admin [--name NAME] [--create] | xengraph token revoke ID (see xengraph token --help)';

/** Where the database is: the same settings `serve` reads, flags first. */
const DATABASE_OPTIONS = { 'database-url': { type: 'string' }, 'data-dir': { type: 'string' } } as const;

interface DatabaseChoice {
  readonly 'database-url'?: string;
  readonly 'data-dir'?: string;
}

export async function runTokenCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'create') return createToken(rest);
  if (action === 'revoke') return revokeToken(rest);
  throw new ConfigError(USAGE);
}

async function createToken(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string' }, name: { type: 'string' }, create: { type: 'boolean' }, ...DATABASE_OPTIONS },
  });
  const role = values.role?.toLowerCase();
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    throw new ConfigError(`--role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(values.role ?? '')}`);
  }
  const name = values.name?.trim() || `cli-${role}`;
  if (name.length > 100) throw new ConfigError('--name must be at most 100 characters');
  await withStore(values, values.create ?? false, async (store) => {
    const { secret } = await store.tokens.create({ name, role: role as Role });
    process.stdout.write(`${secret}\n`);
  });
}

async function revokeToken(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: DATABASE_OPTIONS });
  if (positionals.length !== 1) throw new ConfigError(USAGE);
  const id = tokenIdOf(positionals[0]!);
  await withStore(values, false, async (store) => {
    const token = await store.tokens.revoke(id);
    if (!token) throw new ConfigError(`no API token ${positionals[0]}`);
    process.stdout.write(`revoked ${token.name}\n`);
  });
}

/** The API's global id (`ApiToken:<uuid>`, base64) or the bare uuid. */
function tokenIdOf(given: string): string {
  try {
    const { typename, id } = decodeGlobalID(given);
    if (typename === 'ApiToken') return id;
  } catch {
    // Not a global id: taken as the bare id.
  }
  return given;
}

async function withStore(
  choice: DatabaseChoice, create: boolean, use: (store: Store) => Promise<void>,
): Promise<void> {
  const env = {
    ...process.env,
    ...(choice['data-dir'] !== undefined ? { DATA_DIR: choice['data-dir'] } : {}),
    ...(choice['database-url'] !== undefined ? { DATABASE_URL: choice['database-url'] } : {}),
  };
  const config = loadConfig(env);
  // A mistyped DATA_DIR would otherwise get a new, empty database and a token that works nowhere.
  const location = isPostgresUrl(config.databaseUrl) ? null : databaseLocation(config.databaseUrl);
  if (!create && location !== null && location !== ':memory:' && !existsSync(location)) {
    const setting = env.DATABASE_URL?.trim() ? 'DATABASE_URL' : 'DATA_DIR';
    throw new ConfigError(`${setting}: no database at ${location}; point it at the one xengraph serve uses, or pass --create to make a new one`);
  }
  const store = await openStore(config.databaseUrl);
  try {
    await use(store);
  } finally {
    await store.close();
  }
}
