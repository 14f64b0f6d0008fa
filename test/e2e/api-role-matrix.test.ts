// Who may call what, for every root field the schema has: the operations are generated from the server's own
// introspection (dummy arguments, a minimal selection), sent by an anonymous caller, a revoked token, a reader,
// an operator and an admin, and each answer is compared with the scopes the schema declares for the field.
// Denied callers all get the same typed error, before their (often invalid) input is looked at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isCompositeType, isEnumType, isInputObjectType, isListType,
  isNonNullType, isScalarType, type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { schema as serverSchema } from '../../src/graphql/schema.js';
import { ApiTokenCreateDocument, ApiTokenRevokeDocument } from '../generated/graphql.js';
import { errorCodes, startStack, type Stack } from '../helpers/stack.js';

type Role = 'reader' | 'operator' | 'admin';
type Caller = 'anonymous' | 'revoked' | Role;
const CALLERS: readonly Caller[] = ['anonymous', 'revoked', 'reader', 'operator', 'admin'];
const RANK: Record<Role, number> = { reader: 0, operator: 1, admin: 2 };
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

let stack: Stack;
let schema: GraphQLSchema;
const tokens = new Map<Caller, string | null>();

interface Answer {
  readonly status: number;
  readonly codes: unknown[];
  readonly messages: string[];
  readonly body: string;
}

before(async () => {
  stack = await startStack();
  const introspection = await stack.request<IntrospectionQuery, never>(getIntrospectionQuery(), undefined, stack.adminToken);
  assert.equal(introspection.errors, undefined);
  schema = buildClientSchema(introspection.data!);
  const revoked = await stack.request(ApiTokenCreateDocument, { input: { name: 'matrix-revoked', role: 'ADMIN' } }, stack.adminToken);
  const created = revoked.data!.apiTokenCreate;
  if (created.__typename !== 'ApiTokenCreatePayload') throw new Error('token not created');
  await stack.request(ApiTokenRevokeDocument, { input: { id: created.token.id } }, stack.adminToken);
  tokens.set('anonymous', null).set('revoked', created.secret!).set('admin', stack.adminToken);
  for (const role of ['reader', 'operator'] as const) tokens.set(role, await stack.tokenFor(role));
});

after(async () => {
  await stack?.stop();
});

/** The lowest role the server's schema declares for a root field; node lookups are open to every token. */
function declaredMinimumRole(rootType: string, field: string): Role {
  const root = { Query: serverSchema.getQueryType(), Mutation: serverSchema.getMutationType(), Subscription: serverSchema.getSubscriptionType() }[rootType];
  const declared = (root!.getFields()[field]?.extensions as
    { pothosOptions?: { authScopes?: Partial<Record<Role, boolean>> } }).pothosOptions?.authScopes;
  if (declared === undefined) return 'reader';
  const roles = (Object.keys(declared) as Role[]).filter((role) => declared[role] === true && role in RANK);
  assert.ok(roles.length > 0, `${rootType}.${field}: scopes this test cannot read: ${JSON.stringify(declared)}`);
  return roles.sort((a, b) => RANK[a] - RANK[b])[0]!;
}

