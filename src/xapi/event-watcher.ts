// Keeps an ObjectCache in step with one pool through XAPI's `event.from` long poll. One watcher per pool: its
// single outstanding call carries every change of every watched class, coalesced per object.
//
// Starting point: `event.inject('pool', poolRef)` for a token, *then* `get_all_records` of each class. The
// token predates the fetch, so nothing changed in between can be missed (at worst it is seen twice, which
// is harmless since snapshots replace whole records). We prefer this to `event.from(classes, '')` because
// each class comes back as a separate answer, fetched one after another, instead of one batch holding the
// whole pool, and because a resync needs complete per-class sets anyway to detect objects deleted meanwhile. It is
// also the sequence Xen Orchestra runs against production pools.
//
// A token only means something to the XAPI process that issued it: after a toolstack restart the counter resumes
// from the database's last flush. So whenever XAPI may have restarted (a poll failed, the session is not the one
// the token was fetched on, the token went back, the master's boot or toolstack start time moved) the watcher
// starts over with a full resync instead of trusting its token.
import { EventEmitter } from 'node:events';
import { setImmediate as afterPendingWork, setTimeout as sleep } from 'node:timers/promises';
import { XapiErrorCode, isXapiError } from './errors.js';
import type { CacheChange, ObjectCache, XapiEvent } from './object-cache.js';
import { tokenGeneration, tokenWentBack, toolstackStartOf } from './restart-signs.js';
import type { XapiSessionCallOptions } from './session.js';

/** What the watcher needs from the client: session-aware, normalised calls and the pool's ref. */
export interface EventSource {
  /** A call outside the client's concurrency queue: the long poll must never wait behind (or block) others. */
  request(method: string, args: unknown[], options?: XapiSessionCallOptions): Promise<unknown>;
  /** An ordinary (queued) call, for the bulk `get_all_records` fetches. */
  call(method: string, args: unknown[]): Promise<unknown>;
  /** The session calls currently go out on; a new one means the old one ended, perhaps with XAPI itself. */
  sessionId(): string | undefined;
  poolRef(): string;
  /** Looks the pool's ref up again (refs are not guaranteed to survive a XAPI restart). */
  refreshPoolRef(): Promise<string>;
}

export interface EventWatcherOptions {
  /** Classes to watch, as XAPI names them (`VM`, `host`, `task` …). */
  classes: readonly string[];
  /** Server-side wait of each `event.from` (seconds). */
  timeoutSeconds?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

export interface ConnectionStatus {
  state: ConnectionState;
  /** When event.from last answered: the link was known to be alive then, even if nothing changed. */
  lastEventAt: Date | undefined;
  /** Why the watcher is reconnecting. */
  error?: unknown;
}

export interface EventWatcherEvents {
  status: [status: ConnectionStatus];
  /** A full refetch happened (start, a sign of a XAPI restart, master change); changes went out through the cache. */
  resync: [changes: readonly CacheChange[]];
  /** The cache now reflects the pool up to this token. */
  token: [token: string];
}

interface EventBatch {
  events: XapiEvent[];
  token: string;
  valid_ref_counts?: Record<string, number>;
}

/** The token was refused: the only way back is a full refetch and a new token. */
function tokenRefused(error: unknown): boolean {
  return isXapiError(error, XapiErrorCode.EVENTS_LOST) || isXapiError(error, XapiErrorCode.EVENT_FROM_TOKEN_PARSE_FAILURE);
}

/**
 * XAPI tokens are `<database generation>,<message generation>`, zero-padded. Only the database part orders
 * object changes (a new message moves the second part without any object having changed).
 */
export function tokenPassed(current: string, target: string): boolean {
  const a = tokenGeneration(current);
  const b = tokenGeneration(target);
  return a !== undefined && b !== undefined ? a > b : current > target;
}

export class EventWatcher extends EventEmitter<EventWatcherEvents> {
  readonly classes: readonly string[];
  private readonly timeoutSeconds: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private token: string | undefined;
  private needsResync = true;
  /** The session the token was fetched on. */
  private tokenSession: string | undefined;
  /** The master's boot and toolstack start times as of the last resync. */
  private toolstackStart: string | undefined;
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private current: ConnectionStatus = { state: 'connecting', lastEventAt: undefined };

