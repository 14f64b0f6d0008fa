// Ejecting the CD of an instance booted from an ISO image, once its guest is installed: `VBD.eject` empties
// the drive (which stays, so the BIOS order 'dc' falls through to the disk at the next boot), and the ISO's
// copy spawn made for the instance is destroyed, since nothing else reads it. Nova had no such action: its
// ISO stayed in the drive until the instance was destroyed.
import { InvalidStateError } from '../../errors.js';
import type { DriverServices, InstanceAction } from '../../operations/action.js';
import type { Instance } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { isInstanceIsoCopy } from '../devices.js';
import { liveVmIn } from '../preconditions.js';
import { requireVm } from '../vm-lookup.js';
import { instanceClient } from '../xapi-access.js';

const allowedStates = liveVmIn('eject the CD of', ['ACTIVE', 'STOPPED', 'PAUSED']);

/** The VM's CD drive holding a disc, with that disc. */
async function loadedCd(client: XapiClient, vm: string): Promise<{ vbd: string; vdi: string } | null> {
  for (const vbd of await client.call<string[]>('VM.get_VBDs', vm)) {
    const record = await client.call<{ type: string; empty: boolean; VDI: string }>('VBD.get_record', vbd);
    if (record.type === 'CD' && !record.empty) return { vbd, vdi: record.VDI };
  }
  return null;
}

async function ejectCd(services: DriverServices, instance: Instance): Promise<Record<string, unknown>> {
  const client = instanceClient(services, instance);
  const cd = await loadedCd(client, await requireVm(client, instance));
  if (!cd) return { ejected: false, isoRemoved: false };
  const ownCopy = await isInstanceIsoCopy(client, cd.vdi);
  await client.call('VBD.eject', cd.vbd);
  if (ownCopy) {
    try {
      await client.call('VDI.destroy', cd.vdi);
    } catch (error) {
      // Back in the drive rather than left on the SR with nothing pointing at it.
      await client.call('VBD.insert', cd.vbd, cd.vdi).catch(() => undefined);
      throw error;
    }
  }
  return { ejected: true, isoRemoved: ownCopy };
}

export const ejectCdAction: InstanceAction<Record<string, never>> = {
  kind: 'instance.ejectCd',
  taskState: 'ejecting-cd',
  check(instance, _input, services) {
    allowedStates(instance);
    // From the event-fed cache, so a refusal costs no XAPI call; the run asks XAPI itself.
    const { cache } = instanceClient(services, instance);
    const vm = instance.vmUuid ? cache.getByUuid('VM', instance.vmUuid)?.record : undefined;
    const loaded = ((vm?.VBDs ?? []) as string[]).some((ref) => {
      const vbd = cache.get('VBD', ref);
      return vbd?.type === 'CD' && !vbd.empty;
    });
    if (vm && !loaded) throw new InvalidStateError(`Instance ${instance.name} has no disc in a CD drive`, instance.vmState);
  },
  run: (run) => ejectCd(run.services, run.instance),
  async reconcile(run) {
    // Ejecting what is still in the drive finishes the job; a copy already ejected is found by its tags.
    await ejectCd(run.services, run.instance);
    await removeEjectedCopies(instanceClient(run.services, run.instance), run.instance);
    return 'SUCCEEDED';
  },
};

async function removeEjectedCopies(client: XapiClient, instance: Instance): Promise<void> {
  const vdis = await client.call<Record<string, { VBDs: string[]; other_config: Record<string, string> }>>('VDI.get_all_records');
  for (const [ref, { VBDs, other_config: tags }] of Object.entries(vdis)) {
    if (tags.nova_instance_uuid === instance.uuid && tags.nova_disk_type === 'iso' && VBDs.length === 0) await client.call('VDI.destroy', ref);
  }
}
