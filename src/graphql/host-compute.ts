// The host as a compute node: what it offers (Nova's get_available_resource, get_host_uptime, list_instances,
// read from the pool's event-fed cache) and what an administrator does to it (set_host_enabled,
// host_maintenance_mode, host_power_action), each answered at once with an Operation on the host.
import {
  EvacuationFailedError, hostMaintenanceAction, hostPowerAction, hostSetEnabledAction, PowerOnUnavailableError,
  type HostPowerActionKind,
} from '../driver/host/host-actions.js';
import { hostResources, hostUptime, hypervisorInstanceNames } from '../driver/host/stats.js';
import type { HostPciDevice } from '../driver/pci-passthrough.js';
import { targetIdOf, type TargetAction } from '../operations/action.js';
import type { Host, Operation } from '../store/types.js';
import { ActionAvailabilityRegistry } from './action-availability.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import {
  IdempotencyKeyReuseError, InvalidInputError, InvalidStateError, NoValidHostError, NotFoundError, OperationInProgressError, userErrorType,
} from './errors.js';
import { idempotencyKeyField } from './instance-actions.js';
import { HostRef, InstanceRef, OperationRef } from './refs.js';
import { boundedText } from './input-bounds.js';
import { DESCRIBE } from './shared-descriptions.js';

/** The host's ref in its pool's cache, and the cache; undefined when the pool is not connected. */
function hostInCache(ctx: GraphQLContext, host: Host) {
  const cache = ctx.services.pools.get(host.poolId)?.client.cache;
  const ref = cache?.refByUuid('host', host.uuid);
  return cache && ref ? { cache, ref } : undefined;
}

const HostCpuInfo = builder.simpleObject('HostCpuInfo', {
  description: 'The host\'s processors (Nova\'s cpu_info, as an object rather than a JSON string).',
  fields: (t) => ({
    model: t.string({ description: 'The CPU model name (host_cpu.modelname).' }),
    vendor: t.string({ description: 'The CPU vendor (e.g. GenuineIntel).' }),
    count: t.int({ description: 'Logical CPUs.' }),
    sockets: t.int({ description: 'Physical CPU packages.' }),
    coresPerSocket: t.int({ description: 'Cores in each socket.' }),
    threadsPerCore: t.int({ description: 'Hardware threads in each core (2 with hyper-threading).' }),
    speedMhz: t.int({ nullable: true, description: 'Clock speed in MHz; null when XAPI does not report it.' }), features: t.stringList({ description: 'CPU flags.' }),
  }),
});

const SupportedInstance = builder.simpleObject('SupportedInstance', {
  description: 'A kind of guest the host can run (an entry of Nova\'s supported_instances).',
  fields: (t) => ({
    arch: t.string({ description: 'CPU architecture (e.g. x86_64).' }),
    hypervisorType: t.string({ description: 'Always xen (Nova\'s hv_type).' }), vmMode: t.string({ description: 'xen (PV) or hvm.' }) }),
});

const HostStorage = builder.simpleObject('HostStorage', {
  description: 'A storage repository the host has plugged (ISO libraries left out).',
  fields: (t) => ({
    uuid: t.string({ description: 'The SR uuid.' }),
    name: t.string({ description: 'The SR name_label.' }),
    type: t.string({ description: 'The SR type (e.g. ext, lvm, nfs).' }),
    shared: t.boolean({ description: 'Whether every host of the pool can reach it (SR.shared).' }),
    isDefault: t.boolean({ description: 'The pool\'s default SR, which the disk figures of HostResources describe.' }),
    sizeBytes: t.float({ description: 'Capacity in bytes (physical_size).' }),
    usedBytes: t.float({ description: 'Bytes in use (physical_utilisation).' }), allocatedBytes: t.float({ description: 'Virtual size of the VDIs on it.' }),
  }),
});

const HostPciDeviceType = builder.objectRef<HostPciDevice>('HostPciDevice').implement({
  description: 'A PCI device the host can pass through to a guest (XAPI\'s PCI record), and the instance holding it.',
  fields: (t) => ({
    address: t.exposeString('address', { description: 'dddd:bb:ss.f (XAPI\'s pci_id).' }),
    vendorId: t.exposeString('vendorId', { description: 'Hexadecimal, as lspci prints it.' }),
    productId: t.exposeString('productId', { description: 'Device id, hexadecimal, as lspci prints it.' }),
    className: t.exposeString('className', { description: 'The PCI class name (e.g. VGA compatible controller).' }),
    name: t.exposeString('name', { description: 'Vendor and device names.' }),
    heldBy: t.exposeString('heldBy', { nullable: true, description: 'Name label of the VM the device is passed through to; null when free.' }),
    instance: t.field({
      type: InstanceRef, nullable: true, description: 'The instance holding the device; null when free or held by a VM xengraph did not create.',
      resolve: (device, _args, ctx) => device.instanceUuid ? ctx.services.store.instances.getByUuid(device.instanceUuid) : null,
    }),
  }),
});

