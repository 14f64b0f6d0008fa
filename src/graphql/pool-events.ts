// Pool-level feeds: host changes, the raw XAPI event stream (admin) and the health of each pool link.
import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import { filter, map, pipe, Repeater } from '@graphql-yoga/subscription';
import type { ConnectionStatusEvent, RawXapiEvent } from '../events/pubsub.js';
import { redactXapiRecord } from '../redaction.js';
import { builder } from './builder.js';
import { PoolConnectionStateEnum } from './enums.js';
import { HostRef } from './refs.js';
import { boundedTextList } from './input-bounds.js';

const XapiEventType = builder.objectRef<RawXapiEvent>('XapiEvent').implement({
  description: 'One change XAPI reported, as event.from delivered it (snapshot absent for deletions), secrets redacted.',
  fields: (t) => ({
    poolId: t.exposeString('poolId', { nullable: true, description: 'Null for a configured pool never reached yet.' }),
    class: t.exposeString('cls'),
    ref: t.exposeString('ref'),
    operation: t.exposeString('operation'),
    snapshot: t.field({ type: 'JSON', nullable: true, resolve: (e) => redactXapiRecord(e.cls, e.snapshot) }),
  }),
});

const PoolConnectionStatus = builder.objectRef<ConnectionStatusEvent>('PoolConnectionStatus').implement({
  description: "The health of one configured pool's link.",
  fields: (t) => ({
    poolId: t.exposeString('poolId', { nullable: true, description: 'Null for a configured pool never reached yet.' }),
    poolName: t.exposeString('poolName'),
    masterUrl: t.exposeString('masterUrl'),
    state: t.field({ type: PoolConnectionStateEnum, resolve: (s) => s.state }),
    lastEventAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.lastEventAt }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why the pool is not connected (the last error, e.g. it refused the connection or the login); retried with backoff.',
    }),
    since: t.field({ type: 'DateTime', description: 'When the link entered its current state.', resolve: (s) => s.since }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: 'The last error the link met, kept once it recovered; null if it never failed.',
    }),
  }),
});

const PoolType = builder.objectRef<ConnectionStatusEvent>('Pool').implement({
  description: 'A configured XAPI pool, reached or not.',
  fields: (t) => ({
    id: t.exposeString('poolId', { nullable: true, description: 'Null for a configured pool never reached yet.' }),
    name: t.exposeString('poolName'),
    masterUrl: t.exposeString('masterUrl'),
    connection: t.field({ type: PoolConnectionStatus, resolve: (s) => s }),
  }),
});

builder.queryFields((t) => ({
  connectionStatus: t.field({
    type: [PoolConnectionStatus],
    description: 'The link to each configured XAPI pool, as /readyz reports it.',
    authScopes: { reader: true },
    resolve: (_root, _args, ctx) => ctx.services.pools.statuses(),
  }),
  pools: t.field({
    type: [PoolType],
    description: 'Every configured pool with the health of its link.',
    authScopes: { reader: true },
    resolve: (_root, _args, ctx) => ctx.services.pools.statuses(),
  }),
}));

builder.subscriptionFields((t) => ({
  hostUpdated: t.field({
    type: HostRef,
    description: 'The host now, then again after every change to it (enabled, maintenance, liveness, memory).',
    authScopes: { reader: true },
    args: { id: t.arg.globalID({ for: HostRef, required: true, description: 'The host to follow.' }) },
    subscribe: (_root, args, ctx) => Repeater.merge([
      [args.id.id],
      pipe(ctx.services.pubsub.subscribe('host:changed', args.id.id), map(() => args.id.id)),
    ]),
    resolve: (id: string, _args, ctx) => {
      clearAllDataLoaders(ctx);
      return id;
    },
  }),
  xapiEvents: t.field({
    type: XapiEventType,
    description: 'Raw XAPI changes of the given classes (all when omitted), for administrators.',
    authScopes: { admin: true },
    args: { classes: t.arg.stringList({ required: false, ...boundedTextList(64, 64, 'XAPI class names, e.g. VM, host.') }) },
    subscribe: (_root, args, ctx) => {
      const wanted = args.classes?.map((c) => c.toLowerCase());
      return pipe(
        ctx.services.pubsub.subscribe('xapi:event'),
        filter((event: RawXapiEvent) => !wanted || wanted.includes(event.cls.toLowerCase())),
      );
    },
    resolve: (event: RawXapiEvent) => event,
  }),
  connectionStatus: t.field({
    type: PoolConnectionStatus,
    description: 'Each pool link\'s current health first, then every change.',
    authScopes: { reader: true },
    subscribe: (_root, _args, ctx) => Repeater.merge([
      ctx.services.pools.statuses(),
      ctx.services.pubsub.subscribe('connection:status'),
    ]),
    resolve: (status: ConnectionStatusEvent) => status,
  }),
}));
