// Hostile input against the real server, generated from the schema: for every root field, every String,
// ID, JSON, list, enum, Int and Boolean leaf of its arguments gets huge, odd and wrongly typed values (one at
// a time, the rest of the input plausible), as an administrator (so authorization hides nothing) and
// anonymously; plus whole-document attacks (deep nesting, alias bombs, huge and malformed bodies, GET).
// Each must be refused with a 4xx or a typed error, quickly; afterwards the store and the pools are as
// they were, nothing was logged as an internal error, memory is sane and the server still answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputField, type GraphQLInputType,
} from 'graphql';
import { schema } from '../../src/graphql/schema.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { tableRowCounts } from '../helpers/store.js';

const ALLOWED_CODES = new Set([
  'BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX', 'UNAUTHENTICATED', 'FORBIDDEN',
]);
/** Per request, on a loaded 2-core machine; refusals take milliseconds. */
const MAX_MS = 5000;
const NO_SUCH_UUID = '00000000-0000-4000-8000-000000000000';
const b64 = (text: string) => Buffer.from(text).toString('base64');

type Leaf = 'string' | 'id' | 'json' | 'list' | 'enum' | 'int' | 'boolean' | 'other';

function leafKind(type: GraphQLInputType): Leaf {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return 'list';
  const named = getNamedType(type);
  if (isEnumType(named)) return 'enum';
  return ({ String: 'string', ID: 'id', JSON: 'json', Int: 'int', Boolean: 'boolean' } as Record<string, Leaf>)[named.name] ?? 'other';
}

/** The type a global ID input is for, when it names one. */
function idTypeOf(input: GraphQLArgument | GraphQLInputField): string | null {
  const target = input.extensions.relayGlobalIDFor as { typename: string }[] | null | undefined;
  return target?.[0]?.typename ?? null;
}

/** A plausible value: well formed, pointing at nothing that exists, so nothing could act on it. */
function plausible(input: GraphQLArgument | GraphQLInputField, type: GraphQLInputType = input.type): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [plausible(input, inner.ofType as GraphQLInputType)];
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields())
      .filter((field) => isNonNullType(field.type))
      .map((field) => [field.name, plausible(field)]));
  }
  if (isEnumType(named)) return named.getValues()[0]!.value;
  switch (named.name) {
    case 'ID': return b64(`${idTypeOf(input) ?? 'Instance'}:${NO_SUCH_UUID}`);
    case 'Int': return 1;
    case 'Boolean': return false;
    case 'JSON': return {};
    default: return 'x';
  }
}

function hostileValues(input: GraphQLArgument | GraphQLInputField, anyType: boolean): [string, unknown][] {
  const otherType = idTypeOf(input) === 'Flavor' ? 'Image' : 'Flavor';
  switch (leafKind(input.type)) {
    case 'string': return [
      ['100k characters', 'x'.repeat(100_000)], ['NUL', 'a\u0000b'], ['lone surrogate', 'a\uD800b'],
      ['RTL and emoji beyond any bound', `\u202E${'💥'.repeat(300)}`], ['a number', 12345], ['an object', { a: 1 }],
    ];
    case 'id': return [
      ['empty id', ''], ['malformed id', '!!!%%%'], ['base64 garbage', 'AAAAAAAA'], ['id of no type', b64(':')],
      ['4,000-character id', 'QQ'.repeat(2000)], ['an object', { id: 1 }],
      ...(anyType ? [] : [[`${otherType} id`, b64(`${otherType}:${NO_SUCH_UUID}`)] as [string, unknown]]),
    ];
    case 'json': return [
      ['1,000 keys', Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 'v']))],
      ['non-string value', { k: 1 }], ['a list', ['a']], ['300-character key', { ['k'.repeat(300)]: 'v' }], ['NUL in a value', { k: '\u0000' }],
    ];
    case 'list': {
      const item = plausible(input, (isNonNullType(input.type) ? input.type.ofType : input.type) as GraphQLInputType);
      return [['1,000 items', Array(1000).fill((item as unknown[])[0])], ['items of the wrong type', [{ a: [1] }]]];
    }
    case 'enum': return [['unknown enum value', 'NOT_A_VALUE'], ['a number', 7]];
    case 'int': return [['beyond Int', 2 ** 31], ['a string', 'ten'], ['a fraction', 1.5]];
    case 'boolean': return [['a string', 'yes']];
    default: return [];
  }
}

