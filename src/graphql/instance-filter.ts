// The filter and ordering clients give `instances` (and Host.instances), turned into the store's terms.
import type { InstanceFilter } from '../store/types.js';
import { builder } from './builder.js';
import { OrderDirectionEnum, PowerStateEnum, VmStateEnum } from './enums.js';
import { AggregateRef, HostRef } from './refs.js';
import { boundedText } from './input-bounds.js';

export const InstanceFilterInput = builder.inputType('InstanceFilter', {
  description: 'Which instances to list; every given field must match.',
  fields: (t) => ({
    hostId: t.globalID({ for: HostRef, required: false, description: 'Only instances on this host.' }),
    aggregateId: t.globalID({ for: AggregateRef, required: false, description: 'Only instances on a host of this aggregate.' }),
    powerState: t.field({ type: PowerStateEnum, required: false, description: 'Only instances in this power state.' }),
    vmState: t.field({ type: VmStateEnum, required: false, description: 'Only instances in this vm state.' }),
    nameContains: t.string({ required: false, ...boundedText(255) }),
    managed: t.boolean({ required: false, description: 'True: only instances xengraph created; false: only VMs found on a pool.' }),
    includeDeleted: t.boolean({ required: false, defaultValue: false, description: 'Also list DELETED instances (left out by default).' }),
  }),
});

const InstanceOrderField = builder.enumType('InstanceOrderField', {
  description: 'What to sort instances by.',
  values: {
    CREATED_AT: { description: 'When xengraph recorded them.' },
    NAME: { description: 'Their display name.' },
  } as const,
});

export const InstanceOrderInput = builder.inputType('InstanceOrder', {
  description: 'Sort order for the instances list: a field and a direction.',
  fields: (t) => ({
    field: t.field({ type: InstanceOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: OrderDirectionEnum, required: false, defaultValue: 'ASC', description: 'Ascending (default) or descending.' }),
  }),
});

type FilterArgs = typeof InstanceFilterInput.$inferInput | null | undefined;

export function instanceFilterFrom(args: FilterArgs): InstanceFilter {
  return {
    hostId: args?.hostId?.id,
    aggregateId: args?.aggregateId?.id,
    powerState: args?.powerState ?? undefined,
    vmState: args?.vmState ?? undefined,
    nameContains: args?.nameContains ?? undefined,
    managed: args?.managed ?? undefined,
    includeDeleted: args?.includeDeleted ?? false,
  };
}
