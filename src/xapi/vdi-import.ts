// Uploading disk content with XAPI's `PUT /import_raw_vdi`. XAPI reports the outcome only through the task
// (the HTTP status is sent before the body is read), so we create a task, stream the file with a
// Content-Length (XAPI refuses chunked uploads), follow a redirect to the host that sees the SR, and then
// wait on the task.
import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { XapiClient } from './client.js';
import { withTransferTask } from './transfer-task.js';
import { XapiTransportError } from './errors.js';

export interface VdiImport {
  readonly vdi: string;
  /** The content: a file to stream, or bytes already in memory. */
  readonly filePath?: string;
  readonly data?: Buffer;
  readonly format: 'raw' | 'vhd';
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

const MAX_REDIRECTS = 3;

export async function importVdiContent(client: XapiClient, upload: VdiImport): Promise<void> {
  const base = client.masterUrl;
  const session = client.sessionId;
  if (!base || !session) throw new Error('import_raw_vdi needs a connected client');
  const body = upload.data ?? upload.filePath;
  if (body === undefined) throw new Error('import_raw_vdi needs a file or bytes to send');
  await withTransferTask(client, `Import disk content to ${upload.vdi}`, { signal: upload.signal, onProgress: upload.onProgress }, (task) => {
    const query = new URLSearchParams({ session_id: session, task_id: task, vdi: upload.vdi, format: upload.format });
    return putBody(new URL(`/import_raw_vdi?${query}`, base), body, { signal: upload.signal, allowUnauthorized: client.allowUnauthorized });
  });
}

interface PutOptions {
  readonly signal?: AbortSignal;
  readonly allowUnauthorized: boolean;
}

function putBody(url: URL, body: string | Buffer, options: PutOptions, redirects = 0): Promise<void> {
  const size = typeof body === 'string' ? statSync(body).size : body.length;
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'PUT', signal: options.signal,
      headers: { 'content-length': String(size), 'content-type': 'application/octet-stream' },
      rejectUnauthorized: !options.allowUnauthorized,
    }, (res) => {
      res.resume();
      if (res.statusCode === 302 && res.headers.location && redirects < MAX_REDIRECTS) {
        req.destroy();
        putBody(new URL(res.headers.location, url), body, options, redirects + 1).then(resolve, reject);
        return;
      }
      res.on('end', () => (res.statusCode === 200
        ? resolve()
        : reject(new XapiTransportError(`HTTP_${res.statusCode}`, url.origin, 'import_raw_vdi'))));
    });
    req.on('error', (error) => reject(new XapiTransportError('IMPORT_FAILED', url.origin, 'import_raw_vdi', error)));
    if (typeof body === 'string') createReadStream(body).pipe(req);
    else req.end(body);
  });
}
