// The application's services, built once at start-up and handed to resolvers through the context.
import type { PoolConnections } from './events/pool-connections.js';
import type { AppPubSub } from './events/pubsub.js';
import type { Store } from './store/index.js';

export interface AppServices {
  readonly store: Store;
  readonly pools: PoolConnections;
  readonly pubsub: AppPubSub;
}
