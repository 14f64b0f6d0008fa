// GET /export_raw_vdi: a VDI's content as a raw image or a dynamic VHD. The simulator has the bytes of
// small uploads only; everything else reads back as zeros, which a VHD export leaves out altogether.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDynamicVhd, SECTOR, VHD_EPOCH_MS } from '../../vhd/index.js';
import { visibleVdiContent } from '../classes/vdi-content.js';
import type { SimPool } from '../world.js';
import {
  authorise, clientTask, failClientTask, redirectionFor, requestParam, resolveVdi, sendHttpError, sendRedirect,
  sendTransferHeaders, sendUnauthorised, transferTask,
} from './http-access.js';

const CONTENT_TYPES: Record<string, string> = { raw: 'application/octet-stream', vhd: 'application/vhd' };
const PIECE = 1024 * 1024;
const ZEROS = Buffer.alloc(PIECE);

class ClientGone extends Error {}

/** Writes with backpressure; rejects when the client has gone. */
function write(res: ServerResponse, chunk: Buffer): Promise<void> {
  if (res.destroyed) return Promise.reject(new ClientGone());
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (gone: boolean) => () => {
      res.off('drain', drained);
      res.off('close', closed);
      if (gone) reject(new ClientGone());
      else resolve();
    };
    const drained = settle(false);
    const closed = settle(true);
    res.on('drain', drained);
    res.on('close', closed);
  });
}

/** vhd-tool's export: creator `caml` version 1, timestamp 0. */
function vhdImage(virtualSize: number, bytes: Buffer): Buffer {
  const size = Math.ceil(Math.max(virtualSize, SECTOR) / SECTOR) * SECTOR;
  return createDynamicVhd(size, bytes.subarray(0, size), { creatorApplication: 'caml', creatorVersion: 1, timestamp: new Date(VHD_EPOCH_MS) });
}

export async function serveExportRawVdi(pool: SimPool, hostRef: string, req: IncomingMessage, res: ServerResponse, url: URL) {
  const access = authorise(pool, hostRef, req, url);
  if (access.kind === 'unknown-scheme') return sendHttpError(req, res, 500, 'Internal Error');
  if (access.kind === 'unauthorised') return sendUnauthorised(req, res);
  try {
    await exportAuthorised(pool, hostRef, req, res, url);
  } finally {
    access.release();
  }
}

async function exportAuthorised(pool: SimPool, hostRef: string, req: IncomingMessage, res: ServerResponse, url: URL) {
  const given = clientTask(pool, req, url);
  const vdiParam = requestParam(req, url, 'vdi');
  const vdiRef = vdiParam ? resolveVdi(pool.db, vdiParam) : undefined;
  // A missing or unknown VDI is refused before the task is bound: the client's task stays pending.
  if (given === null || !vdiRef) return sendHttpError(req, res, 500, 'Internal Error');
  const vdi = pool.db.get('VDI', vdiRef);
  const elsewhere = redirectionFor(pool, hostRef, vdi.SR as string);
  if (elsewhere) return sendRedirect(req, res, elsewhere, url);
  const format = (requestParam(req, url, 'format') ?? 'raw').toLowerCase();
  if (!CONTENT_TYPES[format]) {
    failClientTask(pool, req, url, ['INTERNAL_ERROR', `Unknown format ${format}`]);
    return sendHttpError(req, res, 404, 'Not Found');
  }

  const task = transferTask(pool, hostRef, given, 'VDI export');
  sendTransferHeaders(res, task, {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${vdi.uuid as string}.${format}"`,
  });
  const bytes = visibleVdiContent(pool.db, vdiRef)?.bytes ?? Buffer.alloc(0);
  const size = vdi.virtual_size as number;
  try {
    if (format === 'vhd') {
      await write(res, vhdImage(size, bytes));
    } else {
      for (let sent = 0; sent < size; sent += PIECE) {
        const end = Math.min(size, sent + PIECE);
        const piece = sent < bytes.length ? Buffer.concat([bytes.subarray(sent, end), ZEROS]).subarray(0, end - sent) : ZEROS.subarray(0, end - sent);
        await write(res, piece);
        task.run.setProgress(Math.min(0.99, end / size));
      }
    }
    task.finish({ result: '' });
    res.end();
  } catch {
    task.finish({ error: ['VDI_IO_ERROR', 'Device I/O errors'] });
    res.destroy();
  }
}
