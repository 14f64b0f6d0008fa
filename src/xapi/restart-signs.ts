// How a client tells that XAPI restarted under it. A toolstack restart reloads the database from its last flush,
// so the event counter resumes from a point that has nothing to do with the tokens clients hold: it can be behind
// them (a crash lost changes since the flush) or, after the start-up writes, anywhere. Nothing in a token says
// which counter it came from, so these signs are read together with the obvious ones (the session is gone, the
// connection broke) and any of them means: fetch everything again.
import type { ObjectCache } from './object-cache.js';

/** The database part of a token `<database generation>,<message generation>`; undefined when unparsable. */
export function tokenGeneration(token: string): bigint | undefined {
  const head = token.split(',')[0];
  return /^\d+$/.test(head) ? BigInt(head) : undefined;
}

/** An answer whose token is behind the one we sent came from a counter that started again. */
export function tokenWentBack(sent: string, answered: string): boolean {
  const before = tokenGeneration(sent);
  const after = tokenGeneration(answered);
  return before !== undefined && after !== undefined && after < before;
}

/**
 * When the pool master booted and when its toolstack started (XAPI writes both into the host's other_config at
 * start); undefined until the pool and its master are in the cache.
 */
export function toolstackStartOf(cache: ObjectCache): string | undefined {
  const [pool] = cache.all('pool').values();
  const master = pool ? cache.get('host', String(pool.master)) : undefined;
  const otherConfig = master?.other_config as Record<string, string> | undefined;
  return otherConfig ? `${otherConfig.boot_time ?? ''}/${otherConfig.agent_start_time ?? ''}` : undefined;
}
