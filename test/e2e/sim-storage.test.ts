// Storage and device behaviour of the simulator over real HTTP (JSON-RPC): VDI lifecycle with SR space
// accounting, the VHD snapshot/clone chain and its garbage collection, copy and resize, VBD and VIF
// creation, hot-plug rules with XAPI's error parameters, and an async copy whose task progresses.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEFAULT_TOPOLOGY, type Topology } from '../../src/simulator/topology.js';
import { rpc, type RpcClient } from '../helpers/jsonrpc.js';

const PASSWORD = 'pw';
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const NULL = 'OpaqueRef:NULL';

/** One host with a thin local SR, a thin NFS SR and a small thick (LVM) SR to run out of space on. */
const TOPOLOGY: Topology = {
  pools: [{
    name: 'storage-pool',
    hosts: [{ name: 'st-1', cpus: 8, memoryGiB: 64 }],
    sharedSrs: [{ name: 'NFS', type: 'nfs', sizeGiB: 2048 }, { name: 'LVM over iSCSI', type: 'lvmoiscsi', sizeGiB: 100 }],
    localSrGiB: 500,
    networks: DEFAULT_TOPOLOGY.pools[0].networks,
    templates: [],
  }],
};

describe('simulator storage and devices', () => {
  let sim: RunningSimulator;
  let client: RpcClient;
  let session: string;
  const call = (method: string, ...params: unknown[]) => client.call(method, session, ...params);
  const record = (cls: string, ref: string) => call(`${cls}.get_record`, ref);
  const srNamed = async (name: string): Promise<string> => (await call('SR.get_by_name_label', name))[0];

  const rejectsWith = (promise: Promise<unknown>, code: string, params?: unknown[]) =>
    assert.rejects(promise, (error: any) => {
      assert.equal(error.code, code, `${error.code} ${JSON.stringify(error.params)}`);
      if (params) assert.deepEqual(error.params, params);
      return true;
    });

  const createVdi = (sr: string, size: number, name = 'disk') => call('VDI.create', {
    name_label: name, name_description: '', SR: sr, virtual_size: size, type: 'user', sharable: false,
    read_only: false, other_config: {}, xenstore_data: {}, sm_config: {}, tags: [],
  });

  /** The SR's totals must always equal what its VDIs add up to. */
  async function assertConsistent(sr: string) {
    const totals = await record('SR', sr);
    let physical = 0;
    let virtual = 0;
    for (const ref of totals.VDIs as string[]) {
      const vdi = await record('VDI', ref);
      physical += vdi.physical_utilisation;
      if (vdi.managed) virtual += vdi.virtual_size;
    }
    assert.equal(totals.physical_utilisation, physical, 'physical_utilisation = sum of VDIs');
    assert.equal(totals.virtual_allocation, virtual, 'virtual_allocation = sum of managed VDIs');
  }

  let local: string;
  let nfs: string;
  let lvm: string;

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02, topology: TOPOLOGY });
    client = rpc(sim.pools[0].masterUrl);
    session = await client.login('root', PASSWORD);
    local = await srNamed('Local storage on st-1');
    nfs = await srNamed('NFS');
    lvm = await srNamed('LVM over iSCSI');
  });
  after(() => sim.stop());

  describe('VDIs', () => {
    it('creates a thin VDI: a few KiB of VHD metadata physically, its full size virtually', async () => {
      const before = await record('SR', local);
      const vdi = await createVdi(local, 10 * GiB, 'data');
      const r = await record('VDI', vdi);
      assert.equal(r.location, r.uuid);
      assert.equal(r.managed, true);
      assert.equal(r.virtual_size, 10 * GiB);
      assert.equal(r.sm_config.vdi_type, 'vhd');
      assert.ok(r.physical_utilisation > 8 * 1024 && r.physical_utilisation < MiB, `physical ${r.physical_utilisation}`);
      assert.ok(r.allowed_operations.includes('destroy') && r.allowed_operations.includes('snapshot'));
      const grown = await record('SR', local);
      assert.ok(grown.VDIs.includes(vdi));
      assert.equal(grown.virtual_allocation - before.virtual_allocation, 10 * GiB);
      assert.equal(grown.physical_utilisation - before.physical_utilisation, r.physical_utilisation);

      await call('VDI.destroy', vdi);
      await rejectsWith(record('VDI', vdi), 'HANDLE_INVALID', ['VDI', vdi]);
      const restored = await record('SR', local);
      assert.equal(restored.virtual_allocation, before.virtual_allocation);
      assert.equal(restored.physical_utilisation, before.physical_utilisation);
      assert.ok(!restored.VDIs.includes(vdi));
    });

    it('rounds VHD sizes up to whole 2 MiB blocks and refuses disks over 2040 GiB', async () => {
      const vdi = await createVdi(local, 5 * MiB);
      assert.equal((await record('VDI', vdi)).virtual_size, 6 * MiB);
      await call('VDI.destroy', vdi);
      await rejectsWith(createVdi(nfs, 2041 * GiB), 'SR_BACKEND_FAILURE_79',
        ['', 'VDI Invalid size [opterr=VDI size must be between 1 MB and 2088960 MB]', '']);
    });

    it('fills a thick (LVM) SR with whole volumes and answers SR_FULL [requested, maximum]', async () => {
      const first = await createVdi(lvm, 60 * GiB);
      const sr = await record('SR', lvm);
      assert.ok(sr.physical_utilisation >= 60 * GiB, 'an LVM volume is inflated to its virtual size');
      await rejectsWith(createVdi(lvm, 60 * GiB), 'SR_FULL');
      await assert.rejects(createVdi(lvm, 60 * GiB), (error: any) => {
        assert.equal(error.params[1], String(100 * GiB));
        assert.equal(Number(error.params[0]), sr.physical_utilisation + sr.physical_utilisation);
        return true;
      });
      await call('VDI.destroy', first);
      assert.equal((await record('SR', lvm)).physical_utilisation, 0);
    });

    it('snapshots and clones through a hidden base copy that both leaves point at', async () => {
      const before = await record('SR', nfs);
      const disk = await createVdi(nfs, 20 * GiB, 'system disk');
      const snap = await call('VDI.snapshot', disk, {});
      const [d, s] = [await record('VDI', disk), await record('VDI', snap)];
      assert.equal(s.is_a_snapshot, true);
      assert.equal(s.snapshot_of, disk);
      assert.notEqual(s.snapshot_time, '19700101T00:00:00Z');
      assert.equal(s.name_label, 'system disk');
      assert.deepEqual(d.snapshots, [snap]);
      const baseUuid = d.sm_config['vhd-parent'];
      assert.ok(baseUuid);
      assert.equal(s.sm_config['vhd-parent'], baseUuid);
      const base = await call('VDI.get_by_uuid', baseUuid);
      const b = await record('VDI', base);
      assert.equal(b.name_label, 'base copy');
      assert.equal(b.managed, false);
      assert.equal(b.read_only, true);
      assert.equal(b.sm_config['vhd-parent'], undefined);
      assert.ok((await record('SR', nfs)).VDIs.includes(base));
      // The base copy is hidden: only the two visible disks count as allocated.
      assert.equal((await record('SR', nfs)).virtual_allocation - before.virtual_allocation, 40 * GiB);

      const clone = await call('VDI.clone', disk, {});
      const [d2, c] = [await record('VDI', disk), await record('VDI', clone)];
      assert.equal(c.is_a_snapshot, false);
      const base2Uuid = d2.sm_config['vhd-parent'];
      assert.notEqual(base2Uuid, baseUuid);
      assert.equal(c.sm_config['vhd-parent'], base2Uuid);
      const base2 = await call('VDI.get_by_uuid', base2Uuid);
      assert.equal((await record('VDI', base2)).sm_config['vhd-parent'], baseUuid, 'the new base continues the chain');
      await rejectsWith(call('VDI.destroy', base), 'VDI_NOT_MANAGED', [base]);
      await assertConsistent(nfs);

      // Remove both derived disks: garbage collection merges the bases back into the disk.
      await call('VDI.destroy', snap);
      await call('VDI.destroy', clone);
      assert.deepEqual((await record('VDI', disk)).snapshots, []);
      await call('SR.scan', nfs);
      await rejectsWith(call('VDI.get_by_uuid', baseUuid), 'UUID_INVALID', ['VDI', baseUuid]);
      await rejectsWith(call('VDI.get_by_uuid', base2Uuid), 'UUID_INVALID', ['VDI', base2Uuid]);
      assert.equal((await record('VDI', disk)).sm_config['vhd-parent'], undefined);
      await assertConsistent(nfs);
      await call('VDI.destroy', disk);
      const restored = await record('SR', nfs);
      assert.equal(restored.virtual_allocation, before.virtual_allocation);
      assert.equal(restored.physical_utilisation, before.physical_utilisation);
    });

    it('copies a VDI into another SR as an independent disk', async () => {
      const disk = await createVdi(nfs, 20 * GiB, 'to copy');
      await call('VDI.snapshot', disk, {});
      const before = await record('SR', local);
      const copy = await call('VDI.copy', disk, local, NULL, NULL);
      const c = await record('VDI', copy);
      assert.equal(c.SR, local);
      assert.equal(c.name_label, 'to copy');
      assert.equal(c.virtual_size, 20 * GiB);
      assert.equal(c.is_a_snapshot, false);
      assert.equal(c.sm_config['vhd-parent'], undefined);
      const grown = await record('SR', local);
      assert.equal(grown.virtual_allocation - before.virtual_allocation, 20 * GiB);
      assert.ok(grown.VDIs.includes(copy));
      await assertConsistent(local);
      await assertConsistent(nfs);
    });

    it('resizes up only, with the SM driver\'s error on shrink', async () => {
      const disk = await createVdi(nfs, 10 * GiB);
      const before = await record('SR', nfs);
      await call('VDI.resize', disk, 30 * GiB);
      assert.equal((await record('VDI', disk)).virtual_size, 30 * GiB);
      assert.equal((await record('SR', nfs)).virtual_allocation - before.virtual_allocation, 20 * GiB);
      await rejectsWith(call('VDI.resize', disk, 10 * GiB), 'SR_BACKEND_FAILURE_79',
        ['', 'VDI Invalid size [opterr=shrinking not allowed]', '']);
      await assertConsistent(nfs);
    });

    it('runs Async.VDI.copy as a task whose progress advances to a VDI ref result', async () => {
      const disk = await createVdi(nfs, 200 * GiB, 'big');
      const task = await client.call('Async.VDI.copy', session, disk, local, NULL, NULL);
      assert.match(task, /^OpaqueRef:[0-9a-f-]{36}$/);
      const progress: number[] = [];
      let final: any;
      for (;;) {
        final = await record('task', task);
        progress.push(final.progress);
        if (final.status !== 'pending') break;
        await sleep(15);
      }
      assert.equal(final.status, 'success', JSON.stringify(final.error_info));
      assert.ok(progress.some((p) => p > 0 && p < 1), `intermediate progress seen: ${progress.join(' ')}`);
      assert.deepEqual([...progress].sort((a, b) => a - b), progress, 'progress never goes back');
      const match = /^<value>(OpaqueRef:[0-9a-f-]{36})<\/value>$/.exec(final.result);
      assert.ok(match, final.result);
      const copy = await record('VDI', match[1]);
      assert.equal(copy.SR, local);
      assert.equal(copy.virtual_size, 200 * GiB);
    });
  });

  describe('VBDs and VIFs', () => {
    let vm: string;
    let disk: string;
    let disk2: string;
    let vbd0: string;
    let vbd1: string;
    let cd: string;
    let network: string;
    let vif: string;

    const vbdRecord = (fields: Record<string, unknown>) => ({
      bootable: false, mode: 'RW', type: 'Disk', unpluggable: true, empty: false, other_config: {},
      qos_algorithm_type: '', qos_algorithm_params: {}, ...fields,
    });
    const vifRecord = (fields: Record<string, unknown>) => ({
      MAC: '', MTU: 1500, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {},
      locking_mode: 'network_default', ipv4_allowed: [], ipv6_allowed: [], ...fields,
    });

    before(async () => {
      vm = await call('VM.create', {
        name_label: 'storage-vm', name_description: '', user_version: 1, is_a_template: false,
        memory_static_max: GiB, memory_dynamic_max: GiB, memory_dynamic_min: GiB, memory_static_min: 512 * MiB,
        VCPUs_max: 1, VCPUs_at_startup: 1, actions_after_shutdown: 'destroy', actions_after_reboot: 'restart',
        actions_after_crash: 'restart', PV_bootloader: 'pygrub', PV_kernel: '', PV_ramdisk: '', PV_args: '',
        PV_bootloader_args: '', PV_legacy_args: '', HVM_boot_policy: '', HVM_boot_params: {}, domain_type: 'pv',
        VCPUs_params: {}, platform: {}, PCI_bus: '', affinity: NULL, recommendations: '', other_config: {},
      });
      disk = await createVdi(local, 8 * GiB, 'root');
      disk2 = await createVdi(local, 4 * GiB, 'data');
      network = (await call('network.get_by_name_label', 'Pool-wide network associated with eth0'))[0];
    });

    it('creates VBDs, resolving autodetect to the lowest free device and refusing taken ones', async () => {
      vbd0 = await call('VBD.create', vbdRecord({ VM: vm, VDI: disk, userdevice: 'autodetect', bootable: true }));
      const r = await record('VBD', vbd0);
      assert.equal(r.userdevice, '0');
      assert.equal(r.currently_attached, false);
      assert.equal(r.device, '');
      assert.deepEqual((await record('VM', vm)).VBDs, [vbd0]);
      assert.deepEqual((await record('VDI', disk)).VBDs, [vbd0]);

      await rejectsWith(call('VBD.create', vbdRecord({ VM: vm, VDI: disk2, userdevice: '0' })), 'DEVICE_ALREADY_EXISTS', ['0']);
      await rejectsWith(call('VBD.create', vbdRecord({ VM: vm, VDI: disk2, userdevice: 'xvda' })), 'DEVICE_ALREADY_EXISTS', ['xvda']);
      await rejectsWith(call('VBD.create', vbdRecord({ VM: NULL, VDI: disk2, userdevice: '1' })), 'HANDLE_INVALID', ['VM', NULL]);
      await rejectsWith(call('VBD.create', vbdRecord({ VM: vm, VDI: 'OpaqueRef:nope', userdevice: '1' })), 'HANDLE_INVALID', ['VDI', 'OpaqueRef:nope']);
      vbd1 = await call('VBD.create', vbdRecord({ VM: vm, VDI: disk2, userdevice: 'autodetect' }));
      assert.equal((await record('VBD', vbd1)).userdevice, '1');

      const allowed: string[] = await call('VM.get_allowed_VBD_devices', vm);
      assert.ok(!allowed.includes('0') && !allowed.includes('1'));
      assert.equal(allowed[0], '2');
    });

    it('takes an empty CD drive and applies the removable-media rules', async () => {
      cd = await call('VBD.create', vbdRecord({ VM: vm, VDI: NULL, userdevice: '3', type: 'CD', mode: 'RO', empty: true }));
      const r = await record('VBD', cd);
      assert.equal(r.VDI, NULL);
      assert.equal(r.empty, true);
      await rejectsWith(call('VBD.create', vbdRecord({ VM: vm, VDI: NULL, userdevice: '4', empty: true })), 'VBD_NOT_REMOVABLE_MEDIA', ['in constructor']);
      await rejectsWith(call('VBD.create', vbdRecord({ VM: vm, VDI: NULL, userdevice: '4', type: 'CD', empty: true })), 'VBD_CDS_MUST_BE_READONLY', []);
      await rejectsWith(call('VBD.eject', cd), 'VBD_IS_EMPTY', [cd]);
      await rejectsWith(call('VBD.insert', vbd0, disk2), 'VBD_NOT_REMOVABLE_MEDIA', [vbd0]);
      await rejectsWith(call('VBD.insert', cd, disk2), 'VDI_IS_NOT_ISO', [disk2, 'user']);
    });

    it('creates VIFs with a generated MAC and free devices only', async () => {
      vif = await call('VIF.create', vifRecord({ VM: vm, network, device: '0' }));
      const r = await record('VIF', vif);
      assert.match(r.MAC, /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
      assert.equal(parseInt(r.MAC.slice(0, 2), 16) & 0x03, 0x02, 'locally administered unicast');
      assert.equal(r.MAC_autogenerated, true);
      assert.ok((await record('network', network)).VIFs.includes(vif));
      assert.deepEqual((await record('VM', vm)).VIFs, [vif]);
      await rejectsWith(call('VIF.create', vifRecord({ VM: vm, network, device: '0' })), 'DEVICE_ALREADY_EXISTS', ['0']);
      await rejectsWith(call('VIF.create', vifRecord({ VM: vm, network, device: '1', MAC: 'zz' })), 'MAC_INVALID', ['zz']);
      const fixed = await call('VIF.create', vifRecord({ VM: vm, network, device: '2', MAC: '02:00:00:00:00:01' }));
      assert.equal((await record('VIF', fixed)).MAC_autogenerated, false);
      assert.deepEqual(await call('VM.get_allowed_VIF_devices', vm), ['1', '3', '4', '5', '6']);
      await call('VIF.destroy', fixed);
      assert.deepEqual(await call('VM.get_allowed_VIF_devices', vm), ['1', '2', '3', '4', '5', '6']);
    });

    it('refuses hot-plug on a halted VM with XAPI\'s parameters', async () => {
      await rejectsWith(call('VBD.plug', vbd0), 'VM_BAD_POWER_STATE', [vm, 'running', 'halted']);
      await rejectsWith(call('VBD.unplug', vbd0), 'VM_BAD_POWER_STATE', [vm, 'running', 'halted']);
      await rejectsWith(call('VIF.plug', vif), 'VM_BAD_POWER_STATE', [vm, 'running', 'halted']);
    });

    it('attaches every device when the VM starts, and applies the attached-device rules', async () => {
      await call('VM.start', vm, false, false);
      const [r0, r1, rcd] = [await record('VBD', vbd0), await record('VBD', vbd1), await record('VBD', cd)];
      assert.deepEqual([r0.currently_attached, r1.currently_attached, rcd.currently_attached], [true, true, true]);
      assert.deepEqual([r0.device, r1.device, rcd.device], ['xvda', 'xvdb', 'xvdd']);
      assert.equal((await record('VIF', vif)).currently_attached, true);

      await rejectsWith(call('VDI.destroy', disk), 'VDI_IN_USE', [disk, 'destroy']);
      await rejectsWith(call('VBD.plug', vbd0), 'DEVICE_ALREADY_ATTACHED', [vbd0]);
      await rejectsWith(call('VBD.destroy', vbd0), 'OPERATION_NOT_ALLOWED');
      await rejectsWith(call('VIF.destroy', vif), 'OPERATION_NOT_ALLOWED', ['VIF currently attached to a running VM']);

      await call('VBD.unplug', vbd1);
      assert.equal((await record('VBD', vbd1)).currently_attached, false);
      await rejectsWith(call('VBD.unplug', vbd1), 'DEVICE_ALREADY_DETACHED', [vbd1]);
      await call('VBD.plug', vbd1);
      assert.equal((await record('VBD', vbd1)).currently_attached, true);
      await call('VIF.unplug', vif);
      assert.equal((await record('VIF', vif)).currently_attached, false);
      await call('VIF.plug', vif);
    });

    it('detaches devices when the VM stops; destroying a disk takes its VBDs along', async () => {
      await call('VM.hard_shutdown', vm);
      for (const vbd of [vbd0, vbd1, cd]) assert.equal((await record('VBD', vbd)).currently_attached, false);
      assert.equal((await record('VIF', vif)).currently_attached, false);
      assert.ok((await record('VBD', vbd0)).allowed_operations.includes('attach'));

      await call('VDI.destroy', disk2);
      await rejectsWith(record('VBD', vbd1), 'HANDLE_INVALID', ['VBD', vbd1]);
      assert.deepEqual((await record('VM', vm)).VBDs, [vbd0, cd]);

      await call('VBD.destroy', cd);
      assert.deepEqual((await record('VM', vm)).VBDs, [vbd0]);
      await call('VIF.destroy', vif);
      assert.deepEqual((await record('network', network)).VIFs, []);
    });
  });
});
