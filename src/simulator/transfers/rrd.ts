// rrdd's HTTP face: GET /vm_rrd?uuid= (a VM's whole RRD, from the host it runs on), /host_rrd (the serving
// host's) and /rrd_updates?start= (deltas of everything the host holds), each in compact XML or, with `json`,
// in current XAPI's JSON. Read-only: a session or Basic credentials are enough.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { domainActivities, trackDomain } from '../classes/guest-activity.js';
import { rrdJson, rrdUpdates, rrdXml, updatesJson, updatesXml } from '../rrd/archive.js';
import { hostRrd, vmRrd, type RrdSubject } from '../rrd/sources.js';
import type { SimPool } from '../world.js';
import { authorise, requestParam, sendHttpError, sendRedirect, sendUnauthorised } from './http-access.js';

const CORS = { 'Access-Control-Allow-Origin': '*' };

/** Runs `answer` for an authorised request; 401 otherwise (500 for an auth scheme XAPI does not know). */
async function withReadAccess(pool: SimPool, hostRef: string, req: IncomingMessage, res: ServerResponse, url: URL, answer: () => void): Promise<void> {
  const access = authorise(pool, hostRef, req, url);
  if (access.kind === 'unauthorised') return sendUnauthorised(req, res);
  if (access.kind === 'unknown-scheme') return sendHttpError(req, res, 500, 'Internal Error');
  try {
    answer();
  } finally {
    access.release();
  }
}

const wantsJson = (req: IncomingMessage, url: URL): boolean => url.searchParams.has('json') || /^application\/json/.test(req.headers.accept ?? '');

function sendRrd(req: IncomingMessage, res: ServerResponse, url: URL, subject: RrdSubject): void {
  req.resume();
  const json = wantsJson(req, url);
  const body = json ? rrdJson(subject) : rrdXml(subject);
  res.writeHead(200, 'OK', {
    ...CORS, Connection: 'close', 'Content-Type': json ? 'application/json' : 'text/xml', 'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export async function serveVmRrd(pool: SimPool, hostRef: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  await withReadAccess(pool, hostRef, req, res, url, () => {
    const uuid = requestParam(req, url, 'uuid');
    if (!uuid) return sendHttpError(req, res, 400, 'Bad Request');
    const vmRef = pool.db.refByUuid('VM', uuid);
    if (!vmRef) return sendHttpError(req, res, 404, 'Not Found');
    const vm = pool.db.get('VM', vmRef);
    const running = vm.power_state === 'Running' || vm.power_state === 'Paused';
    // A running VM's RRD lives on its host; a halted VM's archived one on the master.
    const keeper = running ? vm.resident_on as string : pool.masterRef;
    if (keeper !== hostRef) return sendRedirect(req, res, pool.addressOf(keeper), url);
    const activity = trackDomain(pool, vmRef);
    if (!activity) return sendHttpError(req, res, 404, 'Not Found');
    sendRrd(req, res, url, vmRrd(pool, activity));
  });
}

export async function serveHostRrd(pool: SimPool, hostRef: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  await withReadAccess(pool, hostRef, req, res, url, () => sendRrd(req, res, url, hostRrd(pool, hostRef)));
}

/** Which of the host's VMs: `vm_uuid` given once or more, `all` (the default) or `none`. */
function vmFilter(url: URL): ((uuid: string) => boolean) {
  const wanted = url.searchParams.getAll('vm_uuid');
  if (wanted.length === 0 || wanted.includes('all')) return () => true;
  return (uuid) => wanted.includes(uuid);
}

export async function serveRrdUpdates(pool: SimPool, hostRef: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  await withReadAccess(pool, hostRef, req, res, url, () => {
    const start = Number(url.searchParams.get('start') ?? Number.NaN);
    const interval = Number(url.searchParams.get('interval') ?? 0);
    if (!Number.isInteger(start) || !Number.isFinite(interval)) return sendHttpError(req, res, 400, 'Bad Request');
    const now = Date.now();
    const subjects: RrdSubject[] = [];
    if (url.searchParams.get('host') === 'true') subjects.push(hostRrd(pool, hostRef, now));
    const included = vmFilter(url);
    // Each member answers for the VMs running on it only.
    for (const activity of domainActivities(pool, now)) {
      if (activity.endedAt === null && activity.host === hostRef && included(activity.vmUuid)) subjects.push(vmRrd(pool, activity, now));
    }
    const updates = rrdUpdates(subjects, { start, interval, cf: url.searchParams.get('cf') }, now);
    const json = wantsJson(req, url);
    const body = json ? updatesJson(updates) : updatesXml(updates);
    req.resume();
    res.writeHead(200, 'OK', {
      ...CORS, 'Access-Control-Allow-Headers': 'X-Requested-With', 'Content-Type': json ? 'application/json' : 'text/xml',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  });
}
