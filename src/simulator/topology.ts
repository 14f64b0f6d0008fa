// What the simulated world contains: pools, hosts, storage, networks and templates, from a JSON file or
// the default (one pool of three hosts sharing NFS storage, plus one standalone host).
import { readFileSync } from 'node:fs';

export interface HostSpec {
  name: string;
  cpus?: number;
  memoryGiB?: number;
  /** How `host.power_on` reaches this host ('' = it cannot be powered on remotely). */
  powerOnMode?: string;
  /** The host's installation uuid; random when absent (an ejected host keeps its own). */
  uuid?: string;
  /** Devices bound to pciback, ready to be passed through to guests. */
  pciDevices?: PciDeviceSpec[];
}

export interface PciDeviceSpec {
  /** The device's address, `dddd:bb:ss.f`. */
  pciId: string;
  /** Hexadecimal PCI ids, as lspci prints them (`10de`, `1db6`). */
  vendorId: string;
  deviceId: string;
  className: string;
  vendorName: string;
  deviceName: string;
}

const GPU = { vendorId: '10de', deviceId: '1db6', className: '3D controller', vendorName: 'NVIDIA Corporation', deviceName: 'GV100GL [Tesla V100 PCIe 32GB]' };

export interface SrSpec {
  name: string;
  type?: string;
  sizeGiB?: number;
}

export interface NetworkSpec {
  name: string;
  bridge: string;
  /** The management network carries the hosts' addresses. */
  management?: boolean;
}

export interface TemplateSpec {
  name: string;
  memoryMiB: number;
  vcpus: number;
  diskGiB: number;
  /** HVM guests boot by firmware; PV guests through pygrub. */
  hvm?: boolean;
}

/** An iSCSI storage array's target, reachable from every pool; see classes/iscsi.ts. */
export interface IscsiTargetSpec {
  iqn: string;
  /** The portal's address and TCP port (3260 when absent). */
  address: string;
  port?: number;
  /** CHAP credentials an initiator must log in with; none = open target. */
  chap?: { user: string; secret: string };
  /** LUN numbers and sizes. */
  luns: { id: number; sizeGiB: number }[];
}

export interface PoolSpec {
  name: string;
  hosts: HostSpec[];
  sharedSrs?: SrSpec[];
  localSrGiB?: number;
  networks?: NetworkSpec[];
  templates?: TemplateSpec[];
  /** Absent: one default target for the pool (classes/iscsi.ts); [] for none. */
  iscsiTargets?: IscsiTargetSpec[];
  /** Running guest VMs (`<pool>-vm-<i>`, cloned from the first template) spread over the hosts: a loaded pool. */
  vms?: number;
}

export interface Topology {
  pools: PoolSpec[];
}

const NETWORKS: NetworkSpec[] = [
  { name: 'Pool-wide network associated with eth0', bridge: 'xenbr0', management: true },
  { name: 'Pool-wide network associated with eth1', bridge: 'xenbr1' },
];

const TEMPLATES: TemplateSpec[] = [
  { name: 'Debian Bookworm 12', memoryMiB: 1024, vcpus: 1, diskGiB: 10 },
  { name: 'Ubuntu Noble Numbat 24.04', memoryMiB: 2048, vcpus: 2, diskGiB: 20 },
  { name: 'Windows Server 2022 (64-bit)', memoryMiB: 4096, vcpus: 2, diskGiB: 32, hvm: true },
  { name: 'Other install media', memoryMiB: 512, vcpus: 1, diskGiB: 8, hvm: true },
];

export const DEFAULT_TOPOLOGY: Topology = {
  pools: [
    {
      name: 'pool-a',
      hosts: [
        {
          name: 'xen-a1', cpus: 32, memoryGiB: 256, powerOnMode: 'IPMI',
          pciDevices: [{ pciId: '0000:04:00.0', ...GPU }, { pciId: '0000:05:00.0', ...GPU }],
        },
        { name: 'xen-a2', cpus: 32, memoryGiB: 256, powerOnMode: 'IPMI' },
        { name: 'xen-a3', cpus: 16, memoryGiB: 128, powerOnMode: 'wake-on-lan' },
      ],
      sharedSrs: [{ name: 'NFS shared storage', type: 'nfs', sizeGiB: 4096 }],
      localSrGiB: 500,
      networks: NETWORKS,
      templates: TEMPLATES,
    },
    {
      name: 'standalone',
      hosts: [{ name: 'xen-b1', cpus: 16, memoryGiB: 128 }],
      localSrGiB: 1000,
      networks: NETWORKS,
      templates: TEMPLATES,
    },
  ],
};

export function loadTopology(path: string): Topology {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Topology;
  if (!Array.isArray(parsed.pools) || parsed.pools.some((p) => !Array.isArray(p.hosts) || p.hosts.length === 0)) {
    throw new Error(`${path}: a topology needs "pools", each with at least one host`);
  }
  const badVms = parsed.pools.find((p) => p.vms !== undefined && !(Number.isInteger(p.vms) && p.vms >= 0 && (p.templates?.length ?? 0) > 0));
  if (badVms) throw new Error(`${path}: pool ${badVms.name}: "vms" must be a non-negative integer, with at least one template to clone`);
  return parsed;
}
