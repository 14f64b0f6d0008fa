// Disks and interfaces as the driver creates them: VDIs tagged with their role and instance, VBDs on Nova's
// device numbers (0 root, 1 an ISO's CD, 2 swap, 3 config drive, 4+ ephemeral), VIFs on the network with the
// instance's bridge.
import { InvalidInputError } from '../errors.js';
import type { Instance } from '../store/index.js';
import type { XapiClient } from '../xapi/index.js';

export const ROOT_DEVICE = '0';
export const RESCUE_ORIGINAL_ROOT_DEVICE = '1';
/** Where an ISO image's CD goes (a rescue VM's original root takes the same device). */
export const ISO_CD_DEVICE = '1';
export const SWAP_DEVICE = '2';
export const CONFIG_DRIVE_DEVICE = '3';
export const FIRST_EPHEMERAL_DEVICE = 4;

const GiB = 1024 ** 3;

export type DiskRole = 'root' | 'swap' | 'ephemeral' | 'configdrive' | 'iso' | 'kernel' | 'ramdisk';

/**
 * How Nova split a flavor's ephemeral space into disks on devices 4, 5, …: chunks of at most 2000 GiB, or of
 * 1024 GiB when the total is a multiple of 1024 (so no disk outgrows what older VHD tools handle).
 */
export function ephemeralDiskSizesGb(totalGb: number): number[] {
  const chunk = totalGb % 1024 === 0 ? 1024 : 2000;
  const sizes: number[] = [];
  for (let left = totalGb; left > 0; left -= chunk) sizes.push(Math.min(chunk, left));
  return sizes;
}

/** Nova's labels: "<name> ephemeral" for the first disk, "<name> ephemeral (N)" for the next ones. */
export function ephemeralLabel(vmName: string, index: number): string {
  return index === 0 ? `${vmName} ephemeral` : `${vmName} ephemeral (${index})`;
}

/** Labels a VDI as Nova did: the VM's name, its role, and other_config links back to the instance. */
export async function tagVdi(client: XapiClient, vdi: string, label: string, role: DiskRole, instance: Instance): Promise<void> {
  await client.call('VDI.set_name_label', vdi, label);
  await client.call('VDI.set_name_description', vdi, role);
  await client.call('VDI.add_to_other_config', vdi, 'nova_disk_type', role);
  await client.call('VDI.add_to_other_config', vdi, 'nova_instance_uuid', instance.uuid);
}

export async function createVdi(
  client: XapiClient, sr: string,
  spec: { label: string; role: DiskRole; sizeBytes: number; instance: Instance; readOnly?: boolean; otherConfig?: Record<string, string> },
): Promise<string> {
  return client.call<string>('VDI.create', {
    name_label: spec.label, name_description: spec.role, SR: sr, virtual_size: String(spec.sizeBytes),
    type: 'user', sharable: false, read_only: spec.readOnly ?? false, xenstore_data: {},
    other_config: { ...spec.otherConfig, nova_disk_type: spec.role, nova_instance_uuid: spec.instance.uuid }, sm_config: {}, tags: [],
  });
}

export async function createDiskVbd(
  client: XapiClient, vm: string, vdi: string, device: string, options: { bootable?: boolean; readOnly?: boolean } = {},
): Promise<string> {
  return client.call<string>('VBD.create', {
    VM: vm, VDI: vdi, userdevice: device, bootable: options.bootable ?? false, mode: options.readOnly ? 'RO' : 'RW',
    type: 'Disk', unpluggable: true, empty: false, other_config: {},
    qos_algorithm_type: '', qos_algorithm_params: {}, qos_supported_algorithms: [],
  });
}

/** An empty CD drive (Nova's: bootable, not unpluggable) with `vdi`, an ISO, inserted. */
export async function createCdVbd(client: XapiClient, vm: string, vdi: string, device: string): Promise<string> {
  const vbd = await client.call<string>('VBD.create', {
    VM: vm, VDI: 'OpaqueRef:NULL', userdevice: device, bootable: true, mode: 'RO', type: 'CD', unpluggable: false, empty: true,
    other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {}, qos_supported_algorithms: [],
  });
  try {
    await client.call('VBD.insert', vbd, vdi);
  } catch (error) {
    await client.call('VBD.destroy', vbd).catch(() => undefined);
    throw error;
  }
  return vbd;
}

