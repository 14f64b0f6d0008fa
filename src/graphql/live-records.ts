// Reads of live XAPI state for GraphQL fields: from the pool's event-fed object cache, never a XAPI call.
import type { Host, Instance } from '../store/types.js';
import type { XapiRecord } from '../xapi/normalize.js';
import type { GraphQLContext } from './context.js';

export function liveVmRecord(ctx: GraphQLContext, instance: Instance): XapiRecord | undefined {
  if (!instance.poolId || !instance.vmUuid) return undefined;
  return ctx.services.pools.get(instance.poolId)?.client.cache.getByUuid('VM', instance.vmUuid)?.record;
}

export function liveHostRecord(ctx: GraphQLContext, host: Host): XapiRecord | undefined {
  return ctx.services.pools.get(host.poolId)?.client.cache.getByUuid('host', host.uuid)?.record;
}
