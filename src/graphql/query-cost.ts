// What a request costs and how much each token may spend. A connection costs its page size (first / last, or
// the default page) times its selection, so a page of 1,000 weighs what it reads; each token has a budget of
// points per time window (QUERY_BUDGET, QUERY_BUDGET_WINDOW), and a request that would overspend it is refused
// before it runs with QUERY_BUDGET_EXCEEDED (HTTP 429). Every answer reports its cost and what is left.
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.js';

/** The most one request may weigh (the complexity plugin's limit); heavier requests are refused as too complex. */
export const MAX_REQUEST_COMPLEXITY = 100_000;

/** Items in a page when the client names no size. */
export const DEFAULT_PAGE_SIZE = 20;

/** A connection field's cost multiplier: the page it asks for. Its `edges` list is then counted once. */
export function connectionComplexity(args: { first?: number | null; last?: number | null }) {
  return { field: 1, multiplier: Math.max(0, args.first ?? args.last ?? DEFAULT_PAGE_SIZE) };
}

export interface QueryBudgetSettings {
  /** Points per window per token; 0 turns budgets off. */
  readonly points: number;
  readonly windowSeconds: number;
}

export interface BudgetState {
  readonly remaining: number;
  readonly limit: number;
  readonly resetAt: Date;
}

/** Spending per token in fixed windows, kept in memory: one process's view, reset on restart. */
export class QueryBudgets {
  private readonly windows = new Map<string, { startedAt: number; spent: number }>();

  constructor(private readonly settings: QueryBudgetSettings, private readonly now: () => number = Date.now) {}

  get enabled(): boolean {
    return this.settings.points > 0;
  }

  /** Spends `cost` when it fits; says what is left either way. */
  charge(tokenId: string, cost: number): { accepted: boolean; budget: BudgetState } {
    const now = this.now();
    const windowMs = this.settings.windowSeconds * 1000;
    let window = this.windows.get(tokenId);
    if (!window || now - window.startedAt >= windowMs) {
      window = { startedAt: now, spent: 0 };
      this.windows.set(tokenId, window);
      this.forgetEnded(now, windowMs);
    }
    const accepted = window.spent + cost <= this.settings.points;
    if (accepted) window.spent += cost;
    const budget = { remaining: this.settings.points - window.spent, limit: this.settings.points, resetAt: new Date(window.startedAt + windowMs) };
    return { accepted, budget };
  }

  private forgetEnded(now: number, windowMs: number): void {
    for (const [tokenId, window] of this.windows) if (now - window.startedAt >= windowMs) this.windows.delete(tokenId);
  }
}

function costExtension(requested: number, budget: BudgetState | null) {
  return { requested, ...(budget ? { budget: { ...budget, resetAt: budget.resetAt.toISOString() } } : {}) };
}

/** Charges each operation to its token before it runs and reports the cost in `extensions.cost`. */
export function useQueryCost(schema: GraphQLSchema, budgets: QueryBudgets): Plugin<GraphQLContext> {
  // Null when the arguments cannot be read (bad variables), or when the request is over the per-request limit:
  // execution then answers that error itself (QUERY_TOO_COMPLEX), at no cost to the budget.
  const costOf = (args: { document: unknown; contextValue: GraphQLContext; variableValues?: unknown }): number | null => {
    try {
      const cost = complexityFromQuery(
        args.document as Parameters<typeof complexityFromQuery>[0],
        { schema, ctx: args.contextValue, variables: (args.variableValues ?? {}) as Record<string, unknown> },
      ).complexity;
      return cost > MAX_REQUEST_COMPLEXITY ? null : cost;
    } catch {
      return null;
    }
  };
  const charge = (context: GraphQLContext, cost: number) => {
    const tokenId = context.principal?.tokenId;
    return budgets.enabled && tokenId ? budgets.charge(tokenId, cost) : { accepted: true, budget: null };
  };
  const refusal = (cost: number, budget: BudgetState) => ({
    errors: [new GraphQLError(
      `Query budget exceeded: this request costs ${cost} points, ${budget.remaining} of ${budget.limit} are left until ${budget.resetAt.toISOString()}`,
      { extensions: { code: 'QUERY_BUDGET_EXCEEDED', http: { status: 429 }, cost: costExtension(cost, budget) } },
    )],
  });
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = costOf(args);
      if (cost === null) return undefined;
      const { accepted, budget } = charge(args.contextValue, cost);
      if (!accepted) {
        setResultAndStopExecution(refusal(cost, budget!));
        return undefined;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const single = result as ExecutionResult;
          setResult({ ...single, extensions: { ...single.extensions, cost: costExtension(cost, budget) } });
        },
      };
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const cost = costOf(args);
      if (cost === null) return;
      const { accepted, budget } = charge(args.contextValue, cost);
      if (!accepted) setResultAndStopExecution(refusal(cost, budget!));
    },
  };
}
