// Long-lived streams (graphql-ws connections, SSE subscriptions) authenticate once, so revoking their token must
// end them. Each stream registers under its token; a revocation through the API ends them at once (the
// 'token:revoked' topic), and the tokens that still have streams are re-read every half second, which catches
// revocations by the CLI or by another process sharing the database.
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

  /**
   * A subscription's results that end (complete) when its token is revoked. A plain iterator over the source
   * rather than a Repeater racing each step against the revocation: with a thousand subscribers every event
   * went through a thousand buffered pushes, and each race left a reaction on the never-settled revocation
   * promise, so a long-lived subscription held one per event it had delivered.
   */
  endOnRevocation<T>(tokenId: string, source: AsyncIterable<T>): AsyncIterableIterator<T> {
    const iterator = source[Symbol.asyncIterator]();
    const finished: IteratorResult<T> = { done: true, value: undefined };
    let ended = false;
    /** Settles the step the consumer is waiting on (consumers such as graphql-ws ask for one step at a time). */
    let waiting: ((step: IteratorResult<T>) => void) | null = null;
    const end = (): void => {
      if (ended) return;
      ended = true;
      close();
      waiting?.(finished);
      waiting = null;
      void Promise.resolve(iterator.return?.()).catch((error: unknown) => this.options.logError('a subscription did not end cleanly', error));
    };
    const close = this.open(tokenId, end);
    return {
      next: () => {
        if (ended) return Promise.resolve(finished);
        return new Promise<IteratorResult<T>>((resolve, reject) => {
          waiting = resolve;
          iterator.next().then((step) => {
            if (waiting !== resolve) return;
            waiting = null;
            if (step.done) end();
            resolve(step);
          }, (error: unknown) => {
            if (waiting !== resolve) return;
            waiting = null;
            end();
            reject(error);
          });
        });
      },
      return: () => {
        end();
        return Promise.resolve(finished);
      },
      throw: (error: unknown) => {
        end();
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
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
