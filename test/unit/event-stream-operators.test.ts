// The stream operators subscriptions are built from: values mapped in order (a mapper's promise awaited, so
// no consumer ever gets a promise as a value), events filtered, and the source ended whenever the stream ends,
// a mapper's failure included, so no pubsub listener outlives its subscriber.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterEvents, mapEvents } from '../../src/graphql/event-stream-operators.js';

/** A source of `values` that records whether it was ended. */
function trackedSource<T>(values: readonly T[]) {
  let index = 0;
  const source = {
    ended: false,
    [Symbol.asyncIterator]() {
      return {
        next: async (): Promise<IteratorResult<T>> => (index < values.length ? { done: false, value: values[index++]! } : { done: true, value: undefined }),
        return: async (): Promise<IteratorResult<T>> => {
          source.ended = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  return source;
}

async function all<T>(iterator: AsyncIterableIterator<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterator) values.push(value);
  return values;
}

describe('mapEvents', () => {
  it('maps every value in order, awaiting a mapper that answers with a promise', async () => {
    const mixed = mapEvents(trackedSource([1, 2, 3, 4]), (n) => (n % 2 === 0 ? Promise.resolve(n * 10) : n * 10));
    assert.deepEqual(await all(mixed), [10, 20, 30, 40]);
  });

  it('ends the source and rejects next() when the mapper throws', async () => {
    const source = trackedSource([1, 2]);
    const mapped = mapEvents(source, (n) => {
      if (n === 2) throw new Error('mapper failed');
      return n;
    });
    assert.deepEqual(await mapped.next(), { done: false, value: 1 });
    await assert.rejects(mapped.next(), /mapper failed/);
    assert.equal(source.ended, true);
  });

  it('ends the source and rejects next() when the mapper\'s promise rejects', async () => {
    const source = trackedSource([1]);
    const mapped = mapEvents(source, () => Promise.reject(new Error('execution failed')));
    await assert.rejects(mapped.next(), /execution failed/);
    assert.equal(source.ended, true);
  });

  it('rejects next() with what mapError makes of a failure of the source itself', async () => {
    const failing: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('socket gone')) }),
    };
    const mapped = mapEvents(failing, (n) => n, (error) => new Error(`presented: ${(error as Error).message}`));
    await assert.rejects(mapped.next(), /^Error: presented: socket gone$/);
    await assert.rejects(mapEvents(failing, (n) => n).next(), /^Error: socket gone$/);
  });

  it('ends the source when the consumer ends the stream', async () => {
    const source = trackedSource([1, 2, 3]);
    const mapped = mapEvents(source, (n) => n);
    await mapped.next();
    assert.deepEqual(await mapped.return!(), { done: true, value: undefined });
    assert.equal(source.ended, true);
  });
});

describe('filterEvents', () => {
  it('passes only the wanted values, in order', async () => {
    assert.deepEqual(await all(filterEvents(trackedSource([1, 2, 3, 4, 5]), (n) => n % 2 === 1)), [1, 3, 5]);
  });
});
