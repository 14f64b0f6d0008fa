// What a guest finds on the config drive: the OpenStack layout, meta_data.json, network_data.json, user data
// and injected files, read back from the ISO image.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildConfigDrive, configDriveNetworkData, type ConfigDriveInput } from '../../src/configdrive/config-drive.js';
import { SECTOR_SIZE } from '../../src/configdrive/iso9660.js';
import { readIsoImage } from '../../src/configdrive/iso9660-read.js';

// Not valid UTF-8 on purpose: user data is passed through as raw bytes.
const userData = Buffer.concat([Buffer.from('#cloud-config\nhostname: web-1\n'), Buffer.from([0xff, 0xfe, 0x00, 0x80])]);

const input: ConfigDriveInput = {
  uuid: '6f1d7a86-2f1e-4c1a-9a4c-1b2b3c4d5e6f',
  name: 'web-1',
  hostname: 'web-1',
  availabilityZone: 'nova',
  metadata: { role: 'frontend', owner: 'ops' },
  adminPassword: 's3cret',
  publicKeys: { deploy: 'ssh-ed25519 AAAAC3Nza deploy@example' },
  userData,
  injectedFiles: [
    { path: '/etc/motd', contents: Buffer.from('welcome\n') },
    { path: '/root/.ssh/authorized_keys', contents: Buffer.from('ssh-ed25519 AAAA other\n') },
  ],
  interfaces: [
    { mac: 'FA:16:3E:00:00:01', ip: '10.0.0.5', netmask: '255.255.255.0', gateway: '10.0.0.1', dns: ['10.0.0.2', '8.8.8.8'] },
    { mac: 'fa:16:3e:00:00:02', dns: ['8.8.8.8'] },
  ],
  createdAt: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
};

const minimal: ConfigDriveInput = {
  uuid: '00000000-0000-4000-8000-000000000001', name: 'bare', hostname: 'bare', metadata: {}, injectedFiles: [], interfaces: [],
};

const json = (volume: ReturnType<typeof readIsoImage>, path: string): Record<string, unknown> =>
  JSON.parse(volume.readFile(path).toString('utf8')) as Record<string, unknown>;

describe('config drive', () => {
  const image = buildConfigDrive(input);
  const volume = readIsoImage(image);

  test('is an ISO labelled config-2, in whole sectors', () => {
    assert.equal(volume.volumeLabel, 'config-2');
    assert.equal(image.length % SECTOR_SIZE, 0);
    assert.equal(volume.volumeSectors * SECTOR_SIZE, image.length);
  });

  test('has the OpenStack layout: latest and dated versions, and the injected contents', () => {
    assert.deepEqual(volume.entries.filter((e) => !e.directory).map((e) => e.path).sort(), [
      'openstack/2013-10-17/meta_data.json',
      'openstack/2013-10-17/user_data',
      'openstack/2015-10-15/meta_data.json',
      'openstack/2015-10-15/network_data.json',
      'openstack/2015-10-15/user_data',
      'openstack/content/0000',
      'openstack/content/0001',
      'openstack/latest/meta_data.json',
      'openstack/latest/network_data.json',
      'openstack/latest/user_data',
    ]);
  });

  test('meta_data.json describes the instance, the same in every version', () => {
    const metaData = json(volume, 'openstack/latest/meta_data.json');
    assert.deepEqual(metaData, {
      uuid: input.uuid,
      name: 'web-1',
      hostname: 'web-1',
      launch_index: 0,
      availability_zone: 'nova',
      meta: { role: 'frontend', owner: 'ops' },
      admin_pass: 's3cret',
      public_keys: { deploy: 'ssh-ed25519 AAAAC3Nza deploy@example' },
      files: [
        { path: '/etc/motd', content_path: '/content/0000' },
        { path: '/root/.ssh/authorized_keys', content_path: '/content/0001' },
      ],
    });
    for (const version of ['2013-10-17', '2015-10-15']) assert.deepEqual(json(volume, `openstack/${version}/meta_data.json`), metaData);
  });

  test('user data and injected files come back byte for byte', () => {
    for (const version of ['latest', '2013-10-17', '2015-10-15']) assert.deepEqual(volume.readFile(`openstack/${version}/user_data`), userData);
    const metaData = json(volume, 'openstack/latest/meta_data.json') as { files: { content_path: string }[] };
    metaData.files.forEach((file, index) => {
      assert.deepEqual(volume.readFile(`openstack${file.content_path}`), input.injectedFiles[index].contents);
    });
  });

  test('network_data.json has a link per interface, static or DHCP networks, and the DNS servers', () => {
    const networkData = json(volume, 'openstack/latest/network_data.json');
    assert.deepEqual(networkData, {
      links: [
        { id: 'interface0', type: 'phy', ethernet_mac_address: 'fa:16:3e:00:00:01', mtu: 1500 },
        { id: 'interface1', type: 'phy', ethernet_mac_address: 'fa:16:3e:00:00:02', mtu: 1500 },
      ],
      networks: [
        {
          id: 'network0', link: 'interface0', type: 'ipv4', ip_address: '10.0.0.5', netmask: '255.255.255.0',
          routes: [{ network: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.0.0.1' }],
          services: [{ type: 'dns', address: '10.0.0.2' }, { type: 'dns', address: '8.8.8.8' }],
        },
        { id: 'network1', link: 'interface1', type: 'ipv4_dhcp' },
      ],
      services: [{ type: 'dns', address: '10.0.0.2' }, { type: 'dns', address: '8.8.8.8' }],
    });
    assert.deepEqual(json(volume, 'openstack/2015-10-15/network_data.json'), networkData);
  });

  test('leaves out what was not given', () => {
    const bare = readIsoImage(buildConfigDrive(minimal));
    assert.deepEqual(json(bare, 'openstack/latest/meta_data.json'), {
      uuid: minimal.uuid, name: 'bare', hostname: 'bare', launch_index: 0, meta: {},
    });
    assert.deepEqual(json(bare, 'openstack/latest/network_data.json'), { links: [], networks: [], services: [] });
    assert.deepEqual(bare.entries.filter((e) => !e.directory).map((e) => e.path).sort(), [
      'openstack/2013-10-17/meta_data.json',
      'openstack/2015-10-15/meta_data.json',
      'openstack/2015-10-15/network_data.json',
      'openstack/latest/meta_data.json',
      'openstack/latest/network_data.json',
    ]);
  });

  test('a static address needs a netmask; a gateway is optional', () => {
    assert.throws(
      () => configDriveNetworkData({ ...minimal, interfaces: [{ mac: 'fa:16:3e:00:00:09', ip: '10.0.0.9', dns: [] }] }),
      /fa:16:3e:00:00:09 has address 10.0.0.9 but no netmask/,
    );
    const [network] = configDriveNetworkData({ ...minimal, interfaces: [{ mac: 'fa:16:3e:00:00:09', ip: '10.0.0.9', netmask: '255.0.0.0', dns: [] }] }).networks;
    assert.ok(network.type === 'ipv4');
    assert.deepEqual([network.routes, network.services], [[], []]);
  });

  test('is reproducible for a given creation date', () => {
    assert.deepEqual(buildConfigDrive(input), image);
  });
});
