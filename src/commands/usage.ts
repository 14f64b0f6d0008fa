// What `--help` and `--version` print: usage per command (settings from the one table in settings.ts) and the
// package version.
import { readFileSync } from 'node:fs';
import { settingsUsage } from '../settings.js';
import { projectFile } from '../project-files.js';

export const SERVE_USAGE = `usage: xengraph serve [--port P] [--data-dir DIR] [--database-url URL] [--xapi-url URL[,URL…]]

Serves the GraphQL API (HTTP, SSE and WebSocket on one port), on the pools XAPI_URL names or on an embedded
simulated pool. Settings come from the environment; a flag overrides its variable:

${settingsUsage()}

SIGTERM or SIGINT stops it: new requests are refused, subscriptions closed, running XAPI steps get SHUTDOWN_GRACE
seconds to finish; operations still running then are settled by the next start.`;

export const SIMULATOR_USAGE = `usage: xengraph simulator [--port P] [--user U] [--password PW] [--topology FILE] [--time-scale F] [--state-file F]

Serves a simulated XenServer world speaking XAPI (XML-RPC, JSON-RPC) and prints each pool's master URL.

  --port P          port every simulated host listens on, each on its own loopback address [default: 8080]
  --user U          XAPI user name [default: root]
  --password PW     XAPI password [default: xengraph]
  --topology FILE   JSON description of pools, hosts, storage and networks [default: pool-a with 3 hosts, xen-b1]
  --time-scale F    speed of simulated operations, 1 = realistic, 0.02 = fifty times faster [default: 1]
  --state-file F    keep the world in F across restarts [default: none, in memory]`;

export const TOKEN_USAGE = `usage: xengraph token create --role reader|operator|admin [--name NAME] [--data-dir DIR | --database-url URL] [--create]
       xengraph token revoke ID [--data-dir DIR | --database-url URL]

Creates an API token in the database (printing only its secret) or revokes one by its id. The database is the one
\`xengraph serve\` uses with the same DATA_DIR / DATABASE_URL; one that does not exist is refused unless --create
is given (create only).`;

export const USAGE = `usage: xengraph <command> [options]

commands:
  serve       the GraphQL API (what npm start runs)
  simulator   a simulated XenServer world
  token       create or revoke API tokens

xengraph <command> --help shows a command's options; xengraph --version its version.`;

/** The version in package.json, found beside the sources and the compiled code alike. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
