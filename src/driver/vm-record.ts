// The VM.create record for an instance, with the fields and values Nova's driver sent: memory fixed at the
// flavor's size, VCPUs, shutdown/reboot/crash actions, platform flags, the nova_uuid link and a pygrub (PV)
// or BIOS (HVM) boot.
import type { Flavor, Image, Instance } from '../store/index.js';
import { AGENT_XENSTORE_KEY, imageHasAgent } from './agent/commands.js';

const MiB = 1024 * 1024;

export type VmMode = 'xen' | 'hvm';

/** PV for Linux and VHD images, HVM for Windows or when the image asks for it (Nova's rules, simplified). */
/** What of an image decides how its VM boots. */
export type BootSource = Pick<Image, 'diskFormat' | 'properties'>;

export function vmModeFor(image: BootSource): VmMode {
  const asked = image.properties.vm_mode ?? image.properties.hw_vm_mode;
  if (asked === 'xen' || asked === 'hvm') return asked;
  if (image.properties.os_type === 'windows') return 'hvm';
  return image.diskFormat === 'vhd' || image.properties.os_type === 'linux' ? 'xen' : 'hvm';
}

export function vmCreateRecord(name: string, instance: Instance, flavor: Flavor, image: BootSource): Record<string, unknown> {
  const memory = String(flavor.memoryMb * MiB);
  const mode = vmModeFor(image);
  const windows = image.properties.os_type === 'windows';
  return {
    name_label: name,
    name_description: '',
    is_a_template: false,
    memory_static_min: '0',
    memory_static_max: memory,
    memory_dynamic_min: memory,
    memory_dynamic_max: memory,
    memory_target: memory,
    VCPUs_max: String(flavor.vcpus),
    VCPUs_at_startup: String(flavor.vcpus),
    VCPUs_params: {},
    actions_after_shutdown: 'destroy',
    actions_after_reboot: 'restart',
    actions_after_crash: 'destroy',
    platform: {
      acpi: 'true', apic: 'true', pae: 'true', viridian: windows ? 'true' : 'false', timeoffset: '0',
      nx: mode === 'hvm' ? 'true' : 'false',
    },
    other_config: { nova_uuid: instance.uuid },
    xenstore_data: { 'vm-data/allowvssprovider': 'false', ...(imageHasAgent(image) && { [AGENT_XENSTORE_KEY]: 'true' }) },
    blocked_operations: {},
    ha_always_run: false,
    ha_restart_priority: '',
    affinity: '',
    PCI_bus: '',
    recommendations: '',
    tags: [],
    user_version: '0',
    PV_args: '',
    PV_kernel: '',
    PV_ramdisk: '',
    PV_legacy_args: '',
    PV_bootloader: mode === 'xen' ? 'pygrub' : '',
    PV_bootloader_args: '',
    HVM_boot_policy: mode === 'hvm' ? 'BIOS order' : '',
    HVM_boot_params: mode === 'hvm' ? { order: 'dc' } : {},
  };
}
