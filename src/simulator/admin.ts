// The simulator's own admin API under /_sim/ (loopback only): what tests and demos use to poke the world.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultSpecError, type FaultSpec } from './faults.js';
import { serveGuest } from './guest-admin.js';
import type { RouteHandler } from './http.js';
import { iptablesOfHosts } from './dom0/iptables-admin.js';
import type { World } from './world.js';
import { json, readJson } from './admin-json.js';

export interface AdminActions {
  expireAllSessions(): void;
}

function isLoopback(req: IncomingMessage): boolean {
  const remote = req.socket.remoteAddress ?? '';
  return remote.startsWith('127.') || remote === '::1' || remote.startsWith('::ffff:127.');
}

/** POST adds a fault, GET lists the pending ones, DELETE clears them all. */
async function serveFaults(world: World, req: IncomingMessage, res: ServerResponse): Promise<void> {
  switch (req.method) {
    case 'GET':
      return json(res, 200, { faults: world.faults.list() });
    case 'DELETE':
      world.faults.clear();
      return json(res, 200, { ok: true });
    case 'POST':
      try {
        return json(res, 200, { fault: world.faults.add((await readJson(req)) as FaultSpec) });
      } catch (error) {
        if (error instanceof FaultSpecError || error instanceof SyntaxError) return json(res, 400, { error: error.message });
        throw error;
      }
    default:
      return json(res, 405, { error: `${req.method} is not an action on faults` });
  }
}

export function adminRoutes(world: World, actions: AdminActions): RouteHandler[] {
  const admin: RouteHandler = async (req, res, url) => {
    if (!url.pathname.startsWith('/_sim/')) return false;
    if (!isLoopback(req)) {
      json(res, 403, { error: 'the simulator admin API answers loopback clients only' });
      return true;
    }
    const action = url.pathname.slice('/_sim/'.length);
    if (action === 'expire-sessions' && req.method === 'POST') {
      actions.expireAllSessions();
      json(res, 200, { ok: true });
    } else if (action === 'faults') {
      await serveFaults(world, req, res);
    } else if (action.startsWith('guests/')) {
      await serveGuest(world, action.slice('guests/'.length), req, res);
    } else if (action === 'iptables' && req.method === 'GET') {
      json(res, 200, iptablesOfHosts(world, url.searchParams.get('host')));
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
