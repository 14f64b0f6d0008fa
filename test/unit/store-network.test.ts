// Interface allocation with a requested MAC or address, and security-group memberships as the firewall reads
// them (live instances only, per host).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AddressInUseError, DuplicateNameError, InvalidSubnetError, type Host, type Network, type Store,
} from '../../src/store/index.js';
import { openTestStore } from '../helpers/store.js';

let store: Store;
let network: Network;
let host: Host;

before(async () => {
  store = await openTestStore();
  const pool = await store.pools.upsert({ uuid: 'pool-uuid', name: 'pool-a', masterUrl: 'http://127.0.0.11' });
  host = (await store.hosts.upsertFromXapi({
    uuid: 'host-1', poolId: pool.id, name: 'xen-a1', address: '127.0.0.11', enabled: true, live: true, memoryTotal: 1, memoryFree: 1, cpuCount: 1,
  })).host;
  network = await store.networks.create({ name: 'eth0', bridge: 'xenbr0' });
  await store.vifs.createSubnet({ networkId: network.id, cidr: '10.40.0.0/29', gateway: '10.40.0.1' });
});
after(() => store.close());

const newInstance = (name: string) => store.instances.create({ name, hostId: host.id, vmUuid: `vm-${name}` });

describe('allocating an interface', () => {
  test('honours a requested MAC and address, and refuses taken or foreign ones', async () => {
    const instance = await newInstance('a');
    const vif = await store.vifs.allocate({ instanceId: instance.id, networkId: network.id, device: 1, mac: 'FA:16:3E:00:00:01', ip: '10.40.0.5' });
    assert.deepEqual([vif.mac, vif.ip, vif.device], ['fa:16:3e:00:00:01', '10.40.0.5', 1]);
    assert.equal((await store.vifs.getByMac('fa:16:3e:00:00:01'))?.id, vif.id);

    const again = (input: { mac?: string; ip?: string }) => store.vifs.allocate({ instanceId: instance.id, networkId: network.id, device: 2, ...input });
    await assert.rejects(again({ mac: 'fa:16:3e:00:00:01' }), AddressInUseError);
    await assert.rejects(again({ ip: '10.40.0.5' }), AddressInUseError);
    await assert.rejects(again({ ip: '10.40.0.1' }), AddressInUseError, 'the gateway');
    await assert.rejects(again({ ip: '10.40.0.7' }), InvalidSubnetError, 'the broadcast address');
    await assert.rejects(again({ ip: '192.168.1.1' }), InvalidSubnetError);

    const lowest = await again({});
    assert.equal(lowest.ip, '10.40.0.2', 'without a request, the lowest free address');
    assert.deepEqual((await store.vifs.listAllocated({ networkId: network.id })).map((v) => v.ip), ['10.40.0.5', '10.40.0.2']);
    await store.vifs.release([vif.id]);
    assert.equal((await again({ ip: '10.40.0.5' })).ip, '10.40.0.5', 'released, the address is free again');
  });
});

describe('security groups', () => {
  test('list live members per host and group, and go with their rules', async () => {
    const web = await store.securityGroups.create({ name: 'web', description: '' });
    const admin = await store.securityGroups.create({ name: 'admin', description: '' });
    await assert.rejects(store.securityGroups.create({ name: 'web', description: 'again' }), DuplicateNameError);
    const [one, two] = [await newInstance('one'), await newInstance('two')];
    assert.equal(await store.securityGroups.addMember(web.id, one.id), true);
    assert.equal(await store.securityGroups.addMember(web.id, one.id), false);
    await store.securityGroups.addMember(web.id, two.id);
    await store.securityGroups.addMember(admin.id, one.id);
    assert.deepEqual((await store.securityGroups.groupsOf(one.id)).map((g) => g.name), ['admin', 'web']);
    assert.equal((await store.securityGroups.members({ hostId: host.id })).length, 3);

    await store.instances.update(two.id, { deletedAt: new Date(), vmState: 'DELETED' });
    assert.deepEqual((await store.securityGroups.members({ groupIds: [web.id] })).map((m) => m.instanceId), [one.id]);

    const rule = await store.securityGroups.addRule({ groupId: web.id, protocol: 'tcp', fromPort: 22, toPort: 22, cidr: null, sourceGroupId: admin.id });
    assert.deepEqual((await store.securityGroups.rulesSourcedFrom([admin.id])).map((r) => r.id), [rule.id]);
    assert.equal(await store.securityGroups.delete(admin.id), true);
    assert.deepEqual(await store.securityGroups.rulesOf([web.id]), [], 'a rule naming a deleted group as source goes with it');
    assert.deepEqual((await store.securityGroups.groupsOf(one.id)).map((g) => g.name), ['web']);
  });
});
