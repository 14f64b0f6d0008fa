// event.from / event.inject and the legacy register/next/unregister API.
import { setTimeout as sleep } from 'node:timers/promises';
import { datamodel } from '../../xapi/datamodel/index.js';
import type { Change, Row } from '../db.js';
import { fail, XapiFailure } from '../errors.js';
import { defineMessage, type CallContext } from '../registry.js';

/**
 * XAPI's `event_from_delay`: the least time between two answers to one session's event.from polls. A client
 * that polls again as soon as it is answered gets what changed meanwhile as one coalesced batch instead of a
 * storm of one-change answers, while the first change after a quiet spell is answered at once.
 */
const EVENT_FROM_DELAY_MS = 10;

/** When each session's last event.from was answered, per pool database. */
const answeredAt = new WeakMap<object, Map<string, number>>();

const pad = (n: number): string => String(n).padStart(20, '0');
const tokenFor = (gen: number): string => `${pad(gen)},${pad(0)}`;

function parseToken(token: string): number {
  if (token === '') return 0;
  const match = /^(\d+),(\d+)$/.exec(token);
  if (!match) fail('EVENT_FROM_TOKEN_PARSE_FAILURE', token);
  return Number(match![1]);
}

/** Compiles subscriptions (`*`, `<class>`, `<class>/<ref>`; classes case-insensitive) into a row filter. */
function subscriptionFilter(entries: Iterable<string>): (row: Row) => boolean {
  const classes = new Set<string>();
  const objects = new Set<string>();
  let everything = false;
  for (const entry of entries) {
    if (entry === '*') everything = true;
    else if (/^[A-Za-z_]+$/.test(entry)) classes.add(entry.toLowerCase());
    else if (/^[A-Za-z_]+\/\S+$/.test(entry)) objects.add(entry.slice(entry.indexOf('/') + 1));
    else fail('EVENT_SUBSCRIPTION_PARSE_FAILURE', entry);
  }
  return (row) => everything || classes.has(row.cls.lower) || objects.has(row.ref);
}

function eventRecord(change: Change, timestamp: string) {
  const { row, operation, gen } = change;
  const event: Record<string, unknown> = {
    id: row.cls.name === 'message' ? '0' : String(gen),
    timestamp,
    class: row.cls.lower,
    operation,
    ref: row.ref,
  };
  if (operation !== 'del') event.snapshot = row.record;
  return event;
}

function assertSession(ctx: CallContext): void {
  if (!ctx.db.has(ctx.session)) throw new XapiFailure('SESSION_INVALID', ctx.session);
}

/**
 * Blocks until changes matching `wants` exist after `since` and the session's last answer is at least
 * EVENT_FROM_DELAY_MS old, or until the deadline passes.
 */
async function collect(ctx: CallContext, since: number, wants: (row: Row) => boolean, deadline: number) {
  let sessions = answeredAt.get(ctx.db);
  if (!sessions) answeredAt.set(ctx.db, (sessions = new Map()));
  const earliest = (sessions.get(ctx.session) ?? 0) + EVENT_FROM_DELAY_MS;
  for (;;) {
    assertSession(ctx);
    const now = Date.now();
    const changes = ctx.db.changesSince(since, wants);
    if ((changes.length > 0 && now >= earliest) || now >= deadline) {
      sessions.set(ctx.session, now);
      return { changes, gen: ctx.db.gen };
    }
    if (changes.length > 0) await sleep(Math.min(earliest, deadline) - now);
    else await ctx.db.waitForChange(deadline - now);
  }
}

defineMessage('event.from', async (ctx, classes: string[], token: string, timeout: number) => {
  const since = parseToken(token);
  const wants = subscriptionFilter(classes);
  const deadline = Date.now() + Math.max(0, timeout) * 1000;
  const { changes, gen } = await collect(ctx, since, wants, deadline);
  return {
    events: changes.map((c) => eventRecord(c, '0.0')),
    valid_ref_counts: ctx.db.counts(),
    token: tokenFor(gen),
  };
}, { quiet: true });

defineMessage('event.inject', (ctx, clsName: string, ref: string) => {
  const cls = datamodel.find(clsName);
  const row = ctx.db.row(ref);
  if (!cls || !row || row.cls !== cls) fail('HANDLE_INVALID', clsName, ref);
  const gen = ctx.db.touch(ref);
  return tokenFor(gen - 1);
}, { quiet: true });

defineMessage('event.get_current_id', (ctx) => ctx.db.gen, { quiet: true });

defineMessage('event.register', (ctx, classes: string[]) => {
  subscriptionFilter(classes);
  const existing = ctx.pool.legacySubscriptions.get(ctx.session);
  if (existing) for (const c of classes) existing.classes.add(c);
  else ctx.pool.legacySubscriptions.set(ctx.session, { classes: new Set(classes), lastGen: ctx.db.gen });
  return '';
}, { quiet: true });

defineMessage('event.unregister', (ctx, classes: string[]) => {
  const existing = ctx.pool.legacySubscriptions.get(ctx.session);
  if (existing) for (const c of classes) existing.classes.delete(c);
  return '';
}, { quiet: true });

defineMessage('event.next', async (ctx) => {
  const subscription = ctx.pool.legacySubscriptions.get(ctx.session);
  if (!subscription) fail('SESSION_NOT_REGISTERED', ctx.session);
  const wants = subscriptionFilter(subscription!.classes);
  // event.next blocks until something happens; XAPI has no timeout here, a long one keeps sockets sane.
  const { changes, gen } = await collect(ctx, subscription!.lastGen, wants, Date.now() + 60_000);
  subscription!.lastGen = gen;
  const now = (Date.now() / 1000).toFixed(6);
  return changes.map((c) => eventRecord(c, now));
}, { quiet: true });
