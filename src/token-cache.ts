// Every HTTP request and graphql-ws operation authenticates its token; reading (and hashing) it from the store
// each time cost a query per request. Principals are kept for a second: a revocation in this process evicts at
// once (the 'token:revoked' topic, also published when token-streams.ts finds a token revoked by another
// process), and a revocation by another process of a token with no open stream is seen within the second.
import type { AppPubSub } from './events/pubsub.js';
import type { ApiToken, ApiTokenRepository } from './store/index.js';

export interface TokenCacheOptions {
  readonly tokens: ApiTokenRepository;
  readonly pubsub: AppPubSub;
  /** How long an authenticated token is trusted without reading it again. */
  readonly ttlMs?: number;
  /** Bound on cached secrets; the cache starts afresh when it is reached. */
  readonly maxEntries?: number;
}

interface Entry {
  readonly token: ApiToken;
  readonly expiresAt: number;
}

export class TokenCache implements Pick<ApiTokenRepository, 'authenticate'> {
  private readonly bySecret = new Map<string, Entry>();
  private readonly revocations: AsyncIterableIterator<string>;

  constructor(private readonly options: TokenCacheOptions) {
    const revocations = options.pubsub.subscribe('token:revoked');
    this.revocations = revocations;
    void (async () => {
      for await (const tokenId of revocations) this.forget(tokenId);
    })();
  }

  async authenticate(secret: string): Promise<ApiToken | null> {
    const now = Date.now();
    const cached = this.bySecret.get(secret);
    if (cached && cached.expiresAt > now) return cached.token;
    const token = await this.options.tokens.authenticate(secret);
    if (!token) {
      this.bySecret.delete(secret);
      return null;
    }
    if (this.bySecret.size >= (this.options.maxEntries ?? 10_000)) this.bySecret.clear();
    this.bySecret.set(secret, { token, expiresAt: now + (this.options.ttlMs ?? 1000) });
    return token;
  }

  async stop(): Promise<void> {
    await this.revocations.return?.();
  }

  private forget(tokenId: string): void {
    for (const [secret, entry] of this.bySecret) if (entry.token.id === tokenId) this.bySecret.delete(secret);
  }
}
