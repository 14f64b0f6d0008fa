// host.call_plugin's dom0 side: the plugins a Nova-style driver calls, by the file names both the old
// (`xenstore.py`, `console`) and the os-xenapi (`*.py`) layouts use, and XAPI's errors around them.
import { XapiFailure } from '../errors.js';
import type { SimPool } from '../world.js';
import { agentPlugin } from './agent-plugin.js';
import { bandwidthPlugin } from './bandwidth-plugin.js';
import { consolePlugin } from './console-plugin.js';
import { xenhostFirewallFunctions } from './iptables-plugin.js';
import { kernelPlugin } from './kernel-plugin.js';
import { PluginError } from './plugin-error.js';
import { xenstorePlugin } from './xenstore-plugin.js';

export interface PluginCall {
  readonly pool: SimPool;
  /** The host whose dom0 runs the plugin. */
  readonly host: string;
  readonly args: Readonly<Record<string, string>>;
}

/** A function may take its time (the agent plugin waits for the guest's answer). */
export type PluginFunctions = Readonly<Record<string, (call: PluginCall) => string | Promise<string>>>;

const PLUGINS: ReadonlyMap<string, PluginFunctions> = new Map([
  ['xenstore.py', xenstorePlugin],
  ['xenstore', xenstorePlugin],
  ['console', consolePlugin],
  ['console.py', consolePlugin],
  ['xenhost', xenhostFirewallFunctions],
  ['xenhost.py', xenhostFirewallFunctions],
  ['agent', agentPlugin],
  ['agent.py', agentPlugin],
  ['bandwidth', bandwidthPlugin],
  ['bandwidth.py', bandwidthPlugin],
  ['kernel', kernelPlugin],
  ['kernel.py', kernelPlugin],
]);

export async function callPlugin(pool: SimPool, host: string, plugin: string, fn: string, args: Record<string, string>): Promise<string> {
  const functions = PLUGINS.get(plugin);
  if (!functions) throw new XapiFailure('XENAPI_MISSING_PLUGIN', plugin);
  if (!Object.hasOwn(functions, fn)) throw new XapiFailure('UNKNOWN_XENAPI_PLUGIN_FUNCTION', fn);
  try {
    return await functions[fn]({ pool, host, args });
  } catch (error) {
    if (error instanceof PluginError) throw new XapiFailure('XENAPI_PLUGIN_FAILURE', fn, error.exceptionClass, error.message);
    throw error;
  }
}
