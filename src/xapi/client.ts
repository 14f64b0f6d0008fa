// The XAPI client one pool is driven through: calls with bounded concurrency and self-healing sessions,
// async calls followed to their task's end, and an object cache kept live by the pool's event watcher.
import { EventEmitter } from 'node:events';
import { ConcurrencyLimiter } from './limiter.js';
import { EventWatcher, type ConnectionStatus, type EventSource } from './event-watcher.js';
import { normalizeResult, type XapiRecord } from './normalize.js';
import { ObjectCache, type CacheChange } from './object-cache.js';
import { XapiSession, type XapiCallRecord, type XapiSessionCallOptions } from './session.js';
import { taskOutcome, waitForTask, type TaskWaitOptions } from './tasks.js';
import { createXapiTransport } from './bulk-fetch-transport.js';
import type { XapiCallOptions, XapiTransportFactory } from './transport.js';

/**
 * What the watcher mirrors unless told otherwise: the objects a control plane reads. `task` is always
 * watched (callAsync waits on it); `message` is left out because pools accumulate thousands of them.
 */
export const DEFAULT_WATCHED_CLASSES: readonly string[] = [
  'pool', 'host', 'host_metrics', 'host_cpu', 'VM', 'VM_metrics', 'VM_guest_metrics', 'console',
  'SR', 'PBD', 'VDI', 'VBD', 'VIF', 'network', 'PIF', 'PCI', 'task',
];

export interface XapiClientOptions {
  /** A pool member's URL, or several to try in order (`http://host`, `https://host:443`). */
  url: string | readonly string[];
  user: string;
  password: string;
  /** Shown by XAPI as the session's originator (and used by it to group sessions). */
  originator?: string;
  /** Calls in flight at once; more wait in a queue. The event long poll does not count. */
  concurrency?: number;
  /** Replaces the XML-RPC transport (tests, or a JSON-RPC transport). */
  transportFactory?: XapiTransportFactory;
  /** For the default transport: accept the self-signed certificates XAPI hosts ship with. */
  allowUnauthorized?: boolean;
  /** true (default): watch DEFAULT_WATCHED_CLASSES; a list: those classes (plus `task`); false: no watcher. */
  watchEvents?: boolean | readonly string[];
  /** Server-side wait of each event.from poll, in seconds. */
  eventTimeoutSeconds?: number;
  /** HOST_IS_SLAVE redirections one login may follow. */
  maxRedirects?: number;
  /**
   * Give up on a call after this long (XapiTransportError ETIMEDOUT, then fail-over). Off by default: sync
   * XAPI calls such as a migration legitimately take many minutes.
   */
  callTimeoutMs?: number;
}

export interface XapiClientEvents {
  connected: [info: { sessionId: string; masterUrl: string; poolRef: string }];
  /** A new session (first login, re-login after expiry, fail-over). */
  session: [sessionId: string, masterUrl: string];
  masterChanged: [masterUrl: string, previousUrl: string];
  /** Health of the event link: `connected`, `reconnecting` (with the error), `stopped`. */
  connectionStatus: [status: ConnectionStatus];
  /** Every request sent (logins, retries and event polls included), with its duration and error if any. */
  call: [call: XapiCallRecord];
  closed: [];
}

export interface CallAsyncOptions extends TaskWaitOptions {}

export class XapiClient extends EventEmitter<XapiClientEvents> {
  /** ref → record per watched class, current as of the last event batch. */
  readonly cache = new ObjectCache();
  private readonly session: XapiSession;
  private readonly limiter: ConcurrencyLimiter;
  private readonly watchedClasses: readonly string[] | undefined;
  private readonly eventTimeoutSeconds: number | undefined;
  private readonly callTimeoutMs: number | undefined;
  /** Whether HTTP side channels (disk import) accept self-signed certificates, as the API calls do. */
  readonly allowUnauthorized: boolean;
  private eventWatcher: EventWatcher | undefined;
  private pool: string | undefined;
  private closed = false;

