// Where an instance is, as far as the hosts' packet filters are concerned: a mapping the event pump (which
// notices changes) and the firewall (which applies them) must agree on.
import type { Instance } from './types.js';

/**
 * The hosts whose filter carries an instance's chain: the one its VM runs on (or, halted, will start on) and
 * the one its rescue VM runs on, which answers on the instance's addresses. Sorted, without repeats.
 */
export function filterHostsOf(instance: Pick<Instance, 'hostId' | 'companionHostId'>): string[] {
  return [...new Set([instance.hostId, instance.companionHostId].flatMap((id) => (id ? [id] : [])))].sort();
}
