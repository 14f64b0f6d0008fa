// Xen Orchestra's own XAPI client, used unchanged, must work against the simulator over both transports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error xen-api ships no type declarations
import { createClient } from 'xen-api';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { waitUntil } from '../helpers/wait.js';

const PASSWORD = 'xen-api-test';

interface XoRecord { $type: string; $ref: string; [field: string]: any }

function recordsOf(xapi: any, type: string): XoRecord[] {
  return Object.values(xapi.objects.all as Record<string, XoRecord>).filter((o) => o.$type === type);
}

for (const transport of ['json-rpc', 'xml-rpc'] as const) {
  describe(`xen-api client over ${transport}`, () => {
    let sim: RunningSimulator;
    let xapi: any;

    before(async () => {
      sim = await startSimulator({ port: 0, password: PASSWORD, timeScale: 0.05 });
      xapi = createClient({
        url: sim.pools[0].masterUrl, auth: { user: 'root', password: PASSWORD }, transport, debounce: 20, eventPollDelay: 50,
      });
      await xapi.connect();
      await xapi.objectsFetched;
    });

    after(async () => {
      await xapi?.disconnect();
      await sim?.stop();
    });

    it('fills its object cache with the pool, hosts, SRs, networks and templates', () => {
      assert.equal(recordsOf(xapi, 'pool').length, 1);
      assert.equal(recordsOf(xapi, 'host').length, 3);
      assert.ok(recordsOf(xapi, 'SR').some((sr) => sr.shared && sr.type === 'nfs'));
      assert.ok(recordsOf(xapi, 'network').length >= 1);
      const templates = recordsOf(xapi, 'VM').filter((vm) => vm.is_a_template);
      assert.ok(templates.length >= 1);
      assert.equal(xapi.pool.$ref, recordsOf(xapi, 'pool')[0].$ref);
    });

    it('creates, starts, fails to restart, and destroys a VM, seeing every change as cache updates', async () => {
      const template = recordsOf(xapi, 'VM').find((vm) => vm.is_a_template && vm.name_label.startsWith('Debian'))!;
      const vmRef: string = await xapi.callAsync('VM.clone', template.$ref, `xen-api ${transport}`);
      await xapi.call('VM.provision', vmRef);
      await xapi.call('VM.set_is_a_template', vmRef, false);
      await xapi.callAsync('VM.start', vmRef, false, false);

      const running = await waitUntil(() => {
        const vm = xapi.getObjectByRef(vmRef, undefined);
        return vm?.power_state === 'Running' ? vm : undefined;
      });
      assert.ok(running.resident_on.startsWith('OpaqueRef:'));
      assert.notEqual(running.resident_on, 'OpaqueRef:NULL');

      await assert.rejects(xapi.call('VM.start', vmRef, false, false), (error: any) => {
        assert.equal(error.code, 'VM_BAD_POWER_STATE');
        assert.deepEqual(error.params, [vmRef, 'halted', 'running']);
        return true;
      });

      await xapi.barrier();
      await xapi.callAsync('VM.hard_shutdown', vmRef);
      await xapi.call('VM.destroy', vmRef);
      await waitUntil(() => xapi.getObjectByRef(vmRef, undefined) === undefined);
    });

    it('follows HOST_IS_SLAVE from a slave to the master', async () => {
      const slave = createClient({
        url: sim.pools[0].hostUrls[1], auth: { user: 'root', password: PASSWORD }, transport, watchEvents: false,
      });
      try {
        await slave.connect();
        const hosts = await slave.call('host.get_all');
        assert.equal(hosts.length, 3);
      } finally {
        await slave.disconnect();
      }
    });
  });
}
