// Which actions a button may offer now. The role decides what is offered at all; whether the target's state
// allows one is the API's answer (the target's `allowedActions`), never a rule kept here.
import { useViewer } from '../app/viewer.js';
import { roleAllows, type ActionSpec } from './catalogue.js';

/** One entry of a target's `allowedActions`, as the pages' documents select it. */
interface AllowedAction {
  readonly action: string;
  readonly allowed: boolean;
  readonly reason?: string | null;
}

/** The target as a page's query read it; `allowedActions` when the page selected it. */
export type ActionTargetState = { readonly allowedActions?: readonly AllowedAction[] } | object;

/** `instanceLiveMigrate` → `INSTANCE_LIVE_MIGRATE`, the API's name for the mutation in `allowedActions`. */
export function mutationEnumName(mutation: string): string {
  return mutation.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function allowedActionsOf(target: ActionTargetState | null): ReadonlyMap<string, AllowedAction> | null {
  const listed = target && 'allowedActions' in target ? target.allowedActions : undefined;
  return listed ? new Map(listed.map((entry) => [entry.action, entry])) : null;
}

/** Why the action cannot run now (null: it can). Actions the target does not list are left to the API to judge. */
export function useRefusals(target: ActionTargetState | null): (action: ActionSpec) => string | null {
  const viewer = useViewer();
  const listed = allowedActionsOf(target);
  return (action) => {
    if (!roleAllows(viewer.role, action)) return 'Your role does not allow this.';
    const entry = listed?.get(mutationEnumName(action.mutation));
    return entry && !entry.allowed ? entry.reason ?? 'Not allowed now.' : null;
  };
}

/** Whether the viewer's role offers the action at all (buttons are not shown otherwise). */
export function useRoleOffers(): (action: ActionSpec) => boolean {
  const viewer = useViewer();
  return (action) => roleAllows(viewer.role, action);
}
