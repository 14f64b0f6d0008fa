// The simulator's own admin API under /_sim/ (loopback only): what tests and demos use to poke the world.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultSpecError, type FaultSpec } from './faults.js';
import { serveGuest } from './guest-admin.js';
import type { RouteHandler } from './http.js';
import { iptablesOfHosts } from './dom0/iptables-admin.js';
import type { World } from './world.js';
import { json, readJson } from './admin-json.js';
import { HostNotFound, killHost, reviveHost } from './host-machines.js';

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

/** POST /_sim/hosts/<name|uuid|address>/kill or …/revive. */
async function serveHostMachine(world: World, path: string, res: ServerResponse): Promise<void> {
  const [id = '', verb] = path.split('/');
  try {
    if (verb === 'kill') {
      // The answer leaves before the host's connections drop, in case it was asked through the dying host.
      const answered = new Promise((resolve) => res.once('finish', resolve));
      killHost(world, decodeURIComponent(id), answered);
    } else if (verb === 'revive') {
      await reviveHost(world, decodeURIComponent(id));
    } else {
      return json(res, 404, { error: `unknown host action ${String(verb)}` });
    }
  } catch (error) {
    if (error instanceof HostNotFound) return json(res, 404, { error: error.message });
    throw error;
  }
  json(res, 200, { ok: true });
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
    } else if (action.startsWith('hosts/') && req.method === 'POST') {
      await serveHostMachine(world, action.slice('hosts/'.length), res);
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
