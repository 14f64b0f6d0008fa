// The API token the operator signed in with: in sessionStorage only, so it leaves with the tab and never
// reaches disk-backed storage or a URL.
const KEY = 'xengraph.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