  constructor(options: XapiClientOptions) {
    super();
    this.allowUnauthorized = options.allowUnauthorized ?? false;
    const urls = typeof options.url === 'string' ? [options.url] : [...options.url];
    const concurrency = options.concurrency ?? 16;
    const transportFactory =
      options.transportFactory ??
      ((url: string) => createXapiTransport(url, { allowUnauthorized: options.allowUnauthorized, maxSockets: concurrency + 8 }));
    this.session = new XapiSession({
      urls,
      user: options.user,
      password: options.password,
      originator: options.originator ?? 'xengraph',
      transportFactory,
      maxRedirects: options.maxRedirects,
    });
    this.limiter = new ConcurrencyLimiter(concurrency);
    const watch = options.watchEvents ?? true;
    this.watchedClasses = watch === false ? undefined : [...(watch === true ? DEFAULT_WATCHED_CLASSES : watch), 'task'];
    this.eventTimeoutSeconds = options.eventTimeoutSeconds;
    this.callTimeoutMs = options.callTimeoutMs;
    this.session.on('session', (sessionId, masterUrl) => this.emit('session', sessionId, masterUrl));
    this.session.on('call', (call) => {
      // Any answer proves the pool is back, long before the event long poll (up to its timeout) returns.
      if (call.error === undefined) this.eventWatcher?.markReachable();
      this.emit('call', call);
    });
    this.session.on('masterChanged', (masterUrl, previousUrl) => {
      // Event tokens are generations of the old master's database; start over against the new one.
      this.eventWatcher?.requestResync();
      this.emit('masterChanged', masterUrl, previousUrl);
    });
  }

  get sessionId(): string | undefined {
    return this.session.sessionId;
  }

  get masterUrl(): string | undefined {
    return this.session.masterUrl;
  }

  get poolRef(): string | undefined {
    return this.pool;
  }

  /** Requests sent to XAPI so far, logins, retries and event polls included. */
  get callCount(): number {
    return this.session.callCount;
  }

  get callCountByMethod(): ReadonlyMap<string, number> {
    return this.session.callCountByMethod;
  }

  /** URLs of the pool members this client would fail over to. */
  get knownUrls(): string[] {
    return this.session.knownUrls;
  }

  get connectionStatus(): ConnectionStatus {
    if (this.eventWatcher) return this.eventWatcher.status;
    return { state: this.closed ? 'stopped' : this.sessionId ? 'connected' : 'connecting', lastEventAt: undefined };
  }

  /**
   * Logs in (following HOST_IS_SLAVE to the master), learns the pool and its members, and, when events are
   * watched, resolves once the cache holds every watched class.
   */
  async connect(): Promise<void> {
    try {
      await this.session.connect();
      this.pool = await this.fetchPoolRef();
      if (this.watchedClasses) {
        const watcher = new EventWatcher(this.eventSource(), this.cache, {
          classes: this.watchedClasses,
          timeoutSeconds: this.eventTimeoutSeconds,
        });
        this.eventWatcher = watcher;
        watcher.on('status', (status) => this.emit('connectionStatus', status));
        this.cache.on('batch', (changes) => this.onBatch(changes));
        await watcher.start();
      }
      await this.learnHosts();
    } catch (error) {
      await this.close();
      throw error;
    }
    this.emit('connected', { sessionId: this.sessionId as string, masterUrl: this.masterUrl as string, poolRef: this.pool });
  }

  private async fetchPoolRef(): Promise<string> {
    const refs = await this.call<string[]>('pool.get_all');
    const ref = refs[0];
    if (ref === undefined) throw new Error('XAPI answered pool.get_all with no pool');
    this.pool = ref;
    return ref;
  }

  /** Fail-over candidates come from `host.address`: from the cache when hosts are watched, else one fetch. */
  private async learnHosts(): Promise<void> {
    if (this.eventWatcher?.classes.includes('host')) {
      this.learnHostsFromCache();
      return;
    }
    const hosts = await this.call<Record<string, XapiRecord>>('host.get_all_records');
    this.session.learnHostAddresses(Object.values(hosts).map((host) => String(host.address ?? '')));
  }

  private learnHostsFromCache(): void {
    const addresses = [...this.cache.all('host').values()].map((host) => String(host.address ?? ''));
    this.session.learnHostAddresses(addresses);
  }

