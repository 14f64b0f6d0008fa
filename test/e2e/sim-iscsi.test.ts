// iSCSI storage in the simulator over JSON-RPC, as a Nova-like client drives it: SR.introduce, PBD.create and
// PBD.plug (the SM's login failures), SR.scan showing the LUNs, VDI.introduce, VBD hot-plug on a LUN, and the
// rules for letting go: PBD.unplug while a running VM uses the disk, SR.forget while a PBD is plugged.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { iscsiTargets, type IscsiTarget } from '../../src/simulator/classes/iscsi.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import type { Topology } from '../../src/simulator/topology.js';
import { jsonSession } from '../helpers/raw-xapi.js';
import { addGuestVms } from '../helpers/sim-vms.js';

const GiB = 1024 ** 3;

/** Two hosts; one open target and one behind CHAP. */
const TOPOLOGY: Topology = {
  pools: [{
    name: 'iscsi-pool',
    hosts: [{ name: 'is-1' }, { name: 'is-2' }],
    templates: [{ name: 'Debian', memoryMiB: 512, vcpus: 1, diskGiB: 4 }],
    iscsiTargets: [
      { iqn: 'iqn.2024-01.test:open', address: '10.9.0.1', luns: [{ id: 0, sizeGiB: 5 }, { id: 7, sizeGiB: 8 }] },
      { iqn: 'iqn.2024-01.test:chap', address: '10.9.0.2', port: 3261, chap: { user: 'u', secret: 'chap-secret-1' }, luns: [{ id: 1, sizeGiB: 2 }] },
    ],
  }],
};

