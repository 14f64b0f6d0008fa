// xenhost's `iptables_config`, through which Nova's Dom0IptablesFirewallDriver ran iptables in dom0: `cmd_args`
// is a JSON command line, only iptables-save / iptables-restore and their ip6 twins are allowed, a restore
// reads `process_input`, and the reply is JSON `{"out": …, "err": ""}`. A failing command raises PluginError
// with its stderr, a missing argument ArgumentError, as the plugin did.
import { IptablesError, iptablesRestore, iptablesSave, type IpFamily } from './iptables.js';
import { PluginError } from './plugin-error.js';
import type { PluginCall, PluginFunctions } from './plugins.js';

const COMMANDS: Readonly<Record<string, { family: IpFamily; restore: boolean }>> = {
  'iptables-save': { family: 'ipv4', restore: false },
  'iptables-restore': { family: 'ipv4', restore: true },
  'ip6tables-save': { family: 'ipv6', restore: false },
  'ip6tables-restore': { family: 'ipv6', restore: true },
};

function commandLine(call: PluginCall): string[] {
  if (!Object.hasOwn(call.args, 'cmd_args')) throw new PluginError('ArgumentError', 'Argument cmd_args is required.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.args.cmd_args!);
  } catch {
    throw new PluginError('ValueError', 'No JSON object could be decoded');
  }
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

function iptablesConfig(call: PluginCall): string {
  const [program, ...flags] = commandLine(call);
  const command = program === undefined ? undefined : COMMANDS[program];
  if (!command) throw new PluginError('PluginError', 'Invalid iptables command');
  const world = call.pool.world;
  const hostUuid = call.pool.db.get('host', call.host).uuid as string;
  try {
    if (!command.restore) return JSON.stringify({ out: iptablesSave(world, hostUuid, command.family, flags.includes('-c')), err: '' });
    iptablesRestore(world, hostUuid, command.family, call.args.process_input ?? '');
    return JSON.stringify({ out: '', err: '' });
  } catch (error) {
    if (error instanceof IptablesError) throw new PluginError('PluginError', error.message);
    throw error;
  }
}

/** The firewall part of the `xenhost` plugin. */
export const xenhostFirewallFunctions: PluginFunctions = { iptables_config: iptablesConfig };
