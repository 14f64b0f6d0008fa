// Talking to the guest agent inside an instance, as Nova's agent module did: every command asks XAPI for
// the VM's current domain (a reboot changes it), then runs the dom0 `agent` plugin on the host the domain
// lives on with {id, dom_id, timeout, …}; the plugin relays the request through the domain's xenstore and
// returns the agent's JSON answer {returncode, message}. Failures become AgentError, AgentTimeoutError
// (the plugin's TIMEOUT:) and AgentNotImplementedError (NOT IMPLEMENTED:, or the agent's 404 for a command
// it does not know); a REBOOT: waits for the new domain and asks again.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DriverServices } from '../../operations/action.js';
import { isXapiError, type XapiClient } from '../../xapi/index.js';
import { liveDomainOf, type LiveDomainRef } from '../live-xenstore.js';
import { AgentError, AgentNotImplementedError, AgentTimeoutError } from './errors.js';

/** Nova's agent_timeout: each command's wait for an answer. */
export const DEFAULT_AGENT_TIMEOUT_SECONDS = 30;
/** Nova's agent_version_timeout: how long a new guest's agent may take to start answering. */
const VERSION_TIMEOUT_SECONDS = 300;
/** Nova's agent_resetnetwork_timeout: reconfiguring interfaces takes longer than other commands. */
const RESET_NETWORK_TIMEOUT_SECONDS = 60;
/** A guest that keeps rebooting under a command is not going to answer it. */
const MAX_REBOOTS = 3;

export interface AgentTimeouts {
  readonly call: number;
  readonly version: number;
  readonly resetNetwork: number;
}

/** The configured per-command timeout; the longer waits never drop below it. */
export function agentTimeouts(services: Pick<DriverServices, 'agentTimeoutSeconds'>): AgentTimeouts {
  const call = services.agentTimeoutSeconds ?? DEFAULT_AGENT_TIMEOUT_SECONDS;
  return { call, version: Math.max(VERSION_TIMEOUT_SECONDS, call), resetNetwork: Math.max(RESET_NETWORK_TIMEOUT_SECONDS, call) };
}

export interface AgentCallOptions {
  /** Seconds the plugin waits for the answer; the per-command timeout when absent. */
  readonly timeout?: number;
  /** Return codes that mean success ("0" when absent). */
  readonly success?: readonly string[];
}

/** The text Nova inspected in a plugin failure: the last line of its last parameter. */
function pluginFailureText(error: { params: readonly string[] }): string {
  return (error.params.at(-1) ?? '').split(/\r?\n/).filter(Boolean).at(-1) ?? '';
}

/** The agent's answer: its message on success (old Windows agents' literal "\r\n" removed). */
export function agentReplyMessage(command: string, raw: unknown, success: readonly string[] = ['0']): string {
  let reply: unknown;
  try {
    reply = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    throw new AgentError(command, `The guest agent's answer to ${command} is not JSON`);
  }
  const { returncode, message } = (reply ?? {}) as { returncode?: unknown; message?: unknown };
  if (typeof returncode !== 'string' || typeof message !== 'string') {
    throw new AgentError(command, `The guest agent's answer to ${command} has no returncode and message`);
  }
  if (returncode === '404') throw new AgentNotImplementedError(command, `The guest agent does not know ${command}: ${message}`, returncode);
  if (!success.includes(returncode)) {
    throw new AgentError(command, `The guest agent refused ${command} (${returncode}): ${message}`, returncode);
  }
  return message.replaceAll('\\r\\n', '');
}

/** The agent inside one VM. */
export class GuestAgent {
  constructor(
    private readonly client: XapiClient,
    private readonly vm: string,
    readonly timeouts: AgentTimeouts,
  ) {}

  /** Runs one agent plugin function and returns the agent's message. */
  async call(command: string, args: Readonly<Record<string, string>> = {}, options: AgentCallOptions = {}): Promise<string> {
    const timeout = options.timeout ?? this.timeouts.call;
    let domain = await this.domain(command);
    for (let reboots = 0; ; reboots++) {
      let raw: string;
      try {
        raw = await this.client.call<string>('host.call_plugin', domain.host, 'agent', command, {
          id: randomUUID(), dom_id: domain.domid, timeout: String(timeout), ...args,
        });
      } catch (error) {
        if (!isXapiError(error)) throw error;
        const text = pluginFailureText(error);
        if (text.includes('TIMEOUT:')) throw new AgentTimeoutError(command, timeout);
        if (text.includes('NOT IMPLEMENTED:')) throw new AgentNotImplementedError(command, `The guest agent cannot ${command}: ${text}`);
        if (text.includes('REBOOT:') && reboots < MAX_REBOOTS) {
          domain = await this.nextDomain(command, domain.domid);
          continue;
        }
        throw new AgentError(command, `dom0's agent plugin failed on ${command}: ${error.code} ${error.params.join(' ')}`.trim());
      }
      return agentReplyMessage(command, raw, options.success);
    }
  }

  private async domain(command: string): Promise<LiveDomainRef> {
    const domain = await liveDomainOf(this.client, this.vm);
    if (!domain) throw new AgentError(command, 'The instance\'s VM has no running domain for its agent to answer from');
    return domain;
  }

  /** After a reboot: the VM's new domain, once XAPI has one (checked every second, up to the command timeout). */
  private async nextDomain(command: string, previous: string): Promise<LiveDomainRef> {
    const deadline = Date.now() + this.timeouts.call * 1000;
    for (;;) {
      const domain = await liveDomainOf(this.client, this.vm);
      if (domain && domain.domid !== previous) return domain;
      if (Date.now() >= deadline) throw new AgentTimeoutError(command, this.timeouts.call);
      await sleep(1000);
    }
  }
}