interface Case {
  readonly name: string;
  readonly operation: 'query' | 'mutation' | 'subscription';
  readonly field: GraphQLField<unknown, unknown>;
  readonly variables: Record<string, unknown>;
}

function setIn(root: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

/** One case per hostile value of each leaf of each argument (input objects one level down). */
function casesFor(operation: Case['operation'], field: GraphQLField<unknown, unknown>): Case[] {
  const base = Object.fromEntries(field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => [arg.name, plausible(arg)]));
  const anyType = field.name === 'node' || field.name === 'nodes';
  const cases: Case[] = [];
  const leaves: [readonly string[], GraphQLArgument | GraphQLInputField][] = [];
  for (const arg of field.args) {
    const named = getNamedType(arg.type);
    if (isInputObjectType(named) && !isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type)) {
      for (const inner of Object.values(named.getFields())) leaves.push([[arg.name, inner.name], inner]);
    } else {
      leaves.push([[arg.name], arg]);
    }
  }
  for (const [path, leaf] of leaves) {
    const parent = path.length > 1 ? (base[path[0]!] ?? plausible(field.args.find((a) => a.name === path[0])!)) : undefined;
    const start = parent === undefined ? base : { ...base, [path[0]!]: parent };
    for (const [what, value] of hostileValues(leaf, anyType)) {
      cases.push({ name: `${field.name}(${path.join('.')}): ${what}`, operation, field, variables: setIn(start, path, value) });
    }
  }
  return cases;
}

function documentFor(kase: Case): string {
  const { field } = kase;
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kase.operation} Hostile${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

function allCases(): Case[] {
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()]] as const;
  return roots.flatMap(([operation, type]) => Object.values(type!.getFields()).flatMap((field) => casesFor(operation, field)));
}

