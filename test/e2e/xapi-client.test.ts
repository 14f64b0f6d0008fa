// The XAPI client against the simulator over real HTTP: what a control plane does with a pool, start to end.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { waitUntil } from '../helpers/wait.js';
import {
  XapiClient,
  XapiError,
  XapiTransportError,
  createXmlRpcTransport,
  normalizeRecord,
  parseXmlRpcValue,
  type CacheChange,
  type XapiClientOptions,
  type XapiRecord,
  type XapiTransport,
} from '../../src/xapi/index.js';

const PASSWORD = 'secret';
const XAPI_DATE = /^\d{8}T\d{2}:\d{2}:\d{2}Z$/;

let sim: RunningSimulator;
let client: XapiClient;
const extraClients: XapiClient[] = [];

function hostOf(url: string | undefined): string {
  return new URL(url ?? 'http://invalid').host;
}

async function connectClient(options: Partial<XapiClientOptions> = {}): Promise<XapiClient> {
  const c = new XapiClient({ url: sim.pools[0].masterUrl, user: 'root', password: PASSWORD, ...options });
  extraClients.push(c);
  await c.connect();
  return c;
}

function assertXapiError(code: string, params?: string[], method?: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof XapiError, `expected XapiError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (params) assert.deepEqual(error.params, params);
    if (method) assert.equal(error.method, method);
    assert.equal(error.message, `${code}(${error.params.join(', ')})`);
    return true;
  };
}

/** A template the pool ships with (not a snapshot), by the cache. */
function findTemplate(c: XapiClient): { ref: string; record: XapiRecord } {
  const template = c.cache.find('VM', (vm) => vm.is_a_template === true && vm.is_a_snapshot !== true && vm.is_control_domain !== true);
  assert.ok(template, 'the default pool has VM templates');
  return template;
}

/** clone → provision → turn into a VM: how XAPI clients make a VM from a template. */
async function createVm(c: XapiClient, name: string): Promise<string> {
  const template = findTemplate(c);
  const vm = await c.callAsync<string>('VM.clone', [template.ref, name]);
  assert.match(vm, /^OpaqueRef:/);
  await c.callAsync('VM.provision', [vm]);
  await c.call('VM.set_is_a_template', vm, false);
  return vm;
}

describe('XAPI client against the simulator', () => {
  before(async () => {
    sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.05 });
    client = new XapiClient({ url: sim.pools[0].masterUrl, user: 'root', password: PASSWORD });
    await client.connect();
  });

  after(async () => {
    for (const c of extraClients) await c.close().catch(() => undefined);
    await client?.close();
    await sim?.stop();
  });

  it('connects to the master and mirrors the pool in its cache', () => {
    assert.match(client.sessionId ?? '', /^OpaqueRef:/);
    assert.equal(hostOf(client.masterUrl), hostOf(sim.pools[0].masterUrl));
    assert.match(client.poolRef ?? '', /^OpaqueRef:/);
    assert.equal(client.connectionStatus.state, 'connected');

    const cache = client.cache;
    assert.equal(cache.all('pool').size, 1);
    assert.ok(cache.get('pool', client.poolRef as string));
    assert.equal(cache.all('host').size, sim.pools[0].hostUrls.length);
    assert.ok(cache.all('SR').size >= 1, 'SRs');
    assert.ok(cache.all('network').size >= 1, 'networks');
    assert.ok(cache.all('VM').size >= 1, 'VMs (templates, control domains)');
    // Events name classes in lowercase; the cache answers either spelling.
    assert.equal(cache.all('vm').size, cache.all('VM').size);

    // Records are normalised whatever XML-RPC delivered: ints are numbers, datetimes XAPI strings.
    const [hostRef, host] = [...cache.all('host')][0];
    assert.equal(typeof host.API_version_major, 'number');
    assert.equal(typeof host.enabled, 'boolean');
    assert.equal(cache.getByUuid('host', host.uuid as string)?.ref, hostRef);
    const metrics = cache.get('host_metrics', host.metrics as string);
    assert.ok(metrics, 'host metrics are watched');
    assert.equal(typeof metrics.memory_total, 'number');
    assert.match(String(metrics.last_updated), XAPI_DATE);

    // Every pool member is a fail-over candidate.
    const known = client.knownUrls.map(hostOf);
    for (const url of sim.pools[0].hostUrls) assert.ok(known.includes(hostOf(url)), `${url} is known`);
  });

  describe('a VM from a template', () => {
    let vm: string;

    before(async () => {
      vm = await createVm(client, 'xapi-client-e2e');
    });

    it('appears in the cache once created', async () => {
      // The cache follows events; barrier() waits until it has caught up with everything done so far.
      await client.barrier();
      const record = client.cache.get('VM', vm);
      assert.ok(record);
      assert.equal(record.name_label, 'xapi-client-e2e');
      assert.equal(record.power_state, 'Halted');
      assert.equal(record.is_a_template, false);
      assert.equal(typeof record.memory_static_max, 'number');
      assert.equal(record.domid, -1);
    });

    it('starts with callAsync, reporting increasing progress, and the cache sees it running', async () => {
      const changes: CacheChange[] = [];
      const onChange = (change: CacheChange) => {
        if (change.cls === 'VM' && change.ref === vm) changes.push(change);
      };
      client.cache.on('change', onChange);
      const fractions: number[] = [];
      const taskReads = client.callCountByMethod.get('task.get_record') ?? 0;
      try {
        const result = await client.callAsync('VM.start', [vm, false, false], { onProgress: (f) => fractions.push(f) });
        assert.equal(result, undefined, 'VM.start returns void');
        assert.equal(client.callCountByMethod.get('task.get_record') ?? 0, taskReads, 'the outcome comes from the task\'s events');
        await client.cache.waitFor(() => client.cache.get('VM', vm)?.power_state === 'Running', 5_000);
      } finally {
        client.cache.off('change', onChange);
      }
      assert.ok(fractions.length >= 2, `onProgress called ${fractions.length} times: ${fractions.join(', ')}`);
      for (let i = 1; i < fractions.length; i++) assert.ok(fractions[i] > fractions[i - 1], `increasing: ${fractions.join(', ')}`);
      assert.ok(fractions.every((f) => f >= 0 && f <= 1));

      const transition = changes.find((c) => c.previous?.power_state === 'Halted' && c.record?.power_state === 'Running');
      assert.ok(transition, 'a cache change carries Halted → Running');
      assert.equal(transition.operation, 'mod');
      const running = client.cache.get('VM', vm) as XapiRecord;
      assert.notEqual(running.resident_on, 'OpaqueRef:NULL');
      assert.equal(typeof running.domid, 'number');
      assert.ok((running.domid as number) > 0);
    });

    it('refuses to start a running VM with VM_BAD_POWER_STATE [vm, halted, running]', async () => {
      await assert.rejects(client.call('VM.start', vm, false, false), assertXapiError('VM_BAD_POWER_STATE', [vm, 'halted', 'running'], 'VM.start'));
      // The same failure through a task, told by the task's events alone.
      const taskReads = client.callCountByMethod.get('task.get_record') ?? 0;
      await assert.rejects(client.callAsync('VM.start', [vm, false, false]), (error: unknown) => {
        assertXapiError('VM_BAD_POWER_STATE', [vm, 'halted', 'running'], 'VM.start')(error);
        assert.match((error as XapiError).task ?? '', /^OpaqueRef:/);
        return true;
      });
      assert.equal(client.callCountByMethod.get('task.get_record') ?? 0, taskReads);
    });

    it('recovers from expired sessions with one shared re-login, and resyncs its events once', async () => {
      const staleSession = client.sessionId;
      const loginsBefore = client.callCountByMethod.get('session.login_with_password') ?? 0;
      const fetchesBefore = client.callCountByMethod.get('VM.get_all_records') ?? 0;
      sim.expireAllSessions();

      const records = await Promise.all(Array.from({ length: 5 }, () => client.call<XapiRecord>('VM.get_record', vm)));
      for (const record of records) assert.equal(record.power_state, 'Running');
      assert.notEqual(client.sessionId, staleSession);
      assert.equal((client.callCountByMethod.get('session.login_with_password') ?? 0) - loginsBefore, 1, 'one login shared by every caller');

      // Sessions end when the toolstack restarts, and then the watcher's token means nothing: it starts over with
      // one full resync, and a change made after the expiry reaches the cache.
      await client.call('VM.set_name_label', vm, 'renamed-after-expiry');
      await client.cache.waitFor(() => client.cache.get('VM', vm)?.name_label === 'renamed-after-expiry', 10_000);
      assert.equal(client.callCountByMethod.get('VM.get_all_records') ?? 0, fetchesBefore + 1, 'one resync');
      assert.equal(client.connectionStatus.state, 'connected');
    });

    it('is removed from the cache when destroyed', async () => {
      await client.callAsync('VM.hard_shutdown', [vm]);
      await client.cache.waitFor(() => client.cache.get('VM', vm)?.power_state === 'Halted', 5_000);
      const deleted = new Promise<CacheChange>((resolve) => {
        const onChange = (change: CacheChange) => {
          if (change.cls === 'VM' && change.ref === vm && change.operation === 'del') {
            client.cache.off('change', onChange);
            resolve(change);
          }
        };
        client.cache.on('change', onChange);
      });
      await client.call('VM.destroy', vm);
      const change = await deleted;
      assert.equal(change.record, undefined);
      assert.equal(change.previous?.name_label, 'renamed-after-expiry');
      assert.equal(client.cache.get('VM', vm), undefined);
      await assert.rejects(client.call('VM.get_record', vm), assertXapiError('HANDLE_INVALID', ['VM', vm]));
    });
  });

  it('counts the calls it makes', async () => {
    const before = client.callCount;
    const poolGetAll = client.callCountByMethod.get('pool.get_all') ?? 0;
    const refs = await client.call<string[]>('pool.get_all');
    assert.deepEqual(refs, [client.poolRef]);
    assert.ok(client.callCount >= before + 1);
    assert.equal(client.callCountByMethod.get('pool.get_all'), poolGetAll + 1);
    // Reads from the cache cost nothing.
    const afterCall = client.callCountByMethod.get('VM.get_record') ?? 0;
    client.cache.all('VM');
    assert.equal(client.callCountByMethod.get('VM.get_record') ?? 0, afterCall);
  });

  it('follows HOST_IS_SLAVE from a slave to the master', async () => {
    const masterHost = hostOf(sim.pools[0].masterUrl);
    const slaveUrl = sim.pools[0].hostUrls.find((url) => hostOf(url) !== masterHost);
    assert.ok(slaveUrl, 'the default pool has slaves');
    const c = await connectClient({ url: slaveUrl, watchEvents: false });
    assert.equal(hostOf(c.masterUrl), masterHost);
    assert.equal(c.callCountByMethod.get('session.login_with_password'), 2, 'one refused on the slave, one on the master');
    assert.deepEqual(await c.call('pool.get_all'), [client.poolRef]);
  });

  it('tries the next pool member when the first does not answer', async () => {
    const c = await connectClient({ url: ['http://127.0.0.1:9', sim.pools[0].masterUrl], watchEvents: false });
    assert.equal(hostOf(c.masterUrl), hostOf(sim.pools[0].masterUrl));
  });

  it('fails over when the master drops a connection, and re-sends only what is safe', async () => {
    // The master refuses the next connection (a toolstack restart): other members redirect back to it.
    let refuseMaster = 0;
    let resetMaster = 0;
    /** Calls that run on the master, whose answer is then lost to a reset. */
    let loseAnswers = 0;
    const masterHost = hostOf(sim.pools[0].masterUrl);
    const factory = (url: string): XapiTransport => {
      const real = createXmlRpcTransport(url);
      return {
        url,
        close: () => real.close?.(),
        call(method, params, options) {
          if (hostOf(url) === masterHost && refuseMaster > 0) {
            refuseMaster--;
            return Promise.reject(new XapiTransportError('ECONNREFUSED', url, method));
          }
          if (hostOf(url) === masterHost && resetMaster > 0 && method !== 'session.login_with_password') {
            resetMaster--;
            return Promise.reject(new XapiTransportError('ECONNRESET', url, method));
          }
          if (hostOf(url) === masterHost && loseAnswers > 0 && method !== 'session.login_with_password') {
            loseAnswers--;
            return real.call(method, params, options).then(() => Promise.reject(new XapiTransportError('ECONNRESET', url, method)));
          }
          return real.call(method, params, options);
        },
      };
    };
    const c = await connectClient({ transportFactory: factory, watchEvents: false });
    refuseMaster = 1;
    assert.deepEqual(await c.call('pool.get_all'), [client.poolRef], 'a refused call is re-sent after fail-over');
    assert.equal(hostOf(c.masterUrl), masterHost);

    // A reset after sending: a read is re-sent, a write is not (it may have run).
    resetMaster = 1;
    assert.deepEqual(await c.call('pool.get_all'), [client.poolRef]);
    const [template] = await c.call<string[]>('VM.get_by_name_label', 'Debian Bookworm 12');
    resetMaster = 1;
    await assert.rejects(c.call('VM.clone', template, 'cloned once at most'), (e: unknown) => e instanceof XapiTransportError && e.code === 'ECONNRESET');
    assert.deepEqual(await c.call('VM.get_by_name_label', 'cloned once at most'), []);

    // Writes that are the same run once or twice are re-sent, even when the first copy ran.
    loseAnswers = 1;
    await c.call('pool.set_name_description', client.poolRef, 'set after a reset');
    assert.equal(await c.call('pool.get_name_description', client.poolRef), 'set after a reset');
    loseAnswers = 1;
    await c.call('pool.add_to_other_config', client.poolRef, 'added-after-a-reset', 'yes');
    assert.equal((await c.call<Record<string, string>>('pool.get_other_config', client.poolRef))['added-after-a-reset'], 'yes');
    // The key held someone else's value: that is a real conflict, not our first copy.
    await c.call('pool.add_to_other_config', client.poolRef, 'taken', 'theirs');
    resetMaster = 1;
    await assert.rejects(c.call('pool.add_to_other_config', client.poolRef, 'taken', 'ours'), assertXapiError('MAP_DUPLICATE_KEY'));
    await c.call('pool.remove_from_other_config', client.poolRef, 'added-after-a-reset');
    await c.call('pool.remove_from_other_config', client.poolRef, 'taken');
  });

  it('rejects a wrong password with SESSION_AUTHENTICATION_FAILED', async () => {
    const c = new XapiClient({ url: sim.pools[0].masterUrl, user: 'root', password: 'wrong', watchEvents: false });
    await assert.rejects(c.connect(), assertXapiError('SESSION_AUTHENTICATION_FAILED'));
  });

  it('queues calls beyond its concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const factory = (url: string): XapiTransport => {
      const real = createXmlRpcTransport(url);
      return {
        url,
        close: () => real.close?.(),
        async call(method, params, options) {
          if (method === 'event.from') return real.call(method, params, options);
          inFlight++;
          peak = Math.max(peak, inFlight);
          try {
            return await real.call(method, params, options);
          } finally {
            inFlight--;
          }
        },
      };
    };
    const c = await connectClient({ transportFactory: factory, concurrency: 2 });
    peak = 0;
    const results = await Promise.all(Array.from({ length: 12 }, () => c.call<string[]>('host.get_all')));
    assert.ok(results.every((hosts) => hosts.length === sim.pools[0].hostUrls.length));
    assert.ok(peak <= 2, `at most 2 calls in flight, saw ${peak}`);
  });

  it('waits for tasks through its own event long poll when not watching events', async () => {
    const c = await connectClient({ watchEvents: false });
    const template = findTemplate(client);
    const fractions: number[] = [];
    const vm = await c.callAsync<string>('VM.clone', [template.ref, 'no-watcher-clone'], { onProgress: (f) => fractions.push(f) });
    assert.match(vm, /^OpaqueRef:/);
    assert.equal(((await c.call<XapiRecord>('VM.get_record', vm)).name_label), 'no-watcher-clone');
    assert.equal(c.callCountByMethod.get('task.get_record') ?? 0, 0, 'no task polling');
    await c.call('VM.destroy', vm);
  });

  it('heals its event link: reconnecting, then connected, with nothing missed', async () => {
    let failPolls = 0;
    const factory = (url: string): XapiTransport => {
      const real = createXmlRpcTransport(url);
      return {
        url,
        close: () => real.close?.(),
        async call(method, params, options) {
          const result = await real.call(method, params, options);
          // The answer is lost on the way back, as when a master's toolstack restarts mid-poll.
          if (method === 'event.from' && failPolls > 0) {
            failPolls--;
            throw new XapiTransportError('ECONNRESET', url, method);
          }
          return result;
        },
      };
    };
    const c = await connectClient({ transportFactory: factory });
    const states: string[] = [];
    c.on('connectionStatus', (status) => states.push(status.state));
    failPolls = 2;
    await client.call('pool.set_name_description', client.poolRef, 'changed while the link was down');
    await c.cache.waitFor(() => c.cache.get('pool', c.poolRef as string)?.name_description === 'changed while the link was down', 10_000);
    // Each lost poll is followed by a resync (the change may arrive through it), then polls go on.
    await waitUntil(() => c.connectionStatus.state === 'connected', 10_000, 'the event link to be back');
    assert.equal(states[0], 'reconnecting');
    assert.equal(states.at(-1), 'connected');
    assert.ok(c.connectionStatus.lastEventAt instanceof Date);
  });

  it('resyncs when its token is refused, and reports what it missed as changes', async () => {
    let refuse: ((batch: { events: { class: string; operation: string; ref: string }[] }) => boolean) | undefined;
    const factory = (url: string): XapiTransport => {
      const real = createXmlRpcTransport(url);
      return {
        url,
        close: () => real.close?.(),
        async call(method, params, options) {
          const result = await real.call(method, params, options);
          if (method === 'event.from' && refuse?.(result as never)) {
            refuse = undefined;
            throw new XapiError('EVENTS_LOST', [], method);
          }
          return result;
        },
      };
    };
    const c = await connectClient({ transportFactory: factory });
    const vm = await client.callAsync<string>('VM.clone', [findTemplate(client).ref, 'lost-event-victim']);
    await c.barrier();
    assert.ok(c.cache.get('VM', vm));
    const injects = c.callCountByMethod.get('event.inject') ?? 0;

    // The batch carrying the VM's deletion never arrives; the server says events were lost instead.
    refuse = (batch) => batch.events.some((e) => e.class === 'vm' && e.ref === vm && e.operation === 'del');
    const deleted = new Promise<CacheChange>((resolve) => {
      c.cache.on('change', (change) => {
        if (change.ref === vm && change.operation === 'del') resolve(change);
      });
    });
    await client.call('VM.destroy', vm);
    const change = await deleted;
    assert.equal(change.previous?.name_label, 'lost-event-victim');
    assert.equal(refuse, undefined, 'the batch was refused');
    assert.equal(c.callCountByMethod.get('event.inject'), injects + 1, 'one resync');
    assert.equal(c.cache.get('VM', vm), undefined);
  });

  it('asks XAPI to cancel an aborted callAsync, and still reports how the task really ended', async () => {
    const controller = new AbortController();
    const cancelsBefore = client.callCountByMethod.get('task.cancel') ?? 0;
    const outcome = client
      .callAsync<string>('VM.clone', [findTemplate(client).ref, 'maybe-cancelled'], {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      })
      .then(
        (vm) => ({ vm }),
        (error: unknown) => ({ error }),
      );
    const result = await outcome;
    assert.equal(client.callCountByMethod.get('task.cancel'), cancelsBefore + 1);
    if ('vm' in result) {
      // Not cancellable (or done first): the clone exists and is ours to clean up.
      await client.call('VM.destroy', result.vm);
    } else {
      assertXapiError('TASK_CANCELLED')(result.error);
    }
  });

  it('stops its event watcher promptly on close', async () => {
    const c = await connectClient();
    const started = Date.now();
    await c.close();
    assert.ok(Date.now() - started < 2_000, 'close does not wait for the 30 s long poll');
    assert.equal(c.connectionStatus.state, 'stopped');
  });
});

describe('decoding what XAPI sends', () => {
  it('parses task results (XML-RPC value strings) and normalises them by the method\'s result type', () => {
    assert.equal(parseXmlRpcValue('<value>OpaqueRef:1</value>'), 'OpaqueRef:1');
    assert.equal(parseXmlRpcValue('OpaqueRef:bare'), 'OpaqueRef:bare', 'old hosts stored bare refs');
    assert.equal(parseXmlRpcValue(''), '');
    assert.deepEqual(parseXmlRpcValue('<value><array><data><value>a</value><value><i4>5</i4></value></data></array></value>'), ['a', 5]);
    assert.deepEqual(
      parseXmlRpcValue('<value><struct><member><name>k</name><value>a&amp;b</value></member><member><name>e</name><value/></member></struct></value>'),
      { k: 'a&b', e: '' },
    );
    assert.equal(parseXmlRpcValue('<value><boolean>1</boolean></value>'), true);
  });

  it('normalises records field by field from the datamodel', () => {
    const vm = normalizeRecord('VM', {
      memory_static_max: '1073741824',
      domid: '-1',
      is_a_template: false,
      snapshot_time: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      VCPUs_params: { weight: '256' },
      power_state: 'Halted',
      field_from_a_newer_xapi: 'kept',
    });
    assert.deepEqual(vm, {
      memory_static_max: 1073741824,
      domid: -1,
      is_a_template: false,
      snapshot_time: '20240102T03:04:05Z',
      VCPUs_params: { weight: '256' },
      power_state: 'Halted',
      field_from_a_newer_xapi: 'kept',
    });
    assert.deepEqual(normalizeRecord('task', { progress: '0.25', created: '2024-01-02T03:04:05Z' }), {
      progress: 0.25,
      created: '20240102T03:04:05Z',
    });
  });
});
