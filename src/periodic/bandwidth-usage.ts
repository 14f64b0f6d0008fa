// Nova's _poll_bandwidth_usage as a periodic task: every BANDWIDTH_POLL_SECONDS, one process reads every
// host's VIF counters and adds the traffic to the instances' rows of the current period.
import { pollBandwidthUsage } from '../driver/bandwidth.js';
import type { DriverServices } from '../operations/action.js';
import { PeriodicTask } from '../operations/periodic-task.js';

export const BANDWIDTH_POLL_LEASE = 'bandwidth-poll';

/** Starts polling every `seconds` (none when 0); the task is returned so it can be stopped or run at once. */
export function startBandwidthPolling(
  services: DriverServices, seconds: number, onError: (message: string, error: unknown) => void,
): PeriodicTask | null {
  if (seconds <= 0) return null;
  const task = new PeriodicTask({
    name: BANDWIDTH_POLL_LEASE,
    intervalMs: seconds * 1000,
    leases: services.store.leases,
    onError,
    run: async () => {
      const result = await pollBandwidthUsage(services);
      for (const failure of result.failures) onError(`bandwidth poll: host ${failure.host} skipped`, new Error(failure.error));
    },
  });
  task.start();
  return task;
}
