// The VM.create record for an instance, with the fields and values Nova's driver sent: memory fixed at the
// flavor's size, VCPUs, shutdown/reboot/crash actions, platform flags, the nova_uuid link and a pygrub or
// dom0-kernel (PV) or BIOS (HVM, CD first) boot.
import type { Flavor, Image, Instance } from '../store/index.js';
import { pciOtherConfigValue } from '../xapi/pci-config.js';
import { AGENT_XENSTORE_KEY, imageHasAgent } from './agent/commands.js';

const MiB = 1024 * 1024;

export type VmMode = 'xen' | 'hvm';

/** What of an image decides how its VM boots. */
export type BootSource = Pick<Image, 'diskFormat' | 'properties'>;

/** Where dom0 placed the kernel and ramdisk a PV guest boots directly (Nova's PV-with-kernel mode). */
export interface KernelFiles {
  readonly kernel: string;
  readonly ramdisk: string;
}

/**
 * PV for Linux and VHD images, HVM for Windows or when the image asks for it (Nova's rules, simplified). An
 * ISO boots only through the emulated BIOS and a dom0 kernel only as PV, whatever the image says.
 */
export function vmModeFor(image: BootSource): VmMode {
  if (image.diskFormat === 'iso') return 'hvm';
  if (image.properties.kernel_id) return 'xen';
  const asked = image.properties.vm_mode ?? image.properties.hw_vm_mode;
  if (asked === 'xen' || asked === 'hvm') return asked;
  if (image.properties.os_type === 'windows') return 'hvm';
  return image.diskFormat === 'vhd' || image.properties.os_type === 'linux' ? 'xen' : 'hvm';
}

export function vmCreateRecord(
  name: string, instance: Instance, flavor: Flavor, image: BootSource, kernel?: KernelFiles, pciAddresses: readonly string[] = [],
): Record<string, unknown> {
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
    // Nova set other_config:pci after the create; in the record it costs no call and the claim shows at once.
    other_config: { nova_uuid: instance.uuid, ...(pciAddresses.length > 0 ? { pci: pciOtherConfigValue(pciAddresses) } : {}) },
    xenstore_data: { 'vm-data/allowvssprovider': 'false', ...(imageHasAgent(image) && { [AGENT_XENSTORE_KEY]: 'true' }) },
    blocked_operations: {},
    ha_always_run: false,
    ha_restart_priority: '',
    affinity: '',
    PCI_bus: '',
    recommendations: '',
    tags: [],
    user_version: '0',
    PV_args: kernel ? 'root=/dev/xvda1' : '',
    PV_kernel: kernel?.kernel ?? '',
    PV_ramdisk: kernel?.ramdisk ?? '',
    PV_legacy_args: '',
    PV_bootloader: mode === 'xen' && !kernel ? 'pygrub' : '',
    PV_bootloader_args: '',
    HVM_boot_policy: mode === 'hvm' ? 'BIOS order' : '',
    HVM_boot_params: mode === 'hvm' ? { order: 'dc' } : {},
  };
}
