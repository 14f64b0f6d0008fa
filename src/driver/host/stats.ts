// What a host offers as a compute node, read from its pool's event-fed object cache (never a XAPI call, never
// a dom0 plugin): Nova's get_available_resource, get_host_uptime and list_instances. Nova asked its
// `xenhost` plugin to parse `xe host-param-list` and dom0's `uptime`; the same facts are native XAPI fields.
import type { ObjectCache, XapiRecord } from '../../xapi/index.js';
import { hostPciDevices, type HostPciDevice } from '../pci-passthrough.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const NULL_REF = 'OpaqueRef:NULL';

export interface HostCpuInfo {
  readonly model: string;
  readonly vendor: string;
  readonly count: number;
  readonly sockets: number;
  readonly coresPerSocket: number;
  readonly threadsPerCore: number;
  readonly speedMhz: number | null;
  readonly features: readonly string[];
}

export interface SupportedInstance {
  readonly arch: string;
  readonly hypervisorType: string;
  readonly vmMode: string;
}

export interface HostStorage {
  readonly uuid: string;
  readonly name: string;
  readonly type: string;
  readonly shared: boolean;
  /** The pool's default SR, which Nova's disk figures come from. */
  readonly isDefault: boolean;
  readonly sizeBytes: number;
  readonly usedBytes: number;
  readonly allocatedBytes: number;
}

export interface HostResources {
  readonly vcpus: number;
  readonly vcpusUsed: number;
  readonly memoryMb: number;
  readonly memoryMbUsed: number;
  readonly memoryMbFree: number;
  readonly localGb: number;
  readonly localGbUsed: number;
  readonly diskAvailableLeastGb: number;
  readonly hypervisorType: string;
  readonly hypervisorVersion: number;
  readonly hypervisorHostname: string;
  readonly cpuInfo: HostCpuInfo;
  readonly supportedInstances: readonly SupportedInstance[];
  readonly storage: readonly HostStorage[];
  /** Devices that can be passed through to guests, and who holds each (Nova's get_pci_device_details). */
  readonly pciDevices: readonly HostPciDevice[];
}

const num = (value: unknown): number => (Number.isFinite(Number(value)) ? Number(value) : 0);
const smap = (value: unknown): Record<string, string> => (value ?? {}) as Record<string, string>;

/** Guests resident on the host, as Nova's list_instances saw them: no control domain, no template or snapshot. */
function residentGuests(cache: ObjectCache, hostRef: string): XapiRecord[] {
  const guests: XapiRecord[] = [];
  for (const vm of cache.all('VM').values()) {
    if (vm.resident_on === hostRef && !vm.is_control_domain && !vm.is_a_template && !vm.is_a_snapshot) guests.push(vm);
  }
  return guests;
}

/** Nova's list_instances: name labels of the VMs resident on the host (-rescue and -orig twins included). */
export function hypervisorInstanceNames(cache: ObjectCache, hostRef: string): string[] {
  return residentGuests(cache, hostRef).map((vm) => String(vm.name_label)).sort();
}

/** Seconds since the host booted (XAPI's other_config boot_time, epoch seconds), or null while it is down. */
export function hostUptime(cache: ObjectCache, hostRef: string, now = Date.now()): { seconds: number; bootedAt: Date } | null {
  const host = cache.get('host', hostRef);
  const metrics = host ? cache.get('host_metrics', String(host.metrics)) : undefined;
  const bootTime = Number(smap(host?.other_config).boot_time);
  if (!host || metrics?.live === false || !Number.isFinite(bootTime) || bootTime <= 0) return null;
  const bootedAt = new Date(bootTime * 1000);
  return { seconds: Math.max(0, Math.floor((now - bootedAt.getTime()) / 1000)), bootedAt };
}

/** The product version as Nova's integer, major·10⁶ + minor·10³ + micro (8.3.0 → 8003000). */
export function hypervisorVersionOf(softwareVersion: Record<string, string>): number {
  const [major = 0, minor = 0, micro = 0] = (softwareVersion.product_version || softwareVersion.platform_version || '0')
    .split('.').map((part) => Number.parseInt(part, 10) || 0);
  return major * 1_000_000 + minor * 1_000 + micro;
}

const ARCHES: Readonly<Record<string, string>> = {
  x86_32: 'i686', x86_32p: 'i686', i386: 'i686', i486: 'i686', i586: 'i686', i686: 'i686', amd64: 'x86_64', x86_64: 'x86_64',
};
const VM_MODES: Readonly<Record<string, string>> = { xen: 'xen', pv: 'xen', hvm: 'hvm', hv: 'hvm' };