/** A literal of the type that passes document validation; ids are malformed on purpose, so nothing really runs. */
function dummyLiteral(type: GraphQLInputType): string {
  if (isNonNullType(type)) return dummyLiteral(type.ofType);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${dummyLiteral(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    const literals: Record<string, string> = { Int: '1', Float: '1', Boolean: 'false', JSON: '{}', DateTime: '"2024-01-01T00:00:00Z"' };
    return literals[type.name] ?? '"x"';
  }
  throw new Error(`no dummy for ${String(type)}`);
}

function operationFor(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const args = required.length > 0 ? `(${required.map((arg) => `${arg.name}: ${dummyLiteral(arg.type)}`).join(', ')})` : '';
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${args}${selection} }`;
}

/** Sends an operation as `caller`; subscriptions over SSE, whose open streams are cancelled once they answer 200. */
async function send(caller: Caller, query: string, subscription = false): Promise<Answer> {
  const token = tokens.get(caller);
  const response = await fetch(stack.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: subscription ? 'text/event-stream' : 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  if (subscription && response.status === 200) {
    await response.body?.cancel();
    return { status: 200, codes: [], messages: [], body: '' };
  }
  const text = await response.text();
  const json = subscription ? /data: (.*)/.exec(text)?.[1] ?? '{}' : text;
  const result = JSON.parse(json) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, codes: errorCodes(result), messages: (result.errors ?? []).map((e) => e.message), body: text };
}

function assertRefused(caller: Caller, what: string, answer: Answer, minimum: Role): void {
  const expected = caller === 'anonymous' || caller === 'revoked' ? { status: 401, code: 'UNAUTHENTICATED' } : { status: 403, code: 'FORBIDDEN' };
  assert.equal(answer.status, expected.status, `${caller} ${what}: ${answer.body}`);
  assert.deepEqual(answer.codes, [expected.code], `${caller} ${what}: ${answer.body}`);
  assert.ok(!/"data"/.test(answer.body), `${caller} ${what} gets no data: ${answer.body}`);
  if (expected.code === 'FORBIDDEN') assert.match(answer.messages[0]!, new RegExp(`needs a higher role than ${caller}$`));
  void minimum;
}

function assertAllowed(caller: Caller, what: string, answer: Answer): void {
  assert.ok(![401, 403].includes(answer.status), `${caller} ${what}: ${answer.status} ${answer.body}`);
  assert.ok(!answer.codes.some((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED'), `${caller} ${what}: ${answer.body}`);
}

describe('role matrix over every root field', () => {
  it('lets each role use exactly the root fields its scopes allow, and refuses the rest alike', async () => {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t): t is GraphQLObjectType => t != null);
    const expectations = new Map<string, Role>();
    const anonymousMessages = new Set<string>();
    for (const root of roots) {
      const kind = root.name.toLowerCase() as 'query' | 'mutation' | 'subscription';
      for (const field of Object.values(root.getFields())) {
        const coordinate = `${root.name}.${field.name}`;
        const minimum = declaredMinimumRole(root.name, field.name);
        expectations.set(coordinate, minimum);
        const query = operationFor(kind, field);
        for (const caller of CALLERS) {
          const answer = await send(caller, query, kind === 'subscription');
          const allowed = caller !== 'anonymous' && caller !== 'revoked' && RANK[caller] >= RANK[minimum];
          if (allowed) assertAllowed(caller, query, answer);
          else assertRefused(caller, query, answer, minimum);
          if (caller === 'anonymous') anonymousMessages.add(answer.messages.join());
        }
      }
    }
    // The scopes read from the schema must be the ones the product promises, or the matrix would prove nothing.
    for (const [coordinate, role] of Object.entries({
      'Query.instances': 'reader', 'Query.node': 'reader', 'Subscription.instanceEvents': 'reader', 'Mutation.instanceReboot': 'operator',
      'Mutation.instanceSpawn': 'operator', 'Mutation.apiTokenCreate': 'admin', 'Query.apiTokens': 'admin',
      'Subscription.xapiEvents': 'admin', 'Mutation.hostSetMaintenanceMode': 'admin',
    })) assert.equal(expectations.get(coordinate), role, coordinate);
    assert.ok(expectations.size > 60, `only ${expectations.size} root fields`);
    assert.equal(anonymousMessages.size, 1, `anonymous callers get one and the same error: ${[...anonymousMessages].join(' | ')}`);
  });

  it('refuses anonymous and revoked callers whatever they send: introspection, invalid input, unknown fields', async () => {
    const documents = [
      '{ __schema { queryType { name } } }',
      '{ __type(name: "ApiToken") { fields { name } } }',
      '{ __typename }',
      'mutation { apiTokenCreate(input: { name: 5, role: SUPERUSER }) { __typename } }',
      '{ noSuchField }',
    ];
    for (const query of documents) {
      for (const caller of ['anonymous', 'revoked'] as const) assertRefused(caller, query, await send(caller, query), 'reader');
      assertAllowed('admin', query, await send('admin', query));
    }
  });

  it('tells a reader only that an admin mutation is not allowed, whatever is wrong with its input', async () => {
    for (const query of [
      'mutation { apiTokenCreate(input: { name: 5, role: SUPERUSER }) { __typename } }',
      'mutation { apiTokenCreate(input: { name: " ", role: ADMIN }) { __typename } }',
      `mutation { apiTokenRevoke(input: { id: "${encodeGlobalID('Instance', 'x')}" }) { __typename } }`,
      'mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { __typename } }',
      'mutation { hostSetEnabled(input: { id: "not-a-global-id", enabled: false }) { __typename } }',
    ]) {
      for (const caller of ['reader', 'operator'] as const) assertRefused(caller, query, await send(caller, query), 'admin');
    }
  });
});

describe('node(id:) and nodes(ids:) for every Node type', () => {
  it('answers an id of a type the caller may not see exactly as an id that does not exist', async () => {
    const nodeTypes = schema.getPossibleTypes(schema.getType('Node') as never).map((type) => type.name);
    assert.ok(nodeTypes.includes('ApiToken') && nodeTypes.includes('Instance'), nodeTypes.join());
    const tokenList = await stack.request('{ apiTokens(first: 1) { edges { node { id } } } }', {}, stack.adminToken);
    const tokenId = (tokenList.data as { apiTokens: { edges: { node: { id: string } }[] } }).apiTokens.edges[0]!.node.id;
    const lookups = [
      ...nodeTypes.map((type) => [type, encodeGlobalID(type, MISSING_ID)] as const),
      ['ApiToken (existing)', tokenId] as const,
    ];
    for (const [what, id] of lookups) {
      const minimum = declaredTypeRole(what.split(' ')[0]!);
      const node = `{ node(id: "${id}") { __typename id } }`;
      const nodes = `{ nodes(ids: ["${id}", "${encodeGlobalID('ApiToken', MISSING_ID)}"]) { __typename id } }`;
      for (const caller of CALLERS) {
        for (const [query, missing] of [[node, '{"data":{"node":null}}'], [nodes, '{"data":{"nodes":[null,null]}}']] as const) {
          const answer = await send(caller, query);
          if (caller === 'anonymous' || caller === 'revoked') {
            assertRefused(caller, query, answer, 'reader');
          } else if (what.includes('existing') && RANK[caller] >= RANK[minimum]) {
            assert.match(answer.body, /"__typename":"ApiToken"/, `${caller} ${query}`);
          } else {
            // The same answer as for an id of nothing; only extensions.cost (the caller's budget) moves between requests.
            const { extensions: _cost, ...answered } = JSON.parse(answer.body) as { extensions?: unknown };
            assert.equal(JSON.stringify(answered), missing, `${caller} ${query}`);
          }
        }
      }
    }
  });
});

function declaredTypeRole(typename: string): Role {
  const declared = (serverSchema.getType(typename)?.extensions as { pothosOptions?: { authScopes?: Partial<Record<Role, boolean>> } })
    .pothosOptions?.authScopes ?? {};
  return (Object.keys(declared) as Role[]).filter((role) => declared[role]).sort((a, b) => RANK[a] - RANK[b])[0] ?? 'reader';
}
