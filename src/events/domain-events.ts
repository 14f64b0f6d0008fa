// Typed events the event pump derives from XAPI changes, as subscribers see them.
import type { Instance } from '../store/types.js';

/**
 * What every instance event carries: the instance as the change left it, so the many subscribers of a
 * change need not each read it back from the store.
 */
interface InstanceEventBase {
  readonly instanceId: string;
  readonly instance: Instance;
  readonly at: Date;
}

export type DomainEvent = InstanceEventBase & (
  | { readonly kind: 'INSTANCE_CREATED' }
  | { readonly kind: 'INSTANCE_DELETED' }
  | { readonly kind: 'INSTANCE_CHANGED'; readonly fields: readonly string[] }
  | { readonly kind: 'TASK_STATE_CHANGED'; readonly from: string | null; readonly to: string | null }
  | { readonly kind: 'MIGRATION_PROGRESSED'; readonly migrationId: string; readonly percent: number }
  | { readonly kind: 'POWER_STATE_CHANGED'; readonly from: string; readonly to: string }
);
