// The guest agent end to end: an instance of the demo image that carries Nova's agent gets its admin password,
// files and network reset through host.call_plugin('agent', …) and the guest's xenstore, and the simulated
// guest is asked (over /_sim/guests) what it now holds. An image without the agent is refused before anything
// happens; a silent agent fails the Operation with AGENT_TIMEOUT (the stack's AGENT_TIMEOUT is 1 s).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  AgentOperationDocument, InjectFileDocument, InjectNetworkInfoDocument, ResetNetworkDocument, SetAdminPasswordDocument,
  RescueInstanceDocument, SpawnInstanceDocument, type AgentOperationQuery,
} from '../generated/graphql.js';
import { accepted, actionRunner, spawnChoices, spawnRunning, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';

type OperationView = Extract<NonNullable<AgentOperationQuery['node']>, { status: unknown }>;
type Xapi = Awaited<ReturnType<typeof xapiSession>>;

interface GuestView {
  agent: { installed: boolean; responsive: boolean; version: string; commands: string[] };
  password: string | null;
  passwordChanges: number;
  files: Record<string, string>;
  network: { resets: number; hostname: string | null; interfaces: { mac: string; label: string }[] };
}

let stack: Stack;
let choices: SpawnChoices;
let operator: string;
let xapi: Xapi;
const runner = actionRunner<OperationView>(() => stack, () => operator, AgentOperationDocument);

before(async () => {
  stack = await startStack({ env: { AGENT_TIMEOUT: '1' } });
  choices = await spawnChoices(stack);
  operator = await stack.tokenFor('operator');
  xapi = await xapiSession(stack);
});
after(async () => {
  await stack?.stop();
});

async function vmOf(instanceUuid: string): Promise<{ ref: string; uuid: string; xenstoreData: Record<string, string>; domid: string }> {
  const records = await xapi.call('VM.get_all_records') as Record<string, { uuid: string; other_config: Record<string, string>; xenstore_data: Record<string, string>; domid: number }>;
  const [ref, vm] = Object.entries(records).find(([, record]) => record.other_config.nova_uuid === instanceUuid)!;
  return { ref, uuid: vm.uuid, xenstoreData: vm.xenstore_data, domid: String(vm.domid) };
}

async function guest(vmUuid: string): Promise<GuestView> {
  const response = await fetch(`${stack.sim.pools[0]!.masterUrl}/_sim/guests/${vmUuid}`);
  assert.equal(response.status, 200);
  return (await response.json()) as GuestView;
}

async function configureAgent(vmUuid: string, settings: { responsive?: boolean; commands?: string[] }): Promise<void> {
  const response = await fetch(`${stack.sim.pools[0]!.masterUrl}/_sim/guests/${vmUuid}/agent`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings),
  });
  assert.equal(response.status, 200, await response.text());
}

/** The running domain's live xenstore, read as the driver's plugin would. */
async function liveRecords(vmRef: string, path: string): Promise<Record<string, unknown>> {
  const host = await xapi.call('VM.get_resident_on', vmRef);
  const domid = String(await xapi.call('VM.get_domid', vmRef));
  return JSON.parse(await xapi.call('host.call_plugin', host, 'xenstore.py', 'list_records', { dom_id: domid, path }));
}

describe('spawning an image with the guest agent', () => {
  it('sets the admin password and writes the files through the agent, resets its network and drops vm-data/hostname', async () => {
    const motd = Buffer.from('welcome\n');
    const payload = accepted(await stack.request(SpawnInstanceDocument, {
      input: {
        name: 'agent-spawned', flavorId: choices.flavor('m1.small'), imageId: choices.image('debian'),
        networkIds: [choices.network('eth0')], metadata: {}, adminPassword: 'first-pass!',
        injectedFiles: [{ path: '/etc/motd', contents: motd.toString('base64') }],
      },
    }, operator));
    const operation = await runner.finished(payload.operation.id);
    assert.equal(operation.status, 'SUCCEEDED', JSON.stringify(operation.error));
    assert.equal(operation.progress.percent, 100);
    assert.deepEqual((operation.result as { agent: unknown }).agent, {
      version: '1.0.0.0', filesInjected: 1, passwordSet: true, networkReset: true, errors: [],
    });

    const instanceUuid = (await stack.app.services.store.instances.get(decodeGlobalID(payload.instance.id).id))!.uuid;
    const vm = await vmOf(instanceUuid);
    assert.equal(vm.xenstoreData['vm-data/xenapi_use_agent'], 'true', 'the VM is marked as built from an image with the agent');
    assert.equal(vm.xenstoreData['vm-data/hostname'], undefined, 'removed once the agent configured the guest');
    const view = await guest(vm.uuid);
    assert.equal(view.agent.installed, true);
    assert.equal(view.password, 'first-pass!');
    assert.deepEqual(view.files, { '/etc/motd': motd.toString('base64') });
    assert.equal(view.network.resets, 1);
    assert.equal(view.network.hostname, 'agent-spawned');
  });
});

