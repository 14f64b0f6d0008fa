// The `xenstore.py` dom0 plugin: reads and writes a running domain's live xenstore, paths relative to
// /local/domain/<dom_id>/. Results are JSON text, as the plugin's JSON wrapper makes them.
import { PluginError, requiredArg } from './plugin-error.js';
import type { PluginCall, PluginFunctions } from './plugins.js';
import { liveDomain, type LiveDomain } from './xenstore.js';

/** The plugin returns a value unchanged when it already is JSON, and JSON-encodes it otherwise. */
function jsonify(value: string): string {
  try {
    JSON.parse(value);
    return value;
  } catch {
    return JSON.stringify(value);
  }
}

function decodeWhenJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Python's repr of the command list, as XenstoreError prints it. */
const pythonList = (items: string[]): string => `[${items.map((item) => `'${item.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;

/** A failed xenstore-* command, reported with the command line the plugin ran. */
function xenstoreError(cmd: string[], stderr: string): PluginError {
  return new PluginError('XenstoreError', `cmd: ${pythonList(cmd)}; returncode: 1; stderr: ${stderr}; stdout: `);
}

interface Target {
  readonly domain: LiveDomain | undefined;
  readonly path: string;
  readonly fullPath: string;
}

/** A dom_id that is not a domain running on this host has no subtree to read or write. */
function target(call: PluginCall): Target {
  const domId = requiredArg(call.args, 'dom_id');
  const path = requiredArg(call.args, 'path');
  const domain = /^\d+$/.test(domId) ? liveDomain(call.pool.db, call.host, Number(domId)) : undefined;
  return { domain, path, fullPath: `/local/domain/${domId}/${path}` };
}

export const xenstorePlugin: PluginFunctions = {
  read_record(call) {
    const { domain, path, fullPath } = target(call);
    const value = domain?.xenstore.read(path);
    if (value === undefined) {
      // The plugin only tests the flag's truthiness, so Nova's "False" tolerates missing paths too.
      if (call.args.ignore_missing_path) return '"None"';
      throw xenstoreError(['xenstore-read', fullPath], `xenstore-read: couldn't read path ${fullPath}`);
    }
    return jsonify(value.trim());
  },

  write_record(call) {
    const { domain, path, fullPath } = target(call);
    const value = requiredArg(call.args, 'value');
    // dom0 could write a dead domain's subtree into being; refusing makes a driver that writes to a
    // domain that is not running find out, as it would from the missing domain's later silence.
    if (!domain) throw xenstoreError(['xenstore-write', fullPath, value], `xenstore-write: could not write path ${fullPath}`);
    domain.xenstore.write(path, value);
    return jsonify(value);
  },

  delete_record(call) {
    const { domain, path } = target(call);
    // An absent path (or domain) counts as already deleted.
    domain?.xenstore.remove(path);
    return '""';
  },

  list_records(call) {
    const { domain, path } = target(call);
    if (!domain?.xenstore.exists(path)) return '{}';
    const records: Record<string, unknown> = {};
    for (const [relative, value] of domain.xenstore.list(path)) records[relative] = decodeWhenJson(value.trim());
    return JSON.stringify(records);
  },
};
