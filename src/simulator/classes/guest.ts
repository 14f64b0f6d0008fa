// The simulated guest inside a running domain: it boots after a while and brings up its PV drivers,
// which XAPI reports through VM_guest_metrics (IPs, feature flags that allow clean shutdown of HVM guests).
import { xapiNow } from '../clock.js';
import type { Db } from '../db.js';
import { NULL_REF } from '../../xapi/datamodel/index.js';
import type { SimPool } from '../world.js';

/** Realistic time from domain creation to PV drivers up. */
const BOOT_SECONDS = 2;

const GUEST_FEATURES = {
  'feature-shutdown': '1', 'feature-poweroff': '1', 'feature-reboot': '1', 'feature-suspend': '1',
  'feature-vcpu-hotplug': '1', 'has-vendor-device': '0', 'platform-feature-multiprocessor-suspend': '1',
};

export function scheduleGuestBoot(pool: SimPool, vmRef: string, domid: number): void {
  const timer = setTimeout(() => {
    const vm = pool.db.find('VM', vmRef);
    // The domain may have stopped or been replaced (reboot) while it booted.
    if (!vm || vm.domid !== domid || vm.power_state !== 'Running') return;
    bootGuest(pool.db, vmRef, domid);
  }, pool.duration(BOOT_SECONDS));
  timer.unref();
}

function bootGuest(db: Db, vmRef: string, domid: number): void {
  const vm = db.get('VM', vmRef);
  const ip = `10.${(domid >> 16) & 0xff}.${(domid >> 8) & 0xff}.${(domid & 0xff) || 1}`;
  const networks: Record<string, string> = {};
  for (const vif of vm.VIFs as string[]) {
    const device = db.find('VIF', vif)?.device;
    if (device === undefined) continue;
    networks[`${device}/ip`] = ip;
    networks[`${device}/ipv4/0`] = ip;
  }
  const metrics = db.create('VM_guest_metrics', {
    os_version: vm.domain_type === 'hvm'
      ? { name: 'Microsoft Windows Server 2022 Standard', distro: 'windows', major: '10', minor: '0' }
      : { name: 'Debian GNU/Linux 12 (bookworm)', distro: 'debian', major: '12', minor: '0', uname: '6.1.0-18-amd64' },
    PV_drivers_version: { major: '8', minor: '2', micro: '0', build: '1' },
    PV_drivers_up_to_date: true, PV_drivers_detected: true, networks, other: { ...GUEST_FEATURES },
    live: true, can_use_hotplug_vbd: 'yes', can_use_hotplug_vif: 'yes', last_updated: xapiNow(),
  });
  db.update(vmRef, { guest_metrics: metrics });
}

export function stopGuest(db: Db, vmRef: string): void {
  const metrics = db.get('VM', vmRef).guest_metrics as string;
  if (metrics !== NULL_REF && db.has(metrics)) db.destroy(metrics);
  db.update(vmRef, { guest_metrics: NULL_REF });
}

/** HVM guests can only be shut down cleanly once their PV drivers advertise the feature. */
export function guestSupports(db: Db, vmRef: string, feature: string): boolean {
  const vm = db.get('VM', vmRef);
  if (vm.domain_type !== 'hvm') return true;
  const metrics = db.find('VM_guest_metrics', vm.guest_metrics);
  return metrics?.other?.[feature] === '1';
}
