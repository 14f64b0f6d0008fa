// Typed events the event pump derives from XAPI changes, as subscribers see them.
export type DomainEvent =
  | { readonly kind: 'INSTANCE_CREATED'; readonly instanceId: string; readonly at: Date }
  | { readonly kind: 'INSTANCE_DELETED'; readonly instanceId: string; readonly at: Date }
  | { readonly kind: 'INSTANCE_CHANGED'; readonly instanceId: string; readonly at: Date; readonly fields: readonly string[] }
  | {
    readonly kind: 'TASK_STATE_CHANGED'; readonly instanceId: string; readonly at: Date;
    readonly from: string | null; readonly to: string | null;
  }
  | {
    readonly kind: 'MIGRATION_PROGRESSED'; readonly instanceId: string; readonly at: Date;
    readonly migrationId: string; readonly percent: number;
  }
  | {
    readonly kind: 'POWER_STATE_CHANGED'; readonly instanceId: string; readonly at: Date;
    readonly from: string; readonly to: string;
  };
