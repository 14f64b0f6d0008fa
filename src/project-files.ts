// Files that ship beside the code (migrations, the seed, package.json, the console's bundle), found from the
// project's root: the nearest folder up from this module holding a package.json. That is the same folder
// whether the code runs from src/ (tsx) or from the single bundle in dist/, where every module shares one URL.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
  }
}

export const PROJECT_ROOT = projectRoot();

/** A path inside the project, e.g. projectFile('db', 'sqlite'). */
export const projectFile = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
