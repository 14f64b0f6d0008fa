// An operation's percentage within a step follows the step's XAPI task, short of the next step, never back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StepProgress } from '../../src/operations/step-progress.js';

describe('StepProgress', () => {
  it('moves across the current step as its task progresses, stopping short of the next step', () => {
    const progress = new StepProgress(0);
    progress.step(10);
    progress.step(20);
    assert.deepEqual([0, 0.25, 0.5, 0.99, 1].map((fraction) => progress.task(fraction)), [20, 22, 25, 29, 29]);
    assert.equal(progress.step(30), 30);
    assert.equal(progress.task(0.5), 35);
  });

  it('never goes back, and stays put before any step has a width', () => {
    const first = new StepProgress(0);
    assert.equal(first.task(0.7), 0);
    const progress = new StepProgress(0);
    progress.step(40);
    progress.task(0.9);
    assert.equal(progress.task(0.2), 76);
    assert.equal(progress.task(Number.NaN), 76);
  });

  it('stays below 100 until the action reports its end', () => {
    const progress = new StepProgress(0);
    progress.step(50);
    progress.step(95);
    assert.equal(progress.task(1), 99);
  });
});
