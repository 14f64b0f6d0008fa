// Fails when src/store/schema.ts and the committed migrations under db/migrations disagree: drizzle-kit
// generates into a scratch copy of the folder, and any file it adds or changes there is drift. Needs no git,
// so it works the same in a fresh clone and in a dirty work tree.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const committed = join(root, 'db', 'migrations');
const drizzleKit = join(root, 'node_modules', 'drizzle-kit', 'bin.cjs');

function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path, 'utf8'));
  }
  return files;
}

function drizzleKitRun(args: string[]): void {
  const run = spawnSync(process.execPath, [drizzleKit, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`drizzle-kit ${args[0]} exited with ${run.status ?? run.signal}`);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'xengraph-migrations-'));
try {
  // Relative to the repository: drizzle-kit check mangles absolute --out paths into './' + path.
  const out = relative(root, join(scratch, 'migrations'));
  cpSync(committed, join(root, out), { recursive: true });
  drizzleKitRun(['check', '--dialect', 'sqlite', '--out', out]);
  drizzleKitRun(['generate', '--dialect', 'sqlite', '--schema', './src/store/schema.ts', '--out', out, '--name', 'drift']);

  const before = filesUnder(committed);
  const after = filesUnder(join(root, out));
  const drift = [...after].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
  if (drift.length > 0) {
    console.error(`db/migrations is behind src/store/schema.ts (drizzle-kit would write: ${drift.join(', ')}).`);
    console.error('Run `npm run db:generate -- --name <what-changed>` and commit db/migrations.');
    process.exitCode = 1;
  } else {
    console.log('db/migrations matches src/store/schema.ts');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
