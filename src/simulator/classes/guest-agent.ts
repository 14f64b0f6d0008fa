// The guest agent of a simulated guest whose image carries one (Nova's XenServer agent). It runs once the
// guest has booted, takes each request dom0 writes to data/host/<id> in the domain's live xenstore, deletes
// it and answers JSON {returncode, message} at data/guest/<id>: version, features, keyinit (Diffie-Hellman),
// password, file_inject / injectfile, resetnetwork and agentupdate. What it did stays readable per VM
// (password, injected files, network resets) for tests through the admin API; it lives in memory only.
//
// How a guest knows it has the agent: the parameter xenstore key vm-data/xenapi_use_agent = "true", which
// the driver writes at VM creation for images whose `xenapi_use_agent` property says so. A VM without the
// key (an image without the agent, a VM made by another tool) never answers, as such a guest would not.
import { NULL_REF } from '../../xapi/datamodel/index.js';
import type { Db, Rec } from '../db.js';
import { liveDomain, type LiveDomain } from '../dom0/xenstore.js';
import type { SimPool, World } from '../world.js';
import { agentKeyExchange, decryptAgentPassword, PasswordDecodeError } from './guest-agent-crypto.js';

export const AGENT_MARK_KEY = 'vm-data/xenapi_use_agent';
const AGENT_VERSION = '1.0.0.0';
/** What a current Linux agent answers to `features`: every command it knows. */
export const AGENT_COMMANDS: readonly string[] = ['version', 'features', 'keyinit', 'password', 'file_inject', 'injectfile', 'resetnetwork', 'agentupdate'];

interface AgentReply {
  readonly returncode: string;
  readonly message: string;
}

interface GuestAgentState {
  responsive: boolean;
  commands: Set<string>;
  /** The domain the agent process last ran in: its key exchange does not survive a reboot. */
  domid: number | null;
  sharedSecret: string | null;
  password: string | null;
  passwordChanges: number;
  readonly files: Map<string, Buffer>;
  network: { resets: number; hostname: string | null; interfaces: unknown[] };
  readonly updates: { url: string; md5sum: string }[];
}

const guests = new WeakMap<World, Map<string, GuestAgentState>>();

function stateOf(world: World, vmUuid: string): GuestAgentState {
  let byVm = guests.get(world);
  if (!byVm) guests.set(world, (byVm = new Map()));
  let state = byVm.get(vmUuid);
  if (!state) {
    state = {
      responsive: true, commands: new Set(AGENT_COMMANDS), domid: null, sharedSecret: null, password: null, passwordChanges: 0,
      files: new Map(), network: { resets: 0, hostname: null, interfaces: [] }, updates: [],
    };
    byVm.set(vmUuid, state);
  }
  return state;
}

const reply = (returncode: string, message = ''): AgentReply => ({ returncode, message });

/** Python's b64decode with validation: anything but clean base64 is refused. */
function strictBase64(value: unknown): Buffer {
  if (typeof value !== 'string' || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
    throw new PasswordDecodeError('Couldn\'t decode base64 data');
  }
  return Buffer.from(value, 'base64');
}

