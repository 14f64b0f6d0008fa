// A small XAPI JSON-RPC client for end-to-end tests: `call` rejects with an Error carrying the XAPI error
// `code` and `params`; `login` opens a session with session.login_with_password.
import { jsonRpc, type RawFailure } from './raw-xapi.js';

export type XapiError = RawFailure;

export interface RpcClient {
  call(method: string, ...params: unknown[]): Promise<any>;
  login(user: string, password: string): Promise<string>;
}

export function rpc(url: string): RpcClient {
  const call = jsonRpc(url);
  return {
    call,
    login: (user, password) => call('session.login_with_password', user, password, '2.21', 'xengraph-tests'),
  };
}
