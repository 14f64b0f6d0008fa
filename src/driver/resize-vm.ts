// The VMs of a resize: stopping the source, building its successor on the destination (Nova's
// finish_migration: the spawn pipeline without image, first-boot data or agent), and putting the source back.
import { powerStateFromXapi } from '../events/pool-sync.js';
import type { ActionRun } from '../operations/action.js';
import { vmStateForPowerState, type Flavor, type Instance, type Store } from '../store/index.js';
import { isXapiError, type XapiClient } from '../xapi/index.js';
import { createDiskVbd, createVif, destroyVm, networkForBridge } from './devices.js';
import { dropScratchDisks } from './kernel-files.js';
import type { CarriedDisk } from './resize-disks.js';
import { networkInfoOf, recordLastDomid, waitUntilRunning } from './spawn/build-vm.js';
import type { UndoStack } from './undo.js';
import { VOLUME_VBD_KEY } from './volume-storage.js';
import { settle, vmTask, xapiPowerStateOf } from './vm-power.js';
import { vmCreateRecord, type BootSource, type KernelFiles } from './vm-record.js';

/** What of the source VM's record its successor inherits. */
export interface SourceVmRecord {
  readonly PV_bootloader: string;
  readonly PV_kernel: string;
  readonly PV_ramdisk: string;
  readonly HVM_boot_policy: string;
  readonly platform: Record<string, string>;
  readonly xenstore_data: Record<string, string>;
}

/** Nova's _ensure_shutdown: a clean shutdown, else a hard one; a halted VM is left as it is. */
export async function stopForMove(run: ActionRun, client: XapiClient, vm: string, phase: string): Promise<void> {
  if ((await xapiPowerStateOf(client, vm)) === 'Halted') return;
  try {
    await vmTask(run, client, 'clean_shutdown', [vm], phase, { withinStep: true });
  } catch (error) {
    if (!isXapiError(error)) throw error;
    await vmTask(run, client, 'hard_shutdown', [vm], phase, { withinStep: true });
  }
}

/** Nova's revert routine on the source: the VM takes its name back and, if it ran before, runs again. */
export async function restoreSource(client: XapiClient, vm: string, name: string, restartOn: string | null | undefined): Promise<void> {
  await client.call('VM.set_name_label', vm, name);
  if (restartOn === undefined || (await xapiPowerStateOf(client, vm)) !== 'Halted') return;
  if (restartOn) await client.call('VM.start_on', vm, restartOn, false, false);
  else await client.call('VM.start', vm, false, false);
}

export interface MovedVm {
  readonly instance: Instance;
  readonly vmName: string;
  readonly flavor: Flavor;
  /** The destination host's XAPI ref. */
  readonly host: string;
  readonly source: SourceVmRecord;
  readonly disks: readonly CarriedDisk[];
  /** Nova's power_on: only an instance that ran before the move runs after it. */
  readonly powerOn: boolean;
  /** The copies in the destination's dom0 of the kernel and ramdisk the source VM booted from. */
  readonly kernel?: KernelFiles;
  /** The PCI devices claimed on the destination for the new flavor (`other_config:pci`). */
  readonly pciAddresses: readonly string[];
}

/** Creates the instance's new VM on the destination, with the flavor's memory and VCPUs, and boots it. */
export async function buildMovedVm(run: ActionRun, client: XapiClient, spec: MovedVm, undo: UndoStack): Promise<string> {
  const { store } = run.services;
  const record = {
    ...vmCreateRecord(spec.vmName, spec.instance, spec.flavor, bootSourceOf(spec.source), spec.kernel, spec.pciAddresses),
    affinity: spec.host,
    // Not a first boot: the guest keeps its hostname (Nova wrote vm-data/hostname on spawn only).
    xenstore_data: Object.fromEntries(Object.entries(spec.source.xenstore_data ?? {}).filter(([key]) => key !== 'vm-data/hostname')),
  };
  const vm = await client.call<string>('VM.create', record);
  undo.push('new VM', () => destroyVm(client, vm));
  if (spec.kernel) await dropScratchDisks(client, spec.kernel);
  for (const disk of spec.disks) {
    const vbd = await createDiskVbd(client, vm, disk.vdi, disk.device, { bootable: disk.bootable, readOnly: disk.readOnly });
    if (disk.volume) await client.call('VBD.add_to_other_config', vbd, VOLUME_VBD_KEY, 'True');
  }
  for (const vif of await store.vifs.listForInstance(spec.instance.id)) {
    const { network } = await networkInfoOf(store, vif);
    await createVif(client, vm, await networkForBridge(client, network.bridge), vif.device, vif.mac);
  }
  if (spec.powerOn) {
    await vmTask(run, client, 'start_on', [vm, spec.host, true, false], 'starting on the destination', { withinStep: true });
    await client.call('VM.unpause', vm);
    await waitUntilRunning(client, vm);
    await recordLastDomid(client, vm);
  }
  return vm;
}

/** The new VM boots the way the old one did, whatever became of the instance's image since. */
function bootSourceOf(source: SourceVmRecord): BootSource {
  return {
    diskFormat: 'vhd',
    properties: {
      // A PV guest booted from dom0 has no bootloader either: only the HVM boot policy tells the modes apart.
      vm_mode: source.HVM_boot_policy ? 'hvm' : 'xen',
      ...(source.platform?.viridian === 'true' ? { os_type: 'windows' } : {}),
    },
  };
}

/** The store's host for where the VM runs now; null when it is halted. */
export async function residentHostId(client: XapiClient, store: Store, vm: string): Promise<string | null> {
  const ref = await client.call<string>('VM.get_resident_on', vm);
  if (ref === 'OpaqueRef:NULL') return null;
  const host = await store.hosts.getByUuid(await client.call<string>('host.get_uuid', ref));
  return host?.id ?? null;
}

export async function settleFromPowerState(run: ActionRun, client: XapiClient, vm: string): Promise<void> {
  await settle(run, client, vm, vmStateForPowerState(powerStateFromXapi(await xapiPowerStateOf(client, vm))));
}
