// `xengraph token create --role R [--name N]`: creates an API token in the store directly (no server needed)
// and prints only the secret, so scripts can capture it: TOKEN=$(xengraph token create --role reader).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { createSqliteStore, ROLES, type Role } from '../store/index.js';

export async function runTokenCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'create') throw new ConfigError('usage: xengraph token create --role reader|operator|admin [--name NAME]');
  const { values } = parseArgs({
    args: rest,
    options: { role: { type: 'string' }, name: { type: 'string' }, 'database-url': { type: 'string' } },
  });
  const role = values.role?.toLowerCase();
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    throw new ConfigError(`--role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(values.role ?? '')}`);
  }
  const name = values.name?.trim() || `cli-${role}`;
  if (name.length > 100) throw new ConfigError('--name must be at most 100 characters');
  const config = loadConfig({
    ...process.env,
    ...(values['database-url'] !== undefined ? { DATABASE_URL: values['database-url'] } : {}),
  });
  const store = createSqliteStore(config.databaseUrl);
  try {
    const { secret } = await store.tokens.create({ name, role: role as Role });
    process.stdout.write(`${secret}\n`);
  } finally {
    await store.close();
  }
}
