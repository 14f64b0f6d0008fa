// The end of spawn's last step for an image with the agent (Nova's _configure_new_instance_with_agent, then
// _remove_hostname): wait for the agent to answer `version`, inject the request's files, set the admin
// password, reset the network, then drop vm-data/hostname from the parameter xenstore. As in Nova a failing
// agent does not fail the spawn (the guest runs; the config drive carries the same data); what happened is
// returned for the Operation's result.
import type { DriverServices } from '../../operations/action.js';
import type { Image, Instance } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { deleteParamXenstore } from '../xenstore.js';
import { agentTimeouts, GuestAgent } from './client.js';
import { injectFile, instanceHasAgent, resetNetwork, setAdminPassword, waitForAgentVersion } from './commands.js';
import { AgentError } from './errors.js';

export interface FirstBootData {
  readonly adminPassword?: string | null;
  /** Contents base64, as the spawn request carries them. */
  readonly injectedFiles?: readonly { readonly path: string; readonly contents: string }[];
}

export interface AgentConfiguration {
  /** The agent's version; null when it never answered (nothing else was tried). */
  readonly version: string | null;
  readonly filesInjected: number;
  readonly passwordSet: boolean;
  readonly networkReset: boolean;
  readonly errors: { readonly command: string; readonly code: string; readonly message: string }[];
}

/** Configures a freshly booted guest through its agent; null when the instance's image has no agent. */
export async function configureNewGuest(
  services: DriverServices, client: XapiClient, vm: string, instance: Instance, image: Image | null, data: FirstBootData,
): Promise<AgentConfiguration | null> {
  if (!instanceHasAgent(instance, image)) return null;
  const agent = new GuestAgent(client, vm, agentTimeouts(services));
  const errors: AgentConfiguration['errors'] = [];
  const attempt = async (work: () => Promise<void>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (error) {
      if (!(error instanceof AgentError)) throw error;
      errors.push({ command: error.command, code: error.code, message: error.message });
      return false;
    }
  };
  const version = await waitForAgentVersion(agent);
  let filesInjected = 0;
  let passwordSet = false;
  let networkReset = false;
  if (version === null) {
    errors.push({ command: 'version', code: 'AGENT_TIMEOUT', message: `The guest agent did not answer within ${agent.timeouts.version} s` });
  } else {
    for (const file of data.injectedFiles ?? []) {
      if (await attempt(() => injectFile(agent, file.path, Buffer.from(file.contents, 'base64')))) filesInjected++;
    }
    if (data.adminPassword) passwordSet = await attempt(() => setAdminPassword(agent, data.adminPassword!));
    networkReset = await attempt(() => resetNetwork(agent));
  }
  await deleteParamXenstore(client, vm, 'vm-data/hostname');
  return { version, filesInjected, passwordSet, networkReset, errors };
}
