// The id a request is known by in logs, headers and errors.
import { randomUUID } from 'node:crypto';

/** The caller's `x-request-id` when it is sane (it ends up in logs and headers), otherwise a fresh one. */
export function acceptedRequestId(offered: string | null | undefined): string {
  return offered && /^[A-Za-z0-9._:-]{1,64}$/.test(offered) ? offered : randomUUID();
}
