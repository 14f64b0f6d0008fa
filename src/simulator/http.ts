// One HTTP endpoint per simulated host, all on one port: XML-RPC on any POST path but /jsonrpc,
// JSON-RPC on /jsonrpc, the simulator's admin API under /_sim/, and extra handlers beside the API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type CallOutcome } from './dispatch.js';
import { jsonRpcFailure, jsonRpcSuccess, parseJsonRpcCall, encodeJsonValue } from './wire/jsonrpc.js';
import { encodeXmlValue, parseXmlRpcCall, xmlRpcBare, xmlRpcFailure, xmlRpcSuccess } from './wire/xmlrpc.js';
import type { World } from './world.js';

/** Extra routes (admin, file transfers, RRD) registered by other simulator modules. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL, address: string) => Promise<boolean> | boolean;

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'X-Requested-With' };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  // Content types must be exact (no charset): clients such as xen-api compare them verbatim.
  res.writeHead(status, { ...CORS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function xmlBody(outcome: Exclude<CallOutcome, { kind: 'drop' }>): string {
  switch (outcome.kind) {
    case 'success': return xmlRpcSuccess(encodeXmlValue(outcome.value, outcome.type));
    case 'bare': return xmlRpcBare(encodeXmlValue(outcome.value, outcome.type));
    case 'failure': return xmlRpcFailure(outcome.description);
  }
}

async function serveRpc(world: World, address: string, req: IncomingMessage, res: ServerResponse, json: boolean) {
  if (world.isBooting(address) || world.isDead(address)) {
    req.socket.destroy();
    return;
  }
  const endpoint = world.endpoint(address);
  const body = await readBody(req);
  let call;
  try {
    call = json ? parseJsonRpcCall(body) : parseXmlRpcCall(body);
  } catch (error) {
    send(res, 500, 'text/html', `<html><body><h1>HTTP 500 internal server error</h1>${escapeHtml(String(error))}</body></html>`);
    return;
  }
  const outcome: CallOutcome = !endpoint
    ? { kind: 'failure', description: ['HOST_OFFLINE', address] }
    // A revived host's toolstack is up before it has synchronised with the master.
    : world.isStillBooting(address)
      ? { kind: 'failure', description: ['HOST_STILL_BOOTING'] }
      : await dispatch(endpoint.pool, endpoint.hostRef, call.method, call.params);
  if (outcome.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (!json) {
    send(res, 200, 'text/xml', xmlBody(outcome));
    return;
  }
  const jsonCall = call as ReturnType<typeof parseJsonRpcCall>;
  send(res, 200, 'application/json', outcome.kind === 'failure'
    ? jsonRpcFailure(jsonCall, outcome.description)
    : jsonRpcSuccess(jsonCall, encodeJsonValue(outcome.value, outcome.type)));
}

const escapeHtml = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

export interface Endpoints {
  readonly port: number;
  /** The machine at `address` is gone: new connections are refused and open ones drop once `after` settles. */
  refuse(address: string, after?: Promise<unknown>): void;
  /** The machine at `address` is back on the network. */
  accept(address: string): Promise<void>;
  /** Drops the open connections of `address` (its toolstack restarted), leaving it listening. */
  dropConnections(address: string): void;
  close(): Promise<void>;
}

/** Listens on every address on one shared port (clients follow HOST_IS_SLAVE by swapping only the host). */
export async function listen(world: World, addresses: string[], port: number, routes: RouteHandler[]): Promise<Endpoints> {
  const servers = new Map<string, Server>();
  let chosen = port;
  const serve = async (address: string) => {
    const server = createServer((req, res) => {
      void handle(world, address, routes, req, res).catch((error) => {
        if (!res.headersSent) send(res, 500, 'text/plain', String(error));
        else res.destroy();
      });
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(chosen, address, () => resolve());
    });
    chosen = (server.address() as AddressInfo).port;
    servers.set(address, server);
  };
  for (const address of addresses) await serve(address);
  const closeServer = (s: Server) => new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
  return {
    port: chosen,
    refuse: (address, after = Promise.resolve()) => {
      const server = servers.get(address);
      if (!server) return;
      servers.delete(address);
      server.close();
      void after.finally(() => server.closeAllConnections());
    },
    accept: async (address) => {
      if (!servers.has(address)) await serve(address);
    },
    dropConnections: (address) => servers.get(address)?.closeAllConnections(),
    close: async () => {
      await Promise.all([...servers.values()].map(closeServer));
    },
  };
}

async function handle(world: World, address: string, routes: RouteHandler[], req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', `http://${address}`);
  for (const route of routes) if (await route(req, res, url, address)) return;
  if (req.method === 'OPTIONS') {
    res.writeHead(200, CORS);
    res.end();
    return;
  }
  if (req.method === 'POST') {
    await serveRpc(world, address, req, res, url.pathname === '/jsonrpc');
    return;
  }
  send(res, 404, 'text/plain', 'not found');
}
