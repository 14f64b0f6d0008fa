// Map and filter over a pubsub subscription without the Repeater that each of graphql-yoga's operators puts in
// between: such a layer buffers and re-awaits every event, once per subscriber, so a change followed by a
// thousand subscribers went through a thousand extra queues. These pass each step straight through and, like
// the pubsub's own stream, start listening at the first next().

export function mapEvents<T, U>(source: AsyncIterable<T>, mapper: (value: T) => U): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  return passingThrough(iterator, () => iterator.next().then((step): IteratorResult<U> => (step.done ? step : { done: false, value: mapper(step.value) })));
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
