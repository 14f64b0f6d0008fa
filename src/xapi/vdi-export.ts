// Downloading disk content with XAPI's `GET /export_raw_vdi` into a file. As with imports, the outcome is in
// the task (the 200 goes out before the disk is read, and a read error only cuts the body short), so we
// create a task, stream the body to disk, follow a redirect to the host that sees the SR, and then wait on
// the task. The file's size and SHA-256 are taken on the way, so nobody has to read it again.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { XapiClient } from './client.js';
import { withTransferTask } from './transfer-task.js';
import { XapiTransportError } from './errors.js';

export interface VdiExport {
  readonly vdi: string;
  /** Where the content goes; the file is created or overwritten. */
  readonly filePath: string;
  /** `vhd`: a dynamic VHD holding only the allocated blocks; `raw`: the whole disk, byte for byte. */
  readonly format: 'raw' | 'vhd';
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

export interface ExportedContent {
  /** Bytes written to the file. */
  readonly sizeBytes: number;
  /** SHA-256 of the file, hex. */
  readonly sha256: string;
}

const MAX_REDIRECTS = 3;

export async function exportVdiContent(client: XapiClient, download: VdiExport): Promise<ExportedContent> {
  const base = client.masterUrl;
  const session = client.sessionId;
  if (!base || !session) throw new Error('export_raw_vdi needs a connected client');
  return withTransferTask(client, `Export disk content of ${download.vdi}`, { signal: download.signal, onProgress: download.onProgress }, (task) => {
    const query = new URLSearchParams({ session_id: session, task_id: task, vdi: download.vdi, format: download.format });
    return getIntoFile(new URL(`/export_raw_vdi?${query}`, base), download, client.allowUnauthorized);
  });
}

function getIntoFile(url: URL, download: VdiExport, allowUnauthorized: boolean, redirects = 0): Promise<ExportedContent> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', signal: download.signal, rejectUnauthorized: !allowUnauthorized }, (res) => {
      if (res.statusCode === 302 && res.headers.location && redirects < MAX_REDIRECTS) {
        res.resume();
        req.destroy();
        getIntoFile(new URL(res.headers.location, url), download, allowUnauthorized, redirects + 1).then(resolve, reject);
        return;
      }
      if (res.statusCode !== 200) {
        res.resume();
        reject(new XapiTransportError(`HTTP_${res.statusCode}`, url.origin, 'export_raw_vdi'));
        return;
      }
      saveBody(res, download.filePath).then(resolve, (error: unknown) => {
        reject(new XapiTransportError('EXPORT_FAILED', url.origin, 'export_raw_vdi', error));
      });
    });
    req.on('error', (error) => reject(new XapiTransportError('EXPORT_FAILED', url.origin, 'export_raw_vdi', error)));
    req.end();
  });
}

async function saveBody(body: IncomingMessage, filePath: string): Promise<ExportedContent> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  // XAPI sends no Content-Length and ends the body by closing; a reset before a clean end is an error.
  await pipeline(body, measure, createWriteStream(filePath));
  if (!body.complete) throw new Error('the export ended before its body was complete');
  return { sizeBytes, sha256: hash.digest('hex') };
}
