// Fails when schema/schema.graphql or test/generated/ differ from what the schema and the operations
// produce now. It regenerates both (so a failure leaves the fresh files ready to commit) and compares
// contents before and after, which works in a fresh clone without relying on git state.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const watched = [join(root, 'schema/schema.graphql'), join(root, 'test/generated')];

function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  for (const path of watched) visit(path);
  return files;
}

const before = snapshot();
// Generated from scratch, so files no operation produces any more show up as removed.
rmSync(join(root, 'test/generated'), { recursive: true, force: true });
const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
run(['--import', 'tsx', join(root, 'scripts/print-schema.ts')]);
run([join(root, 'node_modules/@graphql-codegen/cli/esm/bin.js'), '--config', 'codegen.yml', '--silent']);
const after = snapshot();

const changed = [...new Set([...before.keys(), ...after.keys()])].sort()
  .filter((path) => before.get(path) !== after.get(path))
  .map((path) => `${path} (${!before.has(path) ? 'new' : !after.has(path) ? 'removed' : 'changed'})`);
if (changed.length > 0) {
  console.error(`schema check failed: generated files were stale and have been regenerated; commit them:\n  ${changed.join('\n  ')}`);
  process.exit(1);
}
console.log(`schema and generated operation types are current (${after.size} files)`);
