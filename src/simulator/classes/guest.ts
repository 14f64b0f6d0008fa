// The simulated guest inside a running domain. Once the domain runs (one started paused waits for unpause)
// it boots after a while: it writes its console log, reads its hostname from the live xenstore where the
// toolstack put VM.xenstore_data, and brings up its PV drivers, which XAPI reports through VM_guest_metrics
// (IPs, feature flags that allow clean shutdown of HVM guests). A guest booting from an ISO runs its
// installer instead; one given a kernel by dom0 boots that kernel.
import { xapiNow } from '../clock.js';
import type { Db, Rec } from '../db.js';
import { appendConsole } from '../dom0/console-log.js';
import { liveDomain } from '../dom0/xenstore.js';
import { bootMediumOf, type BootMedium } from './guest-boot-medium.js';
import { NULL_REF } from '../../xapi/datamodel/index.js';
import type { SimPool } from '../world.js';

/** Realistic time from domain running to PV drivers up. */
const BOOT_SECONDS = 2;

const GUEST_FEATURES = {
  'feature-shutdown': '1', 'feature-poweroff': '1', 'feature-reboot': '1', 'feature-suspend': '1',
  'feature-vcpu-hotplug': '1', 'has-vendor-device': '0', 'platform-feature-multiprocessor-suspend': '1',
};
const PV_DRIVERS = { major: '8', minor: '2', micro: '0', build: '1' };
const LINUX = { name: 'Debian GNU/Linux 12 (bookworm)', distro: 'debian', major: '12', minor: '0', uname: '6.1.0-18-amd64' };
const WINDOWS = { name: 'Microsoft Windows Server 2022 Standard', distro: 'windows', major: '10', minor: '0' };

/** Boots waiting to happen, by `<vm>/<domid>`, so a domain never boots twice. */
const pendingBoots = new WeakMap<Db, Set<string>>();

const isBooted = (vm: Rec): boolean => vm.guest_metrics !== NULL_REF;

/** Starts the guest's boot clock if its domain runs and the guest has not booted yet; idempotent. */
export function scheduleGuestBoot(pool: SimPool, vmRef: string, domid: number): void {
  const vm = pool.db.find('VM', vmRef);
  if (!vm || vm.domid !== domid || vm.power_state !== 'Running' || isBooted(vm)) return;
  let pending = pendingBoots.get(pool.db);
  if (!pending) pendingBoots.set(pool.db, (pending = new Set()));
  const key = `${vmRef}/${domid}`;
  if (pending.has(key)) return;
  pending.add(key);
  const timer = setTimeout(() => {
    pending.delete(key);
    const now = pool.db.find('VM', vmRef);
    // The domain may have stopped, been replaced (reboot) or been paused meanwhile; unpause starts over.
    if (!now || now.domid !== domid || now.power_state !== 'Running' || isBooted(now)) return;
    bootGuest(pool.db, vmRef, now.resident_on as string, domid);
  }, pool.duration(BOOT_SECONDS));
  timer.unref();
}

/** Nova writes the hostname JSON-encoded; hand-written xenstore_data usually holds it bare. */
function hostnameOf(raw: string | undefined): string {
  if (raw === undefined) return 'localhost';
  try {
    const decoded: unknown = JSON.parse(raw);
    if (typeof decoded === 'string') return decoded;
  } catch {
    // not JSON: the bare name
  }
  return raw.trim() || 'localhost';
}

