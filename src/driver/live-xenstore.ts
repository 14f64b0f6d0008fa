// The running domain's live xenstore, reached through the dom0 `xenstore.py` plugin as Nova did: the
// parameter xenstore only reaches the guest at its next boot, so changes meant for a running guest are
// written to both. Paths are relative to /local/domain/<domid>/.
import { isXapiError, NULL_REF, type XapiClient } from '../xapi/index.js';

/** Where a running VM's live store is: its host and domain id; null when the VM has no domain. */
export interface LiveDomainRef {
  readonly host: string;
  readonly domid: string;
}

export async function liveDomainOf(client: XapiClient, vm: string): Promise<LiveDomainRef | null> {
  const domid = String(await client.call('VM.get_domid', vm));
  if (domid === '' || domid === '-1') return null;
  const host = await client.call<string>('VM.get_resident_on', vm);
  return host === NULL_REF ? null : { host, domid };
}

/**
 * Writes (a string value) or deletes (null) one live key. Best effort: a domain that just died, or a host
 * without Nova's plugin, leaves the parameter store as the only copy; returns whether the live write happened.
 */
export async function updateLiveXenstore(client: XapiClient, domain: LiveDomainRef, path: string, value: string | null): Promise<boolean> {
  const args = value === null ? { dom_id: domain.domid, path } : { dom_id: domain.domid, path, value };
  try {
    await client.call('host.call_plugin', domain.host, 'xenstore.py', value === null ? 'delete_record' : 'write_record', args);
    return true;
  } catch (error) {
    if (isXapiError(error)) return false;
    throw error;
  }
}
