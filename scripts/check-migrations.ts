// Fails when a dialect's drizzle schema and its committed migrations (db/sqlite, db/postgres) disagree: drizzle-kit
// generates into a scratch copy of the folder, and any file it adds or changes there is drift. Needs no git,
// so it works the same in a fresh clone and in a dirty work tree.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const drizzleKit = join(root, 'node_modules', 'drizzle-kit', 'bin.cjs');

interface Dialect {
  /** drizzle-kit's name for it. */
  readonly kit: 'sqlite' | 'postgresql';
  readonly schema: string;
  /** Committed migrations, relative to the repository. */
  readonly folder: string;
  readonly generate: string;
}

const DIALECTS: readonly Dialect[] = [
  { kit: 'sqlite', schema: './src/store/schema.ts', folder: 'db/sqlite', generate: 'db:generate' },
  { kit: 'postgresql', schema: './src/store/postgres/schema.ts', folder: 'db/postgres', generate: 'db:generate:postgres' },
];

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

/** True when the committed migrations match the schema. */
function check(dialect: Dialect): boolean {
  const committed = join(root, dialect.folder);
  const scratch = mkdtempSync(join(tmpdir(), 'xengraph-migrations-'));
  try {
    // Relative to the repository: drizzle-kit check mangles absolute --out paths into './' + path.
    const out = relative(root, join(scratch, 'migrations'));
    cpSync(committed, join(root, out), { recursive: true });
    drizzleKitRun(['check', '--dialect', dialect.kit, '--out', out]);
    drizzleKitRun(['generate', '--dialect', dialect.kit, '--schema', dialect.schema, '--out', out, '--name', 'drift']);

    const before = filesUnder(committed);
    const after = filesUnder(join(root, out));
    const drift = [...after].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
    if (drift.length > 0) {
      console.error(`${dialect.folder} is behind ${dialect.schema} (drizzle-kit would write: ${drift.join(', ')}).`);
      console.error(`Run \`npm run ${dialect.generate} -- --name <what-changed>\` and commit ${dialect.folder}.`);
      return false;
    }
    console.log(`${dialect.folder} matches ${dialect.schema}`);
    return true;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Every dialect is checked, so one run names all the drift.
if (!DIALECTS.map(check).every(Boolean)) process.exitCode = 1;
