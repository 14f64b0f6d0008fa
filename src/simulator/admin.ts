// The simulator's own admin API under /_sim/ (loopback only): what tests and demos use to poke the world.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from './http.js';
import type { World } from './world.js';

export interface AdminActions {
  expireAllSessions(): void;
}

function isLoopback(req: IncomingMessage): boolean {
  const remote = req.socket.remoteAddress ?? '';
  return remote.startsWith('127.') || remote === '::1' || remote.startsWith('::ffff:127.');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function adminRoutes(world: World, actions: AdminActions): RouteHandler[] {
  const admin: RouteHandler = (req, res, url) => {
    if (!url.pathname.startsWith('/_sim/')) return false;
    if (!isLoopback(req)) {
      json(res, 403, { error: 'the simulator admin API answers loopback clients only' });
      return true;
    }
    const action = url.pathname.slice('/_sim/'.length);
    if (action === 'expire-sessions' && req.method === 'POST') {
      actions.expireAllSessions();
      json(res, 200, { ok: true });
    } else if (action === 'status' && req.method === 'GET') {
      json(res, 200, {
        pools: world.pools.map((p) => ({ name: p.name, master: p.masterAddress, generation: p.db.gen, counts: p.db.counts() })),
      });
    } else {
      json(res, 404, { error: `unknown admin action ${action}` });
    }
    return true;
  };
  return [admin];
}
