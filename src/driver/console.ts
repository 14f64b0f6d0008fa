// An instance's consoles (Nova's get_console_output and get_vnc_console). Both look at the `-rescue` twin
// first, as Nova did: the console log of the domain that last booted (dom0 keeps one file per domain id, which
// the `console` plugin reads back compressed), and the graphical console XAPI publishes for a running domain.
// The VMs come from the pool's event-fed cache; only the log costs a XAPI call.
import { inflateSync } from 'node:zlib';
import { BaseUserError } from '../errors.js';
import type { DriverServices } from '../operations/action.js';
import type { Instance } from '../store/index.js';
import { isXapiError, NULL_REF, type ObjectCache, type XapiClient, type XapiRecord } from '../xapi/index.js';
import { rescueNameOf } from './naming.js';

/** The instance has no console to show: no VM, a VM that never booted, or dom0 has no log for it. */
export class ConsoleNotAvailableError extends BaseUserError {
  override readonly code = 'CONSOLE_NOT_AVAILABLE';
}

export interface ConsoleOutput {
  readonly text: string;
  /** The domain whose log it is (the VM's other_config last_dom_id). */
  readonly domId: number;
  readonly vmName: string;
  /** Whether it is the rescue VM's log. */
  readonly rescue: boolean;
}

interface CachedVm {
  readonly ref: string;
  readonly record: XapiRecord;
  readonly rescue: boolean;
}

function connectedCache(services: DriverServices, instance: Instance): { client: XapiClient; cache: ObjectCache } {
  const link = instance.poolId ? services.pools.get(instance.poolId) : undefined;
  if (!link) throw new ConsoleNotAvailableError(`Instance ${instance.name} is not on a connected pool`);
  return { client: link.client, cache: link.client.cache };
}

function rescueVmOf(cache: ObjectCache, instance: Instance): CachedVm | undefined {
  const name = rescueNameOf(instance);
  const found = name === null ? undefined : cache.find('VM', (vm) => vm.name_label === name);
  return found && { ...found, rescue: true };
}

function ownVmOf(cache: ObjectCache, instance: Instance): CachedVm | undefined {
  const found = instance.vmUuid ? cache.getByUuid('VM', instance.vmUuid) : undefined;
  return found && { ...found, rescue: false };
}

/** The console log of the rescue VM when there is one, else of the instance's VM; the last `tailLines` only when given. */
export async function consoleOutput(services: DriverServices, instance: Instance, tailLines: number | null = null): Promise<ConsoleOutput> {
  const { client, cache } = connectedCache(services, instance);
  const vm = rescueVmOf(cache, instance) ?? ownVmOf(cache, instance);
  if (!vm) throw new ConsoleNotAvailableError(`Instance ${instance.name} has no VM`);
  const vmName = String(vm.record.name_label);
  const lastDomId = ((vm.record.other_config ?? {}) as Record<string, string>).last_dom_id;
  if (lastDomId === undefined || !/^\d+$/.test(lastDomId)) {
    throw new ConsoleNotAvailableError(`VM ${vmName} has not booted through xengraph yet (no other_config last_dom_id)`);
  }
  // The log stays on the host the domain ran on: where the VM runs, else the instance's host.
  const host = await logHost(services, cache, instance, vm.record);
  if (!host) throw new ConsoleNotAvailableError(`No host is known to keep the console log of ${vmName}`);
  let encoded: string;
  try {
    encoded = await client.call<string>('host.call_plugin', host, 'console', 'get_console_log', { dom_id: lastDomId });
  } catch (error) {
    if (!isXapiError(error)) throw error;
    throw new ConsoleNotAvailableError(`The console log of ${vmName} (domain ${lastDomId}) is not available: ${[error.code, ...error.params].join(' ')}`);
  }
  let text: string;
  try {
    text = inflateSync(Buffer.from(encoded, 'base64')).toString('utf8');
  } catch {
    throw new ConsoleNotAvailableError(`The console log of ${vmName} could not be decoded`);
  }
  return { text: tailLines === null ? text : tail(text, tailLines), domId: Number(lastDomId), vmName, rescue: vm.rescue };
}

/** The last `count` lines; a trailing newline does not count as an empty last line. */
export function tail(text: string, count: number): string {
  if (count <= 0) return '';
  const lines = text.split(/(?<=\n)/);
  return lines.slice(Math.max(0, lines.length - count)).join('');
}

async function logHost(services: DriverServices, cache: ObjectCache, instance: Instance, vm: XapiRecord): Promise<string | undefined> {
  if (vm.resident_on && vm.resident_on !== NULL_REF) return String(vm.resident_on);
  const host = instance.hostId ? await services.store.hosts.get(instance.hostId) : null;
  return host ? cache.refByUuid('host', host.uuid) : undefined;
}

export interface VncConsole {
  /** The console's location as XAPI publishes it (https://<host address>/console?uuid=<console uuid>). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Path and query to ask for after connecting (CONNECT or a WebSocket upgrade, with a XAPI session). */
  readonly path: string;
  readonly consoleUuid: string;
  readonly vmName: string;
  readonly rescue: boolean;
}

/** The graphical (rfb) console of the VM the instance shows: the rescue VM while it is RESCUED. */
export function vncConsole(services: DriverServices, instance: Instance): VncConsole {
  const { cache } = connectedCache(services, instance);
  const vm = instance.vmState === 'RESCUED' ? rescueVmOf(cache, instance) : ownVmOf(cache, instance);
  if (!vm) {
    throw new ConsoleNotAvailableError(instance.vmState === 'RESCUED'
      ? `Instance ${instance.name} is rescued but its rescue VM is not there (yet)`
      : `Instance ${instance.name} has no VM`);
  }
  const vmName = String(vm.record.name_label);
  const consoles = ((vm.record.consoles ?? []) as string[]).map((ref) => cache.get('console', ref)).filter((c) => c !== undefined);
  const rfb = consoles.find((console) => console.protocol === 'rfb');
  if (!rfb?.location) throw new ConsoleNotAvailableError(`VM ${vmName} has no graphical console: it is not running`);
  const url = new URL(String(rfb.location));
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return {
    url: String(rfb.location), host: url.hostname, port, path: `${url.pathname}${url.search}`, consoleUuid: String(rfb.uuid), vmName, rescue: vm.rescue,
  };
}
