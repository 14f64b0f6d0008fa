// attach_interface / detach_interface (Nova's later XenAPI driver): the interface is allocated in the store (a
// requested MAC or address when free), the VIF created at the first device XAPI allows and hot-plugged when
// the VM runs; the guest's vm-data/networking/<mac> is written (live too when it runs), and the security
// groups of the instance follow its addresses (Nova set up filtering right after the plug). Detaching unplugs
// and destroys the VIF, removes the xenstore key and releases the address. A failed attach leaves nothing.
import { BaseUserError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { ActionRun, DriverServices, InstanceAction, ReconcileOutcome } from '../../operations/action.js';
import type { Instance, InstanceVif } from '../../store/index.js';
import { hostRange, inRange, parseIpv4 } from '../../store/ipv4.js';
import type { XapiClient } from '../../xapi/index.js';
import { networkForBridge } from '../devices.js';
import { refreshInstanceFilters, requireApplied } from '../firewall/apply.js';
import { liveDomainOf, updateLiveXenstore } from '../live-xenstore.js';
import { networkingKey, networkingRecord } from '../network-info.js';
import { liveVmIn } from '../preconditions.js';
import { networkInfoOf } from '../spawn/build-vm.js';
import { UndoStack } from '../undo.js';
import { plugVif, unplugVif, vifByMac } from '../vifs.js';
import { instanceVm, requireVm } from '../vm-lookup.js';
import { instanceClient } from '../xapi-access.js';
import { deleteParamXenstore, writeParamXenstore } from '../xenstore.js';

export interface AttachInterfaceInput {
  readonly networkId: string;
  readonly mac: string | null;
  readonly ip: string | null;
}

/** Exactly one of the two names the interface. */
export interface DetachInterfaceInput {
  readonly interfaceId: string | null;
  readonly mac: string | null;
}

/** Nova's InterfaceAttachFailed: XAPI allows no further VIF device on the VM. */
export class InterfaceAttachFailedError extends BaseUserError {
  override readonly code = 'INTERFACE_ATTACH_FAILED';
}

const ATTACHABLE = ['ACTIVE', 'STOPPED'] as const;
const DETACHABLE = ['ACTIVE', 'STOPPED', 'SOFT_DELETED', 'ERROR'] as const;
/** Unicast (the low bit of the first octet clear), colon-separated. */
const MAC_PATTERN = /^[0-9a-f][02468ace](:[0-9a-f]{2}){5}$/;

export function normalisedMac(mac: string): string {
  return mac.trim().toLowerCase().replaceAll('-', ':');
}

async function checkAttach(instance: Instance, input: AttachInterfaceInput, services: DriverServices): Promise<void> {
  liveVmIn('attach an interface to', ATTACHABLE)(instance);
  const { store } = services;
  if (!await store.networks.get(input.networkId)) throw new NotFoundError('Network', input.networkId, { path: ['input', 'networkId'] });
  if (input.mac !== null) {
    if (!MAC_PATTERN.test(input.mac)) throw new InvalidInputError(`${input.mac} is not a unicast MAC address (aa:bb:cc:dd:ee:ff)`, { path: ['input', 'mac'] });
    if (await store.vifs.getByMac(input.mac)) throw new InvalidInputError(`MAC ${input.mac} is already in use`, { path: ['input', 'mac'] });
  }
  if (input.ip !== null) {
    if (parseIpv4(input.ip) === null) throw new InvalidInputError(`${input.ip} is not an IPv4 address`, { path: ['input', 'ip'] });
    const subnet = (await store.vifs.subnetsOf(input.networkId)).find((s) => {
      const range = hostRange(s.cidr);
      return range !== null && inRange(range, input.ip!);
    });
    if (!subnet) throw new InvalidInputError(`${input.ip} is in no subnet of the network`, { path: ['input', 'ip'] });
    const taken = subnet.gateway === input.ip || (await store.vifs.listAllocated({ subnetId: subnet.id })).some((vif) => vif.ip === input.ip);
    if (taken) throw new InvalidInputError(`Address ${input.ip} is already in use`, { path: ['input', 'ip'] });
  }
}

export const attachInterfaceAction: InstanceAction<AttachInterfaceInput> = {
  kind: 'instance.attachInterface',
  taskState: 'attaching-interface',
  check: checkAttach,
  run: (run, input) => attachInterface(run, input),
  reconcile: (run, input) => reconcileAttach(run, input),
};

async function attachInterface(run: ActionRun, input: AttachInterfaceInput): Promise<Record<string, unknown>> {
  const { services, instance } = run;
  const { store } = services;
  const client = instanceClient(services, instance);
  const vm = await requireVm(client, instance);
  await run.progress(10, 'choosing a device');
  const [device] = await client.call<string[]>('VM.get_allowed_VIF_devices', vm);
  if (device === undefined) throw new InterfaceAttachFailedError(`The VM of instance ${instance.name} takes no further interface`);
  const undo = new UndoStack();
  try {
    const vif = await store.vifs.allocate({ instanceId: instance.id, networkId: input.networkId, device: Number(device), mac: input.mac, ip: input.ip });
    undo.push('address', () => store.vifs.release([vif.id]));
    const info = await networkInfoOf(store, vif);
    const key = networkingKey(vif.mac);
    await run.progress(20, 'telling the guest', key);
    await writeParamXenstore(client, vm, key, JSON.stringify(networkingRecord(info)));
    undo.push('xenstore key', () => deleteParamXenstore(client, vm, key));
    await run.progress(40, 'creating the VIF', `device ${device}`);
    const network = await networkForBridge(client, info.network.bridge);
    const plugged = await plugVif(client, vm, { network, device, mac: vif.mac }, run.signal);
    undo.push('VIF', async () => {
      await unplugVif(client, vm, vif.mac);
    });
    if (plugged.plugged) await writeLive(client, vm, key, JSON.stringify(networkingRecord(info)));
    await run.progress(80, 'applying security groups');
    requireApplied(await refreshInstanceFilters(services, instance));
    return { interfaceId: vif.id, device, mac: vif.mac, ip: vif.ip, plugged: plugged.plugged };
  } catch (error) {
    await undo.rollBack(run.services.log, `interface attach on ${instance.id}`);
    // The released address must leave the filters too.
    await refreshInstanceFilters(services, instance).catch(() => undefined);
    throw error;
  }
}

/** Best effort, as for metadata: a guest that just stopped reads the parameter store at its next boot. */
async function writeLive(client: XapiClient, vm: string, key: string, value: string | null): Promise<boolean> {
  const domain = await liveDomainOf(client, vm);
  return domain !== null && updateLiveXenstore(client, domain, key, value);
}

/**
 * After a crash: every allocation of the instance without a VIF on its VM is released (spawned interfaces
 * always have theirs) and a VIF left unplugged in a running VM is plugged. The attach went through when an
 * interface on the network is in place (with the requested MAC, when one was asked for).
 */
async function reconcileAttach(run: ActionRun, input: AttachInterfaceInput): Promise<ReconcileOutcome> {
  const { services, instance } = run;
  const client = instanceClient(services, instance);
  const vm = await instanceVm(client, instance);
  const kept: InstanceVif[] = [];
  for (const vif of await services.store.vifs.listForInstance(instance.id)) {
    const found = vm ? await vifByMac(client, vm, vif.mac) : null;
    if (!found) {
      await services.store.vifs.release([vif.id]);
      if (vm) await deleteParamXenstore(client, vm, networkingKey(vif.mac));
      continue;
    }
    kept.push(vif);
    if (!found.record.currently_attached && (await client.call<string>('VM.get_power_state', vm!)) === 'Running') {
      await client.call('VIF.plug', found.vif);
    }
  }
  await refreshInstanceFilters(services, instance);
  const done = kept.some((vif) => vif.networkId === input.networkId && (input.mac === null || vif.mac === input.mac));
  return done ? 'SUCCEEDED' : 'FAILED';
}

async function interfaceFor(services: DriverServices, instance: Instance, input: DetachInterfaceInput): Promise<InstanceVif> {
  const vifs = await services.store.vifs.listForInstance(instance.id);
  const byId = input.interfaceId !== null;
  const found = byId ? vifs.find((vif) => vif.id === input.interfaceId) : vifs.find((vif) => vif.mac === input.mac);
  if (!found) {
    throw new NotFoundError('InstanceInterface', (byId ? input.interfaceId : input.mac) ?? '', { path: ['input', byId ? 'interfaceId' : 'mac'] });
  }
  return found;
}

export const detachInterfaceAction: InstanceAction<DetachInterfaceInput> = {
  kind: 'instance.detachInterface',
  taskState: 'detaching-interface',
  async check(instance, input, services) {
    liveVmIn('detach an interface from', DETACHABLE)(instance);
    await interfaceFor(services, instance, input);
  },
  run: (run, input) => detachInterface(run, input),
  async reconcile(run, input) {
    // Detaching is idempotent: a VIF or key already gone is no error; an interface already released is done.
    const remaining = await run.services.store.vifs.listForInstance(run.instance.id);
    if (remaining.some((vif) => vif.id === input.interfaceId || vif.mac === input.mac)) await detachInterface(run, input);
    else await refreshInstanceFilters(run.services, run.instance);
    return 'SUCCEEDED';
  },
};

async function detachInterface(run: ActionRun, input: DetachInterfaceInput): Promise<Record<string, unknown>> {
  const { services, instance } = run;
  const vif = await interfaceFor(services, instance, input);
  const client = instanceClient(services, instance);
  const vm = await instanceVm(client, instance);
  let vifRemoved = false;
  if (vm) {
    await run.progress(20, 'detaching the VIF', `device ${vif.device}`);
    vifRemoved = await unplugVif(client, vm, vif.mac, run.signal);
    const key = networkingKey(vif.mac);
    await deleteParamXenstore(client, vm, key);
    await writeLive(client, vm, key, null);
  }
  await run.progress(70, 'releasing the address');
  await services.store.vifs.release([vif.id]);
  await run.progress(80, 'applying security groups');
  requireApplied(await refreshInstanceFilters(services, instance));
  return { interfaceId: vif.id, mac: vif.mac, ip: vif.ip, vifRemoved };
}
