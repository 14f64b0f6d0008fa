// Looking into instances and what they cost: Instance.consoleOutput and Instance.vncConsole (Nova's
// get_console_output, get_vnc_console), Instance.diagnostics (get_diagnostics / get_instance_diagnostics),
// Instance.bandwidth and Host.bandwidth (get_all_bw_counters, as accounted by the periodic poll),
// Host.instanceUsage (get_per_instance_usage) and Flavor.overheadMemoryMb (estimate_instance_overhead).
import { z } from 'zod';
import { periodStartOf } from '../driver/bandwidth.js';
import { ConsoleNotAvailableError, consoleOutput, vncConsole, type ConsoleOutput, type VncConsole } from '../driver/console.js';
import { instanceDiagnostics, type InstanceDiagnostics } from '../driver/diagnostics.js';
import { estimateOverheadMemoryMb, perInstanceUsage, type InstanceUsage } from '../driver/usage.js';
import type { BandwidthUsage } from '../store/types.js';
import { builder } from './builder.js';
import { userErrorType } from './errors.js';
import { FlavorRef, HostRef, InstanceRef } from './refs.js';
import { DESCRIBE } from './shared-descriptions.js';

const CONSOLE_VM_NAME = 'The name_label of the VM it belongs to.';
const CONSOLE_RESULT = 'The console, or ConsoleNotAvailableError when there is none to show.';

userErrorType(ConsoleNotAvailableError, 'ConsoleNotAvailableError', {
  description: 'The instance has no console to show: no VM, one that has not booted, or no log on its host.',
});

// ---------------------------------------------------------------------------------------------------------
// Consoles

const ConsoleOutputType = builder.objectRef<ConsoleOutput>('ConsoleOutput').implement({
  description: 'The guest\'s console log as dom0 keeps it (its last 100 KiB at most).',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The log text, oldest line first.' }),
    domId: t.exposeInt('domId', { description: 'The domain whose log it is: the VM\'s last boot through xengraph.' }),
    vmName: t.exposeString('vmName', { description: CONSOLE_VM_NAME }),
    rescue: t.exposeBoolean('rescue', { description: 'Whether it is the rescue VM\'s log.' }),
  }),
});

builder.objectField(InstanceRef, 'consoleOutput', (t) => t.field({
  type: ConsoleOutputType,
  description: 'The console log of the rescue VM when there is one, else of the instance\'s VM.',
  authScopes: { operator: true },
  args: {
    tailLines: t.arg.int({ required: false, validate: z.number().int().min(0).max(100_000), description: 'Only the last lines.' }),
  },
  errors: { types: [ConsoleNotAvailableError], directResult: true, union: { name: 'InstanceConsoleOutputResult', description: CONSOLE_RESULT } },
  resolve: (instance, args, ctx) => consoleOutput(ctx.services, instance, args.tailLines ?? null),
}));

const VncConsoleType = builder.objectRef<VncConsole>('VncConsole').implement({
  description: 'Where the VM\'s graphical (RFB) console is served. Connecting takes XAPI credentials of your own (a session_id '
    + 'cookie or query parameter), with CONNECT or a WebSocket upgrade on the path.',
  fields: (t) => ({
    url: t.exposeString('url', { description: 'The console record\'s location.' }),
    host: t.exposeString('host', { description: 'The address of the host serving it.' }),
    port: t.exposeInt('port', { description: 'The TCP port to connect to.' }),
    path: t.exposeString('path', { description: 'The path (with its query) to CONNECT to or upgrade on.' }),
    consoleUuid: t.exposeString('consoleUuid', { description: 'The XAPI console record\'s uuid.' }),
    vmName: t.exposeString('vmName', { description: CONSOLE_VM_NAME }),
    rescue: t.exposeBoolean('rescue', { description: 'Whether it is the rescue VM\'s console.' }),
  }),
});

builder.objectField(InstanceRef, 'vncConsole', (t) => t.field({
  type: VncConsoleType,
  description: 'The graphical console of the instance\'s running VM (of the rescue VM while RESCUED).',
  authScopes: { operator: true },
  errors: { types: [ConsoleNotAvailableError], directResult: true, union: { name: 'InstanceVncConsoleResult', description: CONSOLE_RESULT } },
  resolve: (instance, _args, ctx) => vncConsole(ctx.services, instance),
}));

