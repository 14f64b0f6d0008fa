// PCI passthrough as Nova's XenAPI driver did it: a flavor asks for devices by alias
// (`pci_passthrough:alias` = `<alias>:<count>[,…]`), the alias table (Nova's `pci_alias`, here PCI_ALIASES)
// names vendor and product ids, and spawn writes the claimed addresses to `VM.other_config:pci` for XAPI to
// pass through at start. Claims are never stored: a device is taken while a VM placed on its host (resident
// or, halted, by affinity) names it, so destroying the VM frees it, as Nova's PCI manager did.
import type { PciAliases } from '../config.js';
import { InvalidInputError, NoValidHostError } from '../errors.js';
import type { DriverServices } from '../operations/action.js';
import type { Flavor, Host } from '../store/index.js';
import type { ObjectCache, XapiRecord } from '../xapi/index.js';
import { passedThroughAddresses } from '../xapi/pci-config.js';
import { DEFAULTS } from '../settings.js';
import type { XapiClient } from '../xapi/index.js';
import { hostRef } from './xapi-access.js';

export const PCI_ALIAS_SPEC = 'pci_passthrough:alias';

export interface PciRequest {
  readonly vendorId: string;
  readonly productId: string;
  readonly alias: string;
  readonly count: number;
}

export interface HostPciDevice {
  /** `dddd:bb:ss.f`, XAPI's pci_id. */
  readonly address: string;
  readonly vendorId: string;
  readonly productId: string;
  readonly className: string;
  readonly name: string;
  /** The uuid of the instance whose VM holds the device (other_config nova_uuid); null when free. */
  readonly instanceUuid: string | null;
  /** The name label of the VM holding it, also for VMs xengraph did not create. */
  readonly heldBy: string | null;
}

/** The alias table in force: PCI_ALIASES, else its default. */
export function pciAliasesOf(services: { readonly pciAliases?: PciAliases }): PciAliases {
  return services.pciAliases ?? JSON.parse(DEFAULTS.PCI_ALIASES) as PciAliases;
}

/** The devices a flavor asks for; an alias missing from the table is refused (Nova's PciRequestAliasNotDefined). */
export function pciRequestsOf(flavor: Pick<Flavor, 'name' | 'extraSpecs'>, aliases: PciAliases): PciRequest[] {
  const spec = flavor.extraSpecs[PCI_ALIAS_SPEC];
  if (!spec) return [];
  return spec.split(',').map((entry) => {
    const [alias = '', countText = '1'] = entry.trim().split(':');
    const count = Number(countText);
    const known = Object.hasOwn(aliases, alias) ? aliases[alias] : undefined;
    if (!known || !Number.isInteger(count) || count < 1) {
      throw new InvalidInputError(`Flavor ${flavor.name} asks for PCI devices "${entry.trim()}", which no PCI alias defines`, { path: ['input', 'flavorId'] });
    }
    return { alias, count, ...known };
  });
}

const smap = (value: unknown): Record<string, string> => (value ?? {}) as Record<string, string>;

function holdersOn(cache: ObjectCache, hostRef: string): Map<string, XapiRecord> {
  const holders = new Map<string, XapiRecord>();
  for (const vm of cache.all('VM').values()) {
    if (vm.is_a_template || vm.is_a_snapshot) continue;
    const placedHere = vm.resident_on === hostRef || (vm.power_state === 'Halted' && vm.affinity === hostRef);
    if (placedHere) for (const address of passedThroughAddresses(vm.other_config)) holders.set(address, vm);
  }
  return holders;
}

/** The host's passthrough devices (its PCI records) and who holds each, from the pool's cache. */
export function hostPciDevices(cache: ObjectCache, hostRef: string): HostPciDevice[] {
  const holders = holdersOn(cache, hostRef);
  const devices: HostPciDevice[] = [];
  for (const pci of cache.all('PCI').values()) {
    if (pci.host !== hostRef) continue;
    const address = String(pci.pci_id);
    const holder = holders.get(address);
    // XAPI keeps numeric ids out of the PCI record; the simulator (and an operator) put them in other_config.
    const ids = smap(pci.other_config);
    devices.push({
      address, vendorId: ids.vendor_id ?? '', productId: ids.device_id ?? '', className: String(pci.class_name ?? ''),
      name: [pci.vendor_name, pci.device_name].filter(Boolean).join(' '),
      instanceUuid: holder ? smap(holder.other_config).nova_uuid ?? null : null,
      heldBy: holder ? String(holder.name_label) : null,
    });
  }
  return devices.sort((a, b) => a.address.localeCompare(b.address));
}

/**
 * Free devices of the host that satisfy every request, one list of addresses in request order; null when the
 * host cannot. `movingUuid`: the instance being moved, whose devices count as free since its old VM is stopped
 * before the new one starts (a resize on its own host passes the same device on).
 */
export function claimPciDevices(cache: ObjectCache, hostRef: string, requests: readonly PciRequest[], movingUuid?: string): string[] | null {
  const free = hostPciDevices(cache, hostRef).filter((device) => device.heldBy === null || (movingUuid !== undefined && device.instanceUuid === movingUuid));
  const claimed: string[] = [];
  for (const request of requests) {
    const matching = free.filter((d) => d.vendorId === request.vendorId && d.productId === request.productId && !claimed.includes(d.address));
    if (matching.length < request.count) return null;
    claimed.push(...matching.slice(0, request.count).map((d) => d.address));
  }
  return claimed;
}

/**
 * The devices the flavor asks for, taken from what is free on the chosen host now: another build may have
 * claimed some since placement, and then the action fails before its VM is made.
 */
export function claimFlavorPciDevices(
  services: Pick<DriverServices, 'pciAliases'>, client: XapiClient, host: Host, flavor: Pick<Flavor, 'name' | 'extraSpecs'>, movingUuid?: string,
): string[] {
  const requests = pciRequestsOf(flavor, pciAliasesOf(services));
  if (requests.length === 0) return [];
  const claimed = claimPciDevices(client.cache, hostRef(client, host), requests, movingUuid);
  if (!claimed) throw new NoValidHostError(`${host.name} no longer has the free PCI devices ${flavor.name} asks for (${requestsText(requests)})`);
  return claimed;
}

const requestsText = (requests: readonly PciRequest[]) => requests.map((r) => `${r.alias}:${r.count}`).join(', ');

/** The scheduler's PCI filter: a host is refused unless its pool's cache shows enough free matching devices. */
export function pciRefusal(
  services: Pick<DriverServices, 'pools'>, requests: readonly PciRequest[], movingUuid?: string,
): ((host: Host) => string | null) | undefined {
  if (requests.length === 0) return undefined;
  return (host) => {
    const cache = services.pools.get(host.poolId)?.client.cache;
    const ref = cache?.refByUuid('host', host.uuid);
    if (cache && ref && claimPciDevices(cache, ref, requests, movingUuid)) return null;
    return `not enough free PCI devices (${requestsText(requests)})`;
  };
}
