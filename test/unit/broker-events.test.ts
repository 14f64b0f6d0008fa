// Events on their way through Redis: what a subscriber on another replica gets back is what was published,
// Dates included (JSON alone would hand them over as strings).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEvent, stringifyEvent } from '../../src/events/broker.js';

describe('broker event encoding', () => {
  it('round-trips Dates, nested and in lists, and leaves look-alike strings and objects alone', () => {
    const at = new Date('2026-12-06T12:00:00.123Z');
    const event = {
      args: ['op-1', { id: 'op-1', createdAt: at, finishedAt: null, progress: { percent: 40 }, history: [at] }],
      note: '2026-12-06T12:00:00.123Z',
      tagged: { $date: 1, other: true },
    };
    const back = parseEvent(stringifyEvent(event)) as typeof event;
    assert.deepEqual(back, event);
    const operation = back.args[1] as { createdAt: Date; history: Date[] };
    assert.ok(operation.createdAt instanceof Date && operation.history[0] instanceof Date);
    assert.equal(typeof back.note, 'string');
  });
});
