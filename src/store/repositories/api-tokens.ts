import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, isNull, type SQL } from 'drizzle-orm';
import { first, present, one, type Runner } from '../program.js';
import type { apiTokens } from '../schema.js';
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

export function apiTokenRepository(r: Runner): ApiTokenRepository {
  const { db, t: { apiTokens } } = r;
  const OLDEST_FIRST: Keyset<ApiToken> = {
    key: 'token.createdAt', column: apiTokens.createdAt, idColumn: apiTokens.id, valueKind: 'timestamp', direction: 'ASC',
    valueOf: (token) => token.createdAt.getTime(),
  };

  class DrizzleApiTokenRepository implements ApiTokenRepository {

    async create(input: { name: string; role: Role }): Promise<{ token: ApiToken; secret: string }> {
      const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
      const row = present(await r.first(db.insert(apiTokens)
        .values({ id: randomUUID(), name: input.name, role: input.role, secretHash: hashSecret(secret) })
        .returning()));
      return { token: toApiToken(row), secret };
    }

    async authenticate(secret: string): Promise<ApiToken | null> {
      if (!secret.startsWith(SECRET_PREFIX)) return null;
      const row = (await r.first(db.select().from(apiTokens).where(eq(apiTokens.secretHash, hashSecret(secret)))));
      if (!row || row.revokedAt !== null) return null;
      const now = new Date();
      if (row.lastUsedAt !== null && now.getTime() - row.lastUsedAt.getTime() < LAST_USED_PRECISION_MS) {
        return toApiToken(row);
      }
      (await r.changes(db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id))));
      return toApiToken({ ...row, lastUsedAt: now });
    }

    async revoke(id: string): Promise<ApiToken | null> {
      return r.transaction(function* (tx) {
        const row = (yield* first(tx.select().from(apiTokens).where(eq(apiTokens.id, id))));
        if (!row) return null;
        if (row.revokedAt !== null) return toApiToken(row);
        const now = new Date();
        return toApiToken((yield* one(tx.update(apiTokens).set({ revokedAt: now, updatedAt: now })
          .where(eq(apiTokens.id, id)).returning())));
      });
    }

    async get(id: string): Promise<ApiToken | null> {
      const row = (await r.first(db.select().from(apiTokens).where(eq(apiTokens.id, id))));
      return row ? toApiToken(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(ApiToken | null)[]> {
      return loadInInputOrder(ids, apiTokens.id, (where) => (r.all(db.select().from(apiTokens).where(where))), toApiToken);
    }

    async list(filter: ApiTokenFilter, window: PageWindow): Promise<ApiToken[]> {
      const page = keysetPage(OLDEST_FIRST, window, conditions(filter));
      return (await r.all(db.select().from(apiTokens).where(page.where).orderBy(...page.orderBy).limit(page.limit)))
        .map(toApiToken);
    }

    async count(filter: ApiTokenFilter = {}): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(apiTokens).where(conditions(filter))))?.n ?? 0;
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
  return new DrizzleApiTokenRepository();
}
