// Typed in-process pubsub for domain events; topics are scoped by id where subscribers want one object.
import { createPubSub } from 'graphql-yoga';
import type { Migration, Operation } from '../store/types.js';
import type { DomainEvent } from './domain-events.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

export interface ConnectionStatusEvent {
  readonly poolId: string;
  readonly poolName: string;
  readonly masterUrl: string;
  readonly state: ConnectionState;
  readonly lastEventAt: Date | null;
}

export interface RawXapiEvent {
  readonly poolId: string;
  readonly cls: string;
  readonly ref: string;
  readonly operation: 'add' | 'mod' | 'del';
  readonly snapshot: Record<string, unknown> | null;
}

export function createAppPubSub() {
  return createPubSub<{
    'instance:changed': [instanceId: string, event: DomainEvent];
    'instance:events': [event: DomainEvent];
    'host:changed': [hostId: string, event: { hostId: string }];
    'operation:changed': [operationId: string, operation: Operation];
    'migration:changed': [migrationId: string, migration: Migration];
    'xapi:event': [event: RawXapiEvent];
    'connection:status': [event: ConnectionStatusEvent];
    /** An API token was revoked in this process: its open streams end. */
    'token:revoked': [tokenId: string];
  }>();
}

export type AppPubSub = ReturnType<typeof createAppPubSub>;
