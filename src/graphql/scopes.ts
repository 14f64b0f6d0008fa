// Roles are ordered: an admin can do what an operator can, an operator what a reader can.
import type { Principal } from './context.js';

export function scopesFor(principal: Principal | null) {
  const role = principal?.role;
  return {
    reader: role === 'reader' || role === 'operator' || role === 'admin',
    operator: role === 'operator' || role === 'admin',
    admin: role === 'admin',
  };
}
