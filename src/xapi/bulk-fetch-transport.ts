// The default transport of an endpoint: XML-RPC (the `xmlrpc` package) for calls, and JSON-RPC where the pool
// offers it for the two kinds of call whose decoding costs most: the bulk `get_all_records` fetches (they hold
// the whole pool, 10,000 VMs are tens of MB of XML, and their decoded strings pinned whole answer chunks) and
// the `event.from` polls, whose decoding is on the path of every change to its subscribers (a SAX parse of one
// VM's snapshot takes milliseconds; JSON.parse a fraction of that). Whether the endpoint speaks JSON-RPC is
// learned from the first such call, once per endpoint.
import { JsonRpcUnavailableError, createJsonRpcTransport } from './jsonrpc-transport.js';
import { createXmlRpcTransport, type XapiCallOptions, type XapiTransport, type XmlRpcTransportOptions } from './transport.js';
import { isTransportError } from './errors.js';

/** Calls that go over JSON-RPC where the endpoint speaks it. */
const DECODING_HEAVY = /(\.get_all_records(_where)?|^event\.from)$/

export function createXapiTransport(url: string, options: XmlRpcTransportOptions = {}): XapiTransport {
  const xml = createXmlRpcTransport(url, options);
  const json = createJsonRpcTransport(url, options);
  /** undefined until a first such call found out. */
  let speaksJson: boolean | undefined;
  let probe: Promise<unknown> | undefined;

  async function overJsonWherePossible(method: string, params: unknown[], callOptions?: XapiCallOptions): Promise<unknown> {
    // Concurrent calls at connect wait for the first one's answer rather than each probing.
    while (speaksJson === undefined && probe) await probe.catch(() => undefined);
    if (speaksJson === false) return xml.call(method, params, callOptions);
    if (speaksJson === true) return json.call(method, params, callOptions);
    const attempt = json.call(method, params, callOptions);
    probe = attempt;
    try {
      const result = await attempt;
      speaksJson = true;
      return result;
    } catch (error) {
      if (error instanceof JsonRpcUnavailableError) {
        speaksJson = false;
        return xml.call(method, params, callOptions);
      }
      // XAPI answered in JSON-RPC, if with an error; a broken connection tells nothing either way.
      if (!isTransportError(error)) speaksJson = true;
      throw error;
    } finally {
      if (probe === attempt) probe = undefined;
    }
  }

  return {
    url,
    call: (method, params, callOptions) => (DECODING_HEAVY.test(method) ? overJsonWherePossible(method, params, callOptions) : xml.call(method, params, callOptions)),
    close() {
      xml.close?.();
      json.close?.();
    },
  };
}
