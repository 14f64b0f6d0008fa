// Signed out: the sign-in page. Signed in: a client for the token, the layout and the page the path names.
import { useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { AggregatesPage } from '../pages/aggregates/AggregatesPage.js';
import { InstanceDetailPage } from '../pages/instance/InstanceDetailPage.js';
import { InstancesPage } from '../pages/instances/InstancesPage.js';
import { MigrationsPage } from '../pages/migrations/MigrationsPage.js';
import { OperationsPage } from '../pages/operations/OperationsPage.js';
import { PoolsPage } from '../pages/pools/PoolsPage.js';
import { SignInPage } from '../pages/sign-in/SignInPage.js';
import { graphqlClient } from './client.js';
import { Layout } from './Layout.js';
import { navigate, useLocation } from './router.js';
import { forgetToken, storedToken, storeToken } from './session.js';
import { useTheme } from './theme.js';
import { ViewerContext, type Viewer } from './viewer.js';

interface Session {
  readonly token: string;
  readonly viewer: Viewer | null;
}

export function App() {
  const [theme, toggleTheme] = useTheme();
  const [session, setSession] = useState<Session | null>(() => {
    const token = storedToken();
    return token ? { token, viewer: null } : null;
  });
  const signIn = (token: string, viewer: Viewer) => {
    storeToken(token);
    setSession({ token, viewer });
  };
  const signOut = () => {
    forgetToken();
    setSession(null);
    navigate('/');
  };
  if (!session?.viewer) {
    return <SignInPage savedToken={session?.token ?? null} onSignedIn={signIn} />;
  }
  return <SignedIn token={session.token} viewer={session.viewer} theme={theme} onToggleTheme={toggleTheme} onSignOut={signOut} />;
}

function SignedIn({ token, viewer, theme, onToggleTheme, onSignOut }: {
  token: string; viewer: Viewer; theme: ReturnType<typeof useTheme>[0]; onToggleTheme: () => void; onSignOut: () => void;
}) {
  const connection = useMemo(() => graphqlClient(token), [token]);
  useEffect(() => () => connection.dispose(), [connection]);
  return (
    <Provider value={connection.client}>
      <ViewerContext.Provider value={viewer}>
        <Layout viewer={viewer} theme={theme} onToggleTheme={onToggleTheme} onSignOut={onSignOut}>
          <Page />
        </Layout>
      </ViewerContext.Provider>
    </Provider>
  );
}

function Page() {
  const { pathname } = useLocation();
  useEffect(() => {
    document.getElementById('main')?.focus();
  }, [pathname]);
  const instance = /^\/instances\/([^/]+)$/.exec(pathname);
  if (instance) return <InstanceDetailPage id={decodeURIComponent(instance[1]!)} />;
  if (pathname === '/instances') return <InstancesPage />;
  if (pathname === '/operations') return <OperationsPage />;
  if (pathname === '/migrations') return <MigrationsPage />;
  if (pathname === '/aggregates') return <AggregatesPage />;
  if (pathname === '/') return <PoolsPage />;
  return (
    <section aria-labelledby="not-found">
      <h1 id="not-found">No such page</h1>
      <p>The console has no page at {pathname}.</p>
    </section>
  );
}
