// The processes a user runs, started apart from the benchmark: the simulator and the API, each a plain
// `node` running the compiled CLI (dist/, as `npm start` does), with their output read line by line and their
// memory read from /proc.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Makes a process collect its garbage when sent SIGUSR2 (a benchmark-only preload, see gc-on-signal.mjs). */
const GC_HOOK = fileURLToPath(new URL('./gc-on-signal.mjs', import.meta.url));

export interface RunningProcess {
  readonly pid: number;
  /** Resolves with the first output line (stdout or stderr) matching, seen or still to come. */
  line(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Current and peak resident set size, MiB (Linux /proc). */
  memory(): { rssMiB: number; peakMiB: number };
  /** A full garbage collection in the process, answered once done with where its memory then is (JSON, MiB). */
  collectGarbage(): Promise<string>;
  stop(): Promise<void>;
}

/** Compiles src/ to dist/ when the sources changed since the last build, so the benchmark times what users run. */
export function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--server', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * `node` running the compiled `dist/cli.js <args>` in one process, as `npm start` does: no TypeScript loader
 * in its memory or start-up time. Call buildCli() first.
 */
export function startCli(args: readonly string[], env: Readonly<Record<string, string>> = {}, nodeArgs: readonly string[] = []): RunningProcess {
  return startNode([...nodeArgs, '--expose-gc', '--import', GC_HOOK, 'dist/cli.js', ...args], env);
}

function startNode(args: readonly string[], env: Readonly<Record<string, string>>): RunningProcess {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const seen: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (m: RegExpMatchArray) => void }>();
  const onLine = (line: string) => {
    // Keep what may still be waited for; drop the rest so a chatty process does not grow the benchmark.
    if (seen.length < 200) seen.push(line);
    for (const waiter of waiters) {
      const match = waiter.pattern.exec(line);
      if (match) {
        waiters.delete(waiter);
        waiter.resolve(match);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const line = (pattern: RegExp, timeoutMs = 300_000): Promise<RegExpMatchArray> => {
    for (const earlier of seen) {
      const match = pattern.exec(earlier);
      if (match) return Promise.resolve(match);
    }
    return new Promise((resolve, reject) => {
      const waiter = { pattern, resolve: (m: RegExpMatchArray) => { clearTimeout(timer); resolve(m); } };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`${args.at(-1)}: no line matching ${pattern} within ${timeoutMs} ms; last lines:\n${seen.slice(-10).join('\n')}`));
      }, timeoutMs);
      waiters.add(waiter);
      void exited.then((code) => {
        if (!waiters.has(waiter)) return;
        waiters.delete(waiter);
        clearTimeout(timer);
        reject(new Error(`process exited (${code}) before printing ${pattern}; last lines:\n${seen.slice(-10).join('\n')}`));
      });
    });
  };

  let gcRound = 0;
  return {
    pid: child.pid!,
    line,
    memory: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
    },
    collectGarbage: async () => {
      const done = line(new RegExp(`^gc-done ${++gcRound} (.*)$`), 60_000);
      child.kill('SIGUSR2');
      return (await done)[1];
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
