// The executable schema: loads every type module for its side effects, then builds. No DB, no network, no
// timers here, so the SDL printer and codegen can import it safely.
import { GraphQLError } from 'graphql';
import { builder } from './builder.js';
import { inheritInterfaceDescriptions } from './inherited-descriptions.js';
import { describeGeneratedWrappers } from './wrapper-descriptions.js';
import './scalars.js';
import './errors.js';
import './viewer.js';
import './api-token.js';
import './instance.js';
import './instance-subscriptions.js';
import './host.js';
import './host-compute.js';
import './aggregate.js';
import './flavor.js';
import './image.js';
import './network.js';
import './migration.js';
import './operation.js';
import './instance-actions.js';
import './instance-agent.js';
import './instance-spawn.js';
import './instance-resize.js';
import './instance-snapshot.js';
import './instance-action-log.js';
import './volumes.js';
import './instance-interfaces.js';
import './security-groups.js';
import './diagnostics.js';
import './live-migration.js';
import './pool-events.js';
import './pool-actions.js';
// After every module that registers a mutation on an instance or a host: its enums list them.
import './allowed-actions.js';
import './nodes.js';

const LIMITED = { Depth: 'depth', Breadth: 'breadth', Complexity: 'complexity' } as const;

export const schema = describeGeneratedWrappers(inheritInterfaceDescriptions(builder.toSchema({
  complexity: {
    // The limits are the builder's; this only gives over-limit queries a code clients can act on.
    complexityError: (kind, result) => {
      const measure = LIMITED[kind];
      const max = result[`max${kind}`];
      return new GraphQLError(`Query too complex: its ${measure} is ${result[measure]}, the limit is ${max}`, {
        extensions: { code: 'QUERY_TOO_COMPLEX', measure, value: result[measure], limit: max },
      });
    },
  },
})));
