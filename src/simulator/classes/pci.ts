// PCI passthrough: each host's pciback devices as `PCI` records, and the check XAPI makes before a domain
// starts with `other_config:pci` (`<index>/<dddd:bb:ss.f>,…`): the host must have every device listed, and
// none may be held by another domain on that host.
import type { Db } from '../db.js';
import { XapiFailure } from '../errors.js';
import { passedThroughAddresses } from '../../xapi/pci-config.js';
import type { PciDeviceSpec } from '../topology.js';

export function createPciDevices(db: Db, hostRef: string, devices: readonly PciDeviceSpec[]): void {
  const refs = devices.map((device) => db.create('PCI', {
    host: hostRef, pci_id: device.pciId, class_name: device.className,
    vendor_name: device.vendorName, device_name: device.deviceName, driver_name: 'pciback',
    // XAPI keeps the numeric ids in hidden fields; the simulator shows them here so clients can match on them.
    other_config: { vendor_id: device.vendorId, device_id: device.deviceId },
  }));
  db.update(hostRef, { PCIs: refs });
}

export function assertPciDevicesFree(db: Db, vmRef: string, hostRef: string): void {
  const wanted = passedThroughAddresses(db.get('VM', vmRef).other_config);
  if (wanted.length === 0) return;
  const onHost = new Set((db.get('host', hostRef).PCIs as string[]).map((ref) => db.get('PCI', ref).pci_id as string));
  // XAPI names no finer error for a host lacking a passthrough device than that no host can run the VM.
  if (wanted.some((address) => !onHost.has(address))) throw new XapiFailure('NO_HOSTS_AVAILABLE');
  for (const [ref, row] of db.table('VM')) {
    const other = row.record;
    if (ref === vmRef || (other.resident_on !== hostRef && other.scheduled_to_be_resident_on !== hostRef)) continue;
    const held = passedThroughAddresses(other.other_config).find((address) => wanted.includes(address));
    if (held) throw new XapiFailure('DEVICE_ALREADY_ATTACHED', held);
  }
}
