// Turns a decoded call into a result, in XAPI's order: method lookup, parameter count, parameter types,
// session check, injected faults, then the implementation — directly, under a sync task row, or as an Async task.
import { setTimeout as sleep } from 'node:timers/promises';
import { datamodel, parseType, type MessageInfo, type XType } from '../xapi/datamodel/index.js';
import { toDescription, XapiFailure } from './errors.js';
import { genericHandler, hiddenMessage } from './generic.js';
import { explicitHandler, type CallContext, type Handler } from './registry.js';
import { createTask, finishTask } from './tasks.js';
import { coerceParam, ParamTypeError } from './wire/coerce.js';
import { encodeXmlValue } from './wire/xmlrpc.js';
import type { SimPool } from './world.js';

export type CallOutcome =
  | { kind: 'success'; value: unknown; type: XType }
  | { kind: 'bare'; value: unknown; type: XType }
  | { kind: 'failure'; description: string[] }
  /** An injected fault: the connection is to be closed without an answer. */
  | { kind: 'drop' };

/** Trailing parameters older clients may omit, with the values XAPI fills in. */
const DEFAULTED: Record<string, unknown[]> = {
  'session.login_with_password': ['1.1', ''],
  'VM.snapshot': [[]],
  'VDI.copy': ['OpaqueRef:NULL', 'OpaqueRef:NULL'],
  'VM.migrate_send': [{}, {}],
  'VM.assert_can_migrate': [{}, {}],
  'host.evacuate': ['OpaqueRef:NULL', 0],
  'host.disable': [true],
  // Nova's VDI.introduce sends the eleven parameters of older releases.
  'VDI.introduce': [true, 0, 0, 'OpaqueRef:NULL', false, '19700101T00:00:00Z', 'OpaqueRef:NULL'],
  'VM.create_new_blob': [false],
  'host.create_new_blob': [false],
  'pool.create_new_blob': [false],
  'SR.create_new_blob': [false],
  'network.create_new_blob': [false],
};

const NO_ASYNC_CLASSES = new Set(['session', 'event', 'task']);
const STRING_SET = parseType('string set');

function hasAsyncForm(msg: MessageInfo): boolean {
  if (msg.wireName === 'task.cancel') return true;
  if (NO_ASYNC_CLASSES.has(msg.cls)) return false;
  return !msg.implicit || msg.name === 'create' || msg.name === 'destroy';
}

interface Resolved {
  msg: MessageInfo;
  handler: Handler | undefined;
  recordsTask: boolean;
}

function resolve(name: string): Resolved | undefined {
  const dot = name.indexOf('.');
  const candidates: [string, string][] = dot >= 0
    ? [[name.slice(0, dot), name.slice(dot + 1)]]
    // XAPI also accepts `VM_get_record`; class names contain underscores, so try every split.
    : [...name.matchAll(/_/g)].map((m) => [name.slice(0, m.index), name.slice(m.index! + 1)] as [string, string]);
  for (const [clsName, msgName] of candidates) {
    const cls = datamodel.classes.get(clsName);
    if (!cls) continue;
    const msg = cls.messages.get(msgName) ?? hiddenMessage(cls, msgName);
    if (!msg) continue;
    const explicit = explicitHandler(msg.wireName);
    return {
      msg,
      handler: explicit?.handler ?? genericHandler(cls, msg.name),
      recordsTask: explicit ? explicit.recordsTask : msg.name === 'create' || msg.name === 'destroy',
    };
  }
  return undefined;
}

function methodList(): string[] {
  const names: string[] = [];
  for (const cls of datamodel.classes.values()) {
    for (const msg of cls.messages.values()) if (!msg.removed) names.push(msg.wireName);
    if (cls.messages.has('get_all_records')) names.push(`${cls.name}.get_all_records_where`, `${cls.name}.get_all_where`);
  }
  return names;
}

let cachedMethods: string[] | undefined;

/** What a slave in emergency mode still serves; anything else answers HOST_IS_SLAVE with the master it lost. */
const EMERGENCY_CALLS = new Set([
  'session.slave_local_login_with_password', 'session.local_logout', 'pool.emergency_transition_to_master',
]);

function checkSession(pool: SimPool, hostRef: string, session: unknown): string {
  if (typeof session === 'string' && pool.localSessions.get(session) === hostRef) return session;
  if (typeof session !== 'string' || !pool.db.find('session', session)) {
    throw new XapiFailure('SESSION_INVALID', String(session ?? ''));
  }
  return session;
}

function coerceAll(msg: MessageInfo, params: unknown[]): unknown[] {
  const defaults = DEFAULTED[msg.wireName] ?? [];
  const expected = msg.params.length;
  const received = params.length;
  if (received < expected - defaults.length || (defaults.length === 0 && received > expected)) {
    throw new XapiFailure('MESSAGE_PARAMETER_COUNT_MISMATCH', msg.wireName, expected, received);
  }
  const full = [...params.slice(0, expected)];
  for (let i = full.length; i < expected; i++) full.push(defaults[i - (expected - defaults.length)]);
  return full.map((value, i) => {
    const { type, name } = msg.params[i];
    let coerced: unknown;
    try {
      coerced = coerceParam(value, type);
    } catch (error) {
      if (error instanceof ParamTypeError) throw new XapiFailure('FIELD_TYPE_ERROR', name);
      throw error;
    }
    if (type.kind === 'record') assertConstructorRecord(type.cls, coerced as Record<string, unknown>);
    return coerced;
  });
}

