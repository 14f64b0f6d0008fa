import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidInputError } from '../../src/errors.js';
import {
  deviceConfigOf, deviceNumberOf, parseIscsiConnection, srUuidOf, storedConnectionOf, uuidV5, withoutSecret,
  type VolumeConnectionInput,
} from '../../src/driver/volume-connection.js';

const cinder: VolumeConnectionInput = {
  driverVolumeType: 'iscsi', targetPortal: '192.168.0.1:3260', targetIqn: 'iqn.2010-10.org.openstack:volume-00000001',
  targetLun: 1, authMethod: 'CHAP', authUsername: 'user', authPassword: 'secret', volumeId: 'vol-1',
};

describe('deviceNumberOf (Nova\'s mountpoint → userdevice)', () => {
  test('letters count from a, whatever the bus prefix', () => {
    assert.deepEqual(['/dev/xvdb', '/dev/sdc', 'hda', 'vdd', '/dev/xvdp'].map(deviceNumberOf), [1, 2, 0, 3, 15]);
  });
  test('digits are taken as they are; anything else names no device', () => {
    assert.deepEqual(['5', '/dev/12'].map(deviceNumberOf), [5, 12]);
    assert.deepEqual(['/dev/xvdq', '/dev/xvdaa', '/mnt/data', '', 'sdb1'].map(deviceNumberOf), [null, null, null, null, null]);
  });
});

describe('srUuidOf', () => {
  test('is Python\'s uuid5 in Nova\'s namespace of host/port/iqn', () => {
    // uuid.uuid5(uuid.UUID('3cca4135-a809-5bb3-af62-275fbfe87178'), '192.168.0.1/3260/iqn.2010-10.org.openstack:volume-00000001')
    assert.equal(srUuidOf(parseIscsiConnection(cinder)), '41de67d6-42a3-516b-9c82-336ea7f5026e');
  });
  test('matches RFC 4122\'s DNS example', () => {
    assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});

describe('parseIscsiConnection', () => {
  test('defaults the port to 3260 and reads IPv6 portals', () => {
    assert.deepEqual(parseIscsiConnection({ ...cinder, targetPortal: 'san.example' }).port, 3260);
    assert.deepEqual(parseIscsiConnection({ ...cinder, targetPortal: '[fd00::1]:3261' }), {
      volumeId: 'vol-1', host: 'fd00::1', port: 3261, iqn: cinder.targetIqn, lun: 1, chap: { user: 'user', password: 'secret' },
    });
  });
  test('refuses other drivers, half CHAP and bad portals with the input path', () => {
    const refused = (input: Partial<VolumeConnectionInput>) => {
      try {
        parseIscsiConnection({ ...cinder, ...input });
      } catch (error) {
        assert.ok(error instanceof InvalidInputError);
        return error.path?.at(-1);
      }
      return 'accepted';
    };
    assert.equal(refused({ driverVolumeType: 'xensm' }), 'driverVolumeType');
    assert.equal(refused({ authPassword: null }), 'authPassword');
    assert.equal(refused({ targetPortal: 'host:99999' }), 'targetPortal');
    assert.equal(refused({ targetLun: -1 }), 'targetLun');
    assert.equal(refused({ authMethod: 'KERBEROS' }), 'authMethod');
    assert.equal(refused({ authMethod: null, authPassword: null }), 'accepted');
  });
});

describe('what reaches XAPI and what is kept', () => {
  test('device_config carries Nova\'s keys, the CHAP secret included', () => {
    assert.deepEqual(deviceConfigOf(parseIscsiConnection(cinder)), {
      target: '192.168.0.1', port: '3260', targetIQN: cinder.targetIqn, chapuser: 'user', chappassword: 'secret', 'backend-kind': 'vbd',
    });
  });
  test('the stored forms hold no secret', () => {
    assert.equal(withoutSecret(cinder).authPassword, null);
    assert.equal(JSON.stringify(storedConnectionOf(parseIscsiConnection(cinder))).includes('secret'), false);
  });
});
