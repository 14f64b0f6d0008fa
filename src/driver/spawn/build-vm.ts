// Building and booting a VM from an image, as Nova's _spawn did for both spawn and rescue: the same named
// steps, each registering what it creates for rollback, with progress round(done / total × 100) after each
// one, so a spawn reports 10, 20 … 100 and a rescue, which adds the step mounting the original's disks,
// 9, 18 … 100. A rescue VM gets no swap or ephemeral disks of its own.
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { ActionRun } from '../../operations/action.js';
import type { Flavor, Host, Image, Instance, InstanceVif, Store } from '../../store/index.js';
import { importVdiContent, type XapiClient } from '../../xapi/index.js';
import {
  CONFIG_DRIVE_DEVICE, createCdVbd, createDiskVbd, createVdi, createVif, destroyVm, ephemeralDiskSizesGb, ephemeralLabel,
  FIRST_EPHEMERAL_DEVICE, growRootDisk, haltVm, ISO_CD_DEVICE, networkForBridge, ROOT_DEVICE, SWAP_DEVICE, tagVdi,
} from '../devices.js';
import { dropScratchDisks, placeKernelAndRamdisk } from '../kernel-files.js';
import { refreshInstanceFilters, requireApplied, unfilterInstance } from '../firewall/apply.js';
import { vmNameOf } from '../naming.js';
import { networkingKey, networkingRecord, type VifNetworkInfo } from '../network-info.js';
import type { UndoStack } from '../undo.js';
import { vmTask, xapiPowerStateOf } from '../vm-power.js';
import { vmCreateRecord, type BootSource, type KernelFiles } from '../vm-record.js';
import { hostRef } from '../xapi-access.js';
import { sanitizeXenstoreKey, writeParamXenstore, writeUserMetadata } from '../xenstore.js';
import { resolveBootImages, type BootImages } from './boot-images.js';
import { cloneForInstance, ensureBaseVdi } from './image-cache.js';
import { createIsoDisks } from './iso-boot.js';
import type { SpawnVolumes } from './spawn-volumes.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const RUNNING_WAIT_MS = 60_000;
/** Nova's config drive VDI: 64 MiB, whatever the ISO's size. */
const CONFIG_DRIVE_BYTES = 64 * MiB;
/** How a VM boots that has neither image nor image properties: Nova's rules then give HVM with BIOS order. */
const NO_IMAGE: BootSource = { diskFormat: 'raw', properties: {} };

export interface VmBuild {
  readonly client: XapiClient;
  readonly instance: Instance;
  readonly vmName: string;
  readonly flavor: Flavor;
  /** The root disk's image; null when a boot volume is the root disk and no image was named. */
  readonly image: Image | null;
  /** Where to start the VM; null lets XAPI place it. */
  readonly host: Host | null;
  /** Written to vm-data/hostname for the guest's first boot. */
  readonly hostname: string;
  readonly vifs: readonly VifNetworkInfo[];
  /** Volumes connected with the disks and attached before the VM starts; spawn only. */
  readonly volumes?: SpawnVolumes;
  /** An ISO image to attach read-only on device 3 (Nova's config drive); spawn only. */
  readonly configDrive?: Buffer;
  /** Rescue only: attaches the original VM's disks to the new one, before it starts (Nova's step 7b). */
  readonly mountOriginalDisks?: (vm: string) => Promise<void>;
  /** Where an ISO image's CD goes: a rescue VM puts it after the original's disks, whose root takes device 1. */
  readonly cdDevice?: string;
  /** PCI addresses passed through to the guest (`other_config:pci`); spawn only. */
  readonly pciAddresses?: readonly string[];
  /** Runs once the VM record exists. */
  readonly onCreated?: (vm: string) => Promise<void>;
  /** Runs once the VM has started paused, before the security groups (spawn links it to the instance there). */
  readonly onStarted?: (vm: string) => Promise<void>;
  /** Runs at the end of the last step, once the VM runs. */
  readonly onBooted?: (vm: string) => Promise<void>;
}

interface BuildStep {
  readonly phase: string;
  readonly work: () => Promise<void>;
}