const HostResources = builder.simpleObject('HostResources', {
  description: 'Nova\'s get_available_resource, from XAPI\'s host, host_metrics, host_cpu, SR and VM records.',
  fields: (t) => ({
    vcpus: t.int({ description: 'Logical CPUs of the host.' }),
    vcpusUsed: t.int({ description: 'VCPUs_max summed over the guests resident on the host.' }),
    memoryMb: t.int({ description: 'Total memory in MiB.' }),
    memoryMbUsed: t.int({ description: 'Memory in use in MiB (total less free).' }),
    memoryMbFree: t.int({ description: 'Free memory in MiB (host_metrics.memory_free).' }),
    localGb: t.int({ description: 'Size of the pool\'s default SR, in GiB.' }),
    localGbUsed: t.int({ description: 'GiB used on that SR.' }),
    diskAvailableLeastGb: t.int({ description: 'localGb less what the SR\'s VDIs may grow to.' }),
    hypervisorType: t.string({ description: 'The hypervisor product: XenServer.' }),
    hypervisorVersion: t.int({ description: 'major·10⁶ + minor·10³ + micro of the product version.' }),
    hypervisorHostname: t.string({ description: 'The host\'s hostname as XAPI knows it.' }),
    cpuInfo: t.field({ type: HostCpuInfo, description: 'Its processors.' }),
    supportedInstances: t.field({ type: [SupportedInstance], description: 'The kinds of guest it runs.' }),
    storage: t.field({ type: [HostStorage], description: 'The SRs it has plugged.' }),
    pciDevices: t.field({ type: [HostPciDeviceType], description: 'PCI passthrough devices; flavors ask for them with pci_passthrough:alias.' }),
  }),
});

const HostUptime = builder.simpleObject('HostUptime', {
  description: 'How long the host has been up (host_metrics).',
  fields: (t) => ({
    seconds: t.int({ description: 'Seconds since it booted.' }),
    bootedAt: t.field({ type: 'DateTime', description: 'When it booted.' }),
  }),
});

builder.objectFields(HostRef, (t) => ({
  resources: t.field({
    type: HostResources,
    nullable: true,
    description: 'What the host offers; null when its pool is not connected.',
    resolve: (host, _args, ctx) => {
      const found = hostInCache(ctx, host);
      const resources = found && hostResources(found.cache, found.ref);
      return resources ? { ...resources, supportedInstances: [...resources.supportedInstances], storage: [...resources.storage], pciDevices: [...resources.pciDevices] } : null;
    },
  }),
  uptime: t.field({
    type: HostUptime,
    nullable: true,
    description: 'Time since the host booted; null while it is down.',
    resolve: (host, _args, ctx) => {
      const found = hostInCache(ctx, host);
      return found ? hostUptime(found.cache, found.ref) : null;
    },
  }),
  hypervisorInstanceNames: t.stringList({
    description: 'Name labels of the VMs XAPI has resident on the host (Nova\'s list_instances), including ones xengraph did not create.',
    resolve: (host, _args, ctx) => {
      const found = hostInCache(ctx, host);
      return found ? hypervisorInstanceNames(found.cache, found.ref) : [];
    },
  }),
}));

// ---------------------------------------------------------------------------------------------------------
// Actions

userErrorType(PowerOnUnavailableError, 'PowerOnUnavailableError', {
  description: 'The host has no power-on mode (IPMI, wake-on-LAN, …) configured in XAPI, so it cannot be started remotely.',
  fields: (t) => ({ hostName: t.exposeString('hostName', { description: 'The host\'s name.' }) }),
});
userErrorType(EvacuationFailedError, 'EvacuationFailedError', {
  description: 'Some instances could not be moved off the host or stopped before its power action; the message names them.',
});

const HostPowerActionEnum = builder.enumType('HostPowerAction', {
  description: 'What hostPowerAction does to the host.',
  values: {
    REBOOT: { description: 'Disable, empty (halt or evacuate the instances), reboot; back in service when it is up.' },
    SHUTDOWN: { description: 'Disable, empty, power off.' },
    STARTUP: { description: 'Power on through XAPI (host.power_on), for hosts with a power-on mode.' },
  },
});

interface HostSubmitted {
  readonly operation: Operation;
  readonly host: Host;
}

const HostActionPayload = builder.objectRef<HostSubmitted>('HostActionPayload').implement({
  description: 'An accepted host action: its Operation (follow it with operationUpdated) and the host as it is now.',
  fields: (t) => ({
    operation: t.field({ type: OperationRef, description: DESCRIBE.acceptedOperation, resolve: (s) => s.operation }),
    host: t.field({ type: HostRef, description: 'The host acted on, as it is now.', resolve: (s) => s.host }),
  }),
});

