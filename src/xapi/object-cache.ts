// The client-side mirror of a pool's objects: ref → normalised record, per class, kept current by the event
// watcher. Reads (list VMs, find a host by uuid) are answered from here without a round trip. XAPI event
// snapshots are whole records, so an add/mod simply replaces the record (less the fields nothing reads:
// unread-fields.ts); records are frozen (shallowly) so a consumer holding one can compare it with the next
// version instead of seeing it change under its feet.
import { EventEmitter } from 'node:events';
import { isDeepStrictEqual } from 'node:util';
import { datamodel } from './datamodel/index.js';
import type { XapiRecord } from './normalize.js';
import { withoutUnreadFields } from './unread-fields.js';

export type CacheOperation = 'add' | 'mod' | 'del';

export interface CacheChange {
  /** Class name as the datamodel spells it (`VM`, `host`, `VM_metrics`), whatever the event said (`vm`). */
  cls: string;
  ref: string;
  operation: CacheOperation;
  /** The record after the change; undefined for `del`. */
  record: XapiRecord | undefined;
  /** The record before the change; undefined for `add` (or a `mod` of an object we had not seen). */
  previous: XapiRecord | undefined;
  /** The whole record as XAPI sent it, for the raw event feed; not kept. Undefined for `del`. */
  snapshot?: Readonly<Record<string, unknown>>;
}

/** An event as event.from delivers it (after normalisation). */
export interface XapiEvent {
  class: string;
  operation: string;
  ref: string;
  snapshot?: Record<string, unknown>;
}

export interface ObjectCacheEvents {
  change: [change: CacheChange];
  /** After a whole event.from batch (or a resync) was applied: consumers can flush once per batch. */
  batch: [changes: readonly CacheChange[]];
}

/** Events name classes in lowercase (`vm_metrics`); the cache keys them by their datamodel spelling. */
export function canonicalClass(cls: string): string {
  return datamodel.find(cls)?.name ?? cls;
}

class ClassTable {
  readonly records = new Map<string, XapiRecord>();
  readonly refByUuid = new Map<string, string>();

  set(ref: string, record: XapiRecord): XapiRecord | undefined {
    const previous = this.records.get(ref);
    if (previous && typeof previous.uuid === 'string' && previous.uuid !== record.uuid) {
      this.refByUuid.delete(previous.uuid);
    }
    this.records.set(ref, record);
    if (typeof record.uuid === 'string') this.refByUuid.set(record.uuid, ref);
    return previous;
  }

  delete(ref: string): XapiRecord | undefined {
    const previous = this.records.get(ref);
    if (!previous) return undefined;
    this.records.delete(ref);
    if (typeof previous.uuid === 'string' && this.refByUuid.get(previous.uuid) === ref) {
      this.refByUuid.delete(previous.uuid);
    }
    return previous;
  }
}

export class ObjectCache extends EventEmitter<ObjectCacheEvents> {
  private readonly tables = new Map<string, ClassTable>();

  constructor() {
    super();
    // Many independent consumers (task waiters, subscriptions) listen to `change` at once.
    this.setMaxListeners(0);
  }

  private table(cls: string): ClassTable {
    const name = canonicalClass(cls);
    let table = this.tables.get(name);
    if (!table) {
      table = new ClassTable();
      this.tables.set(name, table);
    }
    return table;
  }

  get<T extends XapiRecord = XapiRecord>(cls: string, ref: string): T | undefined {
    return this.tables.get(canonicalClass(cls))?.records.get(ref) as T | undefined;
  }

  /** All objects of a class, ref → record. The map is live: copy it before holding on to it across awaits. */
  all<T extends XapiRecord = XapiRecord>(cls: string): ReadonlyMap<string, T> {
    return this.table(cls).records as ReadonlyMap<string, T>;
  }

  refByUuid(cls: string, uuid: string): string | undefined {
    return this.tables.get(canonicalClass(cls))?.refByUuid.get(uuid);
  }

  getByUuid<T extends XapiRecord = XapiRecord>(cls: string, uuid: string): { ref: string; record: T } | undefined {
    const ref = this.refByUuid(cls, uuid);
    const record = ref === undefined ? undefined : this.get<T>(cls, ref);
    return ref === undefined || record === undefined ? undefined : { ref, record };
  }

