// The actions a target offers, as buttons: one opens its form below (one at a time). A viewer whose role may not
// run them sees none; those the target's state does not allow now are disabled, as the API says.
import { useState } from 'react';
import { ActionForm } from './ActionForm.js';
import { actionLabel, actionsFor, targetFieldOf, type ActionTarget } from './catalogue.js';
import { useRefusals, useRoleOffers, type ActionTargetState } from './useAllowedActions.js';

export interface ActionBarProps {
  readonly target: ActionTarget;
  /** What names the target in the action's input (absent for actions that create their target). */
  readonly targetId?: string;
  readonly state?: ActionTargetState | null;
  readonly title?: string;
}

export function ActionBar({ target, targetId, state = null, title = 'Actions' }: ActionBarProps) {
  const offered = useRoleOffers();
  const refusal = useRefusals(state);
  const [open, setOpen] = useState<string | null>(null);
  const actions = actionsFor(target).filter(offered);
  if (actions.length === 0) return null;
  const chosen = actions.find((action) => action.mutation === open);
  const barId = `actions-${target}-${targetId ?? 'new'}`;
  return (
    <section className="action-bar" aria-labelledby={barId}>
      <h2 id={barId} className="visually-hidden">{title}</h2>
      <div className="action-buttons" role="toolbar" aria-label={title}>
        {actions.map((action) => {
          const why = refusal(action);
          return (
            <button key={action.mutation} type="button" data-action={action.mutation} disabled={why !== null}
              title={why ?? undefined} aria-expanded={open === action.mutation}
              onClick={() => setOpen(open === action.mutation ? null : action.mutation)}>
              {actionLabel(action)}
            </button>
          );
        })}
      </div>
      {chosen && <div className="card"><ActionForm key={chosen.mutation} action={chosen} fixed={targetId ? { [targetFieldOf(chosen)]: targetId } : {}} /></div>}
    </section>
  );
}