/** Grows the root disk to the flavor's size; an image bigger than the flavor's disk is refused. */
export async function growRootDisk(client: XapiClient, vdi: string, rootGb: number): Promise<void> {
  if (rootGb <= 0) return;
  const wanted = rootGb * GiB;
  const size = Number(await client.call('VDI.get_virtual_size', vdi));
  if (size > wanted) {
    throw new InvalidInputError(`The image needs a ${Math.ceil(size / GiB)} GiB disk but the flavor gives ${rootGb} GiB`, { path: ['input', 'flavorId'] });
  }
  if (size < wanted) await client.call('VDI.resize', vdi, String(wanted));
}

/**
 * The XAPI network carrying `bridge`; exactly one must exist. Networks are an administrator's objects that the
 * event feed keeps in the cache, so one cached match is taken without asking (were it destroyed meanwhile,
 * `VIF.create` fails and the action rolls back); none or several, XAPI's own answer decides.
 */
export async function networkForBridge(client: XapiClient, bridge: string): Promise<string> {
  const cached = [...client.cache.all('network')].filter(([, network]) => network.bridge === bridge);
  if (cached.length === 1) return cached[0]![0];
  const found = await client.call<Record<string, unknown>>('network.get_all_records_where', `field "bridge"="${bridge}"`);
  const refs = Object.keys(found);
  if (refs.length !== 1) throw new InvalidInputError(`The pool has ${refs.length === 0 ? 'no' : 'more than one'} network on bridge ${bridge}`);
  return refs[0];
}

export async function createVif(client: XapiClient, vm: string, network: string, device: number, mac: string): Promise<string> {
  return client.call<string>('VIF.create', {
    device: String(device), network, VM: vm, MAC: mac, MTU: '1500', other_config: {},
    qos_algorithm_type: '', qos_algorithm_params: {},
  });
}

/** Forces the VM off unless it is already halted. */
export async function haltVm(client: XapiClient, vm: string): Promise<void> {
  if ((await client.call<string>('VM.get_power_state', vm)) !== 'Halted') await client.call('VM.hard_shutdown', vm);
}

/** Forces the VM off and destroys it; its VBDs and VIFs go with it, its disks stay. */
export async function destroyVm(client: XapiClient, vm: string): Promise<void> {
  await haltVm(client, vm);
  await client.call('VM.destroy', vm);
}

/** Destroys the VM and every disk attached to it that is not in `keep`. */
export async function destroyVmAndDisks(client: XapiClient, vm: string, keep: ReadonlySet<string> = new Set()): Promise<void> {
  await haltVm(client, vm);
  const vdis: string[] = [];
  for (const vbd of await client.call<string[]>('VM.get_VBDs', vm)) {
    const record = await client.call<{ VDI: string; type: string }>('VBD.get_record', vbd);
    if (record.VDI === 'OpaqueRef:NULL' || keep.has(record.VDI)) continue;
    // A CD holds a shared ISO, unless it is the copy of an ISO image made for this VM's instance.
    if (record.type !== 'CD' || await isInstanceIsoCopy(client, record.VDI)) vdis.push(record.VDI);
  }
  for (const vdi of vdis) await client.call('VDI.destroy', vdi).catch(() => undefined);
  await client.call('VM.destroy', vm);
}

/** Whether `vdi` is the private copy of an ISO image spawn made for an instance (tagged nova_disk_type iso). */
export async function isInstanceIsoCopy(client: XapiClient, vdi: string): Promise<boolean> {
  const otherConfig = await client.call<Record<string, string>>('VDI.get_other_config', vdi);
  return otherConfig.nova_disk_type === 'iso' && Boolean(otherConfig.nova_instance_uuid);
}
