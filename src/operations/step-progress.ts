// An operation's percentage, reported step by step, and moved within a step by the XAPI task the step waits
// on. Multi-step actions space their steps evenly (spawn: tenths, resize: fifths), so the width of the last
// step is taken as the width of the current one; a task moves the percentage across at most that width, short
// of the next step's value, so the percentage never runs ahead of the step that follows or goes back.

/** How the percentage of an operation moves: a report per step, and task progress within one. */
export class StepProgress {
  private stepStart: number;
  private stepWidth = 0;

  constructor(private current: number) {
    this.stepStart = current;
  }

  get percent(): number {
    return this.current;
  }

  /** A step finished (or began) at `percent`. */
  step(percent: number): number {
    if (percent > this.stepStart) this.stepWidth = percent - this.stepStart;
    this.stepStart = percent;
    this.current = percent;
    return percent;
  }

  /** The task of the current step is `fraction` (0..1) done: the percentage to show, never lower than before. */
  task(fraction: number): number {
    if (!Number.isFinite(fraction)) return this.current;
    const within = Math.min(Math.max(this.stepWidth - 1, 0), Math.floor(Math.min(Math.max(fraction, 0), 1) * this.stepWidth));
    this.current = Math.max(this.current, Math.min(99, this.stepStart + within));
    return this.current;
  }
}
