// Emptying a host by live migration, for maintenance mode and host power actions. Every instance's
// destination is chosen before anything moves, counting the memory earlier choices take on each host, so a
// host that cannot be emptied is refused with NoValidHostError and nothing is half-moved. Each move is then
// an ordinary instanceLiveMigrate Operation with its own Migration, one after the other.
import { NoValidHostError, OperationInProgressError } from '../../errors.js';
import type { DriverServices, TargetRun } from '../../operations/action.js';
import type { Host, Instance } from '../../store/index.js';
import { checkLiveMigration } from '../live-migration/check.js';
import { liveMigrateAction } from '../live-migration/live-migrate-action.js';

const MiB = 1024 * 1024;

export interface Evacuation {
  readonly instance: Instance;
  readonly destination: Host;
}

/**
 * The instances whose VMs are resident on the host, managed or not. Halted ones that merely belong to it stay
 * (XAPI's own evacuation leaves them too): they start there again, or elsewhere if it is out of service.
 */
export async function instancesOn(services: DriverServices, host: Host): Promise<Instance[]> {
  const placed = await services.store.instances.list({ hostId: host.id }, { field: 'NAME', direction: 'ASC' }, { limit: 100_000, inverted: false });
  return placed.filter((instance) => instance.powerState === 'RUNNING' || instance.powerState === 'PAUSED');
}

/** Refuses while any of the instances has an action running: its state is about to change under us. */
export async function requireIdle(services: DriverServices, instances: readonly Instance[]): Promise<void> {
  const busy = instances.find((instance) => instance.taskState !== null);
  if (!busy) return;
  const [active] = await services.store.operations.list({ instanceId: busy.id, status: ['PENDING', 'RUNNING', 'CANCELLING'] }, { limit: 1, inverted: false });
  throw new OperationInProgressError(busy.id, active?.id ?? null);
}

/**
 * Where each instance on the host goes: among the other hosts of its pool that take instances, the one with
 * the most memory left once earlier placements are counted, provided the instance can move there live on
 * shared storage. Throws NoValidHostError naming every instance that has nowhere to go.
 */
export async function planEvacuation(services: DriverServices, host: Host, instances?: readonly Instance[]): Promise<Evacuation[]> {
  const { store } = services;
  const residents = instances ?? await instancesOn(services, host);
  await requireIdle(services, residents);
  const reserved = await store.instances.buildingMemoryByHost();
  const candidates = (await store.hosts.list({ poolId: host.poolId }, { limit: 1000, inverted: false }))
    .filter((h) => h.id !== host.id && h.enabled && h.live && h.maintenance === 'NONE')
    .map((h) => ({ host: h, free: h.memoryFree - (reserved.get(h.id) ?? 0) * MiB }));
  const plan: Evacuation[] = [];
  const refusals: string[] = [];
  // Largest first, so a big guest is not left without room by small ones placed before it.
  for (const instance of [...residents].sort((a, b) => b.memoryMb - a.memoryMb || a.name.localeCompare(b.name))) {
    const needed = instance.memoryMb * MiB;
    let reason = candidates.length === 0 ? 'no other host of its pool takes instances' : `no host has ${instance.memoryMb} MiB free`;
    let chosen: (typeof candidates)[number] | undefined;
    for (const candidate of [...candidates].sort((a, b) => b.free - a.free)) {
      if (candidate.free < needed) break;
      const verdict = await checkLiveMigration(services, instance, candidate.host, { blockMigration: false });
      if (verdict.possible) {
        chosen = candidate;
        break;
      }
      reason = verdict.reason;
    }
    if (!chosen) {
      refusals.push(`${instance.name}: ${reason}`);
      continue;
    }
    chosen.free -= needed;
    plan.push({ instance, destination: chosen.host });
  }
  if (refusals.length > 0) throw new NoValidHostError(`${host.name} cannot be emptied by live migration (${refusals.join('; ')})`);
  return plan;
}

/**
 * Moves each instance as planned, as its own live-migration Operation, reporting the host operation's
 * progress between `from` and `to` percent. A move that fails does not stop the others; the failures are
 * returned so the caller can say which instances stayed.
 */
export async function evacuate(run: TargetRun, plan: readonly Evacuation[], from: number, to: number): Promise<{ moved: string[]; failed: string[] }> {
  const moved: string[] = [];
  const failed: string[] = [];
  const share = plan.length === 0 ? 0 : (to - from) / plan.length;
  for (const [index, { instance, destination }] of plan.entries()) {
    const base = from + share * index;
    const phase = 'evacuating';
    await run.progress(Math.round(base), phase, `moving ${instance.name} to ${destination.name} (${index + 1} of ${plan.length})`);
    try {
      const { operation } = await run.runInstanceAction(
        liveMigrateAction, instance, { hostId: destination.id, blockMigration: false },
        (percent) => void run.progress(Math.round(base + (share * percent) / 100), phase).catch(() => undefined),
      );
      if (operation.status === 'SUCCEEDED') moved.push(instance.id);
      else failed.push(`${instance.name}: ${operation.error?.message ?? operation.status}`);
    } catch (error) {
      failed.push(`${instance.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await run.progress(to, 'evacuating', `${moved.length} of ${plan.length} instances moved`);
  return { moved, failed };
}
