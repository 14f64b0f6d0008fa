// One pool's XAPI database: rows keyed by ref with the generation counters event.from works from.
//
// Every change bumps a global generation and appends (generation, row) to a change log; a query for
// "everything since generation g" binary-searches the log, so its cost grows with the number of changes
// since g, not with the number of objects. Entries superseded by a later change of the same row are skipped
// (the row's `modified` no longer matches) and periodically compacted away.
import { randomUUID } from 'node:crypto';
import { datamodel, type ClassInfo } from '../xapi/datamodel/index.js';
import { handleInvalid, XapiFailure } from './errors.js';

export type Rec = Record<string, any>;

export interface Row {
  readonly cls: ClassInfo;
  readonly ref: string;
  readonly record: Rec;
  readonly created: number;
  modified: number;
}

interface LogEntry {
  readonly gen: number;
  readonly row: Row;
  /** Set for deletions: the row no longer exists after this generation. */
  readonly deleted?: boolean;
}

export interface Change {
  readonly row: Row;
  readonly operation: 'add' | 'mod' | 'del';
  readonly gen: number;
}

/** Classes whose rows never produce events (XAPI's non-gen_events tables). */
const SILENT_CLASSES = new Set(['session']);

export const newRef = (): string => `OpaqueRef:${randomUUID()}`;

export class Db {
  private generation = 0;
  private readonly tables = new Map<string, Map<string, Row>>();
  private readonly rows = new Map<string, Row>();
  private readonly byUuid = new Map<string, Row>();
  private log: LogEntry[] = [];
  private waiters = new Set<() => void>();
  private notifyScheduled = false;

  constructor() {
    for (const cls of datamodel.classes.values()) this.tables.set(cls.name, new Map());
  }

  get gen(): number {
    return this.generation;
  }

  /** Creates a row with every field of its class, defaults filled in; returns the new ref. */
  create(clsName: string, fields: Rec = {}, ref: string = newRef()): string {
    const cls = datamodel.get(clsName);
    const record: Rec = {};
    for (const field of cls.fields) {
      record[field.name] = field.name in fields ? fields[field.name] : field.defaultValue();
    }
    if (cls.field.has('uuid') && !record.uuid) record.uuid = randomUUID();
    const gen = ++this.generation;
    const row: Row = { cls, ref, record, created: gen, modified: gen };
    this.tables.get(cls.name)!.set(ref, row);
    this.rows.set(ref, row);
    if (record.uuid) this.byUuid.set(`${cls.name}/${record.uuid}`, row);
    this.append({ gen, row });
    return ref;
  }

  /**
   * Puts back a row read from the state file with the generations it was created and last changed at, as
   * XAPI reloads its database with each row's ctime/mtime. The generation counter is set by resumeAt().
   */
  restore(clsName: string, ref: string, record: Rec, created: number, modified: number): void {
    const cls = datamodel.get(clsName);
    const row: Row = { cls, ref, record, created, modified };
    this.tables.get(cls.name)!.set(ref, row);
    this.rows.set(ref, row);
    if (record.uuid) this.byUuid.set(`${cls.name}/${record.uuid}`, row);
    this.log.push({ gen: modified, row });
  }

  /**
   * Continues counting from `generation`, the count the state file was flushed at. Changes a client saw after
   * that flush are gone and their generations will be handed out again for other changes: a token from before
   * a restart is not comparable with the counter after it.
   */
  resumeAt(generation: number): void {
    this.log.sort((a, b) => a.gen - b.gen);
    this.generation = Math.max(generation, this.log.at(-1)?.gen ?? 0);
  }

  /** Applies a patch (or a mutator) to a row and records the change as one generation. */
  update(ref: string, change: Rec | ((record: Rec) => void)): Rec {
    const row = this.rows.get(ref);
    if (!row) throw new XapiFailure('HANDLE_INVALID', 'unknown', ref);
    if (typeof change === 'function') change(row.record);
    else Object.assign(row.record, change);
    row.modified = ++this.generation;
    this.append({ gen: row.modified, row });
    return row.record;
  }

