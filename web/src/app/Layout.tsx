// The frame around every page: a skip link, the navigation, who is signed in, theme and sign-out.
import type { ReactNode } from 'react';
import { Link, useLocation } from './router.js';
import type { Theme } from './theme.js';

const NAVIGATION = [
  { to: '/', label: 'Pools & hosts' },
  { to: '/instances', label: 'Instances' },
  { to: '/operations', label: 'Operations' },
  { to: '/migrations', label: 'Migrations' },
  { to: '/aggregates', label: 'Aggregates' },
] as const;

export interface LayoutProps {
  readonly viewer: { readonly name: string; readonly role: string };
  readonly theme: Theme;
  readonly onToggleTheme: () => void;
  readonly onSignOut: () => void;
  readonly children: ReactNode;
}

export function Layout({ viewer, theme, onToggleTheme, onSignOut, children }: LayoutProps) {
  const { pathname } = useLocation();
  const current = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">xengraph</span>
        <nav aria-label="Main">
          <ul>
            {NAVIGATION.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={current(item.to) ? 'page' : undefined}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="session">
          <span data-testid="viewer">{viewer.name} <span className="role">({viewer.role.toLowerCase()})</span></span>
          <button type="button" onClick={onToggleTheme} aria-pressed={theme === 'dark'}>
            {theme === 'dark' ? 'Light theme' : 'Dark theme'}
          </button>
          <button type="button" onClick={onSignOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
