// Every change xengraph makes to an instance goes through here, so instanceUpdated and instanceEvents
// subscribers see it just as they see changes coming from XAPI.
import type { DomainEvent } from '../events/domain-events.js';
import { publishInstanceEvent } from '../events/pubsub.js';
import type { Instance, InstancePatch } from '../store/index.js';
import type { DriverServices } from './action.js';

export async function updateInstance(services: DriverServices, id: string, patch: InstancePatch): Promise<Instance | null> {
  const { store, pubsub } = services;
  const changed = await store.instances.change(id, patch);
  if (!changed) return null;
  const { before, after: instance } = changed;
  const fields = (Object.keys(patch) as (keyof InstancePatch)[])
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(instance[field]));
  if (fields.length === 0) return instance;
  const at = new Date();
  const about = { instanceId: id, instance, at };
  const events: DomainEvent[] = [{ kind: 'INSTANCE_CHANGED', ...about, fields }];
  // Whichever records a new power state first, an action or the event pump, announces it; the other finds
  // the store already agreeing and stays quiet.
  if (fields.includes('powerState')) events.push({ kind: 'POWER_STATE_CHANGED', ...about, from: before.powerState, to: instance.powerState });
  if (fields.includes('taskState')) events.push({ kind: 'TASK_STATE_CHANGED', ...about, from: before.taskState, to: instance.taskState });
  for (const event of events) publishInstanceEvent(pubsub, event);
  return instance;
}