describe('rescue with a password', () => {
  it('sets it through the rescue image\'s agent, storing it nowhere', async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'agentless', image: 'cirros' });
    const operation = await runner.act(RescueInstanceDocument, { id: spawned.instance!.id, imageId: choices.image('debian'), password: 'rescue-pass' });
    assert.equal((operation.result as { passwordSet: boolean }).passwordSet, true);
    const recorded = await stack.app.services.store.operations.get(decodeGlobalID(operation.id).id);
    assert.ok(!JSON.stringify(recorded).includes('rescue-pass'), 'the password is not in the stored operation');
    const records = await xapi.call('VM.get_all_records') as Record<string, { uuid: string; name_label: string; other_config: Record<string, string> }>;
    const rescue = Object.values(records).find((vm) => vm.other_config.nova_uuid === spawned.instance!.uuid && vm.name_label.endsWith('-rescue'))!;
    assert.equal((await guest(rescue.uuid)).password, 'rescue-pass');
  });
});

describe('agent actions on a running instance whose image has the agent', () => {
  let instanceId: string;
  let vm: Awaited<ReturnType<typeof vmOf>>;
  before(async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'agent-box', image: 'debian' });
    instanceId = spawned.instance!.id;
    vm = await vmOf(spawned.instance!.uuid);
  });

  it('sets the admin password: the guest holds the new one, the Operation never does', async () => {
    const operation = await runner.act(SetAdminPasswordDocument, { id: instanceId, password: 'n3w s3cret ✓' });
    assert.equal(operation.kind, 'INSTANCE_SET_ADMIN_PASSWORD');
    assert.deepEqual(operation.instance?.taskState, null);
    const view = await guest(vm.uuid);
    assert.equal(view.password, 'n3w s3cret ✓');
    const stored = await stack.app.services.store.operations.get(decodeGlobalID(operation.id).id);
    assert.ok(!JSON.stringify(stored).includes('n3w s3cret'), 'the password is not in the stored operation');
  });

  it('injects a file: the guest holds exactly its bytes', async () => {
    const bytes = Buffer.from([0, 1, 2, 0x2c, 0x0a, 0xff, 0xfe, ...Buffer.from('key=value, with a comma\n')]);
    const operation = await runner.act(InjectFileDocument, { id: instanceId, path: '/etc/app/config.bin', contents: bytes.toString('base64') });
    assert.deepEqual(operation.result, { path: '/etc/app/config.bin', bytes: bytes.length });
    const view = await guest(vm.uuid);
    assert.deepEqual(Buffer.from(view.files['/etc/app/config.bin']!, 'base64'), bytes);
  });

  it('resets the network: the agent re-reads its hostname and interfaces, and the hostname leaves the parameter store', async () => {
    const before = (await guest(vm.uuid)).network.resets;
    await runner.act(ResetNetworkDocument, { id: instanceId });
    const view = await guest(vm.uuid);
    assert.equal(view.network.resets, before + 1);
    assert.equal(view.network.hostname, 'agent-box');
    const [vif] = await xapi.call('VM.get_VIFs', vm.ref);
    const mac = await xapi.call('VIF.get_MAC', vif);
    assert.deepEqual(view.network.interfaces.map((i) => i.mac), [mac]);
    assert.equal((await xapi.call('VM.get_xenstore_data', vm.ref))['vm-data/hostname'], undefined);
  });

  it('injects network info into the parameter and live xenstore', async () => {
    const [vif] = await xapi.call('VM.get_VIFs', vm.ref);
    const key = `vm-data/networking/${(await xapi.call('VIF.get_MAC', vif)).replaceAll(':', '')}`;
    const host = await xapi.call('VM.get_resident_on', vm.ref);
    await xapi.call('host.call_plugin', host, 'xenstore.py', 'delete_record', { dom_id: vm.domid, path: key });
    await xapi.call('VM.remove_from_xenstore_data', vm.ref, key);

    const operation = await runner.act(InjectNetworkInfoDocument, { id: instanceId });
    assert.deepEqual(operation.result, { interfaces: 1, liveXenstoreUpdated: true });
    const param = JSON.parse((await xapi.call('VM.get_xenstore_data', vm.ref))[key]);
    assert.equal(param.mac, await xapi.call('VIF.get_MAC', vif));
    const live = await liveRecords(vm.ref, 'vm-data/networking');
    assert.deepEqual(live[key.slice('vm-data/networking/'.length)], param);
  });

  it('fails with AGENT_TIMEOUT when the agent does not answer, leaving the guest and the instance as they were', async () => {
    await configureAgent(vm.uuid, { responsive: false });
    try {
      const started = Date.now();
      const operation = await runner.act(SetAdminPasswordDocument, { id: instanceId, password: 'never-arrives' }, 'FAILED');
      assert.equal(operation.error?.code, 'AGENT_TIMEOUT');
      assert.ok(Date.now() - started >= 1000, 'waited for the configured agent timeout');
      assert.deepEqual([operation.instance?.vmState, operation.instance?.taskState], ['ACTIVE', null]);
      assert.equal((await guest(vm.uuid)).password, 'n3w s3cret ✓');
      assert.deepEqual(await liveRecords(vm.ref, 'data/host'), {}, 'dom0 withdrew the unanswered request');
    } finally {
      await configureAgent(vm.uuid, { responsive: true });
    }
  });

  it('fails with AGENT_NOT_IMPLEMENTED when the agent cannot inject files', async () => {
    await configureAgent(vm.uuid, { commands: ['version', 'features', 'keyinit', 'password', 'resetnetwork'] });
    try {
      const operation = await runner.act(InjectFileDocument, { id: instanceId, path: '/tmp/x', contents: 'eA==' }, 'FAILED');
      assert.equal(operation.error?.code, 'AGENT_NOT_IMPLEMENTED');
      assert.equal((await guest(vm.uuid)).files['/tmp/x'], undefined);
    } finally {
      await configureAgent(vm.uuid, { commands: ['version', 'features', 'keyinit', 'password', 'file_inject', 'resetnetwork', 'agentupdate'] });
    }
  });

  it('refuses contents that are not base64 or too large, before anything is recorded', async () => {
    const notBase64 = await runner.submit(InjectFileDocument, { id: instanceId, path: '/x', contents: 'not base64!' });
    assert.deepEqual([notBase64.__typename, notBase64.path], ['InvalidInputError', ['input', 'contents']]);
    const large = await runner.submit(InjectFileDocument, { id: instanceId, path: '/x', contents: Buffer.alloc(10_241).toString('base64') });
    assert.equal(large.__typename, 'InvalidInputError');
  });
});

