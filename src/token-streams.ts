// Long-lived streams (graphql-ws connections, SSE subscriptions) authenticate once, so revoking their token must
// end them. Each stream registers under its token; a revocation through the API ends them at once (the
// 'token:revoked' topic), and the tokens that still have streams are re-read every half second, which catches
// revocations by the CLI or by another process sharing the database.
import { Repeater } from '@graphql-yoga/subscription';
import type { AppPubSub } from './events/pubsub.js';
import type { ApiTokenRepository } from './store/index.js';

export interface TokenStreamsOptions {
  readonly tokens: ApiTokenRepository;
  readonly pubsub: AppPubSub;
  readonly logError: (message: string, error: unknown) => void;
  /** How often tokens with open streams are re-read from the store. */
  readonly recheckMs?: number;
}

export class TokenStreams {
  private readonly endersByToken = new Map<string, Set<() => void>>();
  private readonly revocations: AsyncIterableIterator<string>;
  private recheckTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: TokenStreamsOptions) {
    const revocations = options.pubsub.subscribe('token:revoked');
    this.revocations = revocations;
    void (async () => {
      for await (const tokenId of revocations) this.endStreamsOf(tokenId);
    })();
  }

  /** Registers a stream of the token; `end` is called once if the token is revoked. Returns the unregistration. */
  open(tokenId: string, end: () => void): () => void {
    let enders = this.endersByToken.get(tokenId);
    if (!enders) this.endersByToken.set(tokenId, (enders = new Set()));
    const ender = () => end();
    enders.add(ender);
    this.recheckTimer ??= setInterval(() => void this.recheck(), this.options.recheckMs ?? 500).unref();
    return () => {
      enders.delete(ender);
      if (enders.size === 0 && this.endersByToken.get(tokenId) === enders) this.endersByToken.delete(tokenId);
      this.stopRecheckWhenIdle();
    };
  }

  /** A subscription's results that end (complete) when its token is revoked. */
  endOnRevocation<T>(tokenId: string, source: AsyncIterable<T>): AsyncIterableIterator<T> {
    return new Repeater<T>(async (push, stop) => {
      const close = this.open(tokenId, () => stop());
      const iterator = source[Symbol.asyncIterator]();
      const stopped = stop.then(() => ({ done: true, value: undefined }) as IteratorResult<T>);
      try {
        for (;;) {
          const step = await Promise.race([iterator.next(), stopped]);
          if (step.done) break;
          await push(step.value);
        }
      } finally {
        close();
        stop();
        await iterator.return?.();
      }
    });
  }

  /** Ends every open stream (a shutdown); their subscriptions complete, so SSE responses finish. */
  endAll(): void {
    for (const tokenId of [...this.endersByToken.keys()]) this.endStreamsOf(tokenId);
  }

  async stop(): Promise<void> {
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    this.recheckTimer = null;
    await this.revocations.return?.();
  }

  private endStreamsOf(tokenId: string): void {
    const enders = this.endersByToken.get(tokenId);
    if (!enders) return;
    this.endersByToken.delete(tokenId);
    for (const end of enders) end();
    this.stopRecheckWhenIdle();
  }

  private async recheck(): Promise<void> {
    const ids = [...this.endersByToken.keys()];
    if (ids.length === 0) return;
    try {
      const tokens = await this.options.tokens.getMany(ids);
      // Told to everyone who listens for revocations (the token cache too), not only to these streams.
      tokens.forEach((token, index) => {
        if (!token || token.revokedAt) this.options.pubsub.publish('token:revoked', ids[index]!);
      });
    } catch (error) {
      this.options.logError('could not re-check the API tokens of open streams', error);
    }
  }

  private stopRecheckWhenIdle(): void {
    if (this.endersByToken.size > 0 || !this.recheckTimer) return;
    clearInterval(this.recheckTimer);
    this.recheckTimer = null;
  }
}
