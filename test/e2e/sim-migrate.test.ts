// The simulator's live migration: VM.pool_migrate within pool-a over shared storage, and migrate_receive /
// assert_can_migrate / migrate_send to the standalone pool, with task progress and memory accounting.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { jsonSession } from '../helpers/raw-xapi.js';

let sim: RunningSimulator;
type Session = Awaited<ReturnType<typeof jsonSession>>;
let a: Session;
let b: Session;

before(async () => {
  sim = await startSimulator({ port: 0, password: 'pw', timeScale: 0.05 });
  a = await jsonSession(sim.pools[0]!.masterUrl, 'pw');
  b = await jsonSession(sim.pools[1]!.masterUrl, 'pw');
});
after(async () => {
  await sim?.stop();
});

/** A running guest from a template, its disks on the pool's default (shared) SR. */
async function runningVm(name: string): Promise<string> {
  const [template] = await a.call('VM.get_by_name_label', 'Debian Bookworm 12');
  const vm: string = await a.call('VM.clone', template, name);
  await a.call('VM.provision', vm);
  await a.call('VM.set_is_a_template', vm, false);
  await a.call('VM.start', vm, false, false);
  return vm;
}

async function waitTask(session: Session, task: string): Promise<{ status: string; progress: number[]; record: any }> {
  const progress: number[] = [];
  for (;;) {
    const record = await session.call('task.get_record', task);
    if (progress.at(-1) !== record.progress) progress.push(record.progress);
    if (record.status !== 'pending') return { status: record.status, progress, record };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('VM.pool_migrate', () => {
  it('moves a running VM to another host with advancing progress and moves its memory', async () => {
    const vm = await runningVm('mover');
    const source: string = await a.call('VM.get_resident_on', vm);
    const [target] = (await a.call('host.get_all') as string[]).filter((h) => h !== source);
    const freeBefore = await a.call('host.compute_free_memory', target);
    const domid = await a.call('VM.get_domid', vm);
    const task: string = await a.call('Async.VM.pool_migrate', vm, target, { live: 'true' });
    const outcome = await waitTask(a, task);
    assert.equal(outcome.status, 'success', JSON.stringify(outcome.record.error_info));
    assert.ok(outcome.progress.length >= 5, `progress seen: ${outcome.progress}`);
    assert.equal(await a.call('VM.get_resident_on', vm), target);
    assert.equal(await a.call('VM.get_power_state', vm), 'Running');
    assert.notEqual(await a.call('VM.get_domid', vm), domid);
    assert.ok(await a.call('host.compute_free_memory', target) < freeBefore, 'the destination now holds the memory');
  });

  it('fails halfway when a fault strikes, leaving the VM running where it was', async () => {
    const vm = await runningVm('stayer');
    const source: string = await a.call('VM.get_resident_on', vm);
    const [target] = (await a.call('host.get_all') as string[]).filter((h) => h !== source);
    sim.faults.add({ method: 'VM.pool_migrate', error: ['VM_MIGRATE_FAILED', vm, source, target, 'connection reset'], atProgress: 0.5 });
    const task: string = await a.call('Async.VM.pool_migrate', vm, target, {});
    const outcome = await waitTask(a, task);
    assert.equal(outcome.status, 'failure');
    assert.equal(outcome.record.error_info[0], 'VM_MIGRATE_FAILED');
    assert.deepEqual([await a.call('VM.get_resident_on', vm), await a.call('VM.get_power_state', vm)], [source, 'Running']);
    assert.equal(await a.call('VM.get_scheduled_to_be_resident_on', vm), 'OpaqueRef:NULL');
  });

  it('refuses a VM whose disks the destination cannot see', async () => {
    const vm = await runningVm('local');
    const host: string = await a.call('VM.get_resident_on', vm);
    const [local] = Object.entries(await a.call('SR.get_all_records') as Record<string, any>)
      .find(([, sr]) => sr.type !== 'nfs' && sr.content_type !== 'iso' && sr.PBDs.length === 1
        && sr.name_label.toLowerCase().includes('local'))!;
    const vdi = await a.call('VDI.create', { name_label: 'scratch', SR: local, virtual_size: String(1024 ** 3), type: 'user', sharable: false, read_only: false, other_config: {}, xenstore_data: {}, sm_config: {}, tags: [] });
    const localHost = (await a.call('PBD.get_record', (await a.call('SR.get_PBDs', local))[0])).host;
    const [target] = (await a.call('host.get_all') as string[]).filter((h) => h !== localHost && h !== host);
    await a.call('VBD.create', { VM: vm, VDI: vdi, userdevice: '5', bootable: false, mode: 'RW', type: 'Disk', unpluggable: true, empty: false, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {} });
    await assert.rejects(a.call('VM.pool_migrate', vm, target, {}), (error: { code: string }) => error.code === 'VM_REQUIRES_SR');
  });
});

describe('cross-pool migration', () => {
  it('moves a running VM with its disks to the standalone pool, keeping its uuid', async () => {
    const vm = await runningVm('traveller');
    const uuid: string = await a.call('VM.get_uuid', vm);
    const [destHost] = await b.call('host.get_all');
    const [management] = Object.entries(await b.call('PIF.get_all_records') as Record<string, any>).find(([, pif]) => pif.management)!;
    const network = (await b.call('PIF.get_record', management)).network;
    const dest = await b.call('host.migrate_receive', destHost, network, {});
    const [pool] = await b.call('pool.get_all');
    const sr: string = await b.call('pool.get_default_SR', pool);
    const vdis = await Promise.all((await a.call('VM.get_VBDs', vm) as string[]).map((vbd) => a.call('VBD.get_VDI', vbd)));
    const vdiMap = Object.fromEntries(vdis.filter((v) => v !== 'OpaqueRef:NULL').map((v) => [v, sr]));

    await assert.rejects(a.call('VM.assert_can_migrate', vm, dest, true, {}, {}, {}), (error: { code: string }) => error.code === 'VDI_NOT_IN_MAP');
    await a.call('VM.assert_can_migrate', vm, dest, true, vdiMap, {}, {});
    const task: string = await a.call('Async.VM.migrate_send', vm, dest, true, vdiMap, {}, {});
    const outcome = await waitTask(a, task);
    assert.equal(outcome.status, 'success', JSON.stringify(outcome.record.error_info));
    assert.ok(outcome.progress.length >= 5, `progress seen: ${outcome.progress}`);

    const moved: string = await b.call('VM.get_by_uuid', uuid);
    assert.deepEqual([await b.call('VM.get_power_state', moved), await b.call('VM.get_resident_on', moved)], ['Running', destHost]);
    const movedDisks = await Promise.all((await b.call('VM.get_VBDs', moved) as string[]).map((vbd) => b.call('VBD.get_VDI', vbd)));
    const srs = await Promise.all(movedDisks.filter((v) => v !== 'OpaqueRef:NULL').map((v) => b.call('VDI.get_SR', v)));
    assert.ok(srs.length > 0 && srs.every((s) => s === sr), 'the disks now live on the destination SR');
    await assert.rejects(a.call('VM.get_by_uuid', uuid), (error: { code: string }) => error.code === 'UUID_INVALID');
  });
});
