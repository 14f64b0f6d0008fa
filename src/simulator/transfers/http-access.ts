// What XAPI's HTTP handlers (imports, exports) share: parameters from the cookie or the query, the
// session or Basic credentials, the task the transfer runs under, and the redirect to a host that sees the SR.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { xapiNow } from '../clock.js';
import type { Db } from '../db.js';
import { adoptTask, createTask, finishTask, type TaskRun } from '../tasks.js';
import type { SimPool } from '../world.js';

/** XAPI looks each named parameter up in the Cookie header first, then in the query string. */
export function requestParam(req: IncomingMessage, url: URL, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return url.searchParams.get(name) ?? undefined;
}

/** A ref, or a uuid, as the `vdi` parameter may be. */
export function resolveVdi(db: Db, text: string): string | undefined {
  return db.find('VDI', text) ? text : db.refByUuid('VDI', text);
}

export type Access =
  | { readonly kind: 'granted'; readonly session: string; /** Logs out the session Basic auth opened. */ release(): void }
  | { readonly kind: 'unauthorised' }
  | { readonly kind: 'unknown-scheme' };

/** session_id when given (it must be live), else Basic credentials, for which XAPI opens a session of its own. */
export function authorise(pool: SimPool, hostRef: string, req: IncomingMessage, url: URL): Access {
  const sessionId = requestParam(req, url, 'session_id');
  if (sessionId !== undefined) {
    return pool.db.find('session', sessionId) ? { kind: 'granted', session: sessionId, release: () => {} } : { kind: 'unauthorised' };
  }
  const header = req.headers.authorization;
  if (!header) return { kind: 'unauthorised' };
  const [scheme, encoded = ''] = header.split(/\s+/, 2);
  if (scheme.toLowerCase() !== 'basic') return { kind: 'unknown-scheme' };
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const [user, password] = colon < 0 ? [decoded, ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
  const { config } = pool.world;
  if (user !== config.user || password !== config.password) return { kind: 'unauthorised' };
  const session = pool.db.create('session', {
    this_host: hostRef, last_active: xapiNow(), validation_time: xapiNow(), is_local_superuser: true,
    auth_user_name: user, originator: `${req.headers['user-agent'] ?? 'HTTP client'} using Basic auth`,
  });
  return { kind: 'granted', session, release: () => pool.db.destroy(session) };
}

const NO_CACHE = { Connection: 'close', 'Cache-Control': 'no-cache, no-store' };

/** An HTML error answer; the request body, if any, is discarded. */
export function sendHttpError(req: IncomingMessage, res: ServerResponse, status: number, reason: string, extra: Record<string, string> = {}): void {
  req.resume();
  const body = `<html><body><h1>HTTP ${status} ${reason}</h1></body></html>`;
  res.writeHead(status, reason, { ...NO_CACHE, 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

export function sendUnauthorised(req: IncomingMessage, res: ServerResponse): void {
  // XAPI's spelling of the reason phrase.
  sendHttpError(req, res, 401, 'Unauthorised', { 'WWW-Authenticate': 'Basic realm="xapi"' });
}

/** The SR must be plugged on the host serving the transfer; another host that has it plugged is where to go. */
export function redirectionFor(pool: SimPool, hostRef: string, srRef: string): string | undefined {
  const attachedOn = ((pool.db.find('SR', srRef)?.PBDs as string[] | undefined) ?? [])
    .map((pbd) => pool.db.find('PBD', pbd))
    .filter((pbd) => pbd?.currently_attached)
    .map((pbd) => pbd!.host as string);
  if (attachedOn.length === 0 || attachedOn.includes(hostRef)) return undefined;
  return pool.addressOf(attachedOn[0]);
}

export function sendRedirect(req: IncomingMessage, res: ServerResponse, address: string, url: URL): void {
  req.resume();
  const port = req.socket.localPort;
  res.writeHead(302, 'Found', { ...NO_CACHE, Location: `http://${address}:${port}${url.pathname}${url.search}`, 'Content-Length': 0 });
  res.end();
}

/** The task a transfer runs under: the client's `task_id`, or one of its own that goes when it is done. */
export interface TransferTask {
  readonly run: TaskRun;
  readonly ref: string;
  finish(outcome: { result: string } | { error: string[] }): void;
}

/** The client's task named by `task_id`, if it is one; undefined when none was given; null when it is unknown. */
export function clientTask(pool: SimPool, req: IncomingMessage, url: URL): string | undefined | null {
  const ref = requestParam(req, url, 'task_id');
  if (ref === undefined) return undefined;
  return pool.db.find('task', ref) ? ref : null;
}

/** Fails the client's task, if one was given, for a transfer refused before it started. */
export function failClientTask(pool: SimPool, req: IncomingMessage, url: URL, error: string[]): void {
  const ref = clientTask(pool, req, url);
  if (ref) finishTask(adoptTask(pool.db, ref, pool.world.config.timeScale), { error });
}

export function transferTask(pool: SimPool, hostRef: string, given: string | undefined, label: string): TransferTask {
  const { timeScale } = pool.world.config;
  const run = given ? adoptTask(pool.db, given, timeScale) : createTask(pool.db, label, hostRef, timeScale);
  return {
    run,
    ref: run.ref,
    finish: (outcome) => {
      finishTask(run, outcome);
      if (!given) pool.db.destroy(run.ref);
    },
  };
}

/** The 200 header block, sent before the body is read or written, as XAPI does. */
export function sendTransferHeaders(res: ServerResponse, task: TransferTask, headers: Record<string, string>): void {
  res.writeHead(200, 'OK', { ...NO_CACHE, 'task-id': task.ref, ...headers });
  res.flushHeaders();
}