/** The host mutations, for Host.allowedActions. */
export const hostActionAvailability = new ActionAvailabilityRegistry<Host>((host) => ({ targetId: targetIdOf({ type: 'Host', id: host.id }) }), 'host');

const HOST_ERRORS = [NotFoundError, InvalidInputError, InvalidStateError, OperationInProgressError, IdempotencyKeyReuseError, NoValidHostError];

async function submitForHost<Input>(
  ctx: GraphQLContext, action: TargetAction<Input>, hostId: string, idempotencyKey: string | null | undefined, input: Input,
): Promise<HostSubmitted> {
  const { operations, store } = ctx.services;
  const operation = await operations.submitForTarget(action, {
    target: { type: 'Host', id: hostId }, input, requestedBy: ctx.principal?.tokenId ?? '', requestId: ctx.requestId, idempotencyKey,
  });
  const host = await store.hosts.get(hostId);
  if (!host) throw new NotFoundError('Host', hostId, { path: ['input', 'id'] });
  return { operation, host };
}

export function hostActionField<Input>(name: string, spec: {
  description: string;
  action: TargetAction<Input>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Pothos input field builders
  inputFields: (t: any) => Record<string, any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed input object
  toInput: (input: any) => Input;
  errors?: readonly (new (...args: never[]) => Error)[];
  /** The input allowedActions checks the action with on this host: the way the host could go from here. */
  probeInput: (host: Host) => Input;
}): void {
  const typeName = name[0]!.toUpperCase() + name.slice(1);
  hostActionAvailability.register({
    mutation: name, role: 'admin', check: (host, services) => spec.action.check({ type: 'Host', id: host.id }, spec.probeInput(host), services),
  });
  builder.mutationField(name, (t) => t.field({
    type: HostActionPayload,
    description: spec.description,
    authScopes: { admin: true },
    errors: { types: [...HOST_ERRORS, ...(spec.errors ?? [])], directResult: true, union: { name: `${typeName}Result` } },
    args: {
      input: t.arg({
        required: true,
        description: 'The host and how to act on it.',
        type: builder.inputType(`${typeName}Input`, {
          description: `What ${name} acts on and how.`,
          fields: (f) => ({
            id: f.globalID({ for: HostRef, required: true, description: 'The host to act on.' }),
            idempotencyKey: f.string(idempotencyKeyField),
            ...spec.inputFields(f),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, ctx) => {
      const { id, idempotencyKey } = input as { id: { id: string }; idempotencyKey?: string | null };
      return submitForHost(ctx, spec.action, id.id, idempotencyKey, spec.toInput(input));
    },
  }));
}

hostActionField('hostSetEnabled', {
  description: 'Takes the host out of service for new instances (host.disable) or back in (host.enable), with a reason.',
  action: hostSetEnabledAction,
  inputFields: (t) => ({
    enabled: t.boolean({ required: true, description: 'True takes new instances (host.enable); false refuses them (host.disable).' }),
    reason: t.string({ required: false, ...boundedText(255, { min: 1, description: 'Why it is disabled (shown as disabledReason).' }) }),
  }),
  toInput: (input: { enabled: boolean; reason?: string | null }) => ({ enabled: input.enabled, reason: input.reason ?? null }),
  probeInput: (host) => ({ enabled: !host.enabled, reason: null }),
});

hostActionField('hostSetMaintenanceMode', {
  description: 'Entering: disables the host and live-migrates every instance to other hosts of its pool (each an Operation '
    + 'with its Migration), refused with NoValidHostError before anything moves when one has nowhere to go. Leaving: enables it.',
  action: hostMaintenanceAction,
  inputFields: (t) => ({ enabled: t.boolean({ required: true, description: 'True enters maintenance (evacuating), false leaves it.' }) }),
  toInput: (input: { enabled: boolean }) => ({ enabled: input.enabled }),
  probeInput: (host) => ({ enabled: host.maintenance === 'NONE' }),
});

hostActionField('hostPowerAction', {
  description: 'Reboots or shuts the host down once it is disabled and empty (instances halted, to be started again when '
    + 'it is back, or with evacuate moved away live), or powers it on through its power-on mode.',
  action: hostPowerAction,
  errors: [PowerOnUnavailableError],
  inputFields: (t) => ({
    action: t.field({ type: HostPowerActionEnum, required: true, description: 'Reboot, shut down or power on.' }),
    evacuate: t.boolean({ required: false, defaultValue: false, description: 'Move the instances to other hosts instead of halting them.' }),
  }),
  toInput: (input: { action: HostPowerActionKind; evacuate?: boolean | null }) => ({ action: input.action, evacuate: input.evacuate ?? false }),
  probeInput: (host) => ({ action: host.live ? 'REBOOT' : 'STARTUP', evacuate: false }),
});
