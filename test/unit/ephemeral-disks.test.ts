import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ephemeralDiskSizesGb, ephemeralLabel } from '../../src/driver/devices.js';

describe('ephemeralDiskSizesGb (Nova\'s split of a flavor\'s ephemeral space)', () => {
  test('no disk for none, one disk up to 2000 GiB', () => {
    assert.deepEqual(ephemeralDiskSizesGb(0), []);
    assert.deepEqual(ephemeralDiskSizesGb(20), [20]);
    assert.deepEqual(ephemeralDiskSizesGb(2000), [2000]);
  });

  test('chunks of 2000 GiB, or of 1024 GiB when the total is a multiple of 1024', () => {
    assert.deepEqual(ephemeralDiskSizesGb(4500), [2000, 2000, 500]);
    assert.deepEqual(ephemeralDiskSizesGb(2048), [1024, 1024]);
    assert.deepEqual(ephemeralDiskSizesGb(1024), [1024]);
  });

  test('labels number the disks after the first', () => {
    assert.deepEqual([0, 1, 2].map((i) => ephemeralLabel('instance-00000001', i)),
      ['instance-00000001 ephemeral', 'instance-00000001 ephemeral (1)', 'instance-00000001 ephemeral (2)']);
  });
});
