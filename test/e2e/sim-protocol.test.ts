// The simulator's wire contract: envelopes, generic errors with XAPI's exact parameters, sessions,
// record field sets, generic accessors and get_all_records_where.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { CLASSES } from '../../src/xapi/datamodel/generated.js';
import { jsonRpc, jsonSession, postXml, pythonStyleCall } from '../helpers/raw-xapi.js';

const PASSWORD = 'protocol-test';

describe('simulator wire protocol', () => {
  let sim: RunningSimulator;
  let master: string;
  let api: Awaited<ReturnType<typeof jsonSession>>;

  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.02 });
    master = sim.pools[0].masterUrl;
    api = await jsonSession(master, PASSWORD);
  });
  after(() => sim.stop());

  const rejectsWith = (promise: Promise<unknown>, code: string, params?: string[]) =>
    assert.rejects(promise, (error: any) => {
      assert.equal(error.code, code);
      if (params) assert.deepEqual(error.params, params);
      return true;
    });

  it('answers XML-RPC from Python-style requests with XAPI\'s compact Status/Value envelope', async () => {
    const res = await postXml(`${master}/RPC2`, pythonStyleCall('session.login_with_password', ['root', PASSWORD, '2.0', 'python']));
    assert.equal(res.status, 200);
    assert.equal(res.contentType, 'text/xml');
    assert.match(res.text, /^<\?xml version="1.0"\?><methodResponse><params><param><value><struct><member><name>Status<\/name><value>Success<\/value><\/member><member><name>Value<\/name><value>OpaqueRef:[0-9a-f-]{36}<\/value><\/member><\/struct><\/value><\/param><\/params><\/methodResponse>$/);
  });

  it('returns system.listMethods bare, listing every class\'s get_all_records', async () => {
    const res = await postXml(master, pythonStyleCall('system.listMethods', []));
    assert.match(res.text, /^<\?xml version="1.0"\?><methodResponse><params><param><value><array><data>/);
    for (const name of ['VM.get_all_records', 'task.get_all_records', 'pool.get_all_records', 'VM.start']) {
      assert.ok(res.text.includes(`<value>${name}</value>`), name);
    }
    assert.ok(!res.text.includes('Async.'));
  });

  it('fails XML-RPC calls as Status Failure with HTTP 200, never as a fault', async () => {
    const res = await postXml(master, pythonStyleCall('VM.get_record', [api.session, 'OpaqueRef:nope']));
    assert.equal(res.status, 200);
    assert.equal(res.text, '<?xml version="1.0"?><methodResponse><params><param><value><struct><member><name>Status</name><value>Failure</value></member><member><name>ErrorDescription</name><value><array><data><value>HANDLE_INVALID</value><value>VM</value><value>OpaqueRef:nope</value></data></array></value></member></struct></value></param></params></methodResponse>');
  });

  it('answers an unparsable body with HTTP 500 and keeps serving', async () => {
    const bad = await postXml(master, '<methodCall><methodName>oops');
    assert.equal(bad.status, 500);
    const json = await fetch(`${master}/jsonrpc`, { method: 'POST', body: '{"method": ' });
    assert.equal(json.status, 500);
    assert.equal(typeof (await api.call('pool.get_all'))[0], 'string');
  });

  it('produces each generic error with XAPI\'s code and parameters', async () => {
    const raw = jsonRpc(master);
    await rejectsWith(raw('VM.frobnicate'), 'MESSAGE_METHOD_UNKNOWN', ['VM.frobnicate']);
    await rejectsWith(raw('VM.frobnicate', 'OpaqueRef:bogus'), 'SESSION_INVALID', ['OpaqueRef:bogus']);
    await rejectsWith(api.call('VM.frobnicate'), 'MESSAGE_METHOD_UNKNOWN', ['VM.frobnicate']);
    await rejectsWith(api.call('VM.start', 'OpaqueRef:x'), 'MESSAGE_PARAMETER_COUNT_MISMATCH', ['VM.start', '3', '1']);
    await rejectsWith(raw('VM.get_all', 'OpaqueRef:bogus'), 'SESSION_INVALID', ['OpaqueRef:bogus']);
    await rejectsWith(api.call('VM.get_record', 'OpaqueRef:missing'), 'HANDLE_INVALID', ['VM', 'OpaqueRef:missing']);
    await rejectsWith(api.call('VM.get_by_uuid', '00000000-0000-0000-0000-000000000000'), 'UUID_INVALID', ['VM', '00000000-0000-0000-0000-000000000000']);
    await rejectsWith(raw('session.login_with_password', 'root', 'wrong'), 'SESSION_AUTHENTICATION_FAILED');
  });

  it('fills defaulted trailing parameters (a two-parameter login works)', async () => {
    const session = await jsonRpc(master)('session.login_with_password', 'root', PASSWORD);
    assert.match(session, /^OpaqueRef:/);
  });

  it('redirects logins on a slave to the master\'s address and invalidates logged-out sessions', async () => {
    const slave = jsonRpc(sim.pools[0].hostUrls[2]);
    await rejectsWith(slave('session.login_with_password', 'root', PASSWORD), 'HOST_IS_SLAVE', [new URL(master).hostname]);
    const other = await jsonSession(master, PASSWORD);
    await other.call('session.logout');
    await rejectsWith(other.call('pool.get_all'), 'SESSION_INVALID', [other.session]);
  });

  it('gives every record its class\'s full field set, the same in get_record and get_all_records', async () => {
    // XAPI's field lists as generated from its datamodel (npm run datamodel:check keeps them so).
    const classes = ['pool', 'host', 'host_metrics', 'host_cpu', 'VM', 'VM_metrics', 'console', 'SR', 'PBD', 'network', 'PIF', 'message', 'session'];
    for (const cls of classes) {
      const expected = CLASSES.find((c) => c.name === cls)!.fields.map(([name]) => name).sort();
      const records = cls === 'session'
        ? { [api.session]: await api.call('session.get_record', api.session) }
        : await api.call(`${cls}.get_all_records`);
      const refs = Object.keys(records);
      if (cls !== 'message') assert.ok(refs.length > 0, `${cls} has records`);
      for (const ref of refs) assert.deepEqual(Object.keys(records[ref]).sort(), expected, `${cls} ${ref}`);
    }
  });

  it('implements generic accessors, map edits with MAP_DUPLICATE_KEY and get_all_records_where', async () => {
    const [pool] = await api.call('pool.get_all');
    await api.call('pool.add_to_other_config', pool, 'k', 'v');
    await rejectsWith(api.call('pool.add_to_other_config', pool, 'k', 'w'), 'MAP_DUPLICATE_KEY', ['pool', 'other_config', pool, 'k']);
    assert.equal((await api.call('pool.get_other_config', pool)).k, 'v');
    await api.call('pool.remove_from_other_config', pool, 'k');
    await api.call('pool.remove_from_other_config', pool, 'k');
    assert.equal((await api.call('pool.get_other_config', pool)).k, undefined);

    const templates = await api.call('VM.get_all_records_where', 'field "is_a_template" = "true" and not (field "name__label" = "Other install media")');
    const names = Object.values(templates).map((vm: any) => vm.name_label);
    assert.ok(names.length >= 2);
    assert.ok(names.every((n) => n !== 'Other install media'));
    assert.ok(Object.values(templates).every((vm: any) => vm.is_a_template === true));

    const [host] = await api.call('host.get_by_name_label', 'xen-a2');
    assert.equal(await api.call('host.get_hostname', host), 'xen-a2');
    await rejectsWith(api.call('VM.set_power_state', host, 'Running'), 'MESSAGE_METHOD_UNKNOWN', ['VM.set_power_state']);
  });
});
