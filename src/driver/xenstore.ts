// The VM's parameter xenstore (VM.xenstore_data), which XAPI copies into the live store at boot: where the
// guest finds its metadata, hostname and network configuration under vm-data/.
import { InvalidInputError } from '../errors.js';
import type { XapiClient } from '../xapi/index.js';
import { requireWellFormedText } from './input-text.js';

/** Keys may hold only [A-Za-z0-9_@-] in each path part; anything else becomes "_". */
export function sanitizeXenstoreKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_@-]/g, '_');
}

/** Overwrites one key (XAPI has no set for a map entry: remove, then add). */
export async function writeParamXenstore(client: XapiClient, vm: string, path: string, value: string): Promise<void> {
  await client.call('VM.remove_from_xenstore_data', vm, path);
  await client.call('VM.add_to_xenstore_data', vm, path, value);
}

export async function deleteParamXenstore(client: XapiClient, vm: string, path: string): Promise<void> {
  await client.call('VM.remove_from_xenstore_data', vm, path);
}

export function userMetadataPath(key: string): string {
  return `vm-data/user-metadata/${sanitizeXenstoreKey(key)}`;
}

/**
 * Refuses metadata the guest could not read back as given: `keys` (those being set) must be well-formed text
 * and must not share a sanitised xenstore path with another key of `metadata` ("a/b", "a.b" and "a_b" would
 * be one entry in the guest while the store kept three).
 */
export function requireGuestReadableMetadata(metadata: Readonly<Record<string, string>>, keys: readonly string[], path: readonly string[]): void {
  for (const key of keys) {
    requireWellFormedText(key, `Metadata key ${JSON.stringify(key)}`, path);
    requireWellFormedText(metadata[key] ?? '', `The value of metadata key ${key}`, path);
    const clash = Object.keys(metadata).find((other) => other !== key && sanitizeXenstoreKey(other) === sanitizeXenstoreKey(key));
    if (clash !== undefined) {
      throw new InvalidInputError(
        `Metadata keys ${key} and ${clash} would be the same guest entry (${userMetadataPath(key)}); use one of them`, { path },
      );
    }
  }
}

/** Metadata values are stored JSON-encoded, as guests reading vm-data/user-metadata expect. */
export async function writeUserMetadata(client: XapiClient, vm: string, metadata: Readonly<Record<string, string>>): Promise<void> {
  for (const [key, value] of Object.entries(metadata)) {
    await writeParamXenstore(client, vm, userMetadataPath(key), JSON.stringify(value));
  }
}
