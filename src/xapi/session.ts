// A XAPI session on a pool, wherever its master currently is. Owns the three recoveries XAPI clients need:
// - HOST_IS_SLAVE [address] on login: the host we reached is a pool member, the master is at `address`;
// - SESSION_INVALID on any call: the session expired (or XAPI restarted), log in again and retry once;
// - the master stops answering: try the other pool members we know of (one of them may be the new master).
import { EventEmitter } from 'node:events';
import { XapiErrorCode, XapiTransportError, isTransportError, isXapiError } from './errors.js';
import { datamodel } from './datamodel/index.js';
import type { XapiCallOptions, XapiTransport, XapiTransportFactory } from './transport.js';

export interface XapiSessionOptions {
  /** Pool members to try, in order. */
  urls: readonly string[];
  user: string;
  password: string;
  originator: string;
  transportFactory: XapiTransportFactory;
  /** How many HOST_IS_SLAVE redirections one login may follow (a master change can take two hops). */
  maxRedirects?: number;
  /** Bound on one login attempt, so a host that hangs does not stall fail-over to the next one. */
  loginTimeoutMs?: number;
}

export interface XapiSessionEvents {
  /** A new session was opened (connect, re-login after SESSION_INVALID, fail-over). */
  session: [sessionId: string, masterUrl: string];
  /** The master moved: object refs survive, but event tokens of the old master may not. */
  masterChanged: [masterUrl: string, previousUrl: string];
  /** A request was answered or failed: what metrics and link health observe. */
  call: [call: XapiCallRecord];
}

export interface XapiCallRecord {
  readonly method: string;
  readonly durationMs: number;
  /** Absent when XAPI answered with a result. */
  readonly error?: unknown;
}

export interface XapiSessionCallOptions extends XapiCallOptions {
  /**
   * false: report SESSION_INVALID, HOST_IS_SLAVE and a broken connection as they are, instead of logging in
   * again, failing over and re-sending. The event watcher wants them: each may mean XAPI restarted, and then
   * its token is worthless and it must start over.
   */
  recover?: boolean;
}

/** Methods taking no session: the login family and XML-RPC's introspection. */
function takesSession(method: string): boolean {
  const name = method.startsWith('Async.') ? method.slice(6) : method;
  if (name.startsWith('system.')) return false;
  const dot = name.indexOf('.');
  const message = dot < 0 ? undefined : datamodel.find(name.slice(0, dot))?.messages.get(name.slice(dot + 1));
  return message ? message.sessionFirst : true;
}

/** Calls that change nothing, so re-sending one after a broken connection cannot do anything twice. */
function isReadOnly(method: string): boolean {
  return (
    /^[^.]+\.(get_|assert_|compute_)/.test(method) ||
    method === 'event.from' ||
    method === 'event.inject' ||
    method === 'system.listMethods'
  );
}

/**
 * Writes that leave XAPI as they found it when run twice: setting a field or removing a map key again changes
 * nothing. `add_to_*` is re-sent too; its second run may answer MAP_DUPLICATE_KEY, see `alreadyAdded`.
 */
function isRepeatableWrite(method: string): boolean {
  return /^[^.]+\.(set_|remove_from_|add_to_)/.test(method);
}

/** `VM.add_to_xenstore_data` → `VM.get_xenstore_data`: the map a re-sent `add_to_*` call checks. */
function mapGetterOf(method: string): string | undefined {
  const match = /^([^.]+)\.add_to_(.+)$/.exec(method);
  return match ? `${match[1]}.get_${match[2]}` : undefined;
}

/** Replaces only the host of `url` (protocol, port and path kept), as a slave's HOST_IS_SLAVE asks. */
export function withHost(url: string, address: string): string {
  const parsed = new URL(url);
  parsed.hostname = address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
  return parsed.toString();
}

function normalizeUrl(url: string): string {
  return new URL(url).toString();
}

export class XapiSession extends EventEmitter<XapiSessionEvents> {
  private readonly options: XapiSessionOptions;
  private readonly transports = new Map<string, XapiTransport>();
  private readonly configuredUrls: string[];
  private learnedUrls: string[] = [];
  private currentSession: string | undefined;
  private currentMaster: string | undefined;
  private renewing: Promise<void> | undefined;
  private failingOver: Promise<void> | undefined;
  private closed = false;
  private calls = 0;
  private readonly callsByMethod = new Map<string, number>();

