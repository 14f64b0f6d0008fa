// The simulator's pool membership: the standalone host joins pool-a (its halted VM, local disk and NICs move
// with it, its endpoint turns slave), XAPI's pre-join refusals, and pool.eject sending it back, after a reboot,
// as a fresh pool of its own. A state file keeps the world as the joins and ejects left it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { jsonRpc, jsonSession } from '../helpers/raw-xapi.js';
import { waitUntil } from '../helpers/wait.js';

type Session = Awaited<ReturnType<typeof jsonSession>>;
const PASSWORD = 'pw';

const dir = mkdtempSync(join(tmpdir(), 'xengraph-pool-join-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function urls(sim: RunningSimulator) {
  const [a, b] = sim.pools;
  return { a: a!.masterUrl, b: b!.masterUrl, aSlave: a!.hostUrls[1]!, aAddress: new URL(a!.masterUrl).hostname };
}

/** A guest made from the pool's first template, its disk on the pool's default SR. */
async function guest(session: Session, name: string, start = false): Promise<string> {
  const [template] = await session.call('VM.get_by_name_label', 'Debian Bookworm 12');
  const vm: string = await session.call('VM.clone', template, name);
  await session.call('VM.provision', vm);
  await session.call('VM.set_is_a_template', vm, false);
  if (start) await session.call('VM.start', vm, false, false);
  return vm;
}

async function finishedTask(session: Session, task: string) {
  const progress: number[] = [];
  for (;;) {
    const record = await session.call('task.get_record', task);
    if (progress.at(-1) !== record.progress) progress.push(record.progress);
    if (record.status !== 'pending') return { ...record, seen: progress };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('pre-join checks', () => {
  let sim: RunningSimulator;
  let a: Session;
  let b: Session;
  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02 });
    a = await jsonSession(urls(sim).a, PASSWORD);
    b = await jsonSession(urls(sim).b, PASSWORD);
  });
  after(() => sim?.stop());

  it('fail with the master\'s login errors, and nothing moves', async () => {
    const { aAddress } = urls(sim);
    await assert.rejects(b.call('pool.join', aAddress, 'root', 'wrong'), { code: 'SESSION_AUTHENTICATION_FAILED', params: ['root', 'Authentication failure'] });
    await assert.rejects(b.call('pool.join', '127.0.0.99', 'root', PASSWORD), { code: 'JOINING_HOST_CONNECTION_FAILED' });
    const slaveAddress = new URL(urls(sim).aSlave).hostname;
    await assert.rejects(b.call('pool.join', slaveAddress, 'root', PASSWORD), { code: 'HOST_IS_SLAVE', params: [aAddress] });
    assert.equal((await a.call('host.get_all')).length, 3);
    assert.equal((await b.call('host.get_all')).length, 1);
  });

  it('refuse a master of other hosts, running VMs, shared SRs and (without force) other CPUs', async () => {
    const { aAddress } = urls(sim);
    const bAddress = new URL(urls(sim).b).hostname;
    await assert.rejects(a.call('pool.join', bAddress, 'root', PASSWORD), { code: 'JOINING_HOST_CANNOT_BE_MASTER_OF_OTHER_HOSTS' });
    await assert.rejects(b.call('pool.join', bAddress, 'root', PASSWORD), { code: 'OPERATION_NOT_ALLOWED' });

    const running = await guest(b, 'busy', true);
    await assert.rejects(b.call('pool.join', aAddress, 'root', PASSWORD), { code: 'JOINING_HOST_CANNOT_HAVE_RUNNING_OR_SUSPENDED_VMS' });
    await b.call('VM.suspend', running);
    await assert.rejects(b.call('pool.join', aAddress, 'root', PASSWORD), { code: 'JOINING_HOST_CANNOT_HAVE_RUNNING_OR_SUSPENDED_VMS' });
    await b.call('VM.resume', running, false, false);
    await b.call('VM.hard_shutdown', running);

    const standalone = sim.world.pools[1]!;
    const [local] = standalone.db.select('SR', (sr) => sr.type === 'ext')[0]!;
    standalone.db.update(local, { shared: true });
    await assert.rejects(b.call('pool.join', aAddress, 'root', PASSWORD), { code: 'JOINING_HOST_CANNOT_CONTAIN_SHARED_SRS' });
    standalone.db.update(local, { shared: false });

    standalone.db.update(standalone.masterRef, (host) => { host.cpu_info = { ...host.cpu_info, vendor: 'AuthenticAMD' }; });
    await assert.rejects(b.call('pool.join', aAddress, 'root', PASSWORD), { code: 'HOSTS_NOT_HOMOGENEOUS', params: ['CPUs differ'] });
    assert.equal((await a.call('host.get_all')).length, 3, 'still three hosts');
    // join_force skips the homogeneity check, and nothing else.
    await b.call('pool.join_force', aAddress, 'root', PASSWORD);
    assert.equal((await a.call('host.get_all')).length, 4);
  });
});

