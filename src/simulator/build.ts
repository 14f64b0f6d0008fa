// Populates a pool's database from its topology: pool, hosts with their control domains, CPUs, metrics,
// storage (local SR and local ISO library per host, shared SRs), networks with PIFs, and VM templates.
import { randomUUID } from 'node:crypto';
import { xapiNow } from './clock.js';
import type { Db, Rec } from './db.js';
import type { HostSpec, PoolSpec, TemplateSpec } from './topology.js';
import { SIZES } from './units.js';
import { refreshVmOperations } from './classes/vm-operations.js';
import { addGuestVms } from './guest-fleet.js';
import { createPciDevices } from './classes/pci.js';
import type { SimPool } from './world.js';

const { GiB, MiB } = SIZES;
const DOM0_MEMORY = 2 * GiB;
/** XAPI reserves memory on each host for Xen itself. */
const HOST_OVERHEAD = 512 * MiB;
/** Each host's local ISO library (other_config i18n-key=local-storage-iso). */
const LOCAL_ISO_SR_GIB = 50;

const SOFTWARE_VERSION = {
  product_version: '8.3.0', product_version_text: '8.3', product_version_text_short: '8.3',
  platform_name: 'XCP', platform_version: '3.4.0', product_brand: 'XCP-ng', build_number: 'release/yangtze/master/58',
  xapi: '24.19', xapi_build: '24.19.2', xen: '4.17.4-4', linux: '4.19.0+1', hostname: 'localhost',
  date: '2024-10-09', network_backend: 'openvswitch', db_schema: '5.775',
};