// ---------------------------------------------------------------------------------------------------------
// Diagnostics

const CpuDiagnosticsType = builder.simpleObject('CpuDiagnostics', {
  description: 'One vCPU of the VM.',
  fields: (t) => ({
    id: t.int({ description: 'The vCPU number, from 0.' }),
    utilisation: t.float({ nullable: true, description: 'Fraction of the vCPU used over the newest interval (0–1).' }),
    timeSeconds: t.float({ nullable: true, description: 'CPU seconds used since the domain started.' }),
  }),
});

const NicDiagnosticsType = builder.simpleObject('NicDiagnostics', {
  description: 'One virtual interface (VIF) of the VM.',
  fields: (t) => ({
    device: t.string({ description: 'The VIF device number.' }),
    macAddress: t.string({ description: DESCRIBE.macAddress }),
    rxRate: t.float({ nullable: true, description: 'Bytes per second received by the guest over the newest interval.' }),
    txRate: t.float({ nullable: true, description: 'Bytes per second sent by the guest.' }),
    rxOctets: t.float({ nullable: true, description: 'Bytes received since the domain started.' }),
    txOctets: t.float({ nullable: true, description: 'Bytes sent since the domain started.' }),
  }),
});

const DiskDiagnosticsType = builder.simpleObject('DiskDiagnostics', {
  description: 'One virtual disk (VBD) of the VM.',
  fields: (t) => ({
    device: t.string({ description: 'The name the guest sees (xvda…).' }),
    userdevice: t.string({ description: 'The VBD userdevice slot (0 for the root disk).' }),
    readRate: t.float({ nullable: true, description: 'Bytes per second read over the newest interval.' }),
    writeRate: t.float({ nullable: true, description: 'Bytes per second written over the newest interval.' }),
    readBytes: t.float({ nullable: true, description: 'Bytes read since the domain started.' }),
    writeBytes: t.float({ nullable: true, description: 'Bytes written since the domain started.' }),
  }),
});

const MemoryDiagnosticsType = builder.simpleObject('MemoryDiagnostics', {
  description: 'The VM\'s memory, in MiB.',
  fields: (t) => ({
    maximumMb: t.int({ description: 'memory_dynamic_max.' }),
    usedMb: t.float({ nullable: true, description: 'What the domain holds.' }),
    targetMb: t.float({ nullable: true, description: 'The balloon target.' }),
    guestFreeMb: t.float({ nullable: true, description: 'Free memory as the guest\'s tools report it; null without them.' }),
  }),
});

const DataSourceValueType = builder.simpleObject('DiagnosticsDataSource', {
  description: 'One of the VM\'s RRD data sources and its newest value (Nova\'s flat get_diagnostics).',
  fields: (t) => ({
    name: t.string({ description: 'The data source name (e.g. cpu0, vif_0_rx, memory_internal_free).' }),
    value: t.float({ nullable: true, description: 'Its newest value, in its own unit; null when XAPI has none.' }),
  }),
});

const InstanceDiagnosticsType = builder.objectRef<InstanceDiagnostics>('InstanceDiagnostics').implement({
  description: 'The VM\'s figures from XAPI\'s metrics (rrdd\'s 5-second averages and running totals), per vCPU, interface and disk.',
  fields: (t) => ({
    state: t.exposeString('state', { description: 'running, paused, shutdown, crashed, suspended or pending.' }),
    driver: t.exposeString('driver', { description: 'The compute driver: xenapi.' }),
    hypervisor: t.exposeString('hypervisor', { description: 'The hypervisor: xen.' }),
    configDrive: t.exposeBoolean('configDrive', { description: 'Whether the VM has a config drive attached.' }),
    uptimeSeconds: t.int({ nullable: true, description: 'Seconds since the domain started; null when it is not running.', resolve: (d) => d.uptimeSeconds }),
    lastUpdate: t.field({ type: 'DateTime', nullable: true, description: 'When the figures were sampled.', resolve: (d) => d.lastUpdate }),
    unavailableReason: t.string({ nullable: true, description: 'Why the figures are missing, when they are.', resolve: (d) => d.unavailableReason }),
    cpus: t.field({ type: [CpuDiagnosticsType], description: 'Per vCPU.', resolve: (d) => [...d.cpus] }),
    memory: t.field({ type: MemoryDiagnosticsType, description: 'Its memory.', resolve: (d) => d.memory }),
    nics: t.field({ type: [NicDiagnosticsType], description: 'Per virtual interface.', resolve: (d) => [...d.nics] }),
    disks: t.field({ type: [DiskDiagnosticsType], description: 'Per virtual disk.', resolve: (d) => [...d.disks] }),
    dataSources: t.field({ type: [DataSourceValueType], description: 'Every RRD data source of the VM, flat, as Nova\'s get_diagnostics gives them.', resolve: (d) => [...d.dataSources] }),
  }),
});

