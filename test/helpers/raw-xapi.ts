// Minimal raw XAPI callers for tests that check the simulator's wire behaviour byte for byte.
import xmlrpc from 'xmlrpc';

export interface RawFailure extends Error {
  code: string;
  params: string[];
}

function failure(description: string[]): RawFailure {
  const error = new Error(description.join(' ')) as RawFailure;
  error.code = description[0];
  error.params = description.slice(1);
  return error;
}

/** JSON-RPC v2 caller: resolves with `result`, rejects with the XAPI error code and params. */
export function jsonRpc(baseUrl: string) {
  let id = 0;
  return async (method: string, ...params: unknown[]): Promise<any> => {
    const res = await fetch(`${baseUrl}/jsonrpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
    });
    const body = (await res.json()) as { result?: unknown; error?: { message: string; data?: string[] } };
    if (body.error) throw failure([body.error.message, ...(body.error.data ?? [])]);
    return body.result;
  };
}

/** Logs in over JSON-RPC and returns a caller that prepends the session. */
export async function jsonSession(baseUrl: string, password: string, user = 'root') {
  const call = jsonRpc(baseUrl);
  const session: string = await call('session.login_with_password', user, password, '1.0', 'test');
  return {
    session,
    raw: call,
    call: (method: string, ...params: unknown[]) => call(method, session, ...params),
  };
}

/** Posts an XML-RPC document as-is and returns status, content type and body text. */
export async function postXml(url: string, body: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Builds an XML-RPC call the way Python's xmlrpc.client does: <string> tags and newlines between elements. */
export function pythonStyleCall(method: string, params: (string | number | boolean)[]): string {
  const value = (p: string | number | boolean) => typeof p === 'boolean'
    ? `<value><boolean>${p ? 1 : 0}</boolean></value>`
    : typeof p === 'number' ? `<value><int>${p}</int></value>` : `<value><string>${escapeXml(p)}</string></value>`;
  const ps = params.map((p) => `<param>\n${value(p)}\n</param>\n`).join('');
  return `<?xml version='1.0'?>\n<methodCall>\n<methodName>${method}</methodName>\n<params>\n${ps}</params>\n</methodCall>\n`;
}

/**
 * An XML-RPC session as Python's XenAPI.py holds one: strings go as `<string>` (so ints sent as Python str
 * arrive as decimal strings, as Nova sends memory sizes), results are unwrapped from {Status, Value}.
 */
export async function xmlRpcSession(baseUrl: string, password: string, user = 'root') {
  const client = xmlrpc.createClient({ url: `${baseUrl}/` });
  const raw = (method: string, ...params: unknown[]) => new Promise<any>((resolve, reject) => {
    client.methodCall(method, params, (error, response) => {
      if (error) reject(error);
      else if (response.Status === 'Success') resolve(response.Value);
      else reject(failure(response.ErrorDescription));
    });
  });
  const session: string = await raw('session.login_with_password', user, password, '1.0', 'nova-like');
  return { session, raw, call: (method: string, ...params: unknown[]) => raw(method, session, ...params) };
}