  /** First object of `cls` matching `predicate`, e.g. a template by name. */
  find<T extends XapiRecord = XapiRecord>(
    cls: string,
    predicate: (record: T, ref: string) => boolean,
  ): { ref: string; record: T } | undefined {
    for (const [ref, record] of this.all<T>(cls)) if (predicate(record, ref)) return { ref, record };
    return undefined;
  }

  /** Classes the cache has seen (loaded or received events for). */
  classes(): string[] {
    return [...this.tables.keys()];
  }

  /** Applies one event.from batch; emits a `change` per event and one `batch` at the end. */
  applyEvents(events: readonly XapiEvent[]): CacheChange[] {
    const changes: CacheChange[] = [];
    for (const event of events) {
      const change = this.applyEvent(event);
      if (change) changes.push(change);
    }
    if (changes.length > 0) this.emit('batch', changes);
    return changes;
  }

  private applyEvent(event: XapiEvent): CacheChange | undefined {
    const cls = canonicalClass(event.class);
    const table = this.table(cls);
    if (event.operation === 'del') {
      const previous = table.delete(event.ref);
      // A del for an object we never saw (created and destroyed between two polls) changes nothing.
      if (!previous) return undefined;
      return this.publish({ cls, ref: event.ref, operation: 'del', record: undefined, previous });
    }
    if (!event.snapshot) return undefined;
    const record = Object.freeze(withoutUnreadFields(cls, event.snapshot));
    const previous = table.set(event.ref, record);
    // What the consumer needs is "new to me" vs "changed": XAPI's add/mod is relative to our token, and
    // after a resync a known object can come back as add.
    const operation: CacheOperation = previous ? 'mod' : 'add';
    return this.publish({ cls, ref: event.ref, operation, record, previous, snapshot: event.snapshot });
  }

  /**
   * Replaces everything known about `cls` with a full fetch (`get_all_records`): emits add/mod for what is
   * present and del for what disappeared, so consumers see a resync as ordinary changes.
   */
  replaceClass(cls: string, records: Readonly<Record<string, Record<string, unknown>>>, emitBatch = true): CacheChange[] {
    const name = canonicalClass(cls);
    const table = this.table(name);
    const changes: CacheChange[] = [];
    for (const ref of [...table.records.keys()]) {
      if (!Object.hasOwn(records, ref)) {
        const previous = table.delete(ref);
        changes.push(this.publish({ cls: name, ref, operation: 'del', record: undefined, previous }));
      }
    }
    for (const [ref, snapshot] of Object.entries(records)) {
      // A resync mostly refetches what we already hold; only real differences are news to consumers.
      const known = table.records.get(ref);
      if (known && isDeepStrictEqual({ ...known }, withoutUnreadFields(name, snapshot))) continue;
      const change = this.applyEvent({ class: name, operation: 'mod', ref, snapshot });
      if (change) changes.push(change);
    }
    if (emitBatch && changes.length > 0) this.emit('batch', changes);
    return changes;
  }

  private publish(change: CacheChange): CacheChange {
    this.emit('change', change);
    return change;
  }

  /**
   * Resolves with the first truthy value `check` returns, evaluated now and after every change; rejects
   * after `timeoutMs`. Typical: `await cache.waitFor(() => cache.get('VM', ref)?.power_state === 'Running')`.
   */
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 30_000, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const cleanup = (): void => {
        if (timer) clearTimeout(timer);
        this.off('change', onChange);
        signal?.removeEventListener('abort', onAbort);
      };
      const evaluate = (): boolean => {
        let value: T | undefined | null | false;
        try {
          value = check();
        } catch (error) {
          cleanup();
          reject(error);
          return true;
        }
        if (!value) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const onChange = (): void => {
        evaluate();
      };
      const onAbort = (): void => {
        cleanup();
        reject(signal?.reason);
      };
      if (signal?.aborted) return reject(signal.reason);
      if (evaluate()) return;
      this.on('change', onChange);
      signal?.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(() => {
        cleanup();
        reject(new Error(`ObjectCache.waitFor: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  clear(): void {
    this.tables.clear();
  }
}
