// Consoles, diagnostics and usage end to end: an instance spawned through the API boots in the simulator,
// whose guest writes its console log and moves CPU, memory, network and disk counters while it runs. The
// API reads the log through the console plugin, the console record from the cache, the VM's RRD over
// XAPI's HTTP interface, and the bandwidth the periodic poll (every second here) accounted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DiagnosticsConsoleOutputDocument, DiagnosticsFlavorOverheadsDocument, DiagnosticsInstanceByNameDocument,
  DiagnosticsInstanceDocument, DiagnosticsUsageDocument, DiagnosticsVncConsoleDocument, OperationOutcomeDocument,
  RescueInstanceDocument, type DiagnosticsConsoleOutputQuery, type DiagnosticsInstanceQuery, type DiagnosticsUsageQuery,
  type DiagnosticsVncConsoleQuery, type OperationOutcomeQuery,
} from '../generated/graphql.js';
import { actionRunner, spawnChoices, spawnRunning, vmNamed, xapiSession } from '../helpers/driver.js';
import { errorCodes, startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { pollBandwidthUsage } from '../../src/driver/bandwidth.js';

type Operation = Extract<NonNullable<OperationOutcomeQuery['node']>, { kind: string }>;
type Diagnostics = NonNullable<Extract<NonNullable<DiagnosticsInstanceQuery['node']>, { diagnostics?: unknown }>['diagnostics']>;
type Usage = Extract<NonNullable<DiagnosticsUsageQuery['node']>, { uuid: string }>;
type ConsoleOutputResult = Extract<NonNullable<DiagnosticsConsoleOutputQuery['node']>, { consoleOutput: unknown }>['consoleOutput'];
type VncConsoleResult = Extract<NonNullable<DiagnosticsVncConsoleQuery['node']>, { vncConsole: unknown }>['vncConsole'];
type Xapi = Awaited<ReturnType<typeof xapiSession>>;

let stack: Stack;
let operator: string;
let xapi: Xapi;
let instanceId: string;
let usage: Usage;

before(async () => {
  stack = await startStack({ env: { BANDWIDTH_POLL_SECONDS: '1' } });
  operator = await stack.tokenFor('operator');
  xapi = await xapiSession(stack);
  const spawned = await spawnRunning(stack, await spawnChoices(stack), { name: 'watched-1', flavor: 'm1.tiny' });
  instanceId = spawned.instance!.id;
  usage = await usageOf(instanceId);
});
after(async () => {
  await stack?.stop();
});

const { act } = actionRunner<Operation>(() => stack, () => operator, OperationOutcomeDocument);

async function consoleOutput(id: string, tailLines?: number): Promise<ConsoleOutputResult> {
  const { data, errors } = await stack.request(DiagnosticsConsoleOutputDocument, { id, tailLines }, operator);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return (data!.node as { consoleOutput: ConsoleOutputResult }).consoleOutput;
}

async function vncConsole(id: string): Promise<VncConsoleResult> {
  const { data, errors } = await stack.request(DiagnosticsVncConsoleDocument, { id }, operator);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return (data!.node as { vncConsole: VncConsoleResult }).vncConsole;
}

async function diagnosticsOf(id: string): Promise<Diagnostics | null> {
  const { data, errors } = await stack.request(DiagnosticsInstanceDocument, { id }, operator);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return (data!.node as { diagnostics: Diagnostics | null }).diagnostics;
}

async function usageOf(id: string): Promise<Usage> {
  const { data, errors } = await stack.request(DiagnosticsUsageDocument, { id }, operator);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data!.node as Usage;
}

/** The VM's consoles as XAPI lists them, by protocol. */
async function consoleLocations(vm: string): Promise<Map<string, { uuid: string; location: string }>> {
  const locations = new Map<string, { uuid: string; location: string }>();
  for (const ref of await xapi.call('VM.get_consoles', vm) as string[]) {
    const record = await xapi.call('console.get_record', ref);
    locations.set(record.protocol, { uuid: record.uuid, location: record.location });
  }
  return locations;
}

describe('consoles', () => {
  it('reads the guest\'s boot lines from the console log of its last domain', async () => {
    const output = await waitUntil(async () => {
      const result = await consoleOutput(instanceId);
      return result.__typename === 'ConsoleOutput' && result.text.includes('login:') ? result : undefined;
    }, 10_000, 'the guest to boot');
    assert.match(output.text, /Linux version .* \(simulated guest\)/);
    assert.match(output.text, /Booting paravirtualized kernel on Xen PV/);
    assert.equal(output.vmName, usage.vmName);
    assert.equal(output.rescue, false);
    const vm = (await vmNamed(xapi, usage.vmName))!;
    assert.equal(String(output.domId), (await xapi.call('VM.get_other_config', vm)).last_dom_id);

    const tail = await consoleOutput(instanceId, 2);
    assert.equal(tail.__typename, 'ConsoleOutput');
    if (tail.__typename !== 'ConsoleOutput') return;
    assert.equal(tail.text.split(/(?<=\n)/).length, 2);
    const whole = await consoleOutput(instanceId);
    assert.ok(whole.__typename === 'ConsoleOutput' && whole.text.endsWith(tail.text) && whole.text.length > tail.text.length);
  });

  it('points the VNC console at the location XAPI publishes for the VM\'s rfb console', async () => {
    const vnc = await vncConsole(instanceId);
    assert.equal(vnc.__typename, 'VncConsole', JSON.stringify(vnc));
    if (vnc.__typename !== 'VncConsole') return;
    const rfb = (await consoleLocations((await vmNamed(xapi, usage.vmName))!)).get('rfb')!;
    assert.equal(vnc.url, rfb.location);
    assert.equal(vnc.consoleUuid, rfb.uuid);
    assert.equal(vnc.path, `/console?uuid=${rfb.uuid}`);
    assert.equal(vnc.port, 443);
    assert.match(vnc.host, /^127\.0\.0\.\d+$/);
    assert.deepEqual([vnc.vmName, vnc.rescue], [usage.vmName, false]);
  });

  it('keeps consoles to operators, since guests print secrets on them', async () => {
    const reader = await stack.tokenFor('reader');
    assert.deepEqual(errorCodes(await stack.request(DiagnosticsConsoleOutputDocument, { id: instanceId }, reader)), ['FORBIDDEN']);
    assert.deepEqual(errorCodes(await stack.request(DiagnosticsVncConsoleDocument, { id: instanceId }, reader)), ['FORBIDDEN']);
    assert.deepEqual(errorCodes(await stack.request(DiagnosticsInstanceDocument, { id: instanceId }, reader)), []);
  });

  it('says ConsoleNotAvailableError for a VM that never booted', async () => {
    const [template] = Object.keys(await xapi.call('VM.get_all_records_where', 'field "is_a_template"="true"'));
    const vm = await xapi.call('VM.clone', template, 'never-booted');
    await xapi.call('VM.set_is_a_template', vm, false);
    const found = await waitUntil(async () => (await stack.request(DiagnosticsInstanceByNameDocument, { name: 'never-booted' }, operator)).data?.instance ?? undefined, 5000, 'the VM to be mirrored');
    assert.equal(found.managed, false);

    const output = await consoleOutput(found.id);
    assert.equal(output.__typename, 'ConsoleNotAvailableError');
    if (output.__typename === 'ConsoleNotAvailableError') assert.equal(output.code, 'CONSOLE_NOT_AVAILABLE');
    const vnc = await vncConsole(found.id);
    assert.equal(vnc.__typename, 'ConsoleNotAvailableError');
    const diagnostics = await diagnosticsOf(found.id);
    assert.equal(diagnostics?.state, 'shutdown');
    assert.match(diagnostics?.unavailableReason ?? '', /has not run/);
    assert.equal(diagnostics?.lastUpdate, null);
  });
});

describe('diagnostics', () => {
  it('shows cpu, memory, vif and vbd figures from the VM\'s RRD that move over time', async () => {
    const nicMac = String((await xapi.call('VIF.get_record', (await xapi.call('VM.get_VIFs', (await vmNamed(xapi, usage.vmName))!))[0])).MAC);
    // The newest 5-second row is known once the domain has run for half of one.
    const first = await waitUntil(async () => {
      const d = await diagnosticsOf(instanceId);
      return d && d.cpus[0]?.utilisation != null && d.nics[0]?.rxRate != null && d.disks[0]?.readRate != null ? d : undefined;
    }, 15_000, 'a complete row of metrics');
    assert.deepEqual([first.state, first.driver, first.hypervisor, first.unavailableReason], ['running', 'xenapi', 'xen', null]);
    assert.equal(first.cpus.length, 1);
    assert.ok(first.cpus[0].utilisation! > 0 && first.cpus[0].utilisation! < 1);
    assert.equal(first.memory.maximumMb, 512);
    assert.equal(first.memory.usedMb, 512);
    assert.ok(first.memory.guestFreeMb! > 0 && first.memory.guestFreeMb! < 512, 'the guest tools report free memory');
    assert.equal(first.nics.length, 1);
    assert.equal(first.nics[0].macAddress, nicMac);
    assert.ok(first.nics[0].rxRate! > first.nics[0].txRate!, 'the simulated guest receives more than it sends');
    const root = first.disks.find((disk) => disk.userdevice === '0')!;
    assert.equal(root.device, 'xvda');
    assert.ok(root.readRate! > 0 && root.writeRate! > 0);
    const names = first.dataSources.map((ds) => ds.name);
    for (const name of ['cpu0', 'memory', 'memory_internal_free', 'vif_0_rx', 'vif_0_tx', 'vbd_xvda_read', 'vbd_xvda_write']) assert.ok(names.includes(name), name);
    assert.ok(first.uptimeSeconds !== null && first.uptimeSeconds >= 0);

    const later = await waitUntil(async () => {
      const d = (await diagnosticsOf(instanceId))!;
      return d.lastUpdate! > first.lastUpdate! ? d : undefined;
    }, 5000, 'the next sample');
    assert.ok(later.cpus[0].timeSeconds! > first.cpus[0].timeSeconds!, 'CPU time grows');
    assert.ok(later.nics[0].rxOctets! > first.nics[0].rxOctets! && later.nics[0].txOctets! > first.nics[0].txOctets!, 'VIF bytes grow');
    const laterRoot = later.disks.find((disk) => disk.userdevice === '0')!;
    assert.ok(laterRoot.readBytes! > root.readBytes! && laterRoot.writeBytes! > root.writeBytes!, 'disk bytes grow');
  });
});

describe('usage', () => {
  it('accounts each interface\'s traffic in the bandwidth table, growing with each poll', async () => {
    const first = await waitUntil(async () => (await usageOf(instanceId)).bandwidth.find((row) => row.bytesIn > 0), 10_000, 'a poll');
    const mac = String((await xapi.call('VIF.get_record', (await xapi.call('VM.get_VIFs', (await vmNamed(xapi, usage.vmName))!))[0])).MAC);
    assert.equal(first.macAddress, mac.toLowerCase());
    assert.equal(first.instance.id, instanceId);
    assert.ok(first.bytesIn > first.bytesOut, 'bytes in are what the guest received (dom0 sees them as sent)');
    const now = new Date();
    assert.equal(first.periodStart, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());

    const grown = await waitUntil(async () => {
      const row = (await usageOf(instanceId)).bandwidth[0];
      return row && row.bytesIn > first.bytesIn && row.bytesOut > first.bytesOut ? row : undefined;
    }, 10_000, 'the next poll to add traffic');
    assert.ok(grown.lastRefreshed > first.lastRefreshed);

    // What the plugin says now is at least what was accounted: the counters only grow while the guest runs.
    const vm = (await vmNamed(xapi, usage.vmName))!;
    const counters = JSON.parse(await xapi.call('host.call_plugin', await xapi.call('VM.get_resident_on', vm), 'bandwidth', 'fetch_all_bandwidth', {}));
    const vif = counters[String(await xapi.call('VM.get_domid', vm))]['0'];
    assert.ok(vif.bw_in >= grown.bytesIn && vif.bw_out >= grown.bytesOut && vif.bw_in > vif.bw_out);

    const host = (await usageOf(instanceId)).host!;
    assert.ok(host.bandwidth.some((row) => row.instance.id === instanceId && row.macAddress === first.macAddress));
  });

  it('polls on demand through the app\'s services too', async () => {
    const result = await pollBandwidthUsage(stack.app.services);
    assert.deepEqual(result.failures, []);
    assert.ok(result.hosts >= 3 && result.interfaces >= 1);
    assert.deepEqual(stack.errorLog.filter((entry) => entry.message.includes('bandwidth')), [], 'the periodic polls went through');
  });

  it('lists the running instance and its memory in Host.instanceUsage', async () => {
    const host = (await usageOf(instanceId)).host!;
    const entry = host.instanceUsage.find((row) => row.uuid === usage.uuid);
    assert.deepEqual(entry, { uuid: usage.uuid, memoryMb: 512, instance: { id: instanceId } });
  });

  it('estimates each flavor\'s memory overhead as Nova did', async () => {
    const { data } = await stack.request(DiagnosticsFlavorOverheadsDocument, {}, operator);
    const overheads = Object.fromEntries(data!.flavors.edges.map(({ node }) => [node.name, node.overheadMemoryMb]));
    assert.deepEqual(overheads, { 'm1.tiny': 9, 'm1.small': 21, 'g1.small': 30, 'm1.medium': 38, 'm1.large': 73, 'm1.xlarge': 143 });
  });
});

describe('a rescued instance', () => {
  before(async () => {
    await act(RescueInstanceDocument, { id: instanceId });
  });

  it('shows the rescue VM\'s console log and its VNC console', async () => {
    const output = await waitUntil(async () => {
      const result = await consoleOutput(instanceId);
      return result.__typename === 'ConsoleOutput' && result.text.includes('login:') ? result : undefined;
    }, 10_000, 'the rescue guest to boot');
    assert.equal(output.rescue, true);
    assert.equal(output.vmName, `${usage.vmName}-rescue`);
    assert.match(output.text, /Set hostname to <RESCUE-watched-1>/);

    const vnc = await vncConsole(instanceId);
    assert.equal(vnc.__typename, 'VncConsole', JSON.stringify(vnc));
    if (vnc.__typename !== 'VncConsole') return;
    const rescue = (await vmNamed(xapi, `${usage.vmName}-rescue`))!;
    assert.equal(vnc.url, (await consoleLocations(rescue)).get('rfb')!.location);
    assert.equal(vnc.rescue, true);
  });
});