/** Builds, starts and returns the VM; everything it creates is on `undo` until the caller settles. */
export async function buildVm(run: ActionRun, build: VmBuild, undo: UndoStack): Promise<string> {
  const { client, instance, vmName, flavor, image } = build;
  const rescue = build.mountOriginalDisks !== undefined;
  let boot: BootImages | null = null;
  let sr = '';
  let root = '';
  let iso = '';
  let kernel: KernelFiles | undefined;
  let vm = '';
  const steps: BuildStep[] = [
    {
      phase: 'determining disk image type',
      work: async () => {
        // A boot volume's image only lends its properties: its format does not matter.
        if (build.volumes?.bootsFromVolume) return;
        if (!image) throw new InvalidInputError('Nothing to boot: no image and no boot volume');
        boot = await resolveBootImages(run.services.store, image, { path: ['input', 'imageId'] });
      },
    },
    {
      phase: 'creating disks',
      work: async () => {
        sr = await defaultSr(client);
        await build.volumes?.connect(client, vmName, undo);
        if (build.volumes?.bootsFromVolume || !image) return;
        if (boot!.type === 'iso') {
          ({ root, iso } = await createIsoDisks(
            { client, host: startHost(client, build), sr, image, rootGb: flavor.rootGb, vmName, instance, dataDir: run.services.dataDir, signal: run.signal },
            (label, vdi) => undo.push(label, removeVdi(client, vdi)),
          ));
          return;
        }
        const base = await ensureBaseVdi(client, sr, image, run.services.dataDir);
        root = await cloneForInstance(client, base);
        undo.push('root disk', removeVdi(client, root));
        await tagVdi(client, root, vmName, 'root', instance);
      },
    },
    {
      phase: 'preparing kernel and ramdisk',
      // Only images naming a kernel and ramdisk need them in dom0; the others boot through pygrub or the BIOS.
      work: async () => {
        // No boot images at all when the instance boots from a volume.
        const images = boot as BootImages | null;
        if (!images?.kernel || !images.ramdisk) return;
        const placement = { client, host: startHost(client, build), sr, dataDir: run.services.dataDir, vmName, instance, signal: run.signal };
        kernel = await placeKernelAndRamdisk(placement, { kernel: images.kernel, ramdisk: images.ramdisk }, undo);
      },
    },
    {
      phase: 'creating the VM',
      work: async () => {
        // The VM belongs to the host it was placed on: XAPI starts it there again (Nova's instance.host).
        const affinity = build.host ? hostRef(client, build.host) : '';
        const record = vmCreateRecord(vmName, instance, flavor, image ?? NO_IMAGE, kernel, build.pciAddresses);
        vm = await client.call<string>('VM.create', { ...record, affinity });
        undo.push('VM', () => destroyVm(client, vm));
        if (kernel) await dropScratchDisks(client, kernel);
        await build.onCreated?.(vm);
      },
    },
    {
      phase: 'attaching disks',
      work: async () => {
        if (iso) {
          // The blank disk is the installer's target; the CD is what boots.
          await attachDisk(client, undo, vm, root, ROOT_DEVICE);
          const cd = await createCdVbd(client, vm, iso, build.cdDevice ?? ISO_CD_DEVICE);
          undo.push('CD', () => client.call('VBD.destroy', cd).then(() => undefined));
        } else if (root) {
          await growRootDisk(client, root, flavor.rootGb);
          await attachDisk(client, undo, vm, root, ROOT_DEVICE, { bootable: true });
        }
        await build.volumes?.attach(client, vm, undo);
        if (rescue) return;
        if (flavor.swapMb > 0) {
          const swap = await createVdi(client, sr, { label: `${vmName} swap`, role: 'swap', sizeBytes: flavor.swapMb * MiB, instance });
          undo.push('swap disk', removeVdi(client, swap));
          await attachDisk(client, undo, vm, swap, SWAP_DEVICE);
        }
        for (const [index, sizeGb] of ephemeralDiskSizesGb(flavor.ephemeralGb).entries()) {
          const ephemeral = await createVdi(client, sr, { label: ephemeralLabel(vmName, index), role: 'ephemeral', sizeBytes: sizeGb * GiB, instance });
          undo.push('ephemeral disk', removeVdi(client, ephemeral));
          await attachDisk(client, undo, vm, ephemeral, String(FIRST_EPHEMERAL_DEVICE + index));
        }
        if (build.configDrive) {
          const drive = await createVdi(client, sr, { label: 'config-2', role: 'configdrive', sizeBytes: CONFIG_DRIVE_BYTES, instance });
          undo.push('config drive', removeVdi(client, drive));
          await importVdiContent(client, { vdi: drive, data: build.configDrive, format: 'raw', signal: run.signal });
          await attachDisk(client, undo, vm, drive, CONFIG_DRIVE_DEVICE, { readOnly: true });
        }
      },
    },
    {
      phase: 'injecting instance data',
      work: async () => {
        await writeUserMetadata(client, vm, instance.metadata);
        await writeParamXenstore(client, vm, 'vm-data/auto-disk-config', 'False');
        await writeParamXenstore(client, vm, 'vm-data/hostname', build.hostname);
        for (const info of build.vifs) await writeParamXenstore(client, vm, networkingKey(info.vif.mac), JSON.stringify(networkingRecord(info)));
      },
    },
    {
      phase: 'setting up networking',
      work: async () => {
        for (const { vif, network } of build.vifs) await createVif(client, vm, await networkForBridge(client, network.bridge), vif.device, vif.mac);
      },
    },
    ...(build.mountOriginalDisks
      ? [{ phase: 'attaching the original disks', work: () => build.mountOriginalDisks!(vm) }]
      : []),
    {
      phase: 'starting paused',
      work: async () => {
        // Registered before the start, which may fail with the domain half made: the disks' VBDs can only go
        // once the VM is off again.
        undo.push('VM power', () => haltVm(client, vm));
        if (build.host) await vmTask(run, client, 'start_on', [vm, hostRef(client, build.host), true, false], 'starting paused', { withinStep: true });
        else await vmTask(run, client, 'start', [vm, true, false], 'starting paused', { withinStep: true });
        await build.onStarted?.(vm);
      },
    },
    {
      phase: 'applying security groups',
      work: async () => {
        // A rescue VM stands in for a filtered instance that stays filtered; only a new one is unfiltered again.
        if (!rescue) undo.push('security groups', async () => void await unfilterInstance(run.services, instance));
        requireApplied(await refreshInstanceFilters(run.services, instance));
      },
    },
    {
      phase: 'booting',
      work: async () => {
        await client.call('VM.unpause', vm);
        await waitUntilRunning(client, vm);
        await recordLastDomid(client, vm);
        await build.onBooted?.(vm);
      },
    },
  ];
  for (const [index, step] of steps.entries()) {
    await step.work();
    const percent = Math.round(((index + 1) / steps.length) * 100);
    await run.progress(percent, step.phase);
    await run.updateInstance({ progress: percent });
  }
  return vm;
}

