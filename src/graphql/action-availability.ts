// Which mutations an instance or host allows now, and why not the others. Each mutation registers the check
// it runs on submit (the action's own `check`, never a copy of its rules) with a probe input; the answer then
// follows the runner's order: the role, the action's check, then one active operation per subject. The checks
// read the store and the pools' event-fed caches only, so asking costs no XAPI call.
import { BaseUserError, OperationInProgressError } from '../errors.js';
import type { AppServices } from '../services.js';
import { ACTIVE_OPERATION_STATUSES } from '../store/schema.js';
import type { GraphQLContext, Role } from './context.js';
import { scopesFor } from './scopes.js';

export interface ActionAvailability {
  /** The mutation's name, e.g. instanceReboot. */
  readonly action: string;
  readonly allowed: boolean;
  /** Why not; null when allowed. */
  readonly reason: string | null;
  /** The error code the mutation would answer with; null when allowed. */
  readonly code: string | null;
}

interface RegisteredAction<Subject> {
  readonly mutation: string;
  readonly role: Exclude<Role, 'reader'>;
  /** The action's own precondition, run with the probe input. */
  readonly check: (subject: Subject, services: AppServices) => void | Promise<void>;
}

/** The mutations acting on one kind of subject, and how its active operation is found. */
export class ActionAvailabilityRegistry<Subject extends { id: string }> {
  private readonly actions: RegisteredAction<Subject>[] = [];
  private sealed = false;

  constructor(private readonly activeOperationFilter: (subject: Subject) => { instanceId: string } | { targetId: string }, private readonly subjectName: string) {}

  register(action: RegisteredAction<Subject>): void {
    // A mutation registered after its enum was built would fail at run time, whenever allowedActions is read.
    if (this.sealed) throw new Error(`${action.mutation} registered after ${this.subjectName} allowedActions was built: import its module before allowed-actions.js`);
    this.actions.push(action);
  }

  /** Mutation names in registration order (the GraphQL enum's values); no mutation may register after. */
  seal(): string[] {
    this.sealed = true;
    return this.actions.map((action) => action.mutation);
  }

  async availabilityFor(subject: Subject, ctx: GraphQLContext): Promise<ActionAvailability[]> {
    const scopes = scopesFor(ctx.principal);
    const { services } = ctx;
    const [active] = await ctx.services.store.operations.list(
      { ...this.activeOperationFilter(subject), status: [...ACTIVE_OPERATION_STATUSES] }, { limit: 1, inverted: false },
    );
    return Promise.all(this.actions.map(async ({ mutation, role, check }) => {
      if (!scopes[role]) {
        return refused(mutation, `Needs the ${role.toUpperCase()} role; this token is ${(ctx.principal?.role ?? 'none').toUpperCase()}`, 'FORBIDDEN');
      }
      const refusal = await refusalOf(() => check(subject, services));
      if (refusal) return refused(mutation, refusal.message, refusal.code);
      if (active) {
        const busy = new OperationInProgressError(subject.id, active.id, this.subjectName);
        return refused(mutation, busy.message, busy.code);
      }
      return { action: mutation, allowed: true, reason: null, code: null };
    }));
  }
}

function refused(action: string, reason: string, code: string): ActionAvailability {
  return { action, allowed: false, reason, code };
}

/**
 * The user error the check answers, if it is about the subject. A refusal of the probe input's own values
 * (a path into the input other than its id) says nothing about the subject: the mutation may still succeed
 * with other input, so the action counts as allowed.
 */
async function refusalOf(check: () => void | Promise<void>): Promise<BaseUserError | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (!(error instanceof BaseUserError)) throw error;
    const aboutInput = error.path !== null && error.path[0] === 'input' && error.path[1] !== 'id';
    return aboutInput ? null : error;
  }
}
