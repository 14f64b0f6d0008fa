// Failed actions leave nothing behind and bad input is refused before anything happens: a spawn broken at
// any late step takes its config drive, disks and clone with it; the firewall's XAPI refusal is kept on the
// Operation; metadata keys that would share a xenstore path, names that cannot be stored as given, and images
// bigger than the flavor's disk are refused with a typed error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateAggregateDocument, CreateSecurityGroupDocument, SnapshotInstanceDocument, SpawnInstanceDocument,
  UpdateInstanceMetadataDocument, type InstanceSpawnInput,
} from '../generated/graphql.js';
import { accepted, finished, spawnChoices, spawnRunning, xapiSession, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { leftBehind, NOTHING_LEFT, xapiInventory } from '../helpers/xapi-inventory.js';

let stack: Stack;
let choices: SpawnChoices;
let operator: string;
let instanceId: string;
before(async () => {
  stack = await startStack();
  choices = await spawnChoices(stack);
  operator = await stack.tokenFor('operator');
  // Caches the base image too, so later spawns start from a clone.
  instanceId = (await spawnRunning(stack, choices, { name: 'first', metadata: { a_b: 'one' } })).instance!.id;
});
after(async () => {
  await stack?.stop();
});

async function createSecurityGroup(name: string) {
  const result = await stack.request(CreateSecurityGroupDocument, { input: { name } }, operator);
  return result.data!.securityGroupCreate;
}

function spawnInput(overrides: Partial<InstanceSpawnInput>): InstanceSpawnInput {
  return {
    name: 'rolled-back', flavorId: choices.flavor('m1.small'), imageId: choices.image('cirros'),
    networkIds: [choices.network('eth0')], metadata: {}, ...overrides,
  };
}

async function spawnFailing(input: InstanceSpawnInput) {
  const state = await finished(stack, accepted(await stack.request(SpawnInstanceDocument, { input }, operator)).operation.id);
  assert.equal(state.status, 'FAILED');
  assert.deepEqual([state.instance?.vmState, state.instance?.powerState], ['ERROR', 'NOSTATE']);
  return state;
}

async function refusal(result: { data?: unknown; errors?: unknown }) {
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return Object.values(result.data as Record<string, { __typename: string; path?: string[]; message?: string }>)[0]!;
}

describe('rollback of a failed spawn', () => {
  for (const method of ['VM.add_to_other_config', 'host.call_plugin']) {
    it(`removes the config drive, disks and VM when ${method} fails after the VM was built`, async () => {
      const group = await createSecurityGroup(`rollback-${method}`);
      assert.equal(group.__typename, 'SecurityGroupCreatePayload');
      const before = await xapiInventory(stack);
      stack.sim.faults.add({ method, error: ['INTERNAL_ERROR', 'injected'] });
      await spawnFailing(spawnInput({
        flavorId: choices.flavor('m1.medium'), configDrive: true,
        securityGroupIds: [(group as { securityGroup: { id: string } }).securityGroup.id],
      }));
      assert.deepEqual(leftBehind(before, await xapiInventory(stack)), NOTHING_LEFT);
    });
  }

  it('leaves no clone that looks like a cached base image when naming the clone fails', async () => {
    const before = await xapiInventory(stack);
    stack.sim.faults.add({ method: 'VDI.set_name_label', error: ['INTERNAL_ERROR', 'injected'] });
    const state = await spawnFailing(spawnInput({}));
    assert.equal(state.error?.xapiCode, 'INTERNAL_ERROR');
    assert.deepEqual(leftBehind(before, await xapiInventory(stack)), NOTHING_LEFT);
    const xapi = await xapiSession(stack);
    const cached = Object.values(await xapi.call('VDI.get_all_records') as Record<string, { name_label: string; other_config: Record<string, string> }>)
      .filter((vdi) => vdi.name_label.startsWith('Glance Image ') || vdi.other_config['image-id']);
    assert.equal(cached.length, 1, 'only the base image itself');
  });

  it('keeps the XAPI code of a security group step that failed', async () => {
    const group = await createSecurityGroup('plugin-refused');
    stack.sim.faults.add({ method: 'host.call_plugin', error: ['XENAPI_PLUGIN_FAILURE', 'iptables_config', 'CalledProcessError', 'exit 1'] });
    const state = await spawnFailing(spawnInput({ securityGroupIds: [(group as { securityGroup: { id: string } }).securityGroup.id] }));
    assert.deepEqual([state.error?.code, state.error?.xapiCode, state.error?.xapiParams],
      ['FIREWALL_NOT_APPLIED', 'XENAPI_PLUGIN_FAILURE', ['iptables_config', 'CalledProcessError', 'exit 1']]);
  });
});

describe('input refused before anything happens', () => {
  it('refuses metadata keys that would share one xenstore path, at spawn and when updating', async () => {
    const instancesBefore = await stack.app.services.store.instances.count({ includeDeleted: true });
    const spawn = await refusal(await stack.request(SpawnInstanceDocument, { input: spawnInput({ metadata: { 'a/b': '1', 'a.b': '2' } }) }, operator));
    assert.deepEqual([spawn.__typename, spawn.path], ['InvalidInputError', ['input', 'metadata']]);
    assert.match(spawn.message!, /a\/b/);
    assert.equal(await stack.app.services.store.instances.count({ includeDeleted: true }), instancesBefore);

    const update = await refusal(await stack.request(UpdateInstanceMetadataDocument, { input: { id: instanceId, set: { 'a.b': 'two' } } }, operator));
    assert.deepEqual([update.__typename, update.path], ['InvalidInputError', ['input', 'set']]);
    assert.match(update.message!, /a\.b/);
    // Replacing the key that owns the path is fine.
    accepted(await stack.request(UpdateInstanceMetadataDocument, { input: { id: instanceId, set: { 'a.b': 'two' }, remove: ['a_b'] } }, operator));
  });

  it('refuses names with lone surrogates or control characters instead of changing them', async () => {
    for (const name of ['half\ud800', 'bell\u0007', 'line\nbreak']) {
      const spawn = await refusal(await stack.request(SpawnInstanceDocument, { input: spawnInput({ name }) }, operator));
      assert.deepEqual([spawn.__typename, spawn.path], ['InvalidInputError', ['input', 'name']], JSON.stringify(name));
    }
    const group = await createSecurityGroup('web\udc00');
    assert.deepEqual([group.__typename, (group as { path: string[] }).path], ['InvalidInputError', ['input', 'name']]);
    const aggregate = await refusal(await stack.request(CreateAggregateDocument, { input: { name: 'zone\u001b[0m' } }, stack.adminToken));
    assert.deepEqual([aggregate.__typename, aggregate.path], ['InvalidInputError', ['input', 'name']]);
    const snapshot = await refusal(await stack.request(SnapshotInstanceDocument, { input: { id: instanceId, name: 'snap\ud83d' } }, operator));
    assert.deepEqual([snapshot.__typename, snapshot.path], ['InvalidInputError', ['input', 'name']]);
    const names = (await stack.app.services.store.instances.list({}, { field: 'NAME', direction: 'ASC' }, { limit: 100, inverted: false }))
      .map((instance) => instance.name);
    assert.ok(names.every((name) => !name.includes('\ufffd')), 'no name was stored with a replacement character');
  });

  it('refuses an image that needs more disk than the flavor gives, before anything is built', async () => {
    const inventory = await xapiInventory(stack);
    const instancesBefore = await stack.app.services.store.instances.count({ includeDeleted: true });
    const result = await refusal(await stack.request(SpawnInstanceDocument, {
      input: spawnInput({ flavorId: choices.flavor('m1.tiny'), imageId: choices.image('debian') }),
    }, operator));
    assert.deepEqual([result.__typename, result.path], ['InvalidInputError', ['input', 'flavorId']]);
    assert.match(result.message!, /10 GiB/);
    assert.equal(await stack.app.services.store.instances.count({ includeDeleted: true }), instancesBefore);
    assert.deepEqual(leftBehind(inventory, await xapiInventory(stack)), NOTHING_LEFT);
  });
});
