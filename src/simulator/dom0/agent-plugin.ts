// The `agent` dom0 plugin (Nova's agent / agent.py): each function writes a JSON request
// {"name", "value"} to data/host/<id> in the domain's live xenstore and waits for the guest agent's answer at
// data/guest/<id>, returned as it is (JSON {returncode, message}). It polls every half second (scaled with
// the simulator's time) up to `timeout` seconds, which are real seconds: the caller's patience, not simulated
// work. No answer: the request is deleted and the call fails with `TIMEOUT:`; the domain gone meanwhile:
// `REBOOT:`. inject_file first asks the agent for its features and picks the request form it understands.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { serviceAgentRequests } from '../classes/guest-agent.js';
import { PluginError, requiredArg } from './plugin-error.js';
import type { PluginCall, PluginFunctions } from './plugins.js';
import { xenstorePlugin } from './xenstore-plugin.js';
import { liveDomain } from './xenstore.js';

const DEFAULT_TIMEOUT_SECONDS = 30;
const POLL_SECONDS = 0.5;

/** Python's int(): the plugin converts the timeout argument with it. */
function timeoutOf(call: PluginCall): number {
  const raw = call.args.timeout;
  if (raw === undefined) return DEFAULT_TIMEOUT_SECONDS;
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw new PluginError('ValueError', `invalid literal for int() with base 10: '${raw}'`);
  return Number(raw);
}

function domainOf(call: PluginCall, domId: string) {
  return /^\d+$/.test(domId) ? liveDomain(call.pool.db, call.host, Number(domId)) : undefined;
}

/** Writes the request, lets the guest see it, and waits for the answer. */
async function ask(call: PluginCall, requestId: string, name: string, value: unknown, timeout: number): Promise<string> {
  const domId = requiredArg(call.args, 'dom_id');
  const xenstore = (fn: 'read_record' | 'write_record' | 'delete_record', args: Record<string, string>) =>
    xenstorePlugin[fn]({ ...call, args: { dom_id: domId, ...args } }) as string;
  xenstore('write_record', { path: `data/host/${requestId}`, value: JSON.stringify({ name, value }) });
  const poll = Math.max(5, call.pool.duration(POLL_SECONDS));
  const started = Date.now();
  let rebooted = false;
  while (Date.now() - started < timeout * 1000) {
    const domain = domainOf(call, domId);
    if (domain) serviceAgentRequests(call.pool, domain);
    const answer = xenstore('read_record', { path: `data/guest/${requestId}`, ignore_missing_path: 'True' });
    if (answer !== '"None"') return answer;
    await sleep(poll);
    if (!domainOf(call, domId)) {
      rebooted = true;
      break;
    }
  }
  xenstore('delete_record', { path: `data/host/${requestId}` });
  if (rebooted) throw new PluginError('RebootDetectedError', `REBOOT: dom_id ${domId} no longer present`);
  throw new PluginError('PluginError', `TIMEOUT: No response from agent within ${timeout} seconds.`);
}

/** A plugin function sending one command whose value comes from the call's arguments. */
function command(name: string, valueOf: (call: PluginCall) => unknown = () => '') {
  return (call: PluginCall) => {
    const timeout = timeoutOf(call);
    const requestId = requiredArg(call.args, 'id');
    return ask(call, requestId, name, valueOf(call), timeout);
  };
}

/** What the agent says it can do (a probe with an id of dom0's own). */
async function agentFeatures(call: PluginCall, timeout: number): Promise<string[]> {
  const answer = JSON.parse(await ask(call, randomUUID(), 'features', '', timeout)) as { message?: unknown };
  // The plugin compares the string returncode with the number 0, so it always reads the message as the list.
  return String(answer.message ?? '').split(',');
}

export const agentPlugin: PluginFunctions = {
  version: command('version', () => 'agent'),
  key_init: command('keyinit', (call) => requiredArg(call.args, 'pub')),
  password: command('password', (call) => requiredArg(call.args, 'enc_pass')),
  resetnetwork: command('resetnetwork'),
  agentupdate: command('agentupdate', (call) => `${requiredArg(call.args, 'url')},${requiredArg(call.args, 'md5sum')}`),

  async inject_file(call) {
    const timeout = timeoutOf(call);
    const b64Path = requiredArg(call.args, 'b64_path');
    const b64Contents = requiredArg(call.args, 'b64_contents');
    const requestId = requiredArg(call.args, 'id');
    const features = await agentFeatures(call, timeout);
    if (features.includes('file_inject')) {
      return ask(call, requestId, 'file_inject', { b64_path: b64Path, b64_file: b64Contents }, timeout);
    }
    if (features.includes('injectfile')) {
      // Old agents take "<path>,<contents>" as one base64 value.
      const joined = Buffer.concat([Buffer.from(b64Path, 'base64'), Buffer.from(','), Buffer.from(b64Contents, 'base64')]);
      return ask(call, requestId, 'injectfile', joined.toString('base64'), timeout);
    }
    throw new PluginError('NotImplementedError', 'NOT IMPLEMENTED: Agent does not support file injection.');
  },
};
