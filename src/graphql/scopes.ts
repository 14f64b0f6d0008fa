// Roles are ordered: an admin can do what an operator can, an operator what a reader can. The same scopes
// decide at execution (scope-auth) and before it (root fields, node types): see root-authorization.ts.
import type { Principal } from './context.js';

export type Scopes = ReturnType<typeof scopesFor>;

export function scopesFor(principal: Principal | null) {
  const role = principal?.role;
  return {
    reader: role === 'reader' || role === 'operator' || role === 'admin',
    operator: role === 'operator' || role === 'admin',
    admin: role === 'admin',
  };
}

/** The `authScopes` a field or type was declared with (Pothos keeps its options in `extensions.pothosOptions`). */
export function declaredScopes(extensions: object | null | undefined): unknown {
  return (extensions as { pothosOptions?: { authScopes?: unknown } } | null | undefined)?.pothosOptions?.authScopes;
}

/**
 * Whether declared scopes admit the caller, as scope-auth reads them: a map passes when any entry does
 * (`$all` / `$any` nest). Undefined for what only scope-auth can evaluate (a function), null for no scopes.
 */
export function scopesAdmit(declared: unknown, scopes: Scopes): boolean | undefined | null {
  if (declared === undefined || declared === null) return null;
  if (typeof declared !== 'object') return undefined;
  let any = false;
  for (const [name, wanted] of Object.entries(declared)) {
    if (name === '$all' || name === '$any') {
      const nested = Object.entries(wanted as object).map(([key, value]) => scopesAdmit({ [key]: value }, scopes));
      if (nested.some((result) => result === undefined)) return undefined;
      if (name === '$all' ? nested.every(Boolean) : nested.some(Boolean)) any = true;
    } else if (name in scopes && typeof wanted === 'boolean') {
      if (wanted && scopes[name as keyof Scopes]) any = true;
    } else {
      return undefined;
    }
  }
  return any;
}
