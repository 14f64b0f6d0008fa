// Reading rrdd's metrics over XAPI's HTTP interface: `GET /vm_rrd?uuid=` (a VM's whole RRD), `/host_rrd` and
// `/rrd_updates?start=`, with the client's session, following the redirect to the host that keeps the RRD;
// and parsers for the XML they answer with (compact or indented, which Nova's parser could not take).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { XapiClient } from './client.js';
import { XapiTransportError } from './errors.js';

const MAX_REDIRECTS = 3;

export interface RrdDataSource {
  readonly name: string;
  /** GAUGE, DERIVE or ABSOLUTE. */
  readonly type: string;
  /** The last raw reading: a running total (CPU seconds, bytes) for DERIVE sources; NaN when unknown. */
  readonly lastReading: number;
}

export interface RrdArchive {
  readonly cf: string;
  readonly pdpPerRow: number;
  /** Oldest first; one value per data source, in their order; NaN where unknown. */
  readonly rows: readonly (readonly number[])[];
}

export interface Rrd {
  readonly step: number;
  /** Seconds since the epoch. */
  readonly lastUpdate: number;
  readonly dataSources: readonly RrdDataSource[];
  readonly archives: readonly RrdArchive[];
}

export interface RrdUpdates {
  readonly start: number;
  readonly step: number;
  readonly end: number;
  /** `<CF>:<host|vm|sr>:<uuid>:<data source>` per column. */
  readonly legend: readonly string[];
  /** Newest first. */
  readonly rows: readonly { readonly t: number; readonly values: readonly number[] }[];
}

export class RrdFormatError extends Error {
  override readonly name = 'RrdFormatError';
}

/** A VM's RRD; XAPI answers 404 for a VM that never ran (XapiTransportError HTTP_404). */
export async function fetchVmRrd(client: XapiClient, vmUuid: string): Promise<Rrd> {
  return parseRrd(await getRrdText(client, '/vm_rrd', { uuid: vmUuid }));
}

/** The RRD of the host at `hostAddress` (the master when omitted). */
export async function fetchHostRrd(client: XapiClient, hostAddress?: string): Promise<Rrd> {
  return parseRrd(await getRrdText(client, '/host_rrd', {}, hostAddress));
}

export interface RrdUpdatesQuery {
  /** Seconds since the epoch, or negative: that many seconds before the host's last update. */
  readonly start: number;
  readonly interval?: number;
  readonly cf?: 'AVERAGE' | 'MIN' | 'MAX' | 'LAST';
  /** Include the host's own RRD. */
  readonly host?: boolean;
  readonly vmUuid?: string;
}

/** What changed since `start` on the host at `hostAddress` (the master when omitted): only its own VMs. */
export async function fetchRrdUpdates(client: XapiClient, query: RrdUpdatesQuery, hostAddress?: string): Promise<RrdUpdates> {
  const params: Record<string, string> = { start: String(query.start) };
  if (query.interval !== undefined) params.interval = String(query.interval);
  if (query.cf) params.cf = query.cf;
  if (query.host) params.host = 'true';
  if (query.vmUuid) params.vm_uuid = query.vmUuid;
  return parseRrdUpdates(await getRrdText(client, '/rrd_updates', params, hostAddress));
}

async function getRrdText(client: XapiClient, path: string, params: Record<string, string>, hostAddress?: string): Promise<string> {
  const base = client.masterUrl;
  if (!base || !client.sessionId) throw new Error(`${path} needs a connected client`);
  const url = new URL(base);
  if (hostAddress) url.hostname = hostAddress;
  url.pathname = path;
  const attempt = () => {
    url.search = new URLSearchParams({ ...params, session_id: client.sessionId! }).toString();
    return get(url, client.allowUnauthorized, path);
  };
  try {
    return await attempt();
  } catch (error) {
    // An expired session is a 401 here; any API call makes the client log in again, then one more try.
    if (!(error instanceof XapiTransportError) || error.code !== 'HTTP_401') throw error;
    await client.call('pool.get_all');
    return attempt();
  }
}

