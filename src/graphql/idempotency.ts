// Replays of quick mutations that have no durable Operation to hang an idempotency key on (e.g. creating an
// API token): the first result per (principal, key) is kept in memory for a while (a day by default), keyed
// per store so two apps in one process never share entries. A restart forgets them, which is acceptable for these mutations only;
// driver actions use the operations table instead.
import { IdempotencyKeyReuseError } from './errors.js';

const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

interface Entry {
  readonly requestHash: string;
  readonly result: Promise<unknown>;
  readonly expiresAt: number;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * Runs `perform` once per (scope, principal, key). A retry with the same request gets the first result (even
 * while it is still running); the same key with a different request is an `IdempotencyKeyReuseError`.
 */
export function idempotent<T>(
  scope: object,
  request: { principal: string; key: string | null | undefined; hash: string; retentionMs?: number },
  perform: () => Promise<T>,
): Promise<T> {
  if (!request.key) return perform();
  let cache = caches.get(scope);
  if (!cache) {
    cache = new Map();
    caches.set(scope, cache);
  }
  const now = Date.now();
  for (const [id, entry] of cache) if (entry.expiresAt <= now) cache.delete(id);

  const id = JSON.stringify([request.principal, request.key]);
  const existing = cache.get(id);
  if (existing) {
    if (existing.requestHash !== request.hash) return Promise.reject(new IdempotencyKeyReuseError(request.key));
    return existing.result as Promise<T>;
  }
  const result = perform();
  cache.set(id, { requestHash: request.hash, result, expiresAt: now + (request.retentionMs ?? DEFAULT_RETENTION_MS) });
  // A failed attempt did nothing, so the key stays free for a retry.
  result.catch(() => cache.delete(id));
  return result;
}