interface Outcome {
  readonly status: number;
  readonly body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Why the outcome is not a typed refusal, or null when it is one. */
function notRefused({ status, body }: Outcome): string | null {
  if (status >= 500) return `HTTP ${status}`;
  const codes = (body.errors ?? []).map((error) => error.extensions?.code);
  const unexpected = codes.filter((code) => !ALLOWED_CODES.has(code ?? ''));
  if (unexpected.length > 0) return `error codes ${JSON.stringify(unexpected)}: ${body.errors?.[0]?.message}`;
  if (status >= 400 || codes.length > 0) return null;
  const result = Object.values(body.data ?? {})[0] as { __typename?: string } | null | undefined;
  if (result?.__typename?.endsWith('Error')) return null;
  return `accepted: ${JSON.stringify(body).slice(0, 200)}`;
}

describe('hostile input', () => {
  let stack: Stack;
  let reader: string;
  const cases = allCases();

  const storeCounts = async () => Object.fromEntries(Object.entries(await tableRowCounts(stack.databaseUrl))
    // Leases are renewed by the periodic tasks and bandwidth rows by the poller, whatever the requests do.
    .filter(([name]) => name !== 'leases' && name !== 'bandwidth_usage'));
  const xapiCounts = () => Object.fromEntries(['VM', 'VDI', 'VBD', 'VIF', 'SR', 'PBD'].map((cls) => [cls, stack.sim.world.pools.reduce((n, pool) => n + pool.db.select(cls).length, 0)]));

  async function post(body: string, token: string | null, headers: Record<string, string> = {}): Promise<Outcome> {
    const response = await fetch(stack.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : {} };
  }

  async function run(kase: Case, token: string | null): Promise<Outcome> {
    const query = documentFor(kase);
    if (kase.operation !== 'subscription') return post(JSON.stringify({ query, variables: kase.variables }), token);
    // The first message of a subscription; a refusal is the only message a hostile one may get.
    const first = stack.wsRequest(query, kase.variables, token);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), MAX_MS).unref());
    try {
      return { status: 200, body: await Promise.race([first, timeout]) as Outcome['body'] };
    } catch (error) {
      // Refused at connection_init (no valid token): the socket closes with 4401/4403 before anything runs.
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'number' && code >= 4400 && code < 4500) return { status: code - 4000, body: {} };
      throw error;
    }
  }

  /** Tries each attempt in turn and answers what went wrong with those not refused quickly. */
  async function unrefused(attempts: Iterable<[string, () => Promise<Outcome>]>): Promise<string[]> {
    const problems: string[] = [];
    for (const [label, attempt] of attempts) {
      const started = Date.now();
      const problem = notRefused(await attempt());
      const elapsed = Date.now() - started;
      if (problem) problems.push(`${label}: ${problem}`);
      else if (elapsed >= MAX_MS) problems.push(`${label}: took ${elapsed} ms`);
    }
    return problems;
  }

  let before_: { store: Record<string, number>; xapi: Record<string, number>; heap: number };
  const heapUsed = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  };

  before(async () => {
    stack = await startStack();
    reader = await stack.tokenFor('reader');
    before_ = { store: await storeCounts(), xapi: xapiCounts(), heap: heapUsed() };
  });
  after(async () => {
    await stack?.stop();
  });

  it('generates hundreds of cases covering every root field', () => {
    assert.ok(cases.length >= 500, `only ${cases.length} cases`);
    const covered = new Set(cases.map((kase) => kase.field.name));
    for (const type of [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!]) {
      for (const field of Object.values(type.getFields())) {
        if (field.args.length > 0) assert.ok(covered.has(field.name), `no case for ${field.name}`);
      }
    }
  });

  it('refuses every generated case for an administrator', async () => {
    assert.deepEqual(await unrefused(cases.map((kase) => [kase.name, () => run(kase, stack.adminToken)])), []);
  });

  it('refuses them anonymously too', async () => {
    // One hostile value per leaf is enough here: the admin pass already covered every value.
    const firstPerLeaf = new Map(cases.map((kase) => [kase.name.slice(0, kase.name.indexOf(':')), kase] as const).reverse());
    assert.deepEqual(await unrefused([...firstPerLeaf.values()].map((kase) => [`anonymous ${kase.name}`, () => run(kase, null)])), []);
  });

  it('refuses deep documents, alias bombs and oversized documents quickly', async () => {
    const documents: [string, string][] = [
      ['10,000 nested selections', `{ ${'viewer { '.repeat(10_000)}${'} '.repeat(10_000)}}`],
      ['3,000 nested selection sets', '{'.repeat(3000) + 'a' + '}'.repeat(3000)],
      ['3,000 nested list literals', `{ nodes(ids: ${'['.repeat(3000)}"x"${']'.repeat(3000)}) { id } }`],
      ['3,000 nested object literals', `mutation { instanceUpdateMetadata(input: { id: "x", set: ${'{ a: '.repeat(3000)}1${' }'.repeat(3000)} }) { __typename } }`],
      ['100,000 __typename aliases', `{ ${Array.from({ length: 100_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
      ['1,000 __typename aliases', `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
      ['2,500 unaliased __typename', `{ ${'__typename '.repeat(2500)}}`],
      ['500 __schema aliases', `{ ${Array.from({ length: 500 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`],
      ['500 __type aliases', `{ ${Array.from({ length: 500 }, (_, i) => `t${i}: __type(name: "Query") { name }`).join(' ')} }`],
      ['a fragment doubling 30 times', `{ ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F30 on Query { __typename }`],
      ['introspection 30 levels deep', `{ __schema { types { ${'ofType { '.repeat(30)}name${' }'.repeat(30)} } } }`],
      ['10,000 directives', `{ viewer ${'@include(if: true) '.repeat(10_000)}{ name } }`],
      ['a fragment cycle', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
    ];
    const attempts = documents.flatMap(([label, query]) => [stack.adminToken, null].map((token) =>
      [`${label}${token ? '' : ' (anonymous)'}`, () => post(JSON.stringify({ query }), token)] as [string, () => Promise<Outcome>]));
    assert.deepEqual(await unrefused(attempts), []);
  });

  it('refuses oversized and malformed bodies with a 4xx', async () => {
    const bodies: [string, string, Record<string, string>?][] = [
      ['an 18 MB body of one id repeated', JSON.stringify({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: Array(300_000).fill(b64(`Instance:${NO_SUCH_UUID}`)) } })],
      ['a 2 MB string variable', JSON.stringify({ query: '{ viewer { name } }', variables: { x: 'x'.repeat(2_000_000) } })],
      ['truncated JSON', '{"query": "{ viewer { name } }"'],
      ['a JSON array of numbers', '[1, 2, 3]'],
      ['a JSON string', '"{ viewer { name } }"'],
      ['null', 'null'],
      ['query as a number', JSON.stringify({ query: 42 })],
      ['variables as a list', JSON.stringify({ query: '{ viewer { name } }', variables: [1] })],
      ['extensions as a string', JSON.stringify({ query: '{ viewer { name } }', extensions: 'x' })],
      ['operationName as an object', JSON.stringify({ query: '{ viewer { name } }', operationName: {} })],
      ['no query', JSON.stringify({ variables: {} })],
      ['metadata nested 100,000 deep', `{"query":"mutation($set: JSON) { instanceUpdateMetadata(input: { id: \\"${b64(`Instance:${NO_SUCH_UUID}`)}\\", set: $set }) { __typename } }","variables":{"set":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`],
      ['not JSON at all', 'query { viewer { name } }', { 'content-type': 'application/json' }],
      ['an unknown content type', '{ viewer { name } }', { 'content-type': 'text/x-hostile' }],
    ];
    assert.deepEqual(await unrefused(bodies.map(([label, body, headers]) => [label, () => post(body, stack.adminToken, headers)])), []);
  });

  it('refuses GET requests with malformed parameters with a 400', async () => {
    const query = encodeURIComponent('{ viewer { name } }');
    const gets: [string, string][] = [
      ['variables that are not JSON', `query=${query}&variables=%7Bbad`],
      ['extensions that are not JSON', `query=${query}&extensions=nope`],
      ['variables that are a list', `query=${query}&variables=%5B1%5D`],
      ['a deep query', `query=${encodeURIComponent('{'.repeat(3000) + 'a' + '}'.repeat(3000))}`],
      ['a mutation', `query=${encodeURIComponent('mutation { apiTokenCreate(input: { name: "x", role: ADMIN }) { __typename } }')}`],
      ['no query', 'variables=%7B%7D'],
    ];
    assert.deepEqual(await unrefused(gets.map(([label, search]) => [`GET with ${label}`, async () => {
      const response = await fetch(`${stack.url}?${search}`, { headers: { authorization: `Bearer ${stack.adminToken}`, accept: 'application/json' } });
      const text = await response.text();
      return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : {} };
    }])), []);
  });

  describe('the attacks of issue 12, one by one', () => {
    const instanceId = b64(`Instance:${NO_SUCH_UUID}`);
    const nodes = (count: number) => JSON.stringify({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: Array(count).fill(instanceId) } });
    const codesOf = (outcome: Outcome) => (outcome.body.errors ?? []).map((error) => error.extensions?.code);

    it('nodes(ids) takes at most 100 ids, and a 2 MB list is not even read', async () => {
      assert.deepEqual((await post(nodes(100), stack.adminToken)).body.data?.nodes, Array(100).fill(null));
      const over = await post(nodes(101), stack.adminToken);
      assert.deepEqual(codesOf(over), ['BAD_USER_INPUT']);
      assert.match(over.body.errors![0]!.message, /ids/);
      assert.equal((await post(nodes(40_000), null)).status, 413);
    });

    // Anonymous callers are refused before their document is even parsed; any token holder hits the limits.
    const refusalOf = async (query: string) => ({
      anonymous: codesOf(await post(JSON.stringify({ query }), null)),
      reader: codesOf(await post(JSON.stringify({ query }), reader)),
    });
    const limited = { anonymous: ['UNAUTHENTICATED'], reader: ['QUERY_TOO_COMPLEX'] };

    it('__typename and introspection aliases count towards the limits', async () => {
      for (const field of ['__typename', '__schema { description }', '__type(name: "Query") { name }']) {
        const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
        assert.deepEqual(await refusalOf(query), limited, field);
      }
    });

    it('2,000 nested levels of selections or literals are refused, not a stack overflow', async () => {
      for (const query of ['{'.repeat(2000) + 'a' + '}'.repeat(2000), `{ nodes(ids: ${'['.repeat(2000)}"x"${']'.repeat(2000)}) { id } }`]) {
        assert.deepEqual(await refusalOf(query), limited);
      }
      assert.deepEqual(stack.errorLog, []);
    });

    it('refuses 20,000 metadata keys to remove before looking at the instance', async () => {
      const started = Date.now();
      const outcome = await post(JSON.stringify({
        query: 'mutation($input: InstanceUpdateMetadataInput!) { instanceUpdateMetadata(input: $input) { ... on UserError { __typename path } } }',
        variables: { input: { id: instanceId, remove: Array.from({ length: 20_000 }, (_, i) => `key-${i}`) } },
      }), stack.adminToken);
      assert.deepEqual(outcome.body.data?.instanceUpdateMetadata, { __typename: 'InvalidInputError', path: ['input', 'remove'] });
      assert.ok(Date.now() - started < MAX_MS);
    });

    it('refuses long volume connection strings before anything reaches XAPI or the store', async () => {
      for (const key of ['targetIqn', 'targetPortal', 'volumeId', 'authUsername', 'authPassword']) {
        const connectionInfo = { driverVolumeType: 'iscsi', targetPortal: '10.0.1.30:3260', targetIqn: 'iqn.2024-01.org.example:x', volumeId: 'v', [key]: 'x'.repeat(200_000) };
        const outcome = await post(JSON.stringify({
          query: 'mutation($input: InstanceAttachVolumeInput!) { instanceAttachVolume(input: $input) { ... on UserError { __typename path } } }',
          variables: { input: { id: instanceId, mountpoint: '/dev/xvdb', connectionInfo } },
        }), stack.adminToken);
        assert.deepEqual(outcome.body.data?.instanceAttachVolume, { __typename: 'InvalidInputError', path: ['input', 'connectionInfo', key] }, key);
      }
    });

    it('answers GET with malformed variables or extensions with a 400 that says so', async () => {
      for (const param of ['variables=%7Bnot-json', 'extensions=%7Bnot-json']) {
        const response = await fetch(`${stack.url}?query=${encodeURIComponent('{ viewer { name } }')}&${param}`, { headers: { authorization: `Bearer ${stack.adminToken}` } });
        const body = await response.json() as Outcome['body'];
        assert.equal(response.status, 400);
        assert.match(body.errors![0]!.message, /Malformed request parameters/);
      }
      assert.deepEqual(stack.errorLog, []);
    });
  });

  it('changed nothing, logged no internal error, kept memory sane and still serves', async () => {
    assert.deepEqual(await storeCounts(), before_.store);
    assert.deepEqual(xapiCounts(), before_.xapi);
    assert.deepEqual(stack.errorLog.map((entry) => `${entry.message}: ${String(entry.error)}`), []);
    const grown = heapUsed() - before_.heap;
    assert.ok(grown < 256 * 1024 * 1024, `heap grew by ${Math.round(grown / 1024 / 1024)} MiB`);
    const viewer = await stack.request('{ viewer { name } }', undefined, stack.adminToken);
    assert.deepEqual(viewer.data, { viewer: { name: 'initial-admin' } });
  });
});
