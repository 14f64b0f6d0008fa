// PUT /import_raw_vdi: a disk image into a VDI, as XAPI's handler takes it. Refusals come before the 200
// (401, 400, 404, 500, 302); once the 200 header block is out, the outcome is only in the task, which a
// malformed, short or oversized image fails with VDI_IO_ERROR. Bodies must carry a Content-Length: XAPI
// does not take chunked transfer encoding (vhd-tool's own framing, `chunked` in the query, is fine).
import { createHash, type Hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseType } from '../../xapi/datamodel/index.js';
import { ForwardReader, readVhdStream } from '../../vhd/index.js';
import { setVdiContent, visibleVdiContent } from '../classes/vdi-content.js';
import { createVdi, recordVdiWrite } from '../classes/vdi.js';
import type { Db } from '../db.js';
import { toDescription } from '../errors.js';
import type { TaskRun } from '../tasks.js';
import { encodeXmlValue } from '../wire/xmlrpc.js';
import type { SimPool } from '../world.js';
import {
  authorise, clientTask, failClientTask, redirectionFor, requestParam, resolveVdi, sendHttpError, sendRedirect,
  sendTransferHeaders, sendUnauthorised, transferTask,
} from './http-access.js';
import { UploadRecorder } from './upload-recorder.js';

const FORMATS = new Set(['raw', 'vhd']);
/** Raw bodies are consumed in pieces of at most this size. */
const PIECE = 1024 * 1024;
/** What XAPI reports whatever made vhd-tool give up (the detail only reaches its log). */
const IO_ERROR = ['VDI_IO_ERROR', 'Device I/O errors'];
/** vhd-tool's framing: {u64 LE offset, u32 LE length} before each run of data; all zeros ends it. */
const FRAME_HEADER = 12;

async function* digesting(source: AsyncIterable<Buffer>, hash: Hash): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}

async function readRaw(reader: ForwardReader, recorder: UploadRecorder, length: number | undefined, run: TaskRun) {
  for (;;) {
    const at = reader.position;
    const piece = await reader.readSome(PIECE);
    if (piece.length === 0) return;
    recorder.write(at, piece);
    if (length) run.setProgress(Math.min(0.99, reader.position / length));
  }
}

async function readFramed(reader: ForwardReader, recorder: UploadRecorder) {
  for (;;) {
    const header = await reader.read(FRAME_HEADER);
    const offset = Number(header.readBigUInt64LE(0));
    const length = header.readUInt32LE(8);
    if (offset === 0 && length === 0) return;
    for (let done = 0; done < length;) {
      const piece = await reader.read(Math.min(PIECE, length - done));
      recorder.write(offset + done, piece);
      done += piece.length;
    }
  }
}

interface Upload {
  readonly format: string;
  readonly framed: boolean;
  readonly length: number | undefined;
}

/** Reads the body into the VDI; always consumes it entirely, so the client can read the (empty) answer. */
async function receive(db: Db, vdiRef: string, req: IncomingMessage, upload: Upload, run: TaskRun) {
  const hash = createHash('sha256');
  const reader = new ForwardReader(digesting(req, hash));
  try {
    const vdi = db.get('VDI', vdiRef);
    const previous = visibleVdiContent(db, vdiRef);
    const recorder = new UploadRecorder(vdi.virtual_size as number, previous ? (previous.bytes ?? null) : undefined);
    if (upload.format === 'vhd') {
      await readVhdStream(reader, upload.length ?? 0, {
        write: (offset, data) => recorder.write(offset, data),
        progress: (fraction) => run.setProgress(Math.min(0.99, fraction)),
      });
    } else if (upload.framed) {
      await readFramed(reader, recorder);
    } else {
      await readRaw(reader, recorder, upload.length, run);
    }
    await reader.drain();
    recordVdiWrite(db, vdiRef, recorder.dataBytes);
    setVdiContent(db, vdiRef, {
      uploadSha256: hash.digest('hex'), uploadFormat: upload.format === 'vhd' ? 'vhd' : 'raw', bytes: recorder.keptBytes(),
    });
    return { result: encodeXmlValue(vdiRef, parseType('VDI ref')) };
  } catch {
    await reader.drain().catch(() => {});
    return { error: IO_ERROR };
  }
}