  constructor(options: XapiSessionOptions) {
    super();
    if (options.urls.length === 0) throw new Error('XapiSession: at least one URL is needed');
    this.options = options;
    this.configuredUrls = options.urls.map(normalizeUrl);
  }

  get sessionId(): string | undefined {
    return this.currentSession;
  }

  get masterUrl(): string | undefined {
    return this.currentMaster;
  }

  get callCount(): number {
    return this.calls;
  }

  get callCountByMethod(): ReadonlyMap<string, number> {
    return this.callsByMethod;
  }

  /** Every URL we could fail over to: configured ones and those of the pool's hosts. */
  get knownUrls(): string[] {
    return [...new Set([...(this.currentMaster ? [this.currentMaster] : []), ...this.configuredUrls, ...this.learnedUrls])];
  }

  /** Records the pool's host addresses (from `host.address`) as fail-over candidates. */
  learnHostAddresses(addresses: readonly string[]): void {
    const base = this.currentMaster ?? this.configuredUrls[0];
    this.learnedUrls = addresses.filter((a) => a !== '').map((address) => withHost(base, address));
  }

  private transport(url: string): XapiTransport {
    let transport = this.transports.get(url);
    if (!transport) {
      transport = this.options.transportFactory(url);
      this.transports.set(url, transport);
    }
    return transport;
  }

