// host.*: memory queries, enable/disable, management interface, server time and dom0 plugins.
import { xapiNow } from '../clock.js';
import { callPlugin } from '../dom0/plugins.js';
import { fail } from '../errors.js';
import { defineMessage } from '../registry.js';
import { hostFreeMemory } from './host-memory.js';

defineMessage('host.compute_free_memory', (ctx, host: string) => hostFreeMemory(ctx.db, host), { quiet: true });
defineMessage('host.get_servertime', () => xapiNow(), { quiet: true });
defineMessage('host.get_server_localtime', () => xapiNow(), { quiet: true });

defineMessage('host.get_management_interface', (ctx, host: string) => {
  ctx.db.get('host', host);
  const [pif] = ctx.db.select('PIF', (p) => p.host === host && p.management);
  return pif ? pif[0] : 'OpaqueRef:NULL';
}, { quiet: true });

defineMessage('host.disable', (ctx, host: string) => {
  ctx.db.get('host', host);
  ctx.db.update(host, { enabled: false });
  return '';
});

defineMessage('host.enable', (ctx, host: string) => {
  ctx.db.get('host', host);
  ctx.db.update(host, { enabled: true });
  return '';
});

/** The plugin runs in the named host's dom0, whichever host's endpoint received the call. */
defineMessage('host.call_plugin', (ctx, host: string, plugin: string, fn: string, args: Record<string, string>) => {
  const record = ctx.db.get('host', host);
  if (!ctx.db.find('host_metrics', record.metrics)?.live) fail('HOST_OFFLINE', host);
  return callPlugin(ctx.pool, host, plugin, fn, args);
});
