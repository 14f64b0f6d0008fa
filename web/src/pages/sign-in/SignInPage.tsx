// Sign in with an API token: the API itself checks it (viewer), and its refusal is shown as it gave it.
import { useEffect, useState, type FormEvent } from 'react';
import type { Viewer } from '../../app/viewer.js';
import { queryWithToken } from '../../app/client.js';
import { SignInViewerDocument } from '../../gql/graphql.js';

export function SignInPage({ savedToken, onSignedIn }: { savedToken: string | null; onSignedIn: (token: string, viewer: Viewer) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = async (candidate: string) => {
    setBusy(true);
    setError(null);
    const result = await queryWithToken(candidate, SignInViewerDocument);
    setBusy(false);
    if ('error' in result) setError(result.error);
    else onSignedIn(candidate, result.data.viewer);
  };
  // A token kept from earlier in this tab is checked again: it may have been revoked since.
  useEffect(() => {
    if (savedToken) void attempt(savedToken);
  }, [savedToken]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) void attempt(token.trim());
  };
  return (
    <main id="main" className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title" className="card">
        <h1 id="sign-in-title">Sign in to xengraph</h1>
        <p>Paste an API token (<code>xengraph token create --role reader</code> makes one). It is kept for this tab only.</p>
        <label htmlFor="token">API token</label>
        <input id="token" name="token" type="password" autoComplete="off" required value={token}
          onChange={(event) => setToken(event.target.value)} aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined} autoFocus />
        {error && <p id="sign-in-error" className="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