describe('simulated iSCSI storage', () => {
  let sim: RunningSimulator;
  let xapi: Awaited<ReturnType<typeof jsonSession>>;
  let hosts: string[];
  let open: IscsiTarget;
  let chap: IscsiTarget;

  before(async () => {
    sim = await startSimulator({ port: 0, password: 'pw', timeScale: 0.02, topology: TOPOLOGY });
    xapi = await jsonSession(sim.pools[0]!.masterUrl, 'pw');
    hosts = [...(await xapi.call('host.get_by_name_label', 'is-1')), ...(await xapi.call('host.get_by_name_label', 'is-2'))];
    [open, chap] = iscsiTargets(sim.world) as [IscsiTarget, IscsiTarget];
  });
  after(async () => {
    await sim?.stop();
  });

  const rejectsWith = (promise: Promise<unknown>, code: string) => assert.rejects(promise, (error: { code: string; params: string[] }) => {
    assert.equal(error.code, code, `${error.code} ${JSON.stringify(error.params)}`);
    assert.equal(error.params.join(' ').includes('chap-secret'), false, 'no secret in the error');
    return true;
  });

  async function introduce(uuid: string): Promise<string> {
    return xapi.call('SR.introduce', uuid, `tempSR-${uuid}`, '', 'iscsi', '', false, {});
  }

  async function pbd(sr: string, host: string, config: Record<string, string>): Promise<string> {
    return xapi.call('PBD.create', { host, SR: sr, device_config: config, other_config: {} });
  }

  it('refuses a login to a wrong portal, IQN or CHAP secret with the SM\'s codes', async () => {
    const sr = await introduce('11111111-1111-5111-8111-111111111111');
    const cases: [Record<string, string>, string][] = [
      [{ targetIQN: chap.iqn }, 'SR_BACKEND_FAILURE_95'],
      [{ target: chap.address, port: '3261' }, 'SR_BACKEND_FAILURE_96'],
      [{ target: chap.address, port: 'x', targetIQN: chap.iqn }, 'SR_BACKEND_FAILURE_142'],
      [{ target: '10.9.9.9', port: '3261', targetIQN: chap.iqn }, 'SR_BACKEND_FAILURE_141'],
      [{ target: chap.address, port: '3261', targetIQN: 'iqn.2024-01.test:other' }, 'SR_BACKEND_FAILURE_96'],
      [{ target: chap.address, port: '3261', targetIQN: chap.iqn, chapuser: 'u', chappassword: 'wrong' }, 'SR_BACKEND_FAILURE_68'],
      [{ target: chap.address, port: '3261', targetIQN: chap.iqn }, 'SR_BACKEND_FAILURE_68'],
    ];
    for (const [config, code] of cases) {
      const ref = await pbd(sr, hosts[0]!, config);
      await rejectsWith(xapi.call('PBD.plug', ref), code);
      assert.equal(await xapi.call('PBD.get_currently_attached', ref), false);
      await xapi.call('PBD.destroy', ref);
    }
    await xapi.call('SR.forget', sr);
  });

  it('shows one VDI per LUN after a scan, the same uuids every time, and forgets only records', async () => {
    const uuid = '22222222-2222-5222-8222-222222222222';
    for (let round = 0; round < 2; round++) {
      const sr = await introduce(uuid);
      const ref = await pbd(sr, hosts[0]!, { target: open.address, targetIQN: open.iqn });
      await rejectsWith(pbd(sr, hosts[0]!, { target: open.address, targetIQN: open.iqn }), 'PBD_EXISTS');
      await xapi.call('PBD.plug', ref);
      await xapi.call('PBD.plug', ref);
      await xapi.call('SR.scan', sr);
      const vdis = await Promise.all((await xapi.call('SR.get_VDIs', sr)).map((vdi: string) => xapi.call('VDI.get_record', vdi)));
      assert.deepEqual(vdis.map((vdi) => [vdi.uuid, vdi.sm_config.LUNid, Number(vdi.virtual_size), vdi.managed]),
        open.luns.map((lun) => [lun.vdiUuid, String(lun.id), lun.size, true]));
      assert.equal(Number(await xapi.call('SR.get_physical_size', sr)), 13 * GiB);
      await rejectsWith(xapi.call('VDI.destroy', await xapi.call('VDI.get_by_uuid', open.luns[0]!.vdiUuid)), 'SR_OPERATION_NOT_SUPPORTED');
      await rejectsWith(xapi.call('SR.forget', sr), 'SR_HAS_PBD');
      await rejectsWith(introduce(uuid), 'SR_UUID_EXISTS');
      await xapi.call('PBD.unplug', ref);
      await xapi.call('SR.forget', sr);
      await rejectsWith(xapi.call('VDI.get_by_uuid', open.luns[0]!.vdiUuid), 'UUID_INVALID');
      assert.deepEqual(await xapi.call('PBD.get_all_records_where', `field "SR"="${sr}"`), {}, 'its PBDs went with it');
    }
  });

  it('plugs a LUN into a running VM, holds the PBD while it is plugged, and keeps a private SR on one host', async () => {
    const sr = await introduce('33333333-3333-5333-8333-333333333333');
    const config = { target: chap.address, port: '3261', targetIQN: chap.iqn, chapuser: 'u', chappassword: chap.chap!.secret };
    const first = await pbd(sr, hosts[0]!, config);
    await xapi.call('PBD.plug', first);
    await xapi.call('SR.scan', sr);
    const [vdi] = await xapi.call('SR.get_VDIs', sr);
    assert.equal((await xapi.call('VDI.get_sm_config', vdi)).LUNid, '1');

    const second = await pbd(sr, hosts[1]!, config);
    await rejectsWith(xapi.call('PBD.plug', second), 'SR_NOT_SHARABLE');
    await xapi.call('SR.set_shared', sr, true);
    await xapi.call('PBD.plug', second);
    await rejectsWith(xapi.call('SR.set_shared', sr, false), 'SR_HAS_MULTIPLE_PBDS');
    await xapi.call('PBD.unplug', second);
    await xapi.call('PBD.destroy', second);

    const [vm] = addGuestVms(sim.world.pools[0]!, 1, 'lun-user', { running: true });
    const vbd = await xapi.call('VBD.create', {
      VM: vm, VDI: vdi, userdevice: '1', bootable: false, mode: 'RW', type: 'Disk', unpluggable: true, empty: false,
      other_config: { osvol: 'True' }, qos_algorithm_type: '', qos_algorithm_params: {}, qos_supported_algorithms: [],
    });
    assert.ok((await xapi.call('VM.get_allowed_VBD_devices', vm)).includes('2'));
    await xapi.call('VBD.plug', vbd);
    assert.equal(await xapi.call('VBD.get_device', vbd), 'xvdb');
    assert.equal(await xapi.call('VM.get_resident_on', vm), hosts[0], 'the first guest lives on the first host');
    await rejectsWith(xapi.call('PBD.unplug', first), 'VDI_IN_USE');
    await xapi.call('VBD.unplug', vbd);
    await xapi.call('VBD.destroy', vbd);
    await xapi.call('PBD.unplug', first);
    await xapi.call('SR.forget', sr);
  });

  it('introduces a LUN\'s VDI by uuid, with the caller\'s labels, on a plugged SR', async () => {
    const sr = await introduce('44444444-4444-5444-8444-444444444444');
    const ref = await pbd(sr, hosts[0]!, { target: open.address, targetIQN: open.iqn, LUNid: '7' });
    await xapi.call('PBD.plug', ref);
    const lun = open.luns.find((l) => l.id === 7)!;
    // Nova's eleven-parameter form; XAPI fills in the rest.
    const vdi = await xapi.call('VDI.introduce', lun.vdiUuid, 'data', 'a volume', sr, 'user', false, false, {}, lun.scsiId, {}, {});
    const record = await xapi.call('VDI.get_record', vdi);
    assert.deepEqual([record.uuid, record.name_label, Number(record.virtual_size), record.managed], [lun.vdiUuid, 'data', 8 * GiB, true]);
    await rejectsWith(xapi.call('VDI.introduce', 'no-such', '', '', sr, 'user', false, false, {}, 'nowhere', {}, {}), 'SR_BACKEND_FAILURE_144');
    await xapi.call('SR.scan', sr);
    assert.deepEqual(await xapi.call('SR.get_VDIs', sr), [vdi], 'LUNid limits the scan to one LUN');
    await xapi.call('PBD.unplug', ref);
    await xapi.call('SR.forget', sr);
  });
});
