// Hand-written behaviour of explicit XAPI messages, registered by the per-class modules.
import type { Db } from './db.js';
import type { TaskRun } from './tasks.js';
import type { SimPool, World } from './world.js';

export interface CallContext {
  readonly world: World;
  readonly pool: SimPool;
  readonly db: Db;
  /** Session ref of the caller ('' for session-less messages). */
  readonly session: string;
  /** The host whose endpoint received the call. */
  readonly host: string;
  /** The task this call runs under (every async call, and sync calls of operations). */
  readonly task?: TaskRun;
}

export type Handler = (ctx: CallContext, ...args: any[]) => unknown;

export interface HandlerSpec {
  readonly handler: Handler;
  /** Whether a sync call records a task row, as XAPI does for every async-capable message. */
  readonly recordsTask: boolean;
}

const handlers = new Map<string, HandlerSpec>();

/** Registers the behaviour of `Class.message`; `quiet` handlers are cheap queries that make no task row. */
export function defineMessage(wireName: string, handler: Handler, options: { quiet?: boolean } = {}): void {
  if (handlers.has(wireName)) throw new Error(`message defined twice: ${wireName}`);
  handlers.set(wireName, { handler, recordsTask: !options.quiet });
}

export function explicitHandler(wireName: string): HandlerSpec | undefined {
  return handlers.get(wireName);
}