  /** Marks a row changed without changing it (event.inject). */
  touch(ref: string): number {
    this.update(ref, {});
    return this.generation;
  }

  destroy(ref: string): void {
    const row = this.rows.get(ref);
    if (!row) return;
    this.rows.delete(ref);
    this.tables.get(row.cls.name)!.delete(ref);
    if (row.record.uuid) this.byUuid.delete(`${row.cls.name}/${row.record.uuid}`);
    this.append({ gen: ++this.generation, row, deleted: true });
  }

  has(ref: string): boolean {
    return this.rows.has(ref);
  }

  /** The live record of `ref`, which must be of class `cls`; HANDLE_INVALID otherwise. */
  get(cls: string, ref: string): Rec {
    const row = this.rows.get(ref);
    if (!row || row.cls.name !== cls) throw handleInvalid(cls, ref);
    return row.record;
  }

  find(cls: string, ref: string): Rec | undefined {
    const row = this.rows.get(ref);
    return row && row.cls.name === cls ? row.record : undefined;
  }

  allRows(): IterableIterator<Row> {
    return this.rows.values();
  }

  row(ref: string): Row | undefined {
    return this.rows.get(ref);
  }

  refByUuid(cls: string, uuid: string): string | undefined {
    return this.byUuid.get(`${cls}/${uuid}`)?.ref;
  }

  table(cls: string): ReadonlyMap<string, Row> {
    const table = this.tables.get(cls);
    if (!table) throw new Error(`no table ${cls}`);
    return table;
  }

  /** Refs and records of a class matching a predicate. */
  select(cls: string, predicate: (record: Rec) => boolean = () => true): [string, Rec][] {
    const out: [string, Rec][] = [];
    for (const row of this.table(cls).values()) if (predicate(row.record)) out.push([row.ref, row.record]);
    return out;
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, table] of this.tables) if (name !== 'event') out[name.toLowerCase()] = table.size;
    return out;
  }

  /** Changes after generation `since`, coalesced per object, filtered by `wants`. */
  changesSince(since: number, wants: (row: Row) => boolean): Change[] {
    const out: Change[] = [];
    for (let i = this.firstAfter(since); i < this.log.length; i++) {
      const entry = this.log[i];
      const { row } = entry;
      if (entry.deleted) {
        if (row.created <= since && wants(row)) out.push({ row, operation: 'del', gen: entry.gen });
        continue;
      }
      // Superseded by a later change of the same row, or deleted later: that entry will speak for it.
      if (row.modified !== entry.gen || this.rows.get(row.ref) !== row) continue;
      if (!wants(row)) continue;
      out.push({ row, operation: row.created > since ? 'add' : 'mod', gen: entry.gen });
    }
    return out;
  }

  /** Resolves at the next change, or when the timeout elapses or the signal aborts. */
  waitForChange(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      // Long polls must not keep a stopped simulator's process alive.
      const timer = setTimeout(done, Math.max(0, timeoutMs)).unref();
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Wakes every waiter so it re-checks its own conditions (e.g. its session was logged out). */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private append(entry: LogEntry): void {
    if (SILENT_CLASSES.has(entry.row.cls.name)) return;
    this.log.push(entry);
    if (this.log.length > 4 * this.rows.size + 10_000) this.compact();
    if (!this.notifyScheduled && this.waiters.size > 0) {
      // Wake waiters once per tick so a burst of changes is answered as one coalesced batch.
      this.notifyScheduled = true;
      setImmediate(() => {
        this.notifyScheduled = false;
        for (const wake of [...this.waiters]) wake();
      });
    }
  }

  private firstAfter(since: number): number {
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.log[mid].gen <= since) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops superseded entries; keeps the newest tombstones so recent deletions are still reported. */
  private compact(): void {
    const tombstones = this.log.filter((e) => e.deleted);
    const keepTombstones = tombstones.slice(-20_000);
    const live = this.log.filter((e) => !e.deleted && e.row.modified === e.gen && this.rows.get(e.row.ref) === e.row);
    this.log = [...live, ...keepTombstones].sort((a, b) => a.gen - b.gen);
  }
}