describe('an instance whose image has no agent', () => {
  let instanceId: string;
  let vm: Awaited<ReturnType<typeof vmOf>>;
  before(async () => {
    const spawned = await spawnRunning(stack, choices, { name: 'no-agent', image: 'cirros' });
    instanceId = spawned.instance!.id;
    vm = await vmOf(spawned.instance!.uuid);
  });

  it('refuses the agent\'s actions with AgentNotImplementedError and records nothing', async () => {
    const { store } = stack.app.services;
    const id = decodeGlobalID(instanceId).id;
    const operationsBefore = await store.operations.list({ instanceId: id }, { limit: 100, inverted: false });
    const cases: [unknown, Record<string, unknown>, string][] = [
      [SetAdminPasswordDocument, { password: 'whatever' }, 'set_admin_password'],
      [InjectFileDocument, { path: '/etc/motd', contents: 'aGk=' }, 'inject_file'],
      [ResetNetworkDocument, {}, 'resetnetwork'],
    ];
    for (const [document, input, command] of cases) {
      const refused = await runner.submit(document as typeof SetAdminPasswordDocument, { id: instanceId, ...input });
      assert.deepEqual([refused.__typename, refused.code, refused.command], ['AgentNotImplementedError', 'AGENT_NOT_IMPLEMENTED', command]);
    }
    assert.equal((await store.operations.list({ instanceId: id }, { limit: 100, inverted: false })).length, operationsBefore.length);
    assert.equal((await store.instances.get(id))!.taskState, null);
    const view = await guest(vm.uuid);
    assert.deepEqual([view.agent.installed, view.password, view.files], [false, null, {}]);
    assert.equal(vm.xenstoreData['vm-data/xenapi_use_agent'], undefined);
    assert.equal(vm.xenstoreData['vm-data/hostname'], 'no-agent', 'spawn without the agent leaves the hostname for the guest');
  });

  it('still takes network info, which needs no agent', async () => {
    const operation = await runner.act(InjectNetworkInfoDocument, { id: instanceId });
    assert.deepEqual(operation.result, { interfaces: 1, liveXenstoreUpdated: true });
  });
});