  private onBatch(changes: readonly CacheChange[]): void {
    if (changes.some((change) => change.cls === 'host')) this.learnHostsFromCache();
    if (changes.some((change) => change.cls === 'pool')) this.followPoolMaster();
  }

  /** A hand-over shows in the pool record before the old master stops serving: move with it (failures fall back to fail-over). */
  private followPoolMaster(): void {
    const pool = this.pool === undefined ? undefined : this.cache.get('pool', this.pool);
    const address = pool ? this.cache.get('host', String(pool.master))?.address : undefined;
    if (typeof address === 'string' && address !== '') this.session.followMaster(address).catch(() => undefined);
  }

  private eventSource(): EventSource {
    return {
      request: (method, args, options) => this.request(method, args, options),
      call: (method, args) => this.call(method, ...args),
      sessionId: () => this.session.sessionId,
      poolRef: () => this.pool as string,
      refreshPoolRef: () => this.fetchPoolRef(),
    };
  }

  /** A call outside the concurrency queue (long polls). */
  private async request(method: string, args: readonly unknown[], options?: XapiSessionCallOptions): Promise<unknown> {
    return normalizeResult(method, await this.session.call(method, args, options));
  }

  /**
   * Calls `method` (`VM.get_record`, `VM.start` …) with the session prepended. Results are normalised (ints
   * and floats as numbers, datetimes as XAPI strings); failures are XapiError with XAPI's code and params.
   */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
    const options = this.callTimeoutMs === undefined ? undefined : { timeoutMs: this.callTimeoutMs };
    return this.limiter.run(() => this.request(method, args, options)) as Promise<T>;
  }

  /**
   * Runs `Async.<method>` and resolves with the task's decoded result once XAPI finishes it, reporting
   * progress on the way. The task is destroyed afterwards.
   */
  async callAsync<T = unknown>(method: string, args: readonly unknown[] = [], options: CallAsyncOptions = {}): Promise<T> {
    if (options.signal?.aborted) throw options.signal.reason;
    const taskRef = await this.call<string>(`Async.${method}`, ...args);
    return this.awaitTask<T>(method, taskRef, options);
  }

  /**
   * Follows a task (from an Async call, or one created for an HTTP transfer) to its end, resolving with its
   * decoded result or rejecting with its XAPI error. The task is destroyed afterwards.
   */
  async awaitTask<T = unknown>(label: string, taskRef: string, options: CallAsyncOptions = {}): Promise<T> {
    try {
      const task = await waitForTask(
        {
          cache: this.eventWatcher?.running ? this.cache : undefined,
          call: (m, a) => this.call(m, ...a),
          longPoll: (m, a) => this.request(m, a),
        },
        label,
        taskRef,
        options,
      );
      return taskOutcome(label, taskRef, task) as T;
    } finally {
      // Finished tasks stay in XAPI's database until destroyed; nobody else will read this one.
      this.call('task.destroy', taskRef).catch(() => undefined);
    }
  }

  /**
   * Read-your-writes for the cache: resolves once every change XAPI made before this call is in the cache
   * (an `event.inject` on the pool, then waiting for the watcher to pass its token).
   */
  async barrier(timeoutMs = 60_000): Promise<void> {
    const watcher = this.eventWatcher;
    if (!watcher?.running) throw new Error('barrier() needs the event watcher (watchEvents is off or the client is closed)');
    const token = (await this.call('event.inject', 'pool', this.pool)) as string;
    await watcher.waitForToken(token, timeoutMs);
  }

  /**
   * Refetches every watched class before the next event poll, as after a fail-over: a slow reconcile in case
   * an event was ever missed. Differences reach cache listeners as ordinary changes.
   */
  requestResync(): void {
    this.eventWatcher?.requestResync();
  }

  /** Stops the event watcher, logs out and closes connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.eventWatcher?.stop();
    await this.session.close();
    this.emit('closed');
  }
}

/** Connects a client in one step. */
export async function connectXapi(options: XapiClientOptions): Promise<XapiClient> {
  const client = new XapiClient(options);
  await client.connect();
  return client;
}
