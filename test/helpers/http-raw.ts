// Plain HTTP requests for the simulator's side channels (imports, exports), with full control of headers
// and body framing (Content-Length, chunked) and no redirect following.
import { request } from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly statusMessage: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string | number>;
  /** A Buffer is sent with its Content-Length; an array of Buffers is sent chunked. */
  readonly body?: Buffer | Buffer[];
}

export function httpRequest(url: string, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const { body } = options;
    const headers: Record<string, string | number> = { ...options.headers };
    if (Buffer.isBuffer(body)) headers['content-length'] = body.length;
    const req = request(url, { method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks),
      }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk);
    else if (body) req.write(body);
    req.end();
  });
}

export const basicAuth = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