/** Disks are undone after the VBDs holding them (XAPI refuses to destroy a VDI in use), so each VBD has its own undo. */
async function attachDisk(
  client: XapiClient, undo: UndoStack, vm: string, vdi: string, device: string, options?: { bootable?: boolean; readOnly?: boolean },
): Promise<void> {
  const vbd = await createDiskVbd(client, vm, vdi, device, options);
  undo.push(`disk on device ${device}`, () => client.call('VBD.destroy', vbd).then(() => undefined));
}

function removeVdi(client: XapiClient, vdi: string): () => Promise<void> {
  return () => client.call('VDI.destroy', vdi).then(() => undefined);
}

/** The host whose dom0 and local storage a VM's boot files go to: the one it will start on. */
function startHost(client: XapiClient, build: VmBuild): string {
  if (!build.host) throw new InvalidInputError('An ISO image or a kernel in dom0 needs the host the VM starts on');
  return hostRef(client, build.host);
}

/** What the guest is told about one of its interfaces, from the instance's allocation. */
export async function networkInfoOf(store: Store, vif: InstanceVif): Promise<VifNetworkInfo> {
  const network = await store.networks.get(vif.networkId);
  if (!network) throw new NotFoundError('Network', vif.networkId);
  const subnet = vif.subnetId ? (await store.vifs.subnetsOf(vif.networkId)).find((s) => s.id === vif.subnetId) ?? null : null;
  return { vif, network, subnet };
}

/**
 * The pool's default SR, where Nova put instance disks. The pool's ref never changes, so it comes from the client;
 * the setting itself is asked of XAPI, since an administrator who just changed it expects the next disk there
 * (the event feed may not have told us yet).
 */
export async function defaultSr(client: XapiClient): Promise<string> {
  const pool = client.poolRef ?? (await client.call<string[]>('pool.get_all'))[0];
  const sr = await client.call<string>('pool.get_default_SR', pool);
  if (sr === 'OpaqueRef:NULL') throw new InvalidInputError('The pool has no default SR to put instance disks on');
  return sr;
}

export function hostnameOf(instance: Instance): string {
  return sanitizeXenstoreKey(instance.name).replaceAll('_', '-').slice(0, 63) || vmNameOf(instance)!;
}

/** Nova waited for Running after unpausing and moved on silently when it took too long; so do we. */
export async function waitUntilRunning(client: XapiClient, vm: string): Promise<void> {
  const deadline = Date.now() + RUNNING_WAIT_MS;
  while (Date.now() < deadline && await xapiPowerStateOf(client, vm) !== 'Running') {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Console logs are per domain id; remember the one this boot got. */
export async function recordLastDomid(client: XapiClient, vm: string): Promise<void> {
  const domid = await client.call('VM.get_domid', vm);
  await client.call('VM.remove_from_other_config', vm, 'last_dom_id');
  await client.call('VM.add_to_other_config', vm, 'last_dom_id', String(domid));
}
