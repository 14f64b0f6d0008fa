// Rollback for multi-step actions: each step that creates something registers how to remove it, and on
// failure the removals run newest first. A removal that fails is reported but does not stop the others.
import type { Logger } from '../logging/logger.js';

export class UndoStack {
  private readonly steps: { readonly label: string; readonly undo: () => Promise<void> }[] = [];

  push(label: string, undo: () => Promise<void>): void {
    this.steps.push({ label, undo });
  }

  /** Runs every registered undo in reverse order; returns what could not be undone. */
  async unwind(): Promise<string[]> {
    const failures: string[] = [];
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.undo();
      } catch (error) {
        failures.push(`${step.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  }

  /**
   * Unwinds for an action that then fails with its own error: what could not be undone is logged for an
   * operator to clean up, never hidden.
   */
  async rollBack(log: Logger, what: string): Promise<void> {
    const leftovers = await this.unwind();
    if (leftovers.length > 0) log.error({ leftovers }, `${what}: could not undo everything`);
  }
}
