// An operator's settings mistakes, through `xengraph serve` as a process: each stops the start with one line on
// stderr naming the setting, exit code 2 and no stack trace; a pool that is merely away beside a working one
// does not (pool-resilience covers that), and credentials that stop working in a running server are said the same way.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { freePort } from '../helpers/stack.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const PASSWORD = 'settings-secret';
let sim: RunningSimulator;
let notXapi: Server;
let dir: string;

before(async () => {
  sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02 });
  // Answers every request with a web page, as a URL pointing at the wrong service would.
  notXapi = createServer((_request, response) => response.end('<html><body>Welcome</body></html>'));
  await new Promise<void>((resolve) => notXapi.listen(0, '127.0.0.1', resolve));
  dir = mkdtempSync(join(tmpdir(), 'xengraph-settings-'));
});
after(async () => {
  notXapi?.close();
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let runs = 0;
/** `xengraph serve` on a fresh data directory with the given settings. */
function serve(env: Record<string, string>) {
  return runCli(['serve'], { DATA_DIR: join(dir, `run-${++runs}`), PORT: '0', XAPI_PASSWORD: PASSWORD, ...env });
}

async function assertSettingsError(env: Record<string, string>, expected: RegExp): Promise<void> {
  const result = await serve(env);
  assert.equal(result.code, 2, `exit code 2, got ${result.code}; stderr: ${result.stderr}`);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0]!, expected);
  assert.doesNotMatch(result.stderr, /\n\s+at |Error:/, 'no stack trace');
  assert.doesNotMatch(result.stdout, /serving GraphQL/, 'never served');
}

describe('xengraph serve refuses bad settings in one line', () => {
  it('a wrong XAPI password', async () => {
    await assertSettingsError(
      { XAPI_URL: sim.pools[0]!.masterUrl, XAPI_PASSWORD: 'not-the-password' },
      /^xengraph: XAPI_USER \/ XAPI_PASSWORD: the pool at http:\/\/127\.0\.0\.11:\d+\/? refuses the login of "root" \(SESSION_AUTHENTICATION_FAILED\)$/,
    );
  });

  it('a URL that answers but is not XAPI', async () => {
    const url = `http://127.0.0.1:${(notXapi.address() as AddressInfo).port}`;
    await assertSettingsError({ XAPI_URL: url }, /^xengraph: XAPI_URL: http:\/\/127\.0\.0\.1:\d+\/? answers, but not as XAPI \(.+\)$/);
  });

  it('https against a plain HTTP XAPI', async () => {
    const url = sim.pools[0]!.masterUrl.replace(/^http:/, 'https:');
    await assertSettingsError({ XAPI_URL: url }, /^xengraph: XAPI_URL: no TLS at https:\/\/127\.0\.0\.11:\d+\/? \(EPROTO\); if the server speaks plain HTTP, use http:\/\/$/);
  });

  it('a host name that does not exist', async () => {
    // .invalid is reserved: no such name can ever resolve.
    await assertSettingsError({ XAPI_URL: 'https://xapi.xengraph.invalid' }, /^xengraph: XAPI_URL: unknown host "xapi\.xengraph\.invalid" in https:\/\/xapi\.xengraph\.invalid\/? \(ENOTFOUND\)$/);
  });

  it('a port nobody listens on, when it is the only pool', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    await assertSettingsError({ XAPI_URL: url }, /^xengraph: XAPI_URL: no configured pool answers \(http:\/\/127\.0\.0\.1:\d+\/?: ECONNREFUSED\)$/);
  });

  it('a database URL of another kind, without showing its password', async () => {
    const result = await serve({ DATABASE_URL: 'mysql://xengraph:hunter2@db.example/xengraph' });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'xengraph: DATABASE_URL must name a SQLite database (file:PATH, a path or :memory:) or a PostgreSQL one (postgres://…); mysql:// is not supported\n');
  });

  it('a port that is not a port, and one already in use', async () => {
    await assertSettingsError({ PORT: '70000' }, /^xengraph: PORT must be an integer between 0 and 65535, got "70000"$/);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    try {
      const port = String((busy.address() as AddressInfo).port);
      await assertSettingsError({ XAPI_URL: sim.pools[0]!.masterUrl, PORT: port }, new RegExp(`^xengraph: PORT: port ${port} is already in use; choose another with PORT or --port$`));
    } finally {
      busy.close();
    }
  });
});

describe('a running server whose XAPI credentials stop working', () => {
  it('logs the same words as a start would', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: { ...process.env, XAPI_URL: sim.pools[0]!.masterUrl, XAPI_PASSWORD: PASSWORD, DATA_DIR: join(dir, 'running'), PORT: '0' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const config = sim.world.config as { password: string };
    try {
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const nextLine = async () => (await lines.next()).value as string | undefined;
      for (let line = await nextLine(); line !== undefined && !line.includes('serving GraphQL'); line = await nextLine());
      // The pool's password is changed and its sessions end: the next login is refused.
      config.password = 'changed-by-someone-else';
      sim.expireAllSessions();
      // The running server's log is JSON lines; the one about the pool carries the start's wording as its message.
      let logged: { level?: string; msg?: string } = {};
      for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
        if (!line.startsWith('{')) continue;
        logged = JSON.parse(line) as typeof logged;
        if (logged.msg?.includes('refuses the login')) break;
      }
      assert.equal(logged.level, 'error');
      assert.match(logged.msg ?? '', /^XAPI_USER \/ XAPI_PASSWORD: the pool at http:\/\/127\.0\.0\.11:\d+\/? refuses the login of "root" \(SESSION_AUTHENTICATION_FAILED\)$/);
    } finally {
      config.password = PASSWORD;
      child.kill('SIGKILL');
    }
  });
});
