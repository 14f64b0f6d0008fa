// The filter and ordering clients give `instances` (and Host.instances), turned into the store's terms.
import type { InstanceFilter } from '../store/types.js';
import { builder } from './builder.js';
import { OrderDirectionEnum, PowerStateEnum, VmStateEnum } from './enums.js';
import { AggregateRef, HostRef } from './refs.js';
import { boundedText } from './input-bounds.js';

export const InstanceFilterInput = builder.inputType('InstanceFilter', {
  fields: (t) => ({
    hostId: t.globalID({ for: HostRef, required: false }),
    aggregateId: t.globalID({ for: AggregateRef, required: false }),
    powerState: t.field({ type: PowerStateEnum, required: false }),
    vmState: t.field({ type: VmStateEnum, required: false }),
    nameContains: t.string({ required: false, ...boundedText(255) }),
    managed: t.boolean({ required: false }),
    includeDeleted: t.boolean({ required: false, defaultValue: false }),
  }),
});

const InstanceOrderField = builder.enumType('InstanceOrderField', { values: ['CREATED_AT', 'NAME'] as const });

export const InstanceOrderInput = builder.inputType('InstanceOrder', {
  fields: (t) => ({
    field: t.field({ type: InstanceOrderField, required: true }),
    direction: t.field({ type: OrderDirectionEnum, required: false, defaultValue: 'ASC' }),
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