function macFor(seed: number): string {
  const bytes = [0x02, 0x16, 0x3e, (seed >> 16) & 0xff, (seed >> 8) & 0xff, seed & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function createHost(db: Db, spec: HostSpec, address: string): string {
  const cpus = spec.cpus ?? 16;
  const memory = (spec.memoryGiB ?? 128) * GiB;
  const metrics = db.create('host_metrics', {
    memory_total: memory, memory_free: memory - HOST_OVERHEAD - DOM0_MEMORY, live: true, last_updated: xapiNow(),
  });
  const cpuInfo = {
    cpu_count: String(cpus), socket_count: String(Math.max(1, cpus / 16)), threads_per_core: '2',
    vendor: 'GenuineIntel', speed: '2900.000', modelname: 'Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz',
    family: '6', model: '106', stepping: '6', flags: 'fpu de tsc msr pae mce cx8 apic sep mca cmov pat clflush acpi mmx fxsr sse sse2 ht syscall nx lm',
    features_pv: '1fc9cbf5-f6f83203-2991cbf5-00000123-00000007-21fc03fb-00000000-00000000-00001000-00000000',
    features_hvm: '1fcbfbff-f7fa3223-2d93fbff-00000523-0000000f-21ffcfff-18000000-00000000-00001000-00000000',
  };
  const hostRef = db.create('host', {
    uuid: spec.uuid, name_label: spec.name, hostname: spec.name, address, enabled: true,
    API_version_major: 2, API_version_minor: 21, API_version_vendor: 'XenSource',
    software_version: { ...SOFTWARE_VERSION, hostname: spec.name },
    cpu_info: cpuInfo, metrics, memory_overhead: HOST_OVERHEAD, sched_policy: 'credit',
    capabilities: ['xen-3.0-x86_64', 'hvm-3.0-x86_32', 'hvm-3.0-x86_64'],
    supported_bootloaders: ['pygrub', 'eliloader'], edition: 'xcp-ng', power_on_mode: spec.powerOnMode ?? '',
    other_config: { iscsi_iqn: `iqn.2024-01.org.xengraph:${spec.name}`, boot_time: String(Date.now() / 1000), agent_start_time: String(Date.now() / 1000) },
    iscsi_iqn: `iqn.2024-01.org.xengraph:${spec.name}`,
    bios_strings: { 'bios-vendor': 'Xen', 'system-manufacturer': 'Xen', 'system-product-name': 'HVM domU' },
    license_params: { sku_type: 'free' },
    allowed_operations: ['provision', 'evacuate', 'shutdown', 'reboot', 'vm_start', 'vm_resume', 'vm_migrate'],
  });
  createPciDevices(db, hostRef, spec.pciDevices ?? []);
  const cpuRefs = Array.from({ length: cpus }, (_, number) => db.create('host_cpu', {
    host: hostRef, number, vendor: cpuInfo.vendor, speed: 2900, modelname: cpuInfo.modelname,
    family: 6, model: 106, stepping: '6', flags: cpuInfo.flags, features: cpuInfo.features_hvm, utilisation: 0.02,
  }));
  const dom0Metrics = db.create('VM_metrics', {
    memory_actual: DOM0_MEMORY, VCPUs_number: Math.min(cpus, 8), start_time: xapiNow(), install_time: xapiNow(),
    last_updated: xapiNow(), current_domain_type: 'pv', state: ['running'],
  });
  const dom0 = db.create('VM', {
    name_label: `Control domain on host: ${spec.name}`, power_state: 'Running', is_control_domain: true,
    resident_on: hostRef, domid: 0, metrics: dom0Metrics, memory_static_max: DOM0_MEMORY,
    memory_dynamic_max: DOM0_MEMORY, memory_dynamic_min: DOM0_MEMORY, memory_static_min: DOM0_MEMORY,
    memory_target: DOM0_MEMORY, VCPUs_max: Math.min(cpus, 8), VCPUs_at_startup: Math.min(cpus, 8), domain_type: 'pv',
    user_version: 1,
  });
  db.create('console', {
    protocol: 'rfb', VM: dom0, location: `https://${address}/console?ref=PLACEHOLDER`,
  });
  db.update(hostRef, { control_domain: dom0, resident_VMs: [dom0], host_CPUs: cpuRefs });
  refreshConsoleRefs(db, dom0);
  return hostRef;
}

/** The control domain's console location names its own ref, known only after creation. */
function refreshConsoleRefs(db: Db, vm: string): void {
  const consoles = db.select('console', (c) => c.VM === vm).map(([ref]) => ref);
  for (const ref of consoles) {
    const location = (db.get('console', ref).location as string).replace('PLACEHOLDER', ref);
    db.update(ref, { location });
  }
  db.update(vm, { consoles });
}

function createSr(db: Db, name: string, type: string, size: number, shared: boolean, hosts: string[], otherConfig: Rec = {}): string {
  const content = type === 'iso' ? 'iso' : 'user';
  const sr = db.create('SR', {
    name_label: name, type, content_type: content, shared, physical_size: size, physical_utilisation: 0,
    virtual_allocation: 0, sm_config: type === 'nfs' ? { devserial: 'nfs' } : {}, other_config: otherConfig,
    allowed_operations: ['vdi_create', 'vdi_destroy', 'vdi_resize', 'vdi_clone', 'vdi_snapshot', 'scan', 'plug', 'unplug', 'update', 'vdi_introduce', 'pbd_create', 'pbd_destroy'],
  });
  const pbds = hosts.map((host) => db.create('PBD', {
    host, SR: sr, currently_attached: true,
    device_config: type === 'nfs' ? { server: '10.0.0.5', serverpath: `/export/${name.replace(/\W+/g, '-')}` } : { device: '/dev/sda3' },
  }));
  db.update(sr, { PBDs: pbds });
  for (const [i, host] of hosts.entries()) db.update(host, (h) => { h.PBDs = [...h.PBDs, pbds[i]]; });
  return sr;
}

function createNetworks(db: Db, spec: PoolSpec, hosts: string[], seed: number): void {
  for (const [n, net] of (spec.networks ?? []).entries()) {
    const network = db.create('network', {
      name_label: net.name, bridge: net.bridge, MTU: 1500, managed: true,
      other_config: { automatic: 'true' },
    });
    const pifs = hosts.map((host, h) => {
      const address = db.get('host', host).address as string;
      return db.create('PIF', {
        device: `eth${n}`, network, host, MAC: macFor(seed + h * 16 + n), MTU: 1500, VLAN: -1, physical: true,
        currently_attached: true, management: !!net.management, managed: true,
        ip_configuration_mode: net.management ? 'Static' : 'None',
        IP: net.management ? address : '', netmask: net.management ? '255.0.0.0' : '',
        gateway: net.management ? '127.0.0.1' : '', DNS: net.management ? '127.0.0.53' : '',
        primary_address_type: 'IPv4',
      });
    });
    db.update(network, { PIFs: pifs });
    for (const [h, host] of hosts.entries()) db.update(host, (r) => { r.PIFs = [...r.PIFs, pifs[h]]; });
  }
}

/** The disk layout XAPI keeps in a template's other_config and `VM.provision` reads. */
export function provisionSpec(diskBytes: number): string {
  return `<provision><disk device="0" size="${diskBytes}" sr="" bootable="true" type="system"/></provision>`;
}

function createTemplate(db: Db, spec: TemplateSpec): string {
  const memory = spec.memoryMiB * MiB;
  const hvm = spec.hvm ?? false;
  const metrics = db.create('VM_metrics', { install_time: xapiNow(), last_updated: xapiNow() });
  const vm = db.create('VM', {
    name_label: spec.name, name_description: 'Template', is_a_template: true, is_default_template: true,
    power_state: 'Halted', memory_static_max: memory, memory_dynamic_max: memory, memory_dynamic_min: memory,
    memory_static_min: Math.min(memory, 256 * MiB), memory_target: memory, VCPUs_max: spec.vcpus,
    VCPUs_at_startup: spec.vcpus, metrics, user_version: 1, domain_type: hvm ? 'hvm' : 'pv',
    HVM_boot_policy: hvm ? 'BIOS order' : '', HVM_boot_params: hvm ? { order: 'cdn' } : {},
    PV_bootloader: hvm ? '' : 'pygrub', platform: hvm ? { viridian: 'true', acpi: '1', apic: 'true', pae: 'true', nx: 'true' } : {},
    other_config: { default_template: 'true', disks: provisionSpec(spec.diskGiB * GiB), 'install-methods': 'cdrom,nfs,http,ftp' },
    actions_after_crash: 'restart', actions_after_reboot: 'restart', actions_after_shutdown: 'destroy',
    generation_id: '0:0',
  });
  return vm;
}

export function buildPool(pool: SimPool, spec: PoolSpec, addresses: string[], seed: number): void {
  const { db } = pool;
  const hosts = spec.hosts.map((host, i) => createHost(db, host, addresses[i]));
  const locals = hosts.map((host, i) => createSr(db, `Local storage on ${spec.hosts[i].name}`, 'ext', (spec.localSrGiB ?? 500) * GiB, false, [host]));
  const shared = (spec.sharedSrs ?? []).map((sr) => createSr(db, sr.name, sr.type ?? 'nfs', (sr.sizeGiB ?? 2048) * GiB, true, hosts));
  // The local ISO library Nova's driver copied ISO images into, found by its i18n key.
  for (const [i, host] of hosts.entries()) {
    createSr(db, `Local storage ISO on ${spec.hosts[i].name}`, 'iso', LOCAL_ISO_SR_GIB * GiB, false, [host], { 'i18n-key': 'local-storage-iso' });
  }
  const tools = createSr(db, 'XCP-ng Tools', 'iso', 0, true, hosts);
  db.update(tools, { is_tools_sr: true });
  for (const [i, host] of hosts.entries()) {
    db.update(host, { suspend_image_sr: locals[i], crash_dump_sr: locals[i], local_cache_sr: 'OpaqueRef:NULL' });
  }
  createNetworks(db, spec, hosts, seed);
  const defaultSr = shared[0] ?? locals[0];
  pool.poolRef = db.create('pool', {
    name_label: spec.name, master: hosts[0], default_SR: defaultSr, suspend_image_SR: defaultSr,
    crash_dump_SR: defaultSr, cpu_info: { cpu_count: '0', socket_count: '0', vendor: 'GenuineIntel' },
    restrictions: { restrict_pool_size: 'false', restrict_vswitch_controller: 'false' },
    migration_compression: false, coordinator_bias: true, telemetry_uuid: 'OpaqueRef:NULL',
    other_config: { memory_ratio_hvm: '0.25', memory_ratio_pv: '0.25' }, uuid: randomUUID(),
  });
  pool.masterRef = hosts[0];
  for (const template of spec.templates ?? []) createTemplate(db, template);
  if (spec.vms) addGuestVms(pool, spec.vms, `${spec.name}-vm`, { running: true });
  for (const [ref] of db.select('VM')) refreshVmOperations(db, ref);
}

