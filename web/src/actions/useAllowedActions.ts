// Which actions a button may offer now. The role decides what is offered at all; whether the target's state
// allows one is the API's answer, never a rule kept here.
import { useViewer } from '../app/viewer.js';
import { roleAllows, type ActionSpec } from './catalogue.js';

/** The target as a page's query read it: its `allowedActions` (mutation names) once the schema has the field. */
export type ActionTargetState = object;

function allowedActionsOf(target: ActionTargetState | null): ReadonlySet<string> | null {
  const listed = target && 'allowedActions' in target ? (target as { allowedActions?: unknown }).allowedActions : null;
  return Array.isArray(listed) ? new Set(listed.map(String)) : null;
}

export function useAllowedActions(target: ActionTargetState | null): (action: ActionSpec) => boolean {
  const viewer = useViewer();
  // TODO(Instance.allowedActions, Host.allowedActions): select the field in the pages' documents once it is in the
  // schema; until then every action the role allows stays enabled and the API refuses those the state does not.
  const allowed = allowedActionsOf(target);
  return (action) => roleAllows(viewer.role, action) && (!allowed || allowed.has(action.mutation));
}

/** Whether the viewer's role offers the action at all (buttons are not shown otherwise). */
export function useRoleOffers(): (action: ActionSpec) => boolean {
  const viewer = useViewer();
  return (action) => roleAllows(viewer.role, action);
}