export async function serveImportRawVdi(pool: SimPool, hostRef: string, req: IncomingMessage, res: ServerResponse, url: URL) {
  const access = authorise(pool, hostRef, req, url);
  if (access.kind === 'unknown-scheme') return sendHttpError(req, res, 500, 'Internal Error');
  if (access.kind === 'unauthorised') return sendUnauthorised(req, res);
  try {
    await importAuthorised(pool, hostRef, req, res, url);
  } finally {
    access.release();
  }
}

async function importAuthorised(pool: SimPool, hostRef: string, req: IncomingMessage, res: ServerResponse, url: URL) {
  const { db } = pool;
  const refuse = (status: number, reason: string, error: string[]) => {
    failClientTask(pool, req, url, error);
    sendHttpError(req, res, status, reason);
  };
  const given = clientTask(pool, req, url);
  if (given === null) return sendHttpError(req, res, 500, 'Internal Error');
  const vdiParam = requestParam(req, url, 'vdi');
  const srParam = requestParam(req, url, 'sr_id') ?? requestParam(req, url, 'sr_uuid');
  if (!vdiParam && !srParam) return refuse(400, 'Bad Request', ['VDI_MISSING']);

  // An unknown VDI is refused before the task is bound: the client's task stays pending.
  let vdiRef = vdiParam ? resolveVdi(db, vdiParam) : undefined;
  const srRef = vdiRef ? db.get('VDI', vdiRef).SR as string : srParam && (db.find('SR', srParam) ? srParam : db.refByUuid('SR', srParam));
  if ((vdiParam && !vdiRef) || !srRef) return sendHttpError(req, res, 500, 'Internal Error');
  const elsewhere = redirectionFor(pool, hostRef, srRef);
  if (elsewhere) return sendRedirect(req, res, elsewhere, url);

  const format = (requestParam(req, url, 'format') ?? 'raw').toLowerCase();
  // tar and qcow2 exist on newer hosts; the simulator answers as a host without them.
  if (!FORMATS.has(format)) return refuse(404, 'Not Found', ['INTERNAL_ERROR', `Unknown format ${format}`]);
  const framed = requestParam(req, url, 'chunked') !== undefined;
  if (framed && format !== 'raw') return refuse(404, 'Not Found', ['INTERNAL_ERROR', 'Cannot handle chunked VHD']);
  const encoding = req.headers['transfer-encoding'];
  if (encoding) return refuse(404, 'Not Found', ['INTERNAL_ERROR', `Cannot handle encoding: ${encoding}`]);
  const lengthHeader = req.headers['content-length'];
  const length = lengthHeader === undefined ? undefined : Number(lengthHeader);

  if (!vdiRef) {
    if (format === 'vhd') return refuse(400, 'Bad Request', ['INTERNAL_ERROR', 'Importing a VHD directly into an SR not yet supported']);
    if (length === undefined) return refuse(400, 'Bad Request', ['INTERNAL_ERROR', 'Not enough info supplied to import']);
    try {
      vdiRef = createVdi(db, {
        SR: srRef, name_label: 'Imported VDI', name_description: '', virtual_size: length, type: 'user', sharable: false,
        read_only: false, other_config: {},
      });
    } catch (error) {
      return refuse(500, 'Internal Error', toDescription(error));
    }
  }

  const task = transferTask(pool, hostRef, given, 'VDI import');
  sendTransferHeaders(res, task, { 'content-type': 'application/octet-stream' });
  task.finish(await receive(db, vdiRef, req, { format, framed, length }, task.run));
  res.end();
}
