// change_instance_metadata: the instance's metadata in the store and, when it has a VM, in the guest-readable
// vm-data/user-metadata/<sanitised key> (JSON-encoded values) of its parameter xenstore, and of its live one
// when the VM runs. Keys are removed first, then set.
import { InvalidInputError, InvalidStateError } from '../../errors.js';
import type { InstanceAction } from '../../operations/action.js';
import type { Instance } from '../../store/index.js';
import { liveDomainOf, updateLiveXenstore } from '../live-xenstore.js';
import { instanceVm } from '../vm-lookup.js';
import { instanceClient } from '../xapi-access.js';
import { deleteParamXenstore, requireGuestReadableMetadata, userMetadataPath, writeParamXenstore } from '../xenstore.js';

export interface MetadataInput {
  readonly set: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
}

export const MAX_METADATA_ENTRIES = 128;

export const updateMetadataAction: InstanceAction<MetadataInput> = {
  kind: 'instance.updateMetadata',
  taskState: 'updating-metadata',
  check(instance, input) {
    if (instance.deletedAt || instance.vmState === 'DELETED') throw new InvalidStateError('Cannot change a deleted instance\'s metadata', 'DELETED');
    const both = input.remove.filter((key) => Object.hasOwn(input.set, key));
    if (both.length > 0) throw new InvalidInputError(`Keys both set and removed: ${both.join(', ')}`, { path: ['input', 'remove'] });
    const merged = mergedMetadata(instance, input);
    if (Object.keys(merged).length > MAX_METADATA_ENTRIES) {
      throw new InvalidInputError(`An instance holds at most ${MAX_METADATA_ENTRIES} metadata entries`, { path: ['input', 'set'] });
    }
    requireGuestReadableMetadata(merged, Object.keys(input.set), ['input', 'set']);
  },
  async run(run, input) {
    const { instance } = run;
    const metadata = mergedMetadata(instance, input);
    const client = instance.poolId ? instanceClient(run.services, instance) : null;
    const vm = client ? await instanceVm(client, instance) : null;
    let liveUpdated = false;
    if (client && vm) {
      const domain = await liveDomainOf(client, vm);
      liveUpdated = domain !== null;
      for (const [path, value] of xenstoreChanges(metadata, input)) {
        if (value === null) await deleteParamXenstore(client, vm, path);
        else await writeParamXenstore(client, vm, path, value);
        if (domain) liveUpdated = (await updateLiveXenstore(client, domain, path, value)) && liveUpdated;
      }
    }
    await run.updateInstance({ metadata });
    return { metadata, xenstoreUpdated: vm !== null, liveXenstoreUpdated: liveUpdated };
  },
  async reconcile(run, input) {
    // The same change applied again gives the same result, wherever the interrupted run stopped.
    await updateMetadataAction.run(run, input);
    return 'SUCCEEDED';
  },
};

function mergedMetadata(instance: Instance, { set, remove }: MetadataInput): Record<string, string> {
  const next: Record<string, string> = { ...instance.metadata };
  for (const key of remove) delete next[key];
  return Object.assign(next, set);
}

/**
 * Each xenstore path the request touches, with its new JSON value or null to delete it. Sanitising can map
 * two keys ("a.b", "a_b") to one path: removing one of them must not delete the value the other still owns.
 */
function xenstoreChanges(metadata: Readonly<Record<string, string>>, { set, remove }: MetadataInput): Map<string, string | null> {
  const owner = new Map(Object.entries(metadata).map(([key, value]) => [userMetadataPath(key), value]));
  const changes = new Map<string, string | null>();
  for (const key of remove) changes.set(userMetadataPath(key), null);
  for (const key of Object.keys(set)) changes.set(userMetadataPath(key), null);
  for (const path of changes.keys()) {
    const value = owner.get(path);
    changes.set(path, value === undefined ? null : JSON.stringify(value));
  }
  return changes;
}
