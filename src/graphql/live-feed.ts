// A subscription feed of one object: its current state first, then every published change, ending after
// the one that finishes it. The pubsub listens only from the first next(), so that call is made before the
// read: a change landing between the read and the subscription is not lost.
//
// The object is read before the feed is handed to graphql-js, so an id of nothing fails the subscription
// itself: the client gets one result carrying a NOT_FOUND error and the stream completes, over graphql-ws
// and SSE alike, instead of a silent completion.
export async function currentThenChanges<T>(
  changes: AsyncIterable<T>, load: () => Promise<T | null>, isDone: (value: T) => boolean, missing: () => Error,
): Promise<AsyncGenerator<T>> {
  const iterator = changes[Symbol.asyncIterator]();
  const pending = iterator.next();
  let current: T | null;
  try {
    current = await load();
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  if (!current) {
    await iterator.return?.();
    throw missing();
  }
  return followChanges(iterator, pending, current, isDone);
}

async function* followChanges<T>(
  iterator: AsyncIterator<T>, firstPending: Promise<IteratorResult<T>>, current: T, isDone: (value: T) => boolean,
): AsyncGenerator<T> {
  let pending = firstPending;
  try {
    yield current;
    if (isDone(current)) return;
    for (;;) {
      const next = await pending;
      pending = iterator.next();
      if (next.done) return;
      yield next.value;
      if (isDone(next.value)) return;
    }
  } finally {
    await iterator.return?.();
  }
}
