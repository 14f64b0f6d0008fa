import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, isNull, type SQL } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { apiTokens } from '../schema.js';
import type { ApiToken, ApiTokenFilter, ApiTokenRepository, PageWindow, Role } from '../types.js';
import { loadInInputOrder } from './batch.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type ApiTokenRow = typeof apiTokens.$inferSelect;

const SECRET_PREFIX = 'xg_';
// Recording every request's use would turn each read into a write; a minute's precision is enough to audit.
const LAST_USED_PRECISION_MS = 60_000;

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id, name: row.name, role: row.role as Role, createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt,
  };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const OLDEST_FIRST: Keyset<ApiToken> = {
  key: 'token.createdAt', column: apiTokens.createdAt, idColumn: apiTokens.id, valueKind: 'number', direction: 'ASC',
  valueOf: (token) => token.createdAt.getTime(),
};

export class SqliteApiTokenRepository implements ApiTokenRepository {
  constructor(private readonly db: SqliteDb) {}

  async create(input: { name: string; role: Role }): Promise<{ token: ApiToken; secret: string }> {
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    const row = this.db.insert(apiTokens)
      .values({ id: randomUUID(), name: input.name, role: input.role, secretHash: hashSecret(secret) })
      .returning().get();
    return { token: toApiToken(row), secret };
  }

  async authenticate(secret: string): Promise<ApiToken | null> {
    if (!secret.startsWith(SECRET_PREFIX)) return null;
    const row = this.db.select().from(apiTokens).where(eq(apiTokens.secretHash, hashSecret(secret))).get();
    if (!row || row.revokedAt !== null) return null;
    const now = new Date();
    if (row.lastUsedAt !== null && now.getTime() - row.lastUsedAt.getTime() < LAST_USED_PRECISION_MS) {
      return toApiToken(row);
    }
    this.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
    return toApiToken({ ...row, lastUsedAt: now });
  }

  async revoke(id: string): Promise<ApiToken | null> {
    return this.db.transaction((tx) => {
      const row = tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
      if (!row) return null;
      if (row.revokedAt !== null) return toApiToken(row);
      const now = new Date();
      return toApiToken(tx.update(apiTokens).set({ revokedAt: now, updatedAt: now })
        .where(eq(apiTokens.id, id)).returning().get());
    }, { behavior: 'immediate' });
  }

  async get(id: string): Promise<ApiToken | null> {
    const row = this.db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    return row ? toApiToken(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<(ApiToken | null)[]> {
    return loadInInputOrder(ids, apiTokens.id, (where) => this.db.select().from(apiTokens).where(where).all(), toApiToken);
  }

  async list(filter: ApiTokenFilter, window: PageWindow): Promise<ApiToken[]> {
    const page = keysetPage(OLDEST_FIRST, window, conditions(filter));
    return this.db.select().from(apiTokens).where(page.where).orderBy(...page.orderBy).limit(page.limit).all()
      .map(toApiToken);
  }

  async count(filter: ApiTokenFilter = {}): Promise<number> {
    return this.db.select({ n: count() }).from(apiTokens).where(conditions(filter)).get()?.n ?? 0;
  }

  cursorOf(token: ApiToken): string {
    return keysetCursor(OLDEST_FIRST, token);
  }
}

function conditions(filter: ApiTokenFilter): SQL | undefined {
  return and(
    filter.includeRevoked ? undefined : isNull(apiTokens.revokedAt),
    filter.role === undefined ? undefined : eq(apiTokens.role, filter.role),
  );
}