  constructor(
    private readonly source: EventSource,
    private readonly cache: ObjectCache,
    options: EventWatcherOptions,
  ) {
    super();
    this.classes = [...new Set(options.classes)];
    this.timeoutSeconds = options.timeoutSeconds ?? 30;
    this.minBackoffMs = options.minBackoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  get running(): boolean {
    return this.loop !== undefined && !this.abort.signal.aborted;
  }

  /** Loads every watched class into the cache, then keeps following events in the background. */
  async start(): Promise<void> {
    if (this.loop) return;
    await this.resync();
    this.setStatus({ state: 'connected', lastEventAt: new Date() });
    this.loop = this.run();
  }

  /**
   * Resolves once the cache reflects every change up to `token` (from `event.inject`, which answers the
   * generation just before the change it makes).
   */
  waitForToken(token: string, timeoutMs = 60_000): Promise<void> {
    // A token held from before a re-login may come from a XAPI that has since restarted: not comparable.
    if (this.token !== undefined && this.tokenSession === this.source.sessionId() && tokenPassed(this.token, token)) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onToken = (current: string): void => {
        if (!tokenPassed(current, token)) return;
        cleanup();
        resolve();
      };
      const onAbort = (): void => {
        cleanup();
        reject(this.abort.signal.reason);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`event watcher did not reach token ${token} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off('token', onToken);
        this.abort.signal.removeEventListener('abort', onAbort);
      };
      this.on('token', onToken);
      this.abort.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * A XAPI call just succeeded: a link reported reconnecting is reachable again. Its token may still need a
   * resync; that runs on the next poll without the status having to wait for it.
   */
  markReachable(): void {
    if (this.current.state === 'reconnecting') this.setStatus({ state: 'connected', lastEventAt: this.current.lastEventAt });
  }

  /** Forces a full refetch before the next poll (the client calls this after failing over to a new master). */
  requestResync(): void {
    this.needsResync = true;
  }

  async stop(): Promise<void> {
    if (this.abort.signal.aborted) return;
    this.abort.abort(new Error('event watcher stopped'));
    await this.loop;
    this.setStatus({ state: 'stopped', lastEventAt: this.current.lastEventAt });
  }

  private setStatus(status: ConnectionStatus): void {
    const changed = status.state !== this.current.state;
    this.current = status;
    // Only transitions are news; `connected` → `connected` every poll would flood listeners.
    if (changed) this.emit('status', status);
  }

  private async resync(): Promise<void> {
    // Cleared first, so a request made while this resync runs (a fail-over) is not lost.
    this.needsResync = false;
    try {
      await this.fetchEverything();
    } catch (error) {
      this.needsResync = true;
      throw error;
    }
  }

  private async fetchEverything(): Promise<void> {
    const token = await this.injectToken();
    const session = this.source.sessionId();
    // One class after another, each applied as it arrives: only one class's answer is held at a time.
    const changes: CacheChange[] = [];
    try {
      for (const cls of this.classes) changes.push(...this.cache.replaceClass(cls, await this.fetchClass(cls), false));
    } finally {
      // Applied classes are told even if a later fetch fails: the retry finds them current and would not.
      if (changes.length > 0) this.cache.emit('batch', changes);
    }
    this.token = token;
    this.tokenSession = session;
    this.toolstackStart = toolstackStartOf(this.cache);
    this.emit('resync', changes);
    this.emit('token', token);
  }

  private async fetchClass(cls: string): Promise<Record<string, Record<string, unknown>>> {
    try {
      return (await this.source.call(`${cls}.get_all_records`, [])) as Record<string, Record<string, unknown>>;
    } catch (error) {
      // A class this server does not have (older XAPI) simply stays empty.
      if (isXapiError(error, XapiErrorCode.MESSAGE_METHOD_UNKNOWN)) return {};
      throw error;
    }
  }

  /** The master rebooted or its toolstack started again, as the event stream itself shows: start over. */
  private noticeToolstackStart(): void {
    const now = toolstackStartOf(this.cache);
    if (now !== undefined && this.toolstackStart !== undefined && now !== this.toolstackStart) this.needsResync = true;
  }

  private async injectToken(): Promise<string> {
    try {
      return (await this.source.request('event.inject', ['pool', this.source.poolRef()])) as string;
    } catch (error) {
      if (!isXapiError(error, XapiErrorCode.HANDLE_INVALID)) throw error;
      return (await this.source.request('event.inject', ['pool', await this.source.refreshPoolRef()])) as string;
    }
  }

  private async run(): Promise<void> {
    const signal = this.abort.signal;
    let backoffMs = this.minBackoffMs;
    let refusedInARow = 0;
    while (!signal.aborted) {
      try {
        // Another call found the session gone and logged in again: XAPI may have restarted since our token.
        if (this.tokenSession !== this.source.sessionId()) this.needsResync = true;
        if (this.needsResync || this.token === undefined) await this.resync();
        const sent = this.token as string;
        // What the last batch set off (mirroring, subscribers' deliveries) runs to its end before the next poll
        // is sent: building and writing that request costs about as much as mirroring one change, and it would
        // otherwise sit on every change's path to its subscribers. XAPI keeps what changes meanwhile.
        await afterPendingWork();
        // The client-side timeout only catches a dead link; the server answers by `timeoutSeconds` anyway.
        // No silent re-login or re-send: the failures that would need one are the ones that call for a resync.
        const batch = (await this.source.request('event.from', [this.classes, sent, this.timeoutSeconds], {
          signal,
          timeoutMs: this.timeoutSeconds * 1_100 + 10_000,
          recover: false,
        })) as EventBatch;
        if (signal.aborted) break;
        if (tokenWentBack(sent, batch.token)) {
          this.needsResync = true;
          continue;
        }
        this.token = batch.token;
        const changes = this.cache.applyEvents(batch.events ?? []);
        if (changes.some((change) => change.cls === 'host' || change.cls === 'pool')) this.noticeToolstackStart();
        this.emit('token', batch.token);
        this.setStatus({ state: 'connected', lastEventAt: new Date() });
        backoffMs = this.minBackoffMs;
        refusedInARow = 0;
      } catch (error) {
        if (signal.aborted) break;
        // Whatever broke the poll (a refused token, an ended session, a lost connection, a new master), the server
        // may not be the one our token came from.
        this.needsResync = true;
        if (tokenRefused(error) || isXapiError(error, XapiErrorCode.SESSION_INVALID)) {
          // Resync at once the first time; a server that keeps refusing fresh tokens gets the backoff.
          if (refusedInARow++ === 0) continue;
        }
        this.setStatus({ state: 'reconnecting', lastEventAt: this.current.lastEventAt, error });
        // Half fixed, half random: many clients of one restarted pool must not come back in lockstep.
        const delay = backoffMs / 2 + Math.random() * (backoffMs / 2);
        backoffMs = Math.min(backoffMs * 2, this.maxBackoffMs);
        try {
          await sleep(delay, undefined, { signal });
        } catch {
          break;
        }
      }
    }
  }
}
