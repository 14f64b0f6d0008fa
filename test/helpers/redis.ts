// Real Redis for tests: the run's (TEST_REDIS_URL, from scripts/with-redis.sh) or, for a file run on its own, one
// server per process, started by the project's script and stopped when the process exits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './stack.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/redis.sh', import.meta.url));

let server: Promise<string> | null = null;

export function testRedisUrl(): Promise<string> {
  const shared = process.env.TEST_REDIS_URL;
  if (shared) return Promise.resolve(shared);
  server ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xengraph-redis-'));
    process.once('exit', () => { execFileSync(SCRIPT, ['stop', dir], { stdio: 'ignore' }); });
    return execFileSync(SCRIPT, ['start', dir, String(await freePort())], { encoding: 'utf8' }).trim();
  })();
  return server;
}
