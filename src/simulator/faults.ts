// Fault injection: the next calls of a XAPI method fail with a chosen error, answer late, or lose their
// connection. Tests use it to drive a client's error handling without reaching for a real broken host.

export interface FaultSpec {
  /** Wire name, case-sensitive as XAPI matches it (`VM.start_on`). `Async.VM.start_on` limits it to async calls. */
  readonly method: string;
  /** How many calls it affects; 1 when absent. */
  readonly count?: number;
  /** ErrorDescription the call fails with (an async call returns its task, which fails with it). */
  readonly error?: readonly string[];
  /** Delay before the call is handled. */
  readonly latencyMs?: number;
  /** Close the connection without answering (nothing of the call happens). */
  readonly drop?: boolean;
  /**
   * With `error`: the call starts normally and fails once its task's progress reaches this fraction
   * (0 < f < 1), as a migration or copy breaking halfway would; calls without task progress fail at once.
   */
  readonly atProgress?: number;
  /**
   * The call starts (an async call returns its task) and then makes no progress until its task is cancelled,
   * as a guest that never answers a clean shutdown or reboot request; nothing of the call happens.
   */
  readonly hang?: boolean;
}

export interface PendingFault {
  readonly id: number;
  readonly method: string;
  /** Calls still to be affected. */
  readonly remaining: number;
  readonly error?: readonly string[];
  readonly latencyMs?: number;
  readonly drop?: boolean;
  readonly atProgress?: number;
  readonly hang?: boolean;
}

/** What one call is to suffer. */
export interface FaultEffect {
  readonly error?: readonly string[];
  readonly latencyMs?: number;
  readonly drop?: boolean;
  readonly atProgress?: number;
  readonly hang?: boolean;
}

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

/** Checks a spec that arrived as JSON; the message says what is wrong. */
function validated(spec: FaultSpec): FaultSpec {
  if (typeof spec !== 'object' || spec === null) throw new FaultSpecError('a fault is a JSON object');
  const { method, count = 1, error, latencyMs, drop, atProgress, hang } = spec;
  if (typeof method !== 'string' || method === '') throw new FaultSpecError('method must be a non-empty string');
  if (!Number.isInteger(count) || count < 1) throw new FaultSpecError('count must be a positive integer');
  if (error !== undefined && (!Array.isArray(error) || error.length === 0 || !error.every((p) => typeof p === 'string'))) {
    throw new FaultSpecError('error must be a non-empty array of strings: [CODE, params…]');
  }
  if (latencyMs !== undefined && (typeof latencyMs !== 'number' || !(latencyMs >= 0))) {
    throw new FaultSpecError('latencyMs must be a number ≥ 0');
  }
  if (drop !== undefined && typeof drop !== 'boolean') throw new FaultSpecError('drop must be a boolean');
  if (drop && error) throw new FaultSpecError('a fault either drops the connection or answers with an error, not both');
  if (hang !== undefined && typeof hang !== 'boolean') throw new FaultSpecError('hang must be a boolean');
  if (hang && (drop || error)) throw new FaultSpecError('a hanging call neither drops its connection nor fails');
  if (!drop && !error && !hang && latencyMs === undefined) throw new FaultSpecError('a fault needs error, latencyMs, drop or hang');
  if (atProgress !== undefined && (!error || typeof atProgress !== 'number' || !(atProgress > 0 && atProgress < 1))) {
    throw new FaultSpecError('atProgress needs an error and a fraction between 0 and 1');
  }
  return { method, count, error, latencyMs, drop, atProgress, ...(hang && { hang }) };
}

export class FaultPlan {
  private faults: { id: number; spec: FaultSpec; remaining: number }[] = [];
  private nextId = 1;

  /** Queues a fault; faults for the same method apply in the order they were added. */
  add(spec: FaultSpec): PendingFault {
    const checked = validated(spec);
    const entry = { id: this.nextId++, spec: checked, remaining: checked.count ?? 1 };
    this.faults.push(entry);
    return this.describe(entry);
  }

  list(): PendingFault[] {
    return this.faults.map((entry) => this.describe(entry));
  }

  clear(): void {
    this.faults = [];
  }

  /** Consumes one use of the first fault matching a call of `wireName`, if any. */
  take(wireName: string, isAsync: boolean): FaultEffect | undefined {
    const entry = this.faults.find(({ spec }) => spec.method === wireName || (isAsync && spec.method === `Async.${wireName}`));
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining === 0) this.faults = this.faults.filter((f) => f !== entry);
    const { error, latencyMs, drop, atProgress, hang } = entry.spec;
    return { error, latencyMs, drop, atProgress, hang };
  }

  private describe(entry: { id: number; spec: FaultSpec; remaining: number }): PendingFault {
    const { method, error, latencyMs, drop, atProgress, hang } = entry.spec;
    return {
      id: entry.id, method, remaining: entry.remaining,
      ...(error && { error: [...error] }), ...(latencyMs !== undefined && { latencyMs }), ...(drop && { drop }),
      ...(atProgress !== undefined && { atProgress }), ...(hang && { hang }),
    };
  }
}
