// Every change xengraph makes to an instance goes through here, so instanceUpdated and instanceEvents
// subscribers see it just as they see changes coming from XAPI.
import type { Instance, InstancePatch } from '../store/index.js';
import type { DriverServices } from './action.js';

export async function updateInstance(services: DriverServices, id: string, patch: InstancePatch): Promise<Instance | null> {
  const { store, pubsub } = services;
  const before = await store.instances.get(id);
  const instance = await store.instances.update(id, patch);
  if (!instance || !before) return instance;
  const fields = (Object.keys(patch) as (keyof InstancePatch)[])
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(instance[field]));
  if (fields.length === 0) return instance;
  const at = new Date();
  const events = [
    { kind: 'INSTANCE_CHANGED' as const, instanceId: id, at, fields },
    ...(fields.includes('taskState')
      ? [{ kind: 'TASK_STATE_CHANGED' as const, instanceId: id, at, from: before.taskState, to: instance.taskState }]
      : []),
  ];
  for (const event of events) {
    pubsub.publish('instance:changed', id, event);
    pubsub.publish('instance:events', event);
  }
  return instance;
}