  /** The single place requests leave: counted here so `callCount` covers logins, retries and polls. */
  private send(url: string, method: string, params: unknown[], options?: XapiCallOptions): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('XAPI client closed'));
    this.calls++;
    this.callsByMethod.set(method, (this.callsByMethod.get(method) ?? 0) + 1);
    const started = performance.now();
    const sent = this.transport(url).call(method, params, options);
    sent.then(
      () => this.emit('call', { method, durationMs: performance.now() - started }),
      (error: unknown) => this.emit('call', { method, durationMs: performance.now() - started, error }),
    );
    return sent;
  }

  /** Logs in at `startUrl`, following HOST_IS_SLAVE to the master. Resolves with where we ended up. */
  private async loginAt(startUrl: string): Promise<{ url: string; sessionId: string }> {
    const maxRedirects = this.options.maxRedirects ?? 3;
    const seen = new Set<string>();
    let url = startUrl;
    for (let hop = 0; ; hop++) {
      seen.add(url);
      try {
        const { user, password, originator } = this.options;
        const sessionId = await this.send(url, 'session.login_with_password', [user, password, '1.1', originator], {
          timeoutMs: this.options.loginTimeoutMs ?? 30_000,
        });
        return { url, sessionId: String(sessionId) };
      } catch (error) {
        if (!isXapiError(error, XapiErrorCode.HOST_IS_SLAVE) || hop >= maxRedirects) throw error;
        const next = withHost(url, error.params[0] ?? '');
        // Two slaves pointing at each other (mid-election) would otherwise bounce us until maxRedirects.
        if (seen.has(next)) throw error;
        url = next;
      }
    }
  }

  /**
   * Logs in at the first candidate that answers. Connection failures move on to the next candidate; an API
   * failure (wrong password) is final, since every member of a pool would say the same.
   */
  private async loginAny(candidates: readonly string[], replacesLiveSession: boolean): Promise<void> {
    let lastError: unknown = new Error('no XAPI URL to try');
    for (const candidate of candidates) {
      try {
        const { url, sessionId } = await this.loginAt(candidate);
        const previousMaster = this.currentMaster;
        const previousSession = this.currentSession;
        this.currentMaster = url;
        this.currentSession = sessionId;
        this.emit('session', sessionId, url);
        if (previousMaster !== undefined && previousMaster !== url) this.emit('masterChanged', url, previousMaster);
        // A session we replace without it having expired would otherwise linger on the host until its GC.
        if (replacesLiveSession && previousSession !== undefined && previousMaster === url) {
          this.logoutQuietly(url, previousSession);
        }
        return;
      } catch (error) {
        if (!isTransportError(error)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  /** First login, trying the configured URLs in order. */
  async connect(): Promise<void> {
    this.closed = false;
    await this.loginAny(this.configuredUrls, false);
  }

  /** Re-login after SESSION_INVALID. Callers that saw the same stale session share one login. */
  private renew(staleSession: string | undefined): Promise<void> {
    if (this.currentSession !== staleSession) return Promise.resolve();
    this.renewing ??= this.loginAny(this.candidatesStartingWith(this.currentMaster), false).finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  /**
   * The master at `failedUrl` stopped answering (or now says it is a slave). Other members come first: the
   * old master is tried last because it only helps if it was a short toolstack restart.
   */
  private failOver(failedUrl: string | undefined): Promise<void> {
    if (this.currentMaster !== failedUrl) return Promise.resolve();
    this.failingOver ??= this.loginAny(this.candidatesEndingWith(failedUrl), true).finally(() => {
      this.failingOver = undefined;
    });
    return this.failingOver;
  }

  /**
   * The pool says its master is now at `address` (a hand-over seen in the event stream): log in there at once,
   * instead of leaving calls on the old master until its toolstack restarts and drops them mid-flight.
   */
  followMaster(address: string): Promise<void> {
    const url = withHost(this.currentMaster ?? this.configuredUrls[0]!, address);
    if (this.currentMaster === undefined || url === this.currentMaster) return Promise.resolve();
    this.failingOver ??= this.loginAny(this.candidatesStartingWith(url), true).finally(() => {
      this.failingOver = undefined;
    });
    return this.failingOver;
  }

  private candidatesStartingWith(url: string | undefined): string[] {
    return [...new Set([...(url ? [url] : []), ...this.knownUrls])];
  }

  private candidatesEndingWith(url: string | undefined): string[] {
    const others = this.knownUrls.filter((u) => u !== url);
    return url ? [...others, url] : others;
  }

  /**
   * Sends `method` with the session prepended, recovering from an expired session (re-login, retry once)
   * and a lost master (fail over, retry once if re-sending is safe). Results are raw (not normalised).
   */
  async call(method: string, args: readonly unknown[], options?: XapiSessionCallOptions): Promise<unknown> {
    let renewed = false;
    let failedOver = false;
    /** Re-sent after a reset: the first copy may have run. */
    let resent = false;
    for (;;) {
      if (this.closed) throw new Error('XAPI client closed');
      // Mid-hand-over, a call would still go to the old master, whose connections are about to drop.
      if (this.failingOver) await this.failingOver.catch(() => undefined);
      if (this.currentSession === undefined) throw new Error('XAPI client not connected');
      const url = this.currentMaster as string;
      const session = this.currentSession;
      const withSession = takesSession(method);
      try {
        return await this.send(url, method, withSession ? [session, ...args] : [...args], options);
      } catch (error) {
        if (options?.signal?.aborted || this.closed || options?.recover === false) throw error;
        if (resent && isXapiError(error, XapiErrorCode.MAP_DUPLICATE_KEY) && (await this.alreadyAdded(method, args))) return '';
        if (isXapiError(error, XapiErrorCode.SESSION_INVALID) && withSession && !renewed) {
          renewed = true;
          await this.renew(session);
          continue;
        }
        // A slave answering a call on a session it does not know: the master moved under us.
        if (isXapiError(error, XapiErrorCode.HOST_IS_SLAVE) && !failedOver) {
          failedOver = true;
          await this.failOver(url);
          continue;
        }
        if (error instanceof XapiTransportError && !failedOver) {
          failedOver = true;
          await this.failOver(url);
          // After a reset the call may have run; re-sending `VM.clone` would clone twice, `VM.set_*` is harmless.
          if (error.neverDelivered || isReadOnly(method)) continue;
          if (isRepeatableWrite(method)) {
            resent = true;
            continue;
          }
        }
        throw error;
      }
    }
  }

  /** A re-sent `add_to_*(ref, key, value)` found the key: whether it holds our value, i.e. the first copy ran. */
  private async alreadyAdded(method: string, args: readonly unknown[]): Promise<boolean> {
    const getter = mapGetterOf(method);
    if (getter === undefined) return false;
    const [ref, key, value] = args;
    const map = (await this.call(getter, [ref])) as Record<string, unknown>;
    return map[String(key)] === value;
  }

  private logoutQuietly(url: string, sessionId: string): void {
    this.send(url, 'session.logout', [sessionId], { timeoutMs: 5_000 }).catch(() => undefined);
  }

  /** Logs out (best effort) and releases every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    const url = this.currentMaster;
    const session = this.currentSession;
    if (url !== undefined && session !== undefined) {
      await this.send(url, 'session.logout', [session], { timeoutMs: 5_000 }).catch(() => undefined);
    }
    this.closed = true;
    this.currentSession = undefined;
    for (const transport of this.transports.values()) transport.close?.();
    this.transports.clear();
  }
}
