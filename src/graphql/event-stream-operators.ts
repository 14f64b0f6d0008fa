// Map and filter over a pubsub subscription without the Repeater that each of graphql-yoga's operators puts in
// between: such a layer buffers and re-awaits every event, once per subscriber, so a change followed by a
// thousand subscribers went through a thousand extra queues. These pass each step straight through and, like
// the pubsub's own stream, start listening at the first next().

/**
 * A mapper that answers with a promise has its value awaited, so the stream yields values, never promises. A
 * mapper that fails ends the source (its listener goes) and the stream's next() rejects with the failure. When
 * the source itself fails, next() rejects with what `mapError` makes of its error (the error itself without one):
 * the same step, so a stream's errors are handled where its values are, with no layer of their own.
 */
export function mapEvents<T, U>(
  source: AsyncIterable<T>, mapper: (value: T) => U | PromiseLike<U>, mapError?: (error: unknown) => unknown,
): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const failed = async (error: unknown): Promise<never> => {
    await iterator.return?.();
    throw error;
  };
  const sourceFailed = mapError && ((error: unknown): never => {
    throw mapError(error);
  });
  return passingThrough(iterator, () => iterator.next().then((step): IteratorResult<U> | PromiseLike<IteratorResult<U>> => {
    if (step.done) return step;
    let value: U | PromiseLike<U>;
    try {
      value = mapper(step.value);
    } catch (error) {
      return failed(error);
    }
    return isPromiseLike(value) ? value.then(valueStep, failed) : valueStep(value);
  }, sourceFailed));
}

const valueStep = <U>(value: U): IteratorResult<U> => ({ done: false, value });

function isPromiseLike<U>(value: U | PromiseLike<U>): value is PromiseLike<U> {
  return typeof (value as PromiseLike<U> | null)?.then === 'function';
}

export function filterEvents<T>(source: AsyncIterable<T>, wanted: (value: T) => boolean): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const next = (): Promise<IteratorResult<T>> => iterator.next().then((step) => (step.done || wanted(step.value) ? step : next()));
  return passingThrough(iterator, next);
}

/** Ending the result ends the source (a pending next() of a pubsub stream then completes). */
function passingThrough<T>(source: AsyncIterator<unknown>, next: () => Promise<IteratorResult<T>>): AsyncIterableIterator<T> {
  const finished: IteratorResult<T> = { done: true, value: undefined };
  return {
    next,
    return: async () => {
      await source.return?.();
      return finished;
    },
    throw: async (error: unknown) => {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
