// The web console's built bundle (dist/web/, made by `npm run build`), served at / beside the API: hashed assets
// cached for good, every other path answered with index.html so the console's own routes survive a reload.
// /graphql (GraphiQL and the API) and the operator endpoints never reach it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { OPERATOR_PATHS } from './operator-endpoints.js';
import { projectFile } from './project-files.js';

/** Where the build puts the bundle: the same folder whether this module runs from src/ (tsx) or dist/. */
export const WEB_BUNDLE_DIR = projectFile('dist', 'web');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names assets by content hash, so a name never changes meaning and browsers may keep it forever. */
const HASHED_ASSETS = '/assets/';

/** The console only talks to its own origin; it is never framed, so no page can click through it. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

const MISSING_BUNDLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>xengraph: console not built</title></head>
<body><main><h1>The web console is not built</h1>
<p>Build it with <code>npm run build</code> (or start with <code>npm start</code>, which builds what is stale), then reload.</p>
<p>The API and GraphiQL are at <a href="/graphql">/graphql</a>.</p></main></body></html>
`;

export interface WebConsoleOptions {
  /** The built bundle; WEB_BUNDLE_DIR by default. */
  readonly root?: string;
  readonly graphqlPath: string;
}

export function useWebConsole(options: WebConsoleOptions): Plugin {
  const root = resolve(options.root ?? WEB_BUNDLE_DIR);
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname === options.graphqlPath || url.pathname.startsWith(`${options.graphqlPath}/`) || OPERATOR_PATHS.has(url.pathname)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD', ...SECURITY_HEADERS } }));
        return;
      }
      const respond = (status: number, body: Uint8Array | string | null, headers: Record<string, string>) =>
        endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body as BodyInit | null, { status, headers: { ...headers, ...SECURITY_HEADERS } }));
      const index = join(root, 'index.html');
      if (!existsSync(index)) {
        respond(503, MISSING_BUNDLE, { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-store' });
        return;
      }
      const file = bundleFile(root, url.pathname);
      if (file) {
        const hashed = url.pathname.startsWith(HASHED_ASSETS);
        respond(200, readFileSync(file), {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
        return;
      }
      // A missing asset is a stale page asking for an old build's file: index.html in its place would be run as
      // a script and fail obscurely.
      if (url.pathname.startsWith(HASHED_ASSETS) || extname(url.pathname) !== '') {
        respond(404, 'Not found\n', { 'content-type': CONTENT_TYPES['.txt']!, 'cache-control': 'no-store' });
        return;
      }
      respond(200, readFileSync(index), { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-cache' });
    },
  };
}

/** The regular file the path names inside the bundle, or null (absent, a folder, or outside it). */
function bundleFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(root + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}
