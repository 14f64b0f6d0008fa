// Rescue and unrescue (Nova's rescue/unrescue): the instance's VM is forced off and its start blocked, and a
// `<name>-rescue` twin is built like a spawn from a rescue image, its own root on device 0 and the original's
// root on device 1 (swap 2, ephemerals on their own devices; rescue-disks.ts). A volume-backed instance is
// rescued only from an image named for it, its boot volume lent as the root. Unrescue removes the twin with its own disks,
// never the original's, unblocks the original and starts it.
import { bootsFromVolume } from '../volume-storage.js';
import { InvalidInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { powerStateFromXapi } from '../../events/pool-sync.js';
import type { ActionRun, DriverServices, InstanceAction } from '../../operations/action.js';
import { vmStateForPowerState, type Image, type Instance } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { agentTimeouts, GuestAgent } from '../agent/client.js';
import { imageHasAgent, setAdminPassword, waitForAgentVersion } from '../agent/commands.js';
import { AgentError } from '../agent/errors.js';
import { destroyVmAndDisks } from '../devices.js';
import { destroyWithKernelFiles, removeStrayKernelFiles } from '../kernel-files.js';
import { rescueNameOf } from '../naming.js';
import { requireLiveVm, requireVmState } from '../preconditions.js';
import { resolveBootImages } from '../spawn/boot-images.js';
import { buildVm, hostnameOf, networkInfoOf } from '../spawn/build-vm.js';
import { UndoStack } from '../undo.js';
import { instanceVm, requireVm, rescueVm, vmByName } from '../vm-lookup.js';
import { acquireBootlock, releaseBootlock, settle, vmTask, xapiPowerStateOf } from '../vm-power.js';
import { instanceClient } from '../xapi-access.js';
import { startOnHome } from '../home-host.js';
import { attachLentDisks, disksToLend } from './rescue-disks.js';

type NoInput = Record<string, never>;

export interface RescueInput {
  /** The image to boot the rescue VM from; the instance's own image when null. */
  readonly imageId: string | null;
  /** Set through the rescue image's guest agent, when it has one; never stored. */
  readonly password?: string | null;
}

const PASSWORD_GIVEN = '(given, not stored)';

const NULL_REF = 'OpaqueRef:NULL';

export const rescueAction: InstanceAction<RescueInput> = {
  kind: 'instance.rescue',
  taskState: 'rescuing',
  storedInput: (input) => (input.password ? { ...input, password: PASSWORD_GIVEN } : input),
  async check(instance, input, services) {
    requireLiveVm(instance, 'rescue');
    if (!instance.vmUuid) throw new InvalidStateError('Cannot rescue an instance that has no VM', instance.vmState);
    requireVmState(instance, 'rescue', ['ACTIVE', 'STOPPED', 'ERROR']);
    const rescueName = rescueNameOf(instance);
    if (rescueName === null) throw new InvalidStateError('Only instances xengraph built can be rescued', 'UNMANAGED');
    // The pool's event-fed cache answers without a XAPI call; run() asks XAPI again before acting.
    const cache = instance.poolId ? services.pools.get(instance.poolId)?.client.cache : undefined;
    if (cache?.find('VM', (vm) => vm.name_label === rescueName)) {
      throw new InvalidStateError(`Instance ${instance.name} is already in rescue mode (${rescueName} exists)`, 'RESCUED');
    }
    await rescueSources(services, instance, input);
  },
  async run(run, input) {
    const { services } = run;
    const instance = run.instance;
    const client = instanceClient(services, instance);
    const { flavor, image } = await rescueSources(services, instance, input);
    const rescueName = rescueNameOf(instance)!;
    const original = await requireVm(client, instance);
    if (await vmByName(client, rescueName)) throw new InvalidStateError(`Instance ${instance.name} is already in rescue mode`, 'RESCUED');
    // The original's host, read before it stops (a halted VM is resident nowhere): the rescue VM needs its disks.
    const host = instance.hostId ? await services.store.hosts.get(instance.hostId) : null;
    const powerBefore = await xapiPowerStateOf(client, original);
    const undo = new UndoStack();
    let rescue = '';
    try {
      // Undone last, and registered first so that a failure stopping or blocking the original is undone too:
      // the original is unblocked and, if it ran before, started again.
      undo.push('original VM', async () => {
        await releaseBootlock(client, original);
        if (powerBefore === 'Running' && await xapiPowerStateOf(client, original) === 'Halted') {
          await client.call('VM.start', original, false, false);
        }
      });
      if (powerBefore !== 'Halted') {
        await vmTask(run, client, 'hard_shutdown', [original], 'stopping the instance', { withinStep: true });
      }
      await acquireBootlock(client, original);
      const vifs = await Promise.all((await services.store.vifs.listForInstance(instance.id)).map((vif) => networkInfoOf(services.store, vif)));
      const lent = await disksToLend(client, original);
      rescue = await buildVm(run, {
        client, instance, vmName: rescueName, flavor, image, host, vifs,
        hostname: `RESCUE-${hostnameOf(instance)}`,
        mountOriginalDisks: (vm) => attachLentDisks(client, vm, lent),
        cdDevice: lent.firstFreeDevice,
      }, undo);
    } catch (error) {
      await undo.rollBack(services.log, `rescue of ${instance.id}`);
      throw error;
    }
    // Nova's get_info reads the original VM, so a rescued instance shows its (halted) power state.
    await settle(run, client, original, 'RESCUED');
    const passwordSet = input.password ? await setRescuePassword(services, client, rescue, image, input.password) : false;
    return { rescueVm: rescueName, imageId: image.id, passwordSet };
  },
  async onFailure(run) {
    const client = instanceClient(run.services, run.instance);
    const original = await instanceVm(client, run.instance);
    if (!original) {
      await run.updateInstance({ vmState: 'ERROR', powerState: 'NOSTATE', vmUuid: null });
      return;
    }
    // A rescue VM the rollback could not remove leaves the instance in need of attention.
    if (await rescueVm(client, run.instance)) await settle(run, client, original, 'ERROR');
    else await settleFromPowerState(run, client, original);
  },
  async reconcile(run) {
    const client = instanceClient(run.services, run.instance);
    // Files placed for a rescue VM that was never made; the rescue VM's own go with it below.
    await removeStrayKernelFiles(client, run.instance);
    const original = await instanceVm(client, run.instance);
    const rescue = await rescueVm(client, run.instance);
    if (original && rescue && (await xapiPowerStateOf(client, rescue)) === 'Running') {
      await settle(run, client, original, 'RESCUED');
      return 'SUCCEEDED';
    }
    if (rescue) await destroyRescueVm(client, rescue, original);
    await destroyLabelledDisks(client, rescueNameOf(run.instance)!, run.instance);
    if (original) {
      await releaseBootlock(client, original);
      await settleFromPowerState(run, client, original);
    } else {
      await run.updateInstance({ vmState: 'ERROR', powerState: 'NOSTATE', vmUuid: null });
    }
    return 'FAILED';
  },
};

export const unrescueAction: InstanceAction<NoInput> = {
  kind: 'instance.unrescue',
  taskState: 'unrescuing',
  check(instance) {
    requireLiveVm(instance, 'unrescue');
    if (instance.vmState !== 'RESCUED') {
      throw new InvalidStateError(`Instance ${instance.name} is not in rescue mode`, instance.vmState, ['RESCUED']);
    }
  },
  async run(run) {
    await finishUnrescue(run);
  },
  async onFailure(run) {
    const client = instanceClient(run.services, run.instance);
    const original = await instanceVm(client, run.instance);
    if (!original) await run.updateInstance({ vmState: 'ERROR', powerState: 'NOSTATE', vmUuid: null });
    else if (await rescueVm(client, run.instance)) await settle(run, client, original, 'RESCUED');
    else await settleFromPowerState(run, client, original);
  },
  async reconcile(run) {
    await finishUnrescue(run);
    return 'SUCCEEDED';
  },
};

/**
 * Removes the rescue VM, unblocks and starts the original. Safe to repeat: a rescue VM already gone (removed
 * by a crashed unrescue, or behind xengraph's back) does not strand the instance in RESCUED.
 */
async function finishUnrescue(run: ActionRun): Promise<void> {
  const client = instanceClient(run.services, run.instance);
  const original = await requireVm(client, run.instance);
  const rescue = await rescueVm(client, run.instance);
  if (rescue) {
    await run.progress(10, 'removing the rescue VM');
    await destroyRescueVm(client, rescue, original);
  }
  await run.progress(50, 'releasing the bootlock');
  await releaseBootlock(client, original);
  if ((await xapiPowerStateOf(client, original)) !== 'Running') {
    await startOnHome(run, client, original, { method: 'start', phase: 'starting the instance', withinStep: true });
  }
  await settle(run, client, original, 'ACTIVE');
}

/**
 * Forces the rescue VM off and destroys it with its own disks and the dom0 kernel files it booted from; the
 * original's disks, attached to it, stay.
 */
async function destroyRescueVm(client: XapiClient, rescue: string, original: string | null): Promise<void> {
  const keep = new Set<string>();
  if (original) {
    for (const vbd of await client.call<string[]>('VM.get_VBDs', original)) {
      const vdi = await client.call<string>('VBD.get_VDI', vbd);
      if (vdi !== NULL_REF) keep.add(vdi);
    }
  }
  await destroyWithKernelFiles(client, rescue, () => destroyVmAndDisks(client, rescue, keep));
}

/** The flavor the rescue VM is sized by and the image it boots; refused when either is unusable. */
async function rescueSources(services: DriverServices, instance: Instance, input: RescueInput) {
  const { store } = services;
  const path = ['input', 'imageId'];
  // A boot volume's image only lent the instance its properties: nothing says it could rescue the volume.
  if (!input.imageId && await bootsFromVolume(store, instance)) {
    throw new InvalidInputError(`Instance ${instance.name} boots from a volume: name the image to rescue it with`, { path });
  }
  const imageId = input.imageId ?? instance.imageId;
  if (!imageId) throw new NotFoundError('Image', '', { path });
  const [image, flavor] = await Promise.all([store.images.get(imageId), store.flavors.get(instance.flavorId ?? '')]);
  if (!image) throw new NotFoundError('Image', imageId, { path });
  await resolveBootImages(store, image, { path });
  if (!flavor) throw new InvalidStateError(`Instance ${instance.name} has no flavor to size a rescue VM by`, instance.vmState);
  return { image, flavor };
}

async function settleFromPowerState(run: ActionRun, client: XapiClient, vm: string): Promise<void> {
  await settle(run, client, vm, vmStateForPowerState(powerStateFromXapi(await xapiPowerStateOf(client, vm))));
}

/** Disks a crashed rescue created but never attached: labelled with the rescue VM's name, tagged with the instance. */
async function destroyLabelledDisks(client: XapiClient, label: string, instance: Instance): Promise<void> {
  const vdis = await client.call<Record<string, { other_config: Record<string, string> }>>(
    'VDI.get_all_records_where', `field "name__label"="${label}"`,
  );
  for (const [ref, vdi] of Object.entries(vdis)) {
    if (vdi.other_config?.nova_instance_uuid === instance.uuid) await client.call('VDI.destroy', ref).catch(() => undefined);
  }
}

/**
 * Nova gave the rescue password to the rescue image's agent. Without an agent, or when it does not answer,
 * the rescue still stands (the guest is up with its own credentials) and the result says so.
 */
async function setRescuePassword(services: DriverServices, client: XapiClient, vm: string, image: Image, password: string): Promise<boolean> {
  if (!imageHasAgent(image)) return false;
  const agent = new GuestAgent(client, vm, agentTimeouts(services));
  try {
    if ((await waitForAgentVersion(agent)) === null) return false;
    await setAdminPassword(agent, password);
    return true;
  } catch (error) {
    if (error instanceof AgentError) return false;
    throw error;
  }
}