function decodedJson(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

type Command = (state: GuestAgentState, value: unknown, domain: LiveDomain) => AgentReply;

const COMMANDS: Readonly<Record<string, Command>> = {
  version: () => reply('0', AGENT_VERSION),
  features: (state) => reply('0', [...state.commands].join(',')),
  keyinit(state, value) {
    let exchange;
    try {
      exchange = agentKeyExchange(String(value));
    } catch {
      return reply('500', 'Invalid public key received');
    }
    state.sharedSecret = exchange.sharedSecret;
    return reply('D0', exchange.publicKey);
  },
  password(state, value) {
    if (state.sharedSecret === null) return reply('500', 'Password without key exchange');
    let plain: string;
    try {
      plain = decryptAgentPassword(state.sharedSecret, String(value));
    } catch (error) {
      if (error instanceof PasswordDecodeError) return reply('500', error.message);
      throw error;
    }
    // Nova appends a newline for old agents; it is not part of the password.
    state.password = plain.endsWith('\n') ? plain.slice(0, -1) : plain;
    state.passwordChanges++;
    // One key exchange per password.
    state.sharedSecret = null;
    return reply('0');
  },
  file_inject(state, value) {
    if (!value || typeof value !== 'object') return reply('500', 'Request is malformed');
    const { b64_path: path, b64_file: file } = value as Record<string, unknown>;
    state.files.set(strictBase64(path).toString('utf8'), strictBase64(file));
    return reply('0');
  },
  injectfile(state, value) {
    const data = strictBase64(value);
    const comma = data.indexOf(0x2c);
    if (comma < 0) return reply('500', 'Request is malformed');
    state.files.set(data.subarray(0, comma).toString('utf8'), data.subarray(comma + 1));
    return reply('0');
  },
  resetnetwork(state, _value, domain) {
    const hostname = decodedJson(domain.xenstore.read('vm-data/hostname'));
    const interfaces = domain.xenstore.list('vm-data/networking')
      .filter(([key]) => key !== '' && !key.includes('/'))
      .map(([, raw]) => decodedJson(raw));
    state.network = { resets: state.network.resets + 1, hostname: typeof hostname === 'string' ? hostname : null, interfaces };
    return reply('0');
  },
  agentupdate(state, value) {
    const text = String(value);
    const comma = text.lastIndexOf(',');
    if (comma < 0) return reply('500', 'Request is malformed');
    state.updates.push({ url: text.slice(0, comma), md5sum: text.slice(comma + 1) });
    return reply('0');
  },
};

function answer(state: GuestAgentState, domain: LiveDomain, raw: string): AgentReply {
  let request: unknown;
  try {
    request = JSON.parse(raw);
  } catch {
    return reply('500', 'Request is malformed');
  }
  if (!request || typeof request !== 'object' || Array.isArray(request)) return reply('500', 'Request is malformed');
  if (!('name' in request)) return reply('500', 'Request is missing \'name\' key');
  const { name, value } = request as { name: unknown; value?: unknown };
  const command = typeof name === 'string' && Object.hasOwn(COMMANDS, name) && state.commands.has(name) ? COMMANDS[name] : undefined;
  if (!command) return reply('404', `No such agent command '${String(name)}'`);
  try {
    return command(state, value, domain);
  } catch (error) {
    if (error instanceof PasswordDecodeError) return reply('500', error.message);
    return reply('500', 'Internal error with request');
  }
}

/** Whether the guest carries the agent: its image said so at VM creation. */
function hasAgent(vm: Rec, domain: LiveDomain | undefined): boolean {
  const mark = domain ? domain.xenstore.read(AGENT_MARK_KEY) : (vm.xenstore_data as Record<string, string>)[AGENT_MARK_KEY];
  return mark === 'true';
}

/**
 * The agent's xenstore watch on data/host firing: answers every pending request, if the guest has booted
 * (the agent starts with it), carries the agent, runs (a paused domain answers nothing) and is responsive.
 */
export function serviceAgentRequests(pool: SimPool, domain: LiveDomain): void {
  const vm = pool.db.find('VM', domain.vmRef);
  if (!vm || vm.power_state !== 'Running' || vm.domid !== domain.domid || vm.guest_metrics === NULL_REF) return;
  if (!hasAgent(vm, domain)) return;
  const state = stateOf(pool.world, vm.uuid as string);
  if (!state.responsive) return;
  if (state.domid !== domain.domid) {
    state.domid = domain.domid;
    state.sharedSecret = null;
  }
  for (const [id, raw] of domain.xenstore.list('data/host')) {
    if (id === '' || id.includes('/')) continue;
    domain.xenstore.remove(`data/host/${id}`);
    domain.xenstore.write(`data/guest/${id}`, JSON.stringify(answer(state, domain, raw)));
  }
}

/** What a test can see of a guest: whether it has a (responsive) agent and what the agent was told to do. */
export interface GuestAgentView {
  readonly vmUuid: string;
  readonly powerState: string;
  readonly agent: { readonly installed: boolean; readonly responsive: boolean; readonly version: string; readonly commands: string[] };
  readonly password: string | null;
  readonly passwordChanges: number;
  /** Path → contents in base64. */
  readonly files: Record<string, string>;
  readonly network: { readonly resets: number; readonly hostname: string | null; readonly interfaces: unknown[] };
  readonly agentUpdates: { readonly url: string; readonly md5sum: string }[];
}

function findVm(world: World, vmUuid: string): { db: Db; ref: string; vm: Rec } | undefined {
  for (const pool of world.pools) {
    const ref = pool.db.refByUuid('VM', vmUuid);
    if (ref) return { db: pool.db, ref, vm: pool.db.get('VM', ref) };
  }
  return undefined;
}

/** The guest inside VM `vmUuid`; undefined when no pool has that VM. */
export function guestAgentView(world: World, vmUuid: string): GuestAgentView | undefined {
  const found = findVm(world, vmUuid);
  if (!found) return undefined;
  const { db, vm } = found;
  const running = vm.power_state === 'Running' || vm.power_state === 'Paused';
  const domain = running && vm.resident_on !== NULL_REF ? liveDomain(db, vm.resident_on as string, vm.domid as number) : undefined;
  const state = stateOf(world, vmUuid);
  return {
    vmUuid,
    powerState: vm.power_state as string,
    agent: { installed: hasAgent(vm, domain), responsive: state.responsive, version: AGENT_VERSION, commands: [...state.commands] },
    password: state.password,
    passwordChanges: state.passwordChanges,
    files: Object.fromEntries([...state.files].map(([path, contents]) => [path, contents.toString('base64')])),
    network: { ...state.network, interfaces: [...state.network.interfaces] },
    agentUpdates: state.updates.map((update) => ({ ...update })),
  };
}

export interface GuestAgentSettings {
  /** False: the agent stops answering (requests stay in xenstore until dom0 gives up). */
  readonly responsive?: boolean;
  /** The commands it knows (others answer 404); `features` lists them. */
  readonly commands?: readonly string[];
}

export class GuestAgentSettingsError extends Error {
  override name = 'GuestAgentSettingsError';
}

/** Changes how the agent of VM `vmUuid` behaves; undefined when no pool has that VM. */
export function configureGuestAgent(world: World, vmUuid: string, settings: GuestAgentSettings): GuestAgentView | undefined {
  if (typeof settings !== 'object' || settings === null) throw new GuestAgentSettingsError('settings are a JSON object');
  const { responsive, commands } = settings;
  if (responsive !== undefined && typeof responsive !== 'boolean') throw new GuestAgentSettingsError('responsive must be a boolean');
  if (commands !== undefined && (!Array.isArray(commands) || !commands.every((c) => AGENT_COMMANDS.includes(c)))) {
    throw new GuestAgentSettingsError(`commands must be a list drawn from ${AGENT_COMMANDS.join(', ')}`);
  }
  if (!findVm(world, vmUuid)) return undefined;
  const state = stateOf(world, vmUuid);
  if (responsive !== undefined) state.responsive = responsive;
  if (commands !== undefined) state.commands = new Set(commands);
  return guestAgentView(world, vmUuid);
}