/** XAPI fills in the members of a constructor record that have a datamodel default; the others must be sent. */
function assertConstructorRecord(clsName: string, record: Record<string, unknown>): void {
  const cls = datamodel.find(clsName);
  for (const field of cls?.fields ?? []) {
    const settable = field.rw || field.qualifier === 'RO/constructor';
    if (settable && !field.hasDefault && !(field.name in record)) throw new XapiFailure('FIELD_TYPE_ERROR', field.name);
  }
}

/** Runs one API call received by `hostRef`'s endpoint. Never throws: failures become descriptions. */
export async function dispatch(pool: SimPool, hostRef: string, method: string, params: unknown[]): Promise<CallOutcome> {
  try {
    if (method === 'system.listMethods') {
      cachedMethods ??= methodList();
      return { kind: 'bare', value: cachedMethods, type: STRING_SET };
    }
    const isAsync = method.startsWith('Async.');
    const name = isAsync ? method.slice('Async.'.length) : method;
    if (pool.inEmergencyMode(hostRef) && !EMERGENCY_CALLS.has(name)) {
      throw new XapiFailure('HOST_IS_SLAVE', pool.masterAddressSeenBy(hostRef));
    }
    const resolved = resolve(name);
    if (!resolved || resolved.msg.removed) {
      if (params.length > 0) checkSession(pool, hostRef, params[0]);
      throw new XapiFailure(resolved ? 'MESSAGE_REMOVED' : 'MESSAGE_METHOD_UNKNOWN', ...(resolved ? [] : [name]));
    }
    const { msg, handler } = resolved;
    const args = coerceAll(msg, msg.sessionFirst ? params.slice(1) : params);
    const session = msg.sessionFirst ? checkSession(pool, hostRef, params[0]) : '';
    if (!handler) throw new XapiFailure('NOT_IMPLEMENTED', msg.wireName);
    const ctx: CallContext = { world: pool.world, pool, db: pool.db, session, host: hostRef };
    if (isAsync && !hasAsyncForm(msg)) throw new XapiFailure('Fault', `No async mode for this operation (rpc: ${msg.wireName})`);

    // Faults strike valid calls only, and before the implementation has done anything.
    const fault = pool.world.faults.take(msg.wireName, isAsync);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.drop) return { kind: 'drop' };
    if (fault?.hang) return await hang(pool, hostRef, msg.wireName, isAsync);
    const midway = fault?.error && fault.atProgress !== undefined ? { progress: fault.atProgress, error: fault.error } : undefined;
    const injected = fault?.error && !midway && new XapiFailure(fault.error[0], ...fault.error.slice(1));

    if (isAsync) {
      const task = createTask(pool.db, `Async.${msg.wireName}`, hostRef, pool.world.config.timeScale);
      task.failAt = midway;
      setImmediate(() => {
        if (injected) finishTask(task, { error: injected.description });
        else void runUnderTask({ ...ctx, task }, handler, args, msg.result, false);
      });
      return { kind: 'success', value: task.ref, type: parseType('task ref') };
    }
    if (injected) throw injected;
    if (midway && !(resolved.recordsTask && hasAsyncForm(msg))) throw new XapiFailure(midway.error[0]!, ...midway.error.slice(1));
    if (resolved.recordsTask && hasAsyncForm(msg)) {
      const task = createTask(pool.db, msg.wireName, hostRef, pool.world.config.timeScale);
      task.failAt = midway;
      const value = await runUnderTask({ ...ctx, task }, handler, args, msg.result, true);
      return { kind: 'success', value, type: msg.result };
    }
    return { kind: 'success', value: await handler(ctx, ...args), type: msg.result };
  } catch (error) {
    return { kind: 'failure', description: toDescription(error) };
  }
}

/**
 * A hung call: its task waits, cancellable, for task.cancel (or the simulator's stop); the async form has already
 * answered with it.
 */
async function hang(pool: SimPool, hostRef: string, wireName: string, isAsync: boolean): Promise<CallOutcome> {
  const task = createTask(pool.db, isAsync ? `Async.${wireName}` : wireName, hostRef, pool.world.config.timeScale);
  task.setCancellable(true);
  const cancelled = (async () => {
    while (!task.cancelRequested && !pool.world.stopped) await sleep(20);
    finishTask(task, { error: ['TASK_CANCELLED', task.ref] });
  })();
  if (isAsync) return { kind: 'success', value: task.ref, type: parseType('task ref') };
  await cancelled;
  if (pool.db.has(task.ref)) pool.db.destroy(task.ref);
  throw new XapiFailure('TASK_CANCELLED', task.ref);
}

async function runUnderTask(ctx: CallContext, handler: Handler, args: unknown[], result: XType, sync: boolean) {
  const task = ctx.task!;
  try {
    const value = await handler(ctx, ...args);
    finishTask(task, { result: result.kind === 'void' ? '' : encodeXmlValue(value, result) });
    if (sync) ctx.db.destroy(task.ref);
    return value;
  } catch (error) {
    finishTask(task, { error: toDescription(error) });
    if (sync) {
      ctx.db.destroy(task.ref);
      throw error;
    }
    return undefined;
  }
}
