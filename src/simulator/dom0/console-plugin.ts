// The `console` dom0 plugin: a guest's console log, base64 of the zlib-compressed tail, as Nova's
// get_console_output decodes it.
import { deflateSync } from 'node:zlib';
import { consoleLog } from './console-log.js';
import { PluginError } from './plugin-error.js';
import type { PluginFunctions } from './plugins.js';

export const consolePlugin: PluginFunctions = {
  get_console_log(call) {
    const domId = call.args.dom_id;
    if (!domId) throw new PluginError('PluginError', 'Missing dom_id');
    if (!/^\s*[+-]?\d+\s*$/.test(domId)) throw new PluginError('PluginError', 'Invalid dom_id');
    const id = Number(domId);
    const log = consoleLog(call.pool.db, call.host, id);
    if (!log) throw new PluginError('IOError', `[Errno 2] No such file or directory: '/var/log/xen/guest/console.${id}'`);
    return deflateSync(log).toString('base64');
  },
};
