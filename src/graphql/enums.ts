// Enums shared by several types; values mirror the store's CHECK-constrained columns.
import { OPERATION_STATUSES, POWER_STATES, VM_STATES } from '../store/schema.js';
import { builder } from './builder.js';

export const PowerStateEnum = builder.enumType('PowerState', {
  description: 'Power state of the VM as XAPI reports it, in Nova\'s terms.',
  values: POWER_STATES,
});

export const VmStateEnum = builder.enumType('VmState', {
  description: 'Nova\'s stable state of an instance.',
  values: VM_STATES,
});

export const OperationStatusEnum = builder.enumType('OperationStatus', { values: OPERATION_STATUSES });

export const OrderDirectionEnum = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });
