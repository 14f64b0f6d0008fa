// What the driver asks of a guest agent (Nova's XenAPIBasedAgent): whether an instance has one at all, its
// version, a new admin password through a Diffie-Hellman key exchange, a file, and a network reset.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Image, Instance } from '../../store/index.js';
import { type GuestAgent } from './client.js';
import { AgentKeyAgreement, encryptForAgent } from './crypto.js';
import { AgentError } from './errors.js';

/** The image property that says whether the image carries the agent. */
export const USE_AGENT_PROPERTY = 'xenapi_use_agent';
/** The same, as the instance keeps it from its image in system metadata (Nova's image_ prefix). */
export const USE_AGENT_SYSTEM_METADATA = `image_${USE_AGENT_PROPERTY}`;
/**
 * Parameter-xenstore mark of a VM built from an image with the agent, for the guest and other tools to see
 * (the simulated guest runs its agent only then).
 */
export const AGENT_XENSTORE_KEY = `vm-data/${USE_AGENT_PROPERTY}`;

const TRUE = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE = ['0', 'f', 'false', 'off', 'n', 'no'];

/** Nova's strict boolean: anything unrecognised counts as absent (use_agent_default, false). */
function strictBool(value: string | undefined): boolean | null {
  const text = value?.trim().toLowerCase();
  if (text === undefined) return null;
  if (TRUE.includes(text)) return true;
  if (FALSE.includes(text)) return false;
  return null;
}

export function imageHasAgent(image: Pick<Image, 'properties'> | null | undefined): boolean {
  return strictBool(image?.properties[USE_AGENT_PROPERTY]) ?? false;
}

/** From the instance's own record first (it outlives its image), then from its image. */
export function instanceHasAgent(instance: Instance, image: Pick<Image, 'properties'> | null): boolean {
  return strictBool(instance.systemMetadata[USE_AGENT_SYSTEM_METADATA]) ?? imageHasAgent(image);
}

export function agentVersion(agent: GuestAgent): Promise<string> {
  return agent.call('version');
}

/**
 * Nova's get_version for a guest that is still booting: asks again (a second apart) until the agent answers
 * or the version timeout has passed; null then.
 */
export async function waitForAgentVersion(agent: GuestAgent): Promise<string | null> {
  const deadline = Date.now() + agent.timeouts.version * 1000;
  for (;;) {
    try {
      return await agentVersion(agent);
    } catch (error) {
      if (!(error instanceof AgentError)) throw error;
      if (Date.now() >= deadline) return null;
      await sleep(1000);
    }
  }
}

/** key_init: returns the shared secret for this password change. */
export async function exchangeKeys(agent: GuestAgent): Promise<string> {
  const agreement = new AgentKeyAgreement();
  const agentPublic = await agent.call('key_init', { pub: agreement.publicKey }, { success: ['D0'] });
  try {
    return agreement.sharedSecret(agentPublic.trim());
  } catch (error) {
    throw new AgentError('key_init', (error as Error).message);
  }
}

/** password: the new password with the trailing newline old agents expect, encrypted with the shared secret. */
export async function sendPassword(agent: GuestAgent, sharedSecret: string, password: string): Promise<void> {
  await agent.call('password', { enc_pass: encryptForAgent(sharedSecret, `${password}\n`) });
}

export async function setAdminPassword(agent: GuestAgent, password: string): Promise<void> {
  await sendPassword(agent, await exchangeKeys(agent), password);
}

/** inject_file: path and contents travel base64-encoded; the agent writes the bytes as they are. */
export async function injectFile(agent: GuestAgent, path: string, contents: Buffer): Promise<void> {
  await agent.call('inject_file', { b64_path: Buffer.from(path, 'utf8').toString('base64'), b64_contents: contents.toString('base64') });
}

/** resetnetwork: the agent re-reads vm-data/networking and vm-data/hostname. Old agents answer 500 on success. */
export async function resetNetwork(agent: GuestAgent): Promise<void> {
  await agent.call('resetnetwork', {}, { timeout: agent.timeouts.resetNetwork, success: ['0', '500'] });
}