/** Nova's reading of host capabilities (`xen-3.0-x86_64`, `hvm-3.0-x86_32p`); entries it cannot read are left out. */
export function supportedInstancesOf(capabilities: readonly string[]): SupportedInstance[] {
  const seen = new Map<string, SupportedInstance>();
  for (const capability of capabilities) {
    const [ostype, , arch] = capability.split('-');
    const vmMode = VM_MODES[ostype ?? ''];
    const canonicalArch = ARCHES[arch ?? ''];
    if (!vmMode || !canonicalArch) continue;
    seen.set(`${canonicalArch}/${vmMode}`, { arch: canonicalArch, hypervisorType: 'xen', vmMode });
  }
  return [...seen.values()];
}

function cpuInfoOf(cache: ObjectCache, hostRef: string, host: XapiRecord): HostCpuInfo {
  const info = smap(host.cpu_info);
  const count = num(info.cpu_count);
  const sockets = Math.max(1, num(info.socket_count) || 1);
  // Nova counted every logical CPU as a core with one thread; XAPI now reports threads per core, used when given.
  const threadsPerCore = Math.max(1, num(info.threads_per_core) || 1);
  const firstCpu = cache.find('host_cpu', (cpu) => cpu.host === hostRef);
  const speed = num(info.speed) || num(firstCpu?.record.speed);
  return {
    model: info.modelname ?? String(firstCpu?.record.modelname ?? ''),
    vendor: info.vendor ?? String(firstCpu?.record.vendor ?? ''),
    count,
    sockets,
    coresPerSocket: Math.max(1, Math.floor(count / sockets / threadsPerCore)),
    threadsPerCore,
    speedMhz: speed > 0 ? Math.round(speed) : null,
    features: (info.flags ?? String(firstCpu?.record.flags ?? '')).split(/\s+/).filter(Boolean),
  };
}

/** SRs with a plugged PBD on the host, ISO libraries left out. */
function storageOf(cache: ObjectCache, hostRef: string): HostStorage[] {
  const defaultSr = String([...cache.all('pool').values()][0]?.default_SR ?? NULL_REF);
  const storage: HostStorage[] = [];
  for (const pbd of cache.all('PBD').values()) {
    if (pbd.host !== hostRef || !pbd.currently_attached) continue;
    const ref = String(pbd.SR);
    const sr = cache.get('SR', ref);
    if (!sr || sr.content_type === 'iso') continue;
    storage.push({
      uuid: String(sr.uuid), name: String(sr.name_label), type: String(sr.type), shared: Boolean(sr.shared),
      isDefault: ref === defaultSr, sizeBytes: num(sr.physical_size), usedBytes: num(sr.physical_utilisation),
      allocatedBytes: num(sr.virtual_allocation),
    });
  }
  return storage.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

/**
 * Nova's get_available_resource for one host: CPUs and vCPUs given to resident guests, memory from
 * host_metrics, disk from the pool's default SR (as Nova took it), the hypervisor's identity and capabilities.
 * Null when the pool's cache does not know the host.
 */
export function hostResources(cache: ObjectCache, hostRef: string): HostResources | null {
  const host = cache.get('host', hostRef);
  if (!host) return null;
  const metrics = cache.get('host_metrics', String(host.metrics));
  const memoryMb = Math.floor(num(metrics?.memory_total) / MiB);
  const memoryMbFree = Math.floor(num(metrics?.memory_free) / MiB);
  const storage = storageOf(cache, hostRef);
  const disk = storage.find((sr) => sr.isDefault) ?? storage[0];
  const localGb = Math.floor((disk?.sizeBytes ?? 0) / GiB);
  const cpuInfo = cpuInfoOf(cache, hostRef, host);
  return {
    vcpus: cpuInfo.count,
    vcpusUsed: residentGuests(cache, hostRef).reduce((sum, vm) => sum + num(vm.VCPUs_max), 0),
    memoryMb,
    memoryMbUsed: memoryMb - memoryMbFree,
    memoryMbFree,
    localGb,
    localGbUsed: Math.floor((disk?.usedBytes ?? 0) / GiB),
    diskAvailableLeastGb: localGb - Math.floor((disk?.allocatedBytes ?? 0) / GiB),
    hypervisorType: 'XenServer',
    hypervisorVersion: hypervisorVersionOf(smap(host.software_version)),
    hypervisorHostname: String(host.hostname ?? host.name_label),
    cpuInfo,
    supportedInstances: supportedInstancesOf((host.capabilities ?? []) as string[]),
    storage,
    pciDevices: hostPciDevices(cache, hostRef),
  };
}
