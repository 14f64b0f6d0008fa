// The HTTP handlers beside the API: disk contents (/import_raw_vdi, /export_raw_vdi) and metrics (/vm_rrd,
// /host_rrd, /rrd_updates).
// Routing is by method and path prefix, as XAPI's (so `/export_raw_vdi/`, XO's spelling, works too).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../http.js';
import type { SimPool, World } from '../world.js';
import { serveExportRawVdi } from './export-raw-vdi.js';
import { serveImportRawVdi } from './import-raw-vdi.js';
import { serveHostRrd, serveRrdUpdates, serveVmRrd } from './rrd.js';

type Transfer = (pool: SimPool, hostRef: string, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

const HANDLERS: readonly [method: string, path: string, serve: Transfer][] = [
  ['PUT', '/import_raw_vdi', serveImportRawVdi],
  ['GET', '/export_raw_vdi', serveExportRawVdi],
  ['GET', '/vm_rrd', serveVmRrd],
  ['GET', '/vm_rrds', serveVmRrd],
  ['GET', '/host_rrd', serveHostRrd],
  ['GET', '/host_rrds', serveHostRrd],
  ['GET', '/rrd_updates', serveRrdUpdates],
];

const matches = (pathname: string, path: string): boolean => pathname === path || pathname.startsWith(`${path}/`);

export function transferRoutes(world: World): RouteHandler[] {
  return [async (req, res, url, address) => {
    const handler = HANDLERS.find(([method, path]) => req.method === method && matches(url.pathname, path));
    if (!handler) return false;
    const endpoint = world.endpoint(address);
    if (!endpoint) {
      req.resume();
      res.writeHead(503, { Connection: 'close', 'Content-Length': 0 });
      res.end();
      return true;
    }
    await handler[2](endpoint.pool, endpoint.hostRef, req, res, url);
    return true;
  }];
}