function diskBootConsole(vm: Rec, hvm: boolean, hostname: string, kernel?: string): string {
  if (hvm) {
    return [
      'SeaBIOS (version rel-1.16.3-xen)', 'Booting from Hard Disk...', 'Windows Boot Manager: starting Windows',
      `Computer is booting, SAC started and initialized. Computer name: ${hostname.toUpperCase()}`, '', 'SAC>',
    ].join('\r\n');
  }
  const cmdline = `${(vm.PV_args as string) || 'root=/dev/xvda1 ro'} console=hvc0`;
  return [
    `[    0.000000] Linux version ${kernel ?? LINUX.uname} (simulated guest) #1 SMP PREEMPT_DYNAMIC`,
    `[    0.000000] Command line: ${cmdline}`,
    '[    0.000000] Booting paravirtualized kernel on Xen PV',
    '[    0.318201] xen_netfront: Initialising Xen virtual ethernet driver',
    '[    0.402518] blkfront: xvda: flush diskcache: enabled; persistent grants: enabled',
    '[    1.126790] EXT4-fs (xvda1): mounted filesystem with ordered data mode',
    `[    2.048311] systemd[1]: Set hostname to <${hostname}>.`,
    '', `Debian GNU/Linux 12 ${hostname} hvc0`, '', `${hostname} login: `,
  ].join('\r\n');
}

/** The console of a boot from `medium`; null when the guest cannot come up (its kernel is not in dom0). */
function bootConsole(vm: Rec, medium: BootMedium, hvm: boolean, hostname: string): string | null {
  switch (medium.kind) {
    case 'cd':
      return ['SeaBIOS (version rel-1.16.3-xen)', 'Booting from DVD/CD...', `Booting from CD: ${medium.label} installer`, ''].join('\r\n');
    case 'kernel': {
      if (medium.version === null) return null;
      const console = diskBootConsole(vm, false, hostname, medium.version).split('\r\n');
      // The kernel names itself; the ramdisk the toolstack loaded beside it is unpacked early.
      if (medium.ramdiskBytes !== null) console.splice(3, 0, `[    0.301544] Freeing initrd memory: ${Math.ceil(medium.ramdiskBytes / 1024)}K`);
      return console.join('\r\n');
    }
    default:
      return diskBootConsole(vm, hvm, hostname);
  }
}

function bootGuest(db: Db, vmRef: string, hostRef: string, domid: number): void {
  const vm = db.get('VM', vmRef);
  const hvm = vm.domain_type === 'hvm';
  const domain = liveDomain(db, hostRef, domid);
  const hostname = hostnameOf(domain?.xenstore.read('vm-data/hostname'));
  const medium = bootMediumOf(db, vm, hostRef, hvm);
  const console = bootConsole(vm, medium, hvm, hostname);
  if (console === null) {
    appendConsole(db, hostRef, domid, `xenguest: cannot load kernel ${vm.PV_kernel}: No such file or directory\r\n`);
    return;
  }
  appendConsole(db, hostRef, domid, console);
  if (medium.kind === 'cd') {
    // An installer runs without guest tools: XAPI sees a live guest with no PV drivers (so no clean shutdown).
    db.update(vmRef, { guest_metrics: db.create('VM_guest_metrics', {
      os_version: { name: `${medium.label} installer` }, live: true, last_updated: xapiNow(),
    }) });
    return;
  }
  // What the guest tools report about themselves; XAPI reads it back into VM_guest_metrics.
  domain?.xenstore.write('attr/PVAddons/MajorVersion', PV_DRIVERS.major);
  domain?.xenstore.write('attr/PVAddons/MinorVersion', PV_DRIVERS.minor);
  domain?.xenstore.write('attr/PVAddons/MicroVersion', PV_DRIVERS.micro);
  domain?.xenstore.write('attr/PVAddons/BuildVersion', PV_DRIVERS.build);
  domain?.xenstore.write('data/updated', '1');

  const ip = `10.${(domid >> 16) & 0xff}.${(domid >> 8) & 0xff}.${(domid & 0xff) || 1}`;
  const networks: Record<string, string> = {};
  for (const vif of vm.VIFs as string[]) {
    const device = db.find('VIF', vif)?.device;
    if (device === undefined) continue;
    networks[`${device}/ip`] = ip;
    networks[`${device}/ipv4/0`] = ip;
  }
  const metrics = db.create('VM_guest_metrics', {
    os_version: hvm ? { ...WINDOWS } : { ...LINUX },
    PV_drivers_version: { ...PV_DRIVERS },
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
