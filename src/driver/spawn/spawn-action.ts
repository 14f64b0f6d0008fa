// Spawn: Nova's ten steps (build-vm.ts, shared with rescue), each moving progress on by ten, with everything
// created registered for a reverse-order rollback so a failure leaves no VM, disk or interface behind and the
// instance in ERROR.
import { InvalidInputError } from '../../errors.js';
import type { DriverServices, InstanceAction } from '../../operations/action.js';
import type { Instance, InstanceVif } from '../../store/index.js';
import type { XapiClient } from '../../xapi/index.js';
import { configureNewGuest, type AgentConfiguration } from '../agent/first-boot.js';
import { destroyVmAndDisks, haltVm } from '../devices.js';
import { refreshInstanceFilters, unfilterInstance } from '../firewall/apply.js';
import { destroyWithKernelFiles, removeStrayKernelFiles } from '../kernel-files.js';
import { removeLeftoverVm, vmIdle } from '../leftover-vm.js';
import { vmNameOf } from '../naming.js';
import { claimFlavorPciDevices } from '../pci-passthrough.js';
import { UndoStack } from '../undo.js';
import { instanceVm } from '../vm-lookup.js';
import { xapiPowerStateOf } from '../vm-power.js';
import { instanceClient, poolClient } from '../xapi-access.js';
import { buildVm, hostnameOf, networkInfoOf, recordLastDomid, waitUntilRunning } from './build-vm.js';
import { configDriveFor } from './config-drive.js';
import { storedSpawnRequest, wantsConfigDrive, type SpawnRequest } from './plan.js';
import { planSpawnVolumes, releaseSpawnVolumes, SpawnVolumes } from './spawn-volumes.js';

/** Everything spawn needs, loaded once. */
async function loadSpawnContext(services: DriverServices, instance: Instance) {
  const { store } = services;
  const [flavor, image, host] = await Promise.all([
    store.flavors.get(instance.flavorId ?? ''), instance.imageId ? store.images.get(instance.imageId) : null, store.hosts.get(instance.hostId ?? ''),
  ]);
  if (!flavor || (instance.imageId && !image) || !host) throw new InvalidInputError('The instance lost its flavor, image or host before it was built');
  return { flavor, image, host, client: poolClient(services, host.poolId) };
}

