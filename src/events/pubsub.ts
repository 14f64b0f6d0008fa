// Typed pubsub for domain events; topics are scoped by id where subscribers want one object. In-process by
// default; with a broker's event target (events/broker.ts) it spans every replica.
import type { BrokerEventTarget } from './broker.js';
import type { Migration, Operation } from '../store/types.js';
import type { DomainEvent } from './domain-events.js';
import { createFanoutPubSub } from './fanout-pubsub.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

export interface ConnectionStatusEvent {
  /** Null for a configured pool that has never been reached, so is not known yet. */
  readonly poolId: string | null;
  readonly poolName: string;
  readonly masterUrl: string;
  readonly state: ConnectionState;
  readonly lastEventAt: Date | null;
  /** Why the pool is not connected (the last error), null while it is. */
  readonly reason: string | null;
  /** When the link entered its current state. */
  readonly since: Date;
  /** The last error the link met, kept after it recovered (null if it never failed). */
  readonly lastError: string | null;
}

export interface RawXapiEvent {
  readonly poolId: string;
  readonly cls: string;
  readonly ref: string;
  readonly operation: 'add' | 'mod' | 'del';
  readonly snapshot: Record<string, unknown> | null;
}

/**
 * An instance's VMs changed hosts (started, stopped, moved, its rescue VM came or went): the hosts whose
 * filter carried its chain before and those that must now. Internal: no subscription exposes it.
 */
export interface InstancePlacementEvent {
  readonly instanceId: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export function createAppPubSub(eventTarget?: BrokerEventTarget) {
  return createFanoutPubSub<{
    'instance:changed': [instanceId: string, event: DomainEvent];
    'instance:events': [event: DomainEvent];
    'instance:placement': [event: InstancePlacementEvent];
    'host:changed': [hostId: string, event: { hostId: string }];
    'operation:changed': [operationId: string, operation: Operation];
    /** Asks whichever replica runs the operation to cancel it. */
    'operation:cancel': [request: { readonly operationId: string; readonly requestId: string }];
    /** That replica's refusal of a cancel request, with why. */
    'operation:cancel-refused': [requestId: string, refusal: { readonly message: string; readonly status: string }];
    'migration:changed': [migrationId: string, migration: Migration];
    'xapi:event': [event: RawXapiEvent];
    'connection:status': [event: ConnectionStatusEvent];
    /** An API token was revoked (in this process, or found revoked by another): its open streams end, caches forget it. */
    'token:revoked': [tokenId: string];
  }>(eventTarget);
}

export type AppPubSub = ReturnType<typeof createAppPubSub>;

/** Tells both instanceUpdated (the instance's own topic) and instanceEvents subscribers. */
export function publishInstanceEvent(pubsub: AppPubSub, event: DomainEvent): void {
  pubsub.publish('instance:changed', event.instanceId, event);
  pubsub.publish('instance:events', event);
}
