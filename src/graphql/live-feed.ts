// A subscription feed of one object: its current state first, then every published change, ending after
// the one that finishes it. The pubsub listens only from the first next(), so that call is made before the
// read: a change landing between the read and the subscription is not lost.
export async function* currentThenChanges<T>(
  changes: AsyncIterable<T>, load: () => Promise<T | null>, isDone: (value: T) => boolean,
): AsyncGenerator<T> {
  const iterator = changes[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    const current = await load();
    if (!current) return;
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
