// /_sim/guests/<vm uuid>: what the simulated guest inside a VM holds (the password and files its agent was
// given, its network resets), and POST …/agent to make its agent unresponsive or limit its commands.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { configureGuestAgent, guestAgentView, GuestAgentSettingsError, type GuestAgentSettings } from './classes/guest-agent.js';
import type { World } from './world.js';
import { json, readJson } from './admin-json.js';

/** `rest` is the path after /_sim/guests/: `<vm uuid>` or `<vm uuid>/agent`. */
export async function serveGuest(world: World, rest: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [vmUuid = '', part, ...more] = rest.split('/');
  const missing = () => json(res, 404, { error: `no VM ${vmUuid}` });
  if (part === undefined && req.method === 'GET') {
    const view = guestAgentView(world, vmUuid);
    return view ? json(res, 200, view) : missing();
  }
  if (part === 'agent' && more.length === 0 && req.method === 'POST') {
    try {
      const view = configureGuestAgent(world, vmUuid, (await readJson(req)) as GuestAgentSettings);
      return view ? json(res, 200, view) : missing();
    } catch (error) {
      if (error instanceof GuestAgentSettingsError || error instanceof SyntaxError) return json(res, 400, { error: error.message });
      throw error;
    }
  }
  return json(res, 405, { error: `${req.method} /_sim/guests/${rest} is not an action on guests` });
}
