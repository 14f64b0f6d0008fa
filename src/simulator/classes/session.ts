// session.*: logins are answered by the pool master only; slaves redirect with HOST_IS_SLAVE.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { xapiNow } from '../clock.js';
import { fail } from '../errors.js';
import { defineMessage, type CallContext } from '../registry.js';

function authenticate(ctx: CallContext, uname: string, password: string): void {
  const { user, password: expected } = ctx.world.config;
  if (uname !== user || password !== expected) fail('SESSION_AUTHENTICATION_FAILED', uname, 'Authentication failure');
}

function login(ctx: CallContext, uname: string, password: string, _version: string, originator: string): string {
  if (ctx.host !== ctx.pool.masterRef) fail('HOST_IS_SLAVE', ctx.pool.masterAddressSeenBy(ctx.host));
  authenticate(ctx, uname, password);
  return ctx.db.create('session', {
    this_host: ctx.host,
    last_active: xapiNow(),
    validation_time: xapiNow(),
    is_local_superuser: true,
    auth_user_name: uname,
    originator,
  });
}

async function delayingFailures<T>(attempt: () => T): Promise<T> {
  try {
    return attempt();
  } catch (error) {
    // XAPI delays failed logins to slow down password guessing; a short pause keeps that visible.
    if ((error as { code?: string }).code === 'SESSION_AUTHENTICATION_FAILED') await sleep(50);
    throw error;
  }
}

defineMessage('session.login_with_password', (ctx, uname: string, password: string, version: string, originator: string) =>
  delayingFailures(() => login(ctx, uname, password, version, originator)), { quiet: true });

// Any host, slave or not, takes a local root login (xe's emergency commands use it): the session lives in
// that host's memory only, so it works on that host alone and survives nothing.
defineMessage('session.slave_local_login_with_password', (ctx, uname: string, password: string) => delayingFailures(() => {
  authenticate(ctx, uname, password);
  const session = `OpaqueRef:${randomUUID()}`;
  ctx.pool.localSessions.set(session, ctx.host);
  return session;
}), { quiet: true });

defineMessage('session.logout', (ctx) => {
  ctx.db.destroy(ctx.session);
  ctx.pool.legacySubscriptions.delete(ctx.session);
  // Pending event.from / event.next calls of this session must notice and fail.
  ctx.db.wakeAll();
  return '';
}, { quiet: true });

defineMessage('session.local_logout', (ctx) => {
  if (ctx.pool.localSessions.delete(ctx.session)) return '';
  ctx.db.destroy(ctx.session);
  ctx.db.wakeAll();
  return '';
}, { quiet: true });

defineMessage('session.get_all_subject_identifiers', () => [], { quiet: true });
