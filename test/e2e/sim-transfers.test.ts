// Disk transfers over the simulator's HTTP side channels, as a client of a real host sees them:
// PUT /import_raw_vdi (raw, VHD, vhd-tool framing) with XAPI's refusals and status codes, the outcome in the
// task once the 200 is out, the VDI's footprint after the upload, and GET /export_raw_vdi giving it back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { createDynamicVhd, createFixedVhd, readVhdFooter } from '../../src/vhd/index.js';
import { basicAuth, httpRequest } from '../helpers/http-raw.js';
import { jsonSession } from '../helpers/raw-xapi.js';

const PASSWORD = 'transfer-test';
const MiB = 1024 ** 2;
/** A dynamic VHD's metadata for an 8 MiB disk: footer copy, header, empty sector, one BAT sector, footer. */
const VHD_METADATA_8MIB = 2048 + 512;
const BLOCK_ON_DISK = 2 * MiB + 512;

describe('simulator disk transfers', () => {
  let sim: RunningSimulator;
  let master: string;
  let api: Awaited<ReturnType<typeof jsonSession>>;
  let nfs: string;
  const call = (method: string, ...params: unknown[]) => api.call(method, ...params);

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0 });
    master = sim.pools[0].masterUrl;
    api = await jsonSession(master, PASSWORD);
    [nfs] = await call('SR.get_by_name_label', 'NFS shared storage');
  });
  after(() => sim.stop());

  const newVdi = (sr: string, size = 8 * MiB, name = 'upload target') => call('VDI.create', {
    name_label: name, SR: sr, virtual_size: size, type: 'user', sharable: false, read_only: false, other_config: {},
  });
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const importTo = (params: Record<string, string>, body: Buffer | Buffer[], headers: Record<string, string> = {}) =>
    httpRequest(`${master}/import_raw_vdi?${query(params)}`, { method: 'PUT', body, headers });
  const task = (ref: string) => call('task.get_record', ref);
  const newTask = () => call('task.create', 'upload', '');
  /** An image whose data all sits in the first MiB, so the simulator keeps it and an export returns it. */
  const image = (text: string, size = 64 * 1024) => {
    const bytes = Buffer.alloc(size);
    bytes.write(text, 0);
    bytes.write(`${text} again`, size - 100);
    return bytes;
  };

  describe('PUT /import_raw_vdi', () => {
    it('takes a dynamic VHD into the VDI under the client\'s task, storing only its data blocks', async () => {
      const vdi = await newVdi(nfs);
      const taskRef = await newTask();
      const content = image('vhd upload');
      const res = await importTo({ session_id: api.session, vdi, format: 'vhd', task_id: taskRef }, createDynamicVhd(8 * MiB, content));
      assert.equal(res.status, 200);
      assert.equal(res.headers['task-id'], taskRef);
      assert.equal(res.headers['content-type'], 'application/octet-stream');
      assert.equal(res.headers['content-length'], undefined);
      const done = await task(taskRef);
      assert.equal(done.status, 'success');
      assert.equal(done.progress, 1);
      assert.equal(done.result, `<value>${vdi}</value>`);
      assert.equal(await call('VDI.get_physical_utilisation', vdi), VHD_METADATA_8MIB + BLOCK_ON_DISK);

      const exported = await httpRequest(`${master}/export_raw_vdi?${query({ session_id: api.session, vdi, format: 'raw' })}`);
      assert.equal(exported.status, 200);
      assert.equal(exported.headers['content-type'], 'application/octet-stream');
      assert.equal(exported.headers['content-disposition'], `attachment; filename="${await call('VDI.get_uuid', vdi)}.raw"`);
      assert.equal(exported.body.length, 8 * MiB);
      assert.deepEqual(exported.body.subarray(0, content.length), content);
      assert.ok(exported.body.subarray(content.length).every((b) => b === 0));
    });

    it('takes raw bytes by VDI uuid with Basic credentials, under a task of its own that it removes', async () => {
      const vdi = await newVdi(nfs);
      const content = Buffer.alloc(3 * MiB, 0x5a);
      const res = await importTo({ vdi: await call('VDI.get_uuid', vdi) }, content, { authorization: basicAuth('root', PASSWORD) });
      assert.equal(res.status, 200);
      const internal = res.headers['task-id'] as string;
      assert.match(internal, /^OpaqueRef:/);
      await assert.rejects(task(internal), (error: any) => error.code === 'HANDLE_INVALID');
      // 3 MiB of data fill two 2 MiB blocks; too much to keep, so an export reads zeros.
      assert.equal(await call('VDI.get_physical_utilisation', vdi), VHD_METADATA_8MIB + 2 * BLOCK_ON_DISK);
      const sr = await call('SR.get_record', nfs);
      const vdis = await Promise.all((sr.VDIs as string[]).map((ref) => call('VDI.get_physical_utilisation', ref)));
      assert.equal(sr.physical_utilisation, vdis.reduce((a: number, b: number) => a + b, 0), 'the SR follows its VDIs');
    });

    it('creates "Imported VDI" from sr_id and the Content-Length when no VDI is named', async () => {
      const taskRef = await newTask();
      const res = await importTo({ session_id: api.session, sr_id: nfs, task_id: taskRef }, image('fresh disk', 4096));
      assert.equal(res.status, 200);
      const vdi = /<value>(OpaqueRef:[^<]+)<\/value>/.exec((await task(taskRef)).result)![1];
      const record = await call('VDI.get_record', vdi);
      assert.equal(record.name_label, 'Imported VDI');
      assert.equal(record.SR, nfs);
      assert.ok(record.virtual_size >= 4096);
    });

    it('takes vhd-tool\'s own framing of raw data: {offset, length} frames ended by a zero frame', async () => {
      const vdi = await newVdi(nfs);
      const frame = (offset: number, data: Buffer) => {
        const header = Buffer.alloc(12);
        header.writeBigUInt64LE(BigInt(offset), 0);
        header.writeUInt32LE(data.length, 8);
        return Buffer.concat([header, data]);
      };
      const body = Buffer.concat([frame(512, Buffer.from('framed')), frame(4096, Buffer.from('second')), Buffer.alloc(12)]);
      const res = await importTo({ session_id: api.session, vdi, chunked: '' }, body);
      assert.equal(res.status, 200);
      const exported = await httpRequest(`${master}/export_raw_vdi?${query({ session_id: api.session, vdi })}`);
      assert.equal(exported.body.subarray(512, 518).toString(), 'framed');
      assert.equal(exported.body.subarray(4096, 4102).toString(), 'second');
    });

    it('fails the task with VDI_IO_ERROR after the 200 for an image it cannot take, leaving the VDI as it was', async () => {
      const vdi = await newVdi(nfs);
      const before = await call('VDI.get_physical_utilisation', vdi);
      const good = createDynamicVhd(8 * MiB, image('x'));
      const badChecksum = Buffer.from(good);
      badChecksum[good.length - 512 + 100] ^= 1;
      const badCookie = Buffer.from(good);
      badCookie.write('notavhd!', 0, 'latin1');
      const cases: [string, Buffer, string?][] = [
        ['a damaged trailing footer', badChecksum],
        ['something that is not a VHD', badCookie],
        ['a fixed VHD', createFixedVhd(image('fixed', MiB))],
        ['a truncated VHD', good.subarray(0, good.length - 4096)],
        ['a VHD with data beyond the VDI', createDynamicVhd(16 * MiB, Buffer.concat([Buffer.alloc(10 * MiB), image('far')]))],
        ['raw bytes beyond the VDI', Buffer.alloc(8 * MiB + 512, 1), 'raw'],
      ];
      for (const [what, body, format = 'vhd'] of cases) {
        const taskRef = await newTask();
        const res = await importTo({ session_id: api.session, vdi, format, task_id: taskRef }, body);
        assert.equal(res.status, 200, what);
        const done = await task(taskRef);
        assert.equal(done.status, 'failure', what);
        assert.deepEqual(done.error_info, ['VDI_IO_ERROR', 'Device I/O errors'], what);
      }
      assert.equal(await call('VDI.get_physical_utilisation', vdi), before);
    });

    it('answers 401 without a live session or good credentials, leaving the client\'s task pending', async () => {
      const vdi = await newVdi(nfs);
      const taskRef = await newTask();
      const attempts: [Record<string, string>, Record<string, string>][] = [
        [{ vdi, task_id: taskRef }, {}],
        [{ vdi, task_id: taskRef, session_id: 'OpaqueRef:expired' }, {}],
        [{ vdi, task_id: taskRef }, { authorization: basicAuth('root', 'wrong') }],
      ];
      for (const [params, headers] of attempts) {
        const res = await importTo(params, Buffer.alloc(512), headers);
        assert.equal(res.status, 401);
        assert.equal(res.statusMessage, 'Unauthorised');
        assert.equal(res.headers['www-authenticate'], 'Basic realm="xapi"');
      }
      assert.equal((await task(taskRef)).status, 'pending');
      // The session may also come as a cookie.
      const res = await importTo({ vdi }, Buffer.alloc(512), { cookie: `session_id=${api.session}` });
      assert.equal(res.status, 200);
    });

    it('refuses malformed requests with XAPI\'s status codes and task errors', async () => {
      const vdi = await newVdi(nfs);
      const refusals: [string, Record<string, string>, number, string[] | 'pending', (Buffer | Buffer[])?][] = [
        ['no VDI and no SR', {}, 400, ['VDI_MISSING']],
        ['an unknown VDI', { vdi: 'OpaqueRef:nope' }, 500, 'pending'],
        ['an unknown format', { vdi, format: 'xyz' }, 404, ['INTERNAL_ERROR', 'Unknown format xyz']],
        ['vhd-tool framing of a VHD', { vdi, format: 'vhd', chunked: 'true' }, 404, ['INTERNAL_ERROR', 'Cannot handle chunked VHD']],
        ['a chunked request body', { vdi }, 404, ['INTERNAL_ERROR', 'Cannot handle encoding: chunked'], [Buffer.alloc(512), Buffer.alloc(512)]],
        ['a VHD straight into an SR', { sr_id: nfs, format: 'vhd' }, 400, ['INTERNAL_ERROR', 'Importing a VHD directly into an SR not yet supported']],
      ];
      for (const [what, params, status, outcome, body = Buffer.alloc(512)] of refusals) {
        const taskRef = await newTask();
        const res = await importTo({ ...params, session_id: api.session, task_id: taskRef }, body);
        assert.equal(res.status, status, what);
        const record = await task(taskRef);
        if (outcome === 'pending') {
          assert.equal(record.status, 'pending', what);
        } else {
          assert.equal(record.status, 'failure', what);
          assert.deepEqual(record.error_info, outcome, what);
        }
      }
    });

    it('redirects to the host that has the VDI\'s SR plugged', async () => {
      const hosts: string[] = await call('host.get_all');
      const slave = hosts.find((ref) => ref !== sim.world.pools[0].masterRef)!;
      const slaveName = await call('host.get_name_label', slave);
      const [local] = await call('SR.get_by_name_label', `Local storage on ${slaveName}`);
      const vdi = await newVdi(local);
      const params = { session_id: api.session, vdi, format: 'raw' };
      const res = await importTo(params, Buffer.alloc(512));
      assert.equal(res.status, 302);
      const location = new URL(res.headers.location as string);
      assert.equal(location.hostname, await call('host.get_address', slave));
      assert.equal(location.pathname, '/import_raw_vdi');
      assert.equal(location.searchParams.get('vdi'), vdi);
      assert.equal((await httpRequest(location.href, { method: 'PUT', body: image('local') })).status, 200);
    });
  });

  describe('GET /export_raw_vdi', () => {
    it('gives a dynamic VHD of caml\'s making with only the blocks that hold data', async () => {
      const vdi = await newVdi(nfs);
      const content = image('round trip');
      await importTo({ session_id: api.session, vdi }, content);
      const taskRef = await newTask();
      const res = await httpRequest(`${master}/export_raw_vdi/?${query({ session_id: api.session, vdi, format: 'vhd', task_id: taskRef })}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'application/vhd');
      const footer = readVhdFooter(res.body);
      assert.equal(footer.diskType, 'dynamic');
      assert.equal(footer.creatorApplication, 'caml');
      assert.equal(footer.virtualSize, 8 * MiB);
      assert.equal(res.body.length, 2048 + 512 + BLOCK_ON_DISK + 512, 'one allocated block');
      assert.deepEqual(res.body.subarray(2048 + 512 + 512, 2048 + 512 + 512 + content.length), content);
      const done = await task(taskRef);
      assert.equal(done.status, 'success');
      assert.equal(done.result, '');
    });

    it('refuses an unknown VDI (500) and format (404), and answers 401 without a session', async () => {
      const vdi = await newVdi(nfs);
      assert.equal((await httpRequest(`${master}/export_raw_vdi?${query({ session_id: api.session, vdi: 'nope' })}`)).status, 500);
      const taskRef = await newTask();
      const res = await httpRequest(`${master}/export_raw_vdi?${query({ session_id: api.session, vdi, format: 'qcow9', task_id: taskRef })}`);
      assert.equal(res.status, 404);
      assert.deepEqual((await task(taskRef)).error_info, ['INTERNAL_ERROR', 'Unknown format qcow9']);
      assert.equal((await httpRequest(`${master}/export_raw_vdi?${query({ vdi })}`)).status, 401);
    });
  });
});