export const spawnAction: InstanceAction<SpawnRequest> = {
  kind: 'instance.spawn',
  taskState: 'spawning',
  storedInput: storedSpawnRequest,
  check() {
    // Everything is checked while the instance is created (createInstanceForSpawn).
  },
  async run(run, request) {
    const { services } = run;
    const instance = run.instance;
    const { flavor, image, host, client } = await loadSpawnContext(services, instance);
    const vmName = vmNameOf(instance)!;
    const undo = new UndoStack();
    try {
      // Name clash first (Nova's pre-check): a VM already carrying this name must not be adopted or doubled.
      if (await instanceVm(client, instance)) throw new InvalidInputError(`A VM named ${vmName} already exists`);
      const pciAddresses = claimFlavorPciDevices(services, client, host, flavor);
      const vifs = await allocateInterfaces(services, instance, request.networkIds, undo);
      const hostname = hostnameOf(instance);
      // Set by the last step; typed by assertion so the closure's assignment is not narrowed away.
      let agent = null as AgentConfiguration | null;
      const volumes = planSpawnVolumes(request.volumes ?? [], { flavor, configDrive: wantsConfigDrive(request) });
      await buildVm(run, {
        client, instance, vmName, flavor, image, host, vifs, hostname, pciAddresses,
        volumes: volumes.length > 0 ? new SpawnVolumes(run, host, volumes) : undefined,
        configDrive: wantsConfigDrive(request) ? configDriveFor(instance, hostname, request, vifs) : undefined,
        onCreated: async () => void await run.updateInstance({ poolId: host.poolId }),
        // Linked once started (the security groups only filter a linked instance), when the cache holds it.
        onStarted: async (vm) => void await run.updateInstance({ vmUuid: await startedVmUuid(client, vm) }),
        onBooted: async (vm) => {
          agent = await configureNewGuest(services, client, vm, instance, image, request);
          await run.updateInstance({ vmState: 'ACTIVE', powerState: 'RUNNING', launchedAt: new Date() });
        },
      }, undo);
      return { vmName, ...(agent && { agent }) };
    } catch (error) {
      await undo.rollBack(services.log, `spawn of ${instance.id}`);
      throw error;
    }
  },
  async onFailure(run) {
    await run.updateInstance({ vmState: 'ERROR', powerState: 'NOSTATE', vmUuid: null });
  },
  async reconcile(run, request) {
    // The pool, not the host: the event pump clears hostId while the half-built VM is halted.
    const client = instanceClient(run.services, run.instance);
    // Files placed in dom0 for a VM that was never made; a VM's own go with it below.
    await removeStrayKernelFiles(client, run.instance);
    const vm = await instanceVm(client, run.instance);
    // A start the dead process sent may still be running: the VM is read once it ended.
    if (vm) await vmIdle(client, vm);
    // Started paused (step 8) but never unpaused: finishing is one call away.
    if (vm && await xapiPowerStateOf(client, vm) === 'Paused') {
      await client.call('VM.unpause', vm);
      await waitUntilRunning(client, vm);
      await recordLastDomid(client, vm);
    }
    if (vm && await xapiPowerStateOf(client, vm) === 'Running') {
      const vmUuid = await client.call<string>('VM.get_uuid', vm);
      await run.updateInstance({ vmState: 'ACTIVE', powerState: 'RUNNING', vmUuid, progress: 100 });
      // Step 9 may not have run; applying again is harmless.
      await refreshInstanceFilters(run.services, run.instance);
      return 'SUCCEEDED';
    }
    // Half-built: remove what the dead process made, as its rollback would have; volumes are let go first, so
    // no VDI.destroy reaches one.
    if (vm) await haltVm(client, vm);
    await releaseSpawnVolumes(run.services, client, run.instance, vm, request.volumes ?? []);
    if (vm) await removeLeftoverVm(client, vm, () => destroyWithKernelFiles(client, vm, () => destroyVmAndDisks(client, vm)));
    await destroyOrphanDisks(client, run.instance);
    await run.services.store.vifs.release((await run.services.store.vifs.listForInstance(run.instance.id)).map((v) => v.id));
    await run.updateInstance({ vmState: 'ERROR', powerState: 'NOSTATE', vmUuid: null });
    await unfilterInstance(run.services, run.instance);
    return 'FAILED';
  },
};

/**
 * A VM's uuid once its start task ended. That end came through the event feed when it is watched, after the
 * VM's creation, so the cache holds the VM by then and no VM.get_uuid is needed; without a watcher XAPI is asked.
 */
async function startedVmUuid(client: XapiClient, vm: string): Promise<string> {
  const cached = client.cache.get('VM', vm)?.uuid;
  return typeof cached === 'string' ? cached : client.call<string>('VM.get_uuid', vm);
}

async function allocateInterfaces(services: DriverServices, instance: Instance, networkIds: readonly string[], undo: UndoStack) {
  const { store } = services;
  const allocated: InstanceVif[] = [];
  undo.push('addresses', () => store.vifs.release(allocated.map((vif) => vif.id)));
  const infos = [];
  for (const [device, networkId] of networkIds.entries()) {
    const vif = await store.vifs.allocate({ instanceId: instance.id, networkId, device });
    allocated.push(vif);
    infos.push(await networkInfoOf(store, vif));
  }
  return infos;
}

async function destroyOrphanDisks(client: XapiClient, instance: Instance): Promise<void> {
  const vdis = await client.call<Record<string, { other_config: Record<string, string> }>>('VDI.get_all_records');
  for (const [ref, vdi] of Object.entries(vdis)) {
    if (vdi.other_config?.nova_instance_uuid === instance.uuid) await client.call('VDI.destroy', ref).catch(() => undefined);
  }
}
