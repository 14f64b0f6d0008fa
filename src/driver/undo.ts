// Rollback for multi-step actions: each step that creates something registers how to remove it, and on
// failure the removals run newest first. A removal that fails is reported but does not stop the others.

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
}