function get(url: URL, allowUnauthorized: boolean, what: string, redirects = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', rejectUnauthorized: !allowUnauthorized }, (res) => {
      if (res.statusCode === 302 && res.headers.location && redirects < MAX_REDIRECTS) {
        res.resume();
        get(new URL(res.headers.location, url), allowUnauthorized, what, redirects + 1).then(resolve, reject);
        return;
      }
      if (res.statusCode !== 200) {
        res.resume();
        reject(new XapiTransportError(`HTTP_${res.statusCode}`, url.origin, what));
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', (error) => reject(new XapiTransportError('RRD_READ_FAILED', url.origin, what, error)));
    });
    req.on('error', (error) => reject(new XapiTransportError('RRD_READ_FAILED', url.origin, what, error)));
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Parsing: the grammar is fixed and flat, so element text is picked out by name, tolerating whitespace.

/** rrdd's numbers: decimals, NaN, ±Infinity. */
function rrdValue(text: string): number {
  const trimmed = text.trim();
  if (trimmed === 'NaN' || trimmed === '') return Number.NaN;
  const value = Number(trimmed);
  return Number.isNaN(value) ? Number.NaN : value;
}

function textOf(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

function blocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]);
}

function required(xml: string, tag: string, what: string): string {
  const text = textOf(xml, tag);
  if (text === undefined) throw new RrdFormatError(`${what}: no <${tag}>`);
  return text;
}

/** A whole RRD as /vm_rrd and /host_rrd send it. */
export function parseRrd(xml: string): Rrd {
  const root = /<rrd>([\s\S]*)<\/rrd>/.exec(xml)?.[1];
  if (root === undefined) throw new RrdFormatError('not an RRD document: no <rrd> element');
  // The data sources come before the first archive; archives hold <ds> elements of their own (cdp_prep).
  const firstArchive = root.indexOf('<rra>');
  const header = firstArchive < 0 ? root : root.slice(0, firstArchive);
  const dataSources = blocks(header, 'ds').map((ds) => ({
    name: required(ds, 'name', 'data source').trim(),
    type: (textOf(ds, 'type') ?? '').trim(),
    lastReading: rrdValue(textOf(ds, 'last_ds') ?? 'NaN'),
  }));
  const archives = firstArchive < 0 ? [] : blocks(root.slice(firstArchive), 'rra').map((rra) => ({
    cf: (textOf(rra, 'cf') ?? '').trim(),
    pdpPerRow: Number(textOf(rra, 'pdp_per_row') ?? 1),
    rows: blocks(blocks(rra, 'database')[0] ?? '', 'row').map((row) => blocks(row, 'v').map(rrdValue)),
  }));
  return {
    step: Number(required(root, 'step', 'RRD')),
    lastUpdate: Number(required(root, 'lastupdate', 'RRD')),
    dataSources,
    archives,
  };
}

/** The deltas /rrd_updates sends (its XML form). */
export function parseRrdUpdates(xml: string): RrdUpdates {
  const meta = /<meta>([\s\S]*)<\/meta>/.exec(xml)?.[1];
  if (meta === undefined) throw new RrdFormatError('not an rrd_updates document: no <meta> element');
  const data = /<data>([\s\S]*)<\/data>/.exec(xml)?.[1] ?? '';
  return {
    start: Number(required(meta, 'start', 'meta')),
    step: Number(required(meta, 'step', 'meta')),
    end: Number(required(meta, 'end', 'meta')),
    legend: blocks(meta, 'entry').map((entry) => entry.trim()),
    rows: blocks(data, 'row').map((row) => ({ t: Number(required(row, 't', 'row')), values: blocks(row, 'v').map(rrdValue) })),
  };
}

/**
 * The newest value of each data source in an archive (the first: 5 s rows), keyed by name: Nova's
 * get_diagnostics took the last row as it was; a source unknown there (a domain up for under a step) keeps
 * its newest known value, and is NaN only when the archive never knew it.
 */
export function latestValues(rrd: Rrd, archive = 0): Map<string, number> {
  const rows = rrd.archives[archive]?.rows ?? [];
  return new Map(rrd.dataSources.map((ds, i) => {
    for (let r = rows.length - 1; r >= 0; r--) if (!Number.isNaN(rows[r][i] ?? Number.NaN)) return [ds.name, rows[r][i]];
    return [ds.name, Number.NaN];
  }));
}
