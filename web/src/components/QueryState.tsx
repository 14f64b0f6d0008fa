// What a page shows while its data loads or when the API refused it.
import type { CombinedError } from 'urql';

export function QueryState({ error, fetching }: { error?: CombinedError; fetching: boolean }) {
  if (error) {
    const messages = error.graphQLErrors.map((item) => item.message);
    return <p className="error" role="alert">{messages.length > 0 ? messages.join(' ') : 'The server cannot be reached.'}</p>;
  }
  return fetching ? <p role="status">Loading…</p> : null;
}
