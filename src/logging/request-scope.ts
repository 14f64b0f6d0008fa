// The request a piece of work belongs to, carried across awaits, so every log line written while serving it
// (and the background action it started) names its request id without anyone passing it along.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestScope {
  readonly reqId: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

export function currentRequestScope(): RequestScope | undefined {
  return scope.getStore();
}

export function inRequestScope<T>(reqId: string, work: () => T): T {
  return scope.run({ reqId }, work);
}

/** The caller's `x-request-id` when it is sane (it ends up in logs and headers), otherwise a fresh one. */
export function acceptedRequestId(offered: string | null | undefined): string {
  return offered && /^[A-Za-z0-9._:-]{1,64}$/.test(offered) ? offered : randomUUID();
}