describe('pool.join, then pool.eject', () => {
  let sim: RunningSimulator;
  let a: Session;
  let b: Session;
  let bUrl: string;
  let aAddress: string;
  let bHostUuid: string;
  let bHostRef: string;
  let parked: { vm: string; uuid: string; disk: string };
  const stateFile = join(dir, 'world.json');

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02, stateFile });
    bUrl = urls(sim).b;
    aAddress = urls(sim).aAddress;
    a = await jsonSession(urls(sim).a, PASSWORD);
    b = await jsonSession(bUrl, PASSWORD);
    [bHostRef] = await b.call('host.get_all');
    bHostUuid = await b.call('host.get_uuid', bHostRef);
    const vm = await guest(b, 'parked');
    const vbd = (await b.call('VM.get_VBDs', vm))[0];
    parked = { vm, uuid: await b.call('VM.get_uuid', vm), disk: await b.call('VDI.get_uuid', await b.call('VBD.get_VDI', vbd)) };
  });
  after(() => sim?.stop());

  it('absorbs the standalone host into pool-a with its halted VM, local disk and NICs; its endpoint turns slave', async () => {
    const networksBefore = (await a.call('network.get_all')).length;
    const templatesBefore = (await a.call('VM.get_all_records_where', 'field "is_default_template" = "true"')).length;
    const { token } = await a.call('event.from', ['host'], '', 0);
    const task: string = await b.call('Async.pool.join', aAddress, 'root', PASSWORD);
    const outcome = await finishedTask(b, task);
    assert.equal(outcome.status, 'success', JSON.stringify(outcome.error_info));
    assert.ok(outcome.seen.length >= 4, `progress seen: ${outcome.seen}`);

    const added = await a.call('event.from', ['host'], token, 5);
    assert.ok(added.events.some((e: { operation: string; snapshot?: { uuid: string } }) => e.operation === 'add' && e.snapshot?.uuid === bHostUuid), 'pool-a\'s event stream shows the host added');
    const hosts: string[] = await a.call('host.get_all');
    assert.equal(hosts.length, 4);
    const host = await a.call('host.get_by_uuid', bHostUuid);
    assert.equal(host, bHostRef, 'the host keeps its identity');

    // Logins on its address now go to the master; the old session dies with its toolstack.
    await waitUntil(() => jsonRpc(bUrl)('session.login_with_password', 'root', PASSWORD, '1.0', 't').then(() => false, (e) => e.code === 'HOST_IS_SLAVE' && e.params[0] === aAddress), 5000, 'HOST_IS_SLAVE');
    await assert.rejects(b.call('pool.get_all'), { code: 'SESSION_INVALID' });
    assert.equal((await a.call('pool.get_all')).length, 1);

    const vm = await a.call('VM.get_by_uuid', parked.uuid);
    assert.equal(await a.call('VM.get_power_state', vm), 'Halted');
    const disk = await a.call('VDI.get_record', await a.call('VDI.get_by_uuid', parked.disk));
    const sr = await a.call('SR.get_record', disk.SR);
    assert.equal(sr.name_label, 'Local storage on xen-b1');
    assert.deepEqual(await Promise.all(sr.PBDs.map((p: string) => a.call('PBD.get_host', p))), [host]);

    // Its NICs meet pool-a's networks by bridge; the product's templates and tools ISOs are not doubled.
    assert.equal((await a.call('network.get_all')).length, networksBefore);
    const pifs: string[] = await a.call('host.get_PIFs', host);
    for (const pif of pifs) {
      const network = await a.call('PIF.get_network', pif);
      assert.ok((await a.call('network.get_PIFs', network)).includes(pif), 'the network lists the PIF');
    }
    const bridges = await Promise.all(pifs.map(async (pif) => a.call('network.get_bridge', await a.call('PIF.get_network', pif))));
    assert.deepEqual(bridges.sort(), ['xenbr0', 'xenbr1']);
    assert.equal((await a.call('VM.get_all_records_where', 'field "is_default_template" = "true"')).length, templatesBefore);

    // The pool's shared SRs are plugged on it too, so its VMs can start there and move around.
    const [nfs] = await a.call('SR.get_by_name_label', 'NFS shared storage');
    const nfsHosts = await Promise.all((await a.call('SR.get_PBDs', nfs)).map((p: string) => a.call('PBD.get_host', p)));
    assert.ok(nfsHosts.includes(host));
    assert.equal(nfsHosts.length, 4);
  });

  it('keeps the joined world in the state file', async () => {
    await waitUntil(async () => {
      const { loadWorld } = await import('../../src/simulator/persistence.js');
      const world = loadWorld(stateFile, { user: 'root', password: PASSWORD, timeScale: 1 });
      return world && world.pools.length === 1 && world.pools[0]!.db.table('host').size === 4;
    }, 5000, 'the state file to show one pool of four hosts');
  });

  it('refuses to eject the master, or a host with a VM running on it', async () => {
    const master = await a.call('pool.get_master', (await a.call('pool.get_all'))[0]);
    await assert.rejects(a.call('pool.eject', master), { code: 'INTERNAL_ERROR' });
    const host = await a.call('host.get_by_uuid', bHostUuid);
    const vm = await a.call('VM.get_by_uuid', parked.uuid);
    await a.call('VM.start_on', vm, host, false, false);
    await assert.rejects(a.call('pool.eject', host), { code: 'OPERATION_NOT_ALLOWED', params: ['VM resident on host'] });
    await a.call('VM.hard_shutdown', vm);
  });

  it('ejects it: pool-a forgets it and its local VMs, and it comes back after a reboot as a fresh pool of its own', async () => {
    const host = await a.call('host.get_by_uuid', bHostUuid);
    const { token } = await a.call('event.from', ['host'], '', 0);
    await a.call('pool.eject', host);
    assert.equal((await a.call('host.get_all')).length, 3);
    const removed = await a.call('event.from', ['host'], token, 5);
    assert.ok(removed.events.some((e: { operation: string; ref: string }) => e.operation === 'del' && e.ref === host), 'pool-a\'s event stream shows the host removed');
    await assert.rejects(a.call('VM.get_by_uuid', parked.uuid), { code: 'UUID_INVALID' });
    await assert.rejects(a.call('VDI.get_by_uuid', parked.disk), { code: 'UUID_INVALID' });
    const [nfs] = await a.call('SR.get_by_name_label', 'NFS shared storage');
    assert.equal((await a.call('SR.get_PBDs', nfs)).length, 3);

    // Rebooting: nothing answers, then it is the master of a pool of its own again.
    await assert.rejects(jsonRpc(bUrl)('session.login_with_password', 'root', PASSWORD, '1.0', 't'));
    const fresh = await waitUntil(() => jsonSession(bUrl, PASSWORD).catch(() => undefined), 5000, 'the ejected host to boot');
    const [pool] = await fresh.call('pool.get_all');
    assert.equal(await fresh.call('pool.get_name_label', pool), '');
    const [own] = await fresh.call('host.get_all');
    assert.equal(await fresh.call('host.get_uuid', own), bHostUuid);
    assert.equal(await fresh.call('pool.get_master', pool), own);
    const guests = await fresh.call('VM.get_all_records_where', 'field "is_a_template" = "false" and field "is_control_domain" = "false"');
    assert.deepEqual(Object.keys(guests), []);
    const templates = await fresh.call('VM.get_all_records_where', 'field "is_default_template" = "true"');
    assert.ok(Object.keys(templates).length > 0);
    assert.deepEqual(sim.pools.map((p) => p.masterUrl), [urls(sim).a, bUrl]);
  });

  it('keeps the ejected host\'s pool in the state file', async () => {
    await sim.stop();
    const again = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02, stateFile });
    try {
      assert.equal(again.pools.length, 2);
      const restarted = await jsonSession(again.pools[1]!.masterUrl, PASSWORD);
      const [own] = await restarted.call('host.get_all');
      assert.equal(await restarted.call('host.get_uuid', own), bHostUuid);
      const pool = await jsonSession(again.pools[0]!.masterUrl, PASSWORD);
      assert.equal((await pool.call('host.get_all')).length, 3);
    } finally {
      await again.stop();
    }
  });
});
