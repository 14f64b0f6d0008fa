// A `xengraph serve` (or `npm start`) child process as an operator sees it: what it prints tells where it serves
// and, on a first start, the admin token; GraphQL is then spoken to it over plain HTTP.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { print, type DocumentNode } from 'graphql';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export interface ServeOptions {
  readonly xapiUrls: readonly string[];
  readonly xapiPassword: string;
  readonly dataDir: string;
}

/** Starts `xengraph serve` on the pools and data directory; resolves with its URL (and the admin token on first start). */
export async function serveChild(options: ServeOptions): Promise<{ child: ChildProcess; url: string; token?: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    env: {
      ...process.env, XAPI_URL: options.xapiUrls.join(','), XAPI_PASSWORD: options.xapiPassword,
      DATA_DIR: options.dataDir, PORT: '0', GRAPHIQL: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    return { child, ...await startedServer(child) };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/**
 * For a test file of `xengraph serve` children: a simulator and a data directory made before its tests, and
 * removed after them with any child still running. `serve` starts a child on them (or on the given pools and
 * directory).
 */
export function childServerWorld(xapiPassword: string, dirPrefix: string) {
  let sim: RunningSimulator | undefined;
  let dataDir = '';
  const children: ChildProcess[] = [];
  before(async () => {
    sim = await startSimulator({ port: 0, password: xapiPassword, timeScale: 0.02 });
    dataDir = mkdtempSync(join(tmpdir(), dirPrefix));
  });
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await sim?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get sim(): RunningSimulator {
      assert.ok(sim, 'the simulator runs once the tests do');
      return sim;
    },
    get dataDir(): string {
      return dataDir;
    },
    async serve(xapiUrls?: readonly string[], dir = dataDir) {
      const started = await serveChild({ xapiUrls: xapiUrls ?? this.sim.pools.map((p) => p.masterUrl), xapiPassword, dataDir: dir });
      children.push(started.child);
      return started;
    },
  };
}

/** Reads the start-up lines: the URL, then the first-start token (printed alone on the next line) or advice. */
export async function startedServer(child: ChildProcess): Promise<{ url: string; token?: string }> {
  let url = '';
  let token: string | undefined;
  let tokenNext = false;
  for await (const line of createInterface({ input: child.stdout! })) {
    if (tokenNext) token ??= line.trim();
    tokenNext = line.startsWith('First start: an admin API token was created');
    url ||= /serving GraphQL at (\S+)/.exec(line)?.[1] ?? '';
    if (url && (token || line.includes('To get an API token'))) break;
  }
  // Whatever it prints later is drained, so its pipe closes when it exits and leaves nothing open here.
  child.stdout!.resume();
  assert.ok(url, 'the server printed its URL');
  return { url, token };
}

/**
 * Resolves when the process has exited. A process still there after `timeoutMs` (a stop that hangs) is killed,
 * so a test never waits for ever; the exit code then says it had to be.
 */
export function exitOf(child: ChildProcess, timeoutMs = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
  });
}

/** One GraphQL request with a token; fails the test on any error. */
export async function graphql(url: string, token: string, document: DocumentNode | string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each caller reads its own document's shape
  const body = await response.json() as { data?: any; errors?: unknown };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** The id of the first node whose name starts with `name`, from a connection's edges. */
export function pickByName(edges: readonly { node: { id: string; name: string } }[], name: string): string {
  const found = edges.find((edge) => edge.node.name.startsWith(name));
  assert.ok(found, `a node named ${name}…`);
  return found.node.id;
}
