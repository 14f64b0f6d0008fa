// Bundles the server from src/ into dist/ (esbuild; no type check, `npm run typecheck` is that) and the web
// console from web/ into dist/web/ (Vite), stamping each result so `npm start` and bin/xengraph.js can tell a build
// of the current sources from a stale one. Plain JavaScript: it runs before anything is compiled.
// `node scripts/build.mjs --if-stale` builds only the parts whose output is missing or older than their sources;
// `--web` limits it to the console, `--server` to src/.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const WEB_DIST = join(DIST, 'web');
const SHARED_INPUTS = [join(ROOT, 'package.json'), join(ROOT, 'package-lock.json')];

/** Each part of the build: what it reads, where it stamps its output, how it is made. */
const PARTS = {
  server: {
    stamp: join(DIST, '.build-stamp'),
    // This script too: a build made another way (file by file, say) is stale once the way changes.
    inputs: [join(ROOT, 'src'), join(ROOT, 'tsconfig.json'), fileURLToPath(import.meta.url), ...SHARED_INPUTS],
    build: buildServer,
  },
  web: {
    stamp: join(WEB_DIST, '.build-stamp'),
    // web/src/gql/ is generated from the committed schema, so the schema is an input too.
    inputs: [join(ROOT, 'web'), join(ROOT, 'schema', 'schema.graphql'), ...SHARED_INPUTS],
    build: buildWeb,
  },
};

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function isPartCurrent(part) {
  if (!existsSync(part.stamp)) return false;
  const built = statSync(part.stamp).mtimeMs;
  return part.inputs.every((input) => !existsSync(input) || newestChange(input) <= built);
}

/**
 * True when dist/ holds the server compiled from src/ as it is now (bin/xengraph.js then runs it). The console's
 * bundle is only files the server reads, so a stale one does not send the CLI back to the sources.
 */
export function isBuildCurrent() {
  return isPartCurrent(PARTS.server);
}

/**
 * Packages left in node_modules; everything else is bundled with the server, resolved from where each import is
 * made, so a package's own nested dependencies stay its own. Bundling spares Node resolving, reading and
 * compiling about a thousand small modules (@graphql-tools/utils alone is 257) at every start. Left out: native
 * code (better-sqlite3) and the database clients loaded only when configured, pino (its transports run files of
 * their own in worker threads), and graphql, which must stay one instance for every package that uses it.
 */
const EXTERNAL_PACKAGES = new Set(['graphql', 'better-sqlite3', 'pg', 'pg-native', 'ioredis', 'pino', 'pino-pretty']);

/** The package a bare import names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => (EXTERNAL_PACKAGES.has(packageOf(path)) ? { path, external: true } : undefined));
  },
};

async function buildServer() {
  // The console's bundle has its own stamp and survives a server-only rebuild.
  if (existsSync(DIST)) for (const entry of readdirSync(DIST)) if (entry !== 'web') rmSync(join(DIST, entry), { recursive: true, force: true });
  const { build: bundle } = await import('esbuild');
  await bundle({
    entryPoints: { cli: join(ROOT, 'src', 'cli.ts') },
    outdir: DIST,
    bundle: true,
    // What the CLI loads only when asked (a command, GraphiQL's page, the Redis broker) stays in chunks of its own.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    plugins: [externalPackages],
    // Bundled CommonJS code requires Node's modules and the packages left out through a require of the bundle's own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

async function buildWeb() {
  const vite = await import('vite');
  await vite.build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

export async function build(names = Object.keys(PARTS), { ifStale = false } = {}) {
  for (const name of names) {
    const part = PARTS[name];
    if (ifStale && isPartCurrent(part)) continue;
    console.error(`xengraph: building ${name === 'web' ? 'the web console (web/ to dist/web/)' : 'src/ to dist/'} …`);
    await part.build();
    mkdirSync(join(part.stamp, '..'), { recursive: true });
    writeFileSync(part.stamp, `${new Date().toISOString()}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.includes('--web') ? ['web'] : process.argv.includes('--server') ? ['server'] : Object.keys(PARTS);
  try {
    await build(names, { ifStale: process.argv.includes('--if-stale') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error('xengraph: the build failed (see above)');
    process.exit(1);
  }
}
