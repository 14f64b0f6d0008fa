// Pool-level feeds: host changes, the raw XAPI event stream (admin) and the health of each pool link.
import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import { Repeater } from '@graphql-yoga/subscription';
import type { ConnectionStatusEvent, RawXapiEvent } from '../events/pubsub.js';
import { redactXapiRecord } from '../redaction.js';
import { builder } from './builder.js';
import { PoolConnectionStateEnum } from './enums.js';
import { HostRef } from './refs.js';
import { boundedTextList } from './input-bounds.js';
import { filterEvents, mapEvents } from './event-stream-operators.js';

// A pool's identity reads the same on Pool, its connection status and its events.
const POOL_ID = 'The XAPI pool\'s uuid; null for a configured pool never reached yet.';
const POOL_NAME = 'The XAPI pool\'s name; its master\'s host:port until first reached.';
const MASTER_URL = 'The URL of the pool master xengraph talks to.';

const XapiEventType = builder.objectRef<RawXapiEvent>('XapiEvent').implement({
  description: 'One change XAPI reported, as event.from delivered it (snapshot absent for deletions), secrets redacted.',
  fields: (t) => ({
    poolId: t.exposeString('poolId', { nullable: true, description: POOL_ID }),
    class: t.exposeString('cls', { description: 'The XAPI class, e.g. VM, host, task.' }),
    ref: t.exposeString('ref', { description: 'The object\'s opaque reference (OpaqueRef:…).' }),
    operation: t.exposeString('operation', { description: 'add, mod or del.' }),
    snapshot: t.field({ type: 'JSON', nullable: true, description: 'The record after the change, secrets redacted; null for a deletion.', resolve: (e) => redactXapiRecord(e.cls, e.snapshot) }),
  }),
});

const PoolConnectionStatus = builder.objectRef<ConnectionStatusEvent>('PoolConnectionStatus').implement({
  description: "The health of one configured pool's link.",
  fields: (t) => ({
    poolId: t.exposeString('poolId', { nullable: true, description: POOL_ID }),
    poolName: t.exposeString('poolName', { description: POOL_NAME }),
    masterUrl: t.exposeString('masterUrl', { description: MASTER_URL }),
    state: t.field({ type: PoolConnectionStateEnum, description: 'Where the link stands.', resolve: (s) => s.state }),
    lastEventAt: t.field({ type: 'DateTime', nullable: true, description: 'When the last XAPI event arrived over it; null before the first.', resolve: (s) => s.lastEventAt }),
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
    id: t.exposeString('poolId', { nullable: true, description: POOL_ID }),
    name: t.exposeString('poolName', { description: POOL_NAME }),
    masterUrl: t.exposeString('masterUrl', { description: MASTER_URL }),
    connection: t.field({ type: PoolConnectionStatus, description: 'The health of xengraph\'s link to it.', resolve: (s) => s }),
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
      mapEvents(ctx.services.pubsub.subscribe('host:changed', args.id.id), () => args.id.id),
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
      return filterEvents(ctx.services.pubsub.subscribe('xapi:event'), (event: RawXapiEvent) => !wanted || wanted.includes(event.cls.toLowerCase()));
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
