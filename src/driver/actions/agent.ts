// Guest-agent-backed actions (Nova's set_admin_password, inject_file, reset_network) and inject_network_info,
// which needs no agent. An instance whose image has no agent is refused with AgentNotImplementedError before
// anything is recorded; a running instance is needed for the agent to answer. An agent that fails, refuses or
// stays silent fails the Operation with AGENT_ERROR, AGENT_NOT_IMPLEMENTED or AGENT_TIMEOUT (Nova recorded an
// instance fault and reported success).
import { InvalidInputError } from '../../errors.js';
import type { ActionRun, DriverServices, InstanceAction } from '../../operations/action.js';
import type { Instance } from '../../store/index.js';
import { agentTimeouts, GuestAgent } from '../agent/client.js';
import { exchangeKeys, injectFile, instanceHasAgent, resetNetwork, sendPassword } from '../agent/commands.js';
import { AgentNotImplementedError } from '../agent/errors.js';
import { liveDomainOf, updateLiveXenstore } from '../live-xenstore.js';
import { injectNetworkInfo } from '../network-injection.js';
import { requireLiveVm, requirePowerState, requireVmState } from '../preconditions.js';
import { hostnameOf } from '../spawn/build-vm.js';
import { requireVm } from '../vm-lookup.js';
import { instanceClient } from '../xapi-access.js';
import { deleteParamXenstore, writeParamXenstore } from '../xenstore.js';

type NoInput = Record<string, never>;

/** Nova's quota limits for injected files (injected_file_path_length, injected_file_content_bytes). */
export const MAX_INJECTED_PATH_LENGTH = 255;
export const MAX_INJECTED_FILE_BYTES = 10_240;

/** Refuses an instance whose image has no agent, or that is not running for its agent to answer. */
async function requireRunningAgent(instance: Instance, services: DriverServices, command: string, verb: string): Promise<void> {
  requireLiveVm(instance, verb);
  const image = instance.imageId ? await services.store.images.get(instance.imageId) : null;
  if (!instanceHasAgent(instance, image)) {
    throw new AgentNotImplementedError(command, `Instance ${instance.name} has no guest agent: its image does not set xenapi_use_agent`);
  }
  requireVmState(instance, verb, ['ACTIVE']);
  requirePowerState(instance, verb, ['RUNNING']);
}

async function guestAgentOf(run: ActionRun): Promise<GuestAgent> {
  const client = instanceClient(run.services, run.instance);
  return new GuestAgent(client, await requireVm(client, run.instance), agentTimeouts(run.services));
}

export interface SetAdminPasswordInput {
  readonly password: string;
}

const PASSWORD_NOT_STORED = '(given, not stored)';

export const setAdminPasswordAction: InstanceAction<SetAdminPasswordInput> = {
  kind: 'instance.setAdminPassword',
  taskState: 'updating_password',
  storedInput: (input) => ({ ...input, password: PASSWORD_NOT_STORED }),
  check: (instance, _input, services) => requireRunningAgent(instance, services, 'set_admin_password', 'set the admin password of'),
  async run(run, { password }) {
    const agent = await guestAgentOf(run);
    await run.progress(10, 'exchanging keys with the guest agent');
    const secret = await exchangeKeys(agent);
    await run.progress(60, 'sending the encrypted password');
    await sendPassword(agent, secret, password);
    return { passwordSet: true };
  },
  // No reconcile: the password was never stored, so an interrupted change cannot be finished.
};

export interface InjectFileInput {
  readonly path: string;
  /** Base64. */
  readonly contents: string;
}

function decodedContents(contents: string): Buffer {
  const path = ['input', 'contents'];
  if (contents.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(contents)) throw new InvalidInputError('contents must be base64', { path });
  const bytes = Buffer.from(contents, 'base64');
  if (bytes.length > MAX_INJECTED_FILE_BYTES) {
    throw new InvalidInputError(`A file holds at most ${MAX_INJECTED_FILE_BYTES} bytes, this one ${bytes.length}`, { path });
  }
  return bytes;
}

export const injectFileAction: InstanceAction<InjectFileInput> = {
  kind: 'instance.injectFile',
  taskState: 'injecting-file',
  async check(instance, { path, contents }, services) {
    if (path === '' || path.length > MAX_INJECTED_PATH_LENGTH || path.includes('\0')) {
      throw new InvalidInputError(`path must be 1 to ${MAX_INJECTED_PATH_LENGTH} characters without NUL`, { path: ['input', 'path'] });
    }
    decodedContents(contents);
    await requireRunningAgent(instance, services, 'inject_file', 'inject a file into');
  },
  async run(run, { path, contents }) {
    const agent = await guestAgentOf(run);
    const bytes = decodedContents(contents);
    await run.progress(10, 'sending the file to the guest agent');
    await injectFile(agent, path, bytes);
    return { path, bytes: bytes.length };
  },
};

export const resetNetworkAction: InstanceAction<NoInput> = {
  kind: 'instance.resetNetwork',
  taskState: 'resetting-network',
  check: (instance, _input, services) => requireRunningAgent(instance, services, 'resetnetwork', 'reset the network of'),
  async run(run) {
    const client = instanceClient(run.services, run.instance);
    const vm = await requireVm(client, run.instance);
    const agent = new GuestAgent(client, vm, agentTimeouts(run.services));
    const hostname = hostnameOf(run.instance);
    await run.progress(10, 'telling the guest its hostname');
    await writeParamXenstore(client, vm, 'vm-data/hostname', hostname);
    // The parameter store reaches a running domain only at its next boot; the agent reads the live one.
    const domain = await liveDomainOf(client, vm);
    if (domain) await updateLiveXenstore(client, domain, 'vm-data/hostname', hostname);
    try {
      await run.progress(30, 'asking the guest agent to reset its network');
      await resetNetwork(agent);
    } finally {
      await deleteParamXenstore(client, vm, 'vm-data/hostname');
    }
    return { hostname };
  },
};

export const injectNetworkInfoAction: InstanceAction<NoInput> = {
  kind: 'instance.injectNetworkInfo',
  taskState: 'injecting-network-info',
  check: (instance) => requireLiveVm(instance, 'inject network info into'),
  async run(run) {
    const client = instanceClient(run.services, run.instance);
    const vm = await requireVm(client, run.instance);
    await run.progress(10, 'writing vm-data/networking');
    return { ...await injectNetworkInfo(run.services.store, client, vm, run.instance) };
  },
  async reconcile(run) {
    // Writing the same records again gives the same result, wherever the interrupted run stopped.
    await injectNetworkInfoAction.run(run, {});
    return 'SUCCEEDED';
  },
};
