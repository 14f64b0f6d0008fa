// The periodic tasks of Nova's compute manager that the XenAPI driver took part in, each run by one xengraph
// process at a time (a lease in the store): the slow power-state reconcile, poll_rebooting_instances, and
// resume_state_on_host_boot (also run at once when a host's liveness or service state changes).
import type { PeriodicConfig } from '../config.js';
import { PeriodicTask } from '../operations/periodic-task.js';
import type { AppServices } from '../services.js';
import { HostBootWatch } from './host-boot.js';
import { reconcilePowerStates } from './power-sync.js';
import { pollRebootingInstances } from './rebooting-instances.js';

export interface PeriodicTasks {
  stop(): Promise<void>;
}

export function startPeriodicTasks(
  services: AppServices, config: PeriodicConfig, onError: (message: string, error: unknown) => void,
): PeriodicTasks {
  const { leases } = services.store;
  const every = config.intervalSeconds * 1000;
  const tasks: PeriodicTask[] = [];
  if (config.powerSyncSeconds > 0) {
    tasks.push(new PeriodicTask({
      name: 'power-state-sync', intervalMs: config.powerSyncSeconds * 1000, leases, onError, run: () => reconcilePowerStates(services),
    }));
  }
  if (config.rebootTimeoutSeconds > 0) {
    tasks.push(new PeriodicTask({
      name: 'poll-rebooting-instances', intervalMs: every, leases, onError,
      run: () => pollRebootingInstances(services, config.rebootTimeoutSeconds),
    }));
  }

  // Host changes can come in bursts; a check asked for while one runs is made once more afterwards.
  let running: Promise<unknown> | null = null;
  let again = false;
  const checkSoon = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = hostBoot.runNow().finally(() => {
      running = null;
      if (again) {
        again = false;
        checkSoon();
      }
    });
  };
  const watch = new HostBootWatch(services, checkSoon);
  const hostBoot = new PeriodicTask({ name: 'resume-state-on-host-boot', intervalMs: every, leases, onError, run: () => watch.check() });
  tasks.push(hostBoot);

  for (const task of tasks) task.start();
  checkSoon();
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      await watch.stop();
    },
  };
}
