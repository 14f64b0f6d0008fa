// The `bandwidth` dom0 plugin: the byte counters of every guest VIF on the host, as dom0's /proc/net/dev
// shows them for its vif<domid>.<n> interfaces. Nova's copy answered with a pickle; this one always answers
// JSON (`{"<domid>": {"<device>": {"bw_in": n, "bw_out": n}}}`), whatever the request's `params` were.
import { domainActivities, vifBytes } from '../classes/guest-activity.js';
import type { PluginFunctions } from './plugins.js';

export const bandwidthPlugin: PluginFunctions = {
  fetch_all_bandwidth(call) {
    const now = Date.now();
    const counters: Record<string, Record<string, { bw_in: number; bw_out: number }>> = {};
    for (const activity of domainActivities(call.pool, now)) {
      if (activity.endedAt !== null || activity.host !== call.host) continue;
      const vm = call.pool.db.get('VM', activity.vm);
      const vifs: Record<string, { bw_in: number; bw_out: number }> = {};
      for (const ref of vm.VIFs as string[]) {
        const vif = call.pool.db.find('VIF', ref);
        if (!vif?.currently_attached) continue;
        const device = String(vif.device);
        // dom0's end of the vif transmits what the guest receives and receives what it sends; the plugin
        // swaps the columns back, so bw_in is the guest's incoming traffic.
        const dom0 = { rx: vifBytes(activity, device, 'tx', now), tx: vifBytes(activity, device, 'rx', now) };
        vifs[device] = { bw_in: dom0.tx, bw_out: dom0.rx };
      }
      counters[String(activity.domid)] = vifs;
    }
    return JSON.stringify(counters);
  },
};
