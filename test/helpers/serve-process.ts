// A `xengraph serve` (or `npm start`) child process as an operator sees it: what it prints tells where it serves
// and, on a first start, the admin token; GraphQL is then spoken to it over plain HTTP.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { print, type DocumentNode } from 'graphql';

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