builder.objectField(InstanceRef, 'diagnostics', (t) => t.field({
  type: InstanceDiagnosticsType,
  nullable: true,
  description: 'Null when the instance has no VM. Each read fetches the VM\'s RRD from XAPI.',
  complexity: 20,
  resolve: (instance, _args, ctx) => instanceDiagnostics(ctx.services, instance),
}));

// ---------------------------------------------------------------------------------------------------------
// Usage

const InterfaceBandwidthType = builder.objectRef<BandwidthUsage>('InterfaceBandwidth').implement({
  description: 'Traffic through one interface of an instance this accounting period (a calendar month, UTC), as of the last poll.',
  fields: (t) => ({
    instance: t.field({ type: InstanceRef, description: 'The instance the interface belongs to.', resolve: (u) => u.instanceId }),
    macAddress: t.exposeString('mac', { description: DESCRIBE.macAddress }),
    bytesIn: t.float({ description: 'Received by the guest.', resolve: (u) => u.bytesIn }),
    bytesOut: t.float({ description: 'Sent by the guest.', resolve: (u) => u.bytesOut }),
    periodStart: t.field({ type: 'DateTime', description: 'Start of the accounting period (the month\'s first day, 00:00 UTC).', resolve: (u) => u.periodStart }),
    lastRefreshed: t.field({ type: 'DateTime', description: 'When the poll last updated the figures.', resolve: (u) => u.lastRefreshed }),
  }),
});

builder.objectField(InstanceRef, 'bandwidth', (t) => t.field({
  type: [InterfaceBandwidthType],
  description: 'This period\'s traffic per interface, refreshed every BANDWIDTH_POLL_SECONDS.',
  resolve: (instance, _args, ctx) => ctx.services.store.bandwidthUsage.listForInstances([instance.id], periodStartOf(new Date())),
}));

builder.objectField(HostRef, 'bandwidth', (t) => t.field({
  type: [InterfaceBandwidthType],
  description: 'This period\'s traffic per interface of the instances on the host.',
  resolve: (host, _args, ctx) => ctx.services.store.bandwidthUsage.listForHost(host.id, periodStartOf(new Date())),
}));

const InstanceUsageType = builder.objectRef<InstanceUsage>('InstanceUsage').implement({
  description: 'Memory a running or paused instance holds on the host.',
  fields: (t) => ({
    uuid: t.exposeString('uuid', { description: 'The instance uuid (the VM\'s other_config nova_uuid).' }),
    memoryMb: t.exposeInt('memoryMb', { description: 'memory_static_max.' }),
    instance: t.field({ type: InstanceRef, nullable: true, description: 'The instance; null for a VM xengraph does not know.', resolve: (u, _args, ctx) => ctx.services.store.instances.getByUuid(u.uuid) }),
  }),
});

builder.objectField(HostRef, 'instanceUsage', (t) => t.field({
  type: [InstanceUsageType],
  description: 'Instances running or paused on the host and their memory, from the pool\'s event-fed cache.',
  resolve: (host, _args, ctx) => {
    const cache = ctx.services.pools.get(host.poolId)?.client.cache;
    const hostRef = cache?.refByUuid('host', host.uuid);
    return cache && hostRef ? perInstanceUsage(cache, hostRef) : [];
  },
}));

builder.objectField(FlavorRef, 'overheadMemoryMb', (t) => t.int({
  description: 'Memory Xen needs beyond the flavor\'s own for an instance of it, in MiB.',
  resolve: (flavor) => estimateOverheadMemoryMb(flavor),
}));
