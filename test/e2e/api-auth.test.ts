// Who may do what through the API, over HTTP and WebSocket, and how refused or broken requests look to a
// client: always a GraphQL error with a code, never a hint of internals, and the server keeps serving.
import assert from 'node:assert/strict';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { after, before, describe, it } from 'node:test';
import {
  ApiTokenCreateDocument, ApiTokenRevokeDocument, ApiTokensDocument, ConnectionStatusFeedDocument, NodeByIdDocument,
  ViewerDocument, XapiEventsFeedDocument,
} from '../generated/graphql.js';
import { runCli } from '../helpers/cli.js';
import { errorCodes, startStack, type Stack } from '../helpers/stack.js';
import { wsClosed } from '../helpers/ws-close.js';


let stack: Stack;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.stop();
});

async function createToken(role: 'READER' | 'OPERATOR' | 'ADMIN', name = `made-${role.toLowerCase()}`) {
  const result = await stack.request(ApiTokenCreateDocument, { input: { name, role } }, stack.adminToken);
  assert.equal(result.errors, undefined);
  const created = result.data!.apiTokenCreate;
  assert.equal(created.__typename, 'ApiTokenCreatePayload');
  if (created.__typename !== 'ApiTokenCreatePayload') throw new Error('unreachable');
  return { id: created.token.id, secret: created.secret! };
}

describe('HTTP authentication and roles', () => {
  it('refuses a request without a token with UNAUTHENTICATED', async () => {
    const result = await stack.request(ViewerDocument, {});
    assert.deepEqual(errorCodes(result), ['UNAUTHENTICATED']);
    assert.equal(result.status, 401);
    assert.equal(result.data, undefined);
  });

  it('refuses a malformed Authorization header and an unknown token with UNAUTHENTICATED', async () => {
    const basic = await stack.request(ViewerDocument, {}, null, { authorization: 'Basic cm9vdDpyb290' });
    assert.deepEqual(errorCodes(basic), ['UNAUTHENTICATED']);
    assert.equal(basic.status, 401);
    const unknown = await stack.request(ViewerDocument, {}, 'xg_thisTokenWasNeverIssuedByTheServer');
    assert.deepEqual(errorCodes(unknown), ['UNAUTHENTICATED']);
  });

  it('tells the initial admin who they are', async () => {
    const result = await stack.request(ViewerDocument, {}, stack.adminToken);
    assert.deepEqual(result.data, { viewer: { name: 'initial-admin', role: 'ADMIN' } });
  });

  it('lets a reader read the viewer but not create tokens, list them or load them by id', async () => {
    const reader = await stack.tokenFor('reader');
    const viewer = await stack.request(ViewerDocument, {}, reader);
    assert.deepEqual(viewer.data, { viewer: { name: 'test-reader', role: 'READER' } });

    const create = await stack.request(ApiTokenCreateDocument, { input: { name: 'sneaky', role: 'ADMIN' } }, reader);
    assert.deepEqual(errorCodes(create), ['FORBIDDEN']);
    assert.equal(create.status, 403);
    assert.equal(create.data, undefined);

    const list = await stack.request(ApiTokensDocument, {}, await stack.tokenFor('operator'));
    assert.deepEqual(errorCodes(list), ['FORBIDDEN']);

    const admins = await stack.request(ApiTokensDocument, {}, stack.adminToken);
    const adminId = admins.data!.apiTokens.edges.find((edge) => edge.node.name === 'initial-admin')!.node.id;
    // As if the token did not exist: a reader does not learn that it does.
    const node = await stack.request(NodeByIdDocument, { id: adminId }, reader);
    assert.deepEqual({ data: node.data, errors: node.errors }, { data: { node: null }, errors: undefined });
  });

  it('creates a token whose secret works once and shows the role it was given', async () => {
    const { id, secret } = await createToken('OPERATOR', 'ci-operator');
    assert.match(secret, /^xg_/);
    const viewer = await stack.request(ViewerDocument, {}, secret);
    assert.deepEqual(viewer.data, { viewer: { name: 'ci-operator', role: 'OPERATOR' } });
    const node = await stack.request(NodeByIdDocument, { id }, stack.adminToken);
    assert.deepEqual(node.data?.node, { __typename: 'ApiToken', id, name: 'ci-operator', role: 'OPERATOR' });
  });

  it('answers node(id:) with null for a token id that does not exist', async () => {
    const id = encodeGlobalID('ApiToken', '00000000-0000-4000-8000-000000000000');
    const result = await stack.request(NodeByIdDocument, { id }, stack.adminToken);
    assert.deepEqual(result, { ...result, data: { node: null }, errors: undefined });
  });

  it('replays a create with the same idempotency key and refuses the key for a different request', async () => {
    const input = { name: 'idempotent', role: 'READER' as const, idempotencyKey: 'key-1' };
    const first = await stack.request(ApiTokenCreateDocument, { input }, stack.adminToken);
    const again = await stack.request(ApiTokenCreateDocument, { input }, stack.adminToken);
    assert.deepEqual(again.data, first.data);
    const reused = await stack.request(ApiTokenCreateDocument, { input: { ...input, role: 'ADMIN' } }, stack.adminToken);
    assert.equal(reused.data?.apiTokenCreate.__typename, 'IdempotencyKeyReuseError');
    assert.deepEqual(reused.data?.apiTokenCreate, {
      __typename: 'IdempotencyKeyReuseError', code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'Idempotency key key-1 was already used for a different request', path: ['input', 'idempotencyKey'],
    });
    const tokens = await stack.request(ApiTokensDocument, { first: 100 }, stack.adminToken);
    assert.equal(tokens.data!.apiTokens.edges.filter((edge) => edge.node.name === 'idempotent').length, 1);
  });

  it('refuses a revoked token, and answers an unknown id with a NotFoundError', async () => {
    const { id, secret } = await createToken('READER', 'to-revoke');
    assert.equal((await stack.request(ViewerDocument, {}, secret)).data?.viewer.name, 'to-revoke');

    const revoked = await stack.request(ApiTokenRevokeDocument, { input: { id } }, stack.adminToken);
    const payload = revoked.data!.apiTokenRevoke;
    assert.equal(payload.__typename, 'ApiTokenRevokePayload');
    if (payload.__typename === 'ApiTokenRevokePayload') assert.ok(payload.token.revokedAt);

    const refused = await stack.request(ViewerDocument, {}, secret);
    assert.deepEqual(errorCodes(refused), ['UNAUTHENTICATED']);

    const listed = await stack.request(ApiTokensDocument, { includeRevoked: false }, stack.adminToken);
    assert.ok(!listed.data!.apiTokens.edges.some((edge) => edge.node.id === id));

    const missingId = encodeGlobalID('ApiToken', '00000000-0000-4000-8000-000000000000');
    const missing = await stack.request(ApiTokenRevokeDocument, { input: { id: missingId } }, stack.adminToken);
    assert.deepEqual(missing.data?.apiTokenRevoke, {
      __typename: 'NotFoundError', resourceType: 'ApiToken', resourceId: missingId, code: 'NOT_FOUND',
      message: `ApiToken ${missingId} not found`, path: ['input', 'id'],
    });
  });
});

describe('WebSocket authentication and roles (connectionParams)', () => {
  it('refuses a connection without a token at connection_init', async () => {
    assert.deepEqual(await wsClosed(stack.wsClient(null)), { code: 4403, reason: 'Forbidden' });
  });

  it('authenticates from connectionParams.authorization or .Authorization, bare or Bearer', async () => {
    const reader = await stack.tokenFor('reader');
    assert.deepEqual((await stack.wsRequest(ViewerDocument, {}, reader)).data, { viewer: { name: 'test-reader', role: 'READER' } });
    for (const params of [{ Authorization: `Bearer ${reader}` }, { authorization: reader }]) {
      const client = stack.wsClient(null, params);
      const result = await new Promise<{ data?: unknown; errors?: unknown }>((resolve, reject) => {
        client.subscribe({ query: '{ viewer { role } }' }, { next: resolve, error: reject, complete: () => {} });
      });
      assert.deepEqual({ data: result.data, errors: result.errors }, { data: { viewer: { role: 'READER' } }, errors: undefined });
      await client.dispose();
    }
  });

  it('applies roles to queries, mutations and subscriptions alike', async () => {
    const reader = await stack.tokenFor('reader');
    const create = await stack.wsRequest(ApiTokenCreateDocument, { input: { name: 'ws', role: 'READER' } }, reader);
    assert.deepEqual(errorCodes(create), ['FORBIDDEN']);

    const adminFeed = stack.subscribe(XapiEventsFeedDocument, {}, reader);
    const refused = await adminFeed.next();
    assert.deepEqual(errorCodes(refused.value), ['FORBIDDEN']);
    await adminFeed.return?.();

    const feed = stack.subscribe(ConnectionStatusFeedDocument, {}, reader);
    const first = await feed.next();
    assert.equal(first.value.errors, undefined);
    assert.equal(first.value.data?.connectionStatus.state, 'CONNECTED');
    await feed.return?.();
  });

  it('refuses connections with unknown and revoked tokens', async () => {
    assert.equal((await wsClosed(stack.wsClient('xg_thisTokenWasNeverIssuedByTheServer'))).code, 4403);
    const { id, secret } = await createToken('READER', 'ws-revoke');
    assert.equal((await stack.wsRequest(ViewerDocument, {}, secret)).data?.viewer.name, 'ws-revoke');
    await stack.request(ApiTokenRevokeDocument, { input: { id } }, stack.adminToken);
    assert.equal((await wsClosed(stack.wsClient(secret))).code, 4403);
  });
});

describe('bad requests', () => {
  const deepQuery = `{ hosts { edges { node { instances { edges { node { host { instances { edges { node {
    host { instances { edges { node { host { name } } } } } } } } } } } } } } } }`;

  it('answers each with a GraphQL error carrying a code, and keeps serving', async () => {
    const admin = stack.adminToken;
    const cases: [string, string, Record<string, unknown> | undefined, string][] = [
      ['malformed global id', 'mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { __typename } }', { id: 'not-a-global-id' }, 'BAD_USER_INPUT'],
      ['global id of another type', 'mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { __typename } }', { id: encodeGlobalID('Instance', 'x') }, 'BAD_USER_INPUT'],
      ['negative page size', '{ apiTokens(first: -1) { totalCount } }', undefined, 'BAD_USER_INPUT'],
      ['page size over 100', '{ apiTokens(first: 101) { totalCount } }', undefined, 'BAD_USER_INPUT'],
      ['unknown enum value in the document', '{ apiTokens(role: SUPERUSER) { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
      ['unknown enum value in variables', 'query($role: Role) { apiTokens(role: $role) { totalCount } }', { role: 'SUPERUSER' }, 'BAD_USER_INPUT'],
      ['syntax error', '{ viewer { name ', undefined, 'GRAPHQL_PARSE_FAILED'],
      ['over-deep query', deepQuery, undefined, 'QUERY_TOO_COMPLEX'],
    ];
    for (const [what, query, variables, code] of cases) {
      const result = await stack.request(query, variables, admin);
      assert.ok(result.errors?.length, `${what}: expected errors`);
      assert.deepEqual(new Set(errorCodes(result)), new Set([code]), `${what}: ${JSON.stringify(result.errors)}`);
      const requestId = result.headers.get('x-request-id');
      assert.ok(result.errors!.every((error) => error.extensions?.requestId === requestId), `${what}: request id`);
      const again = await stack.request(query, variables, admin);
      assert.deepEqual(again.errors?.map((error) => error.extensions?.requestId), again.errors?.map(() => again.headers.get('x-request-id')),
        `${what}: a repeated request gets its own id`);
    }
    const wsDeep = await stack.wsRequest(deepQuery, {}, admin);
    assert.deepEqual(errorCodes(wsDeep), ['QUERY_TOO_COMPLEX']);
    const wsInvalid = await stack.wsRequest('{ apiTokens(role: SUPERUSER) { totalCount } }', {}, admin);
    assert.deepEqual(errorCodes(wsInvalid), ['GRAPHQL_VALIDATION_FAILED']);
    assert.equal(wsInvalid.errors?.[0]?.extensions?.http, undefined, 'HTTP status hints stay off WebSocket');
    assert.deepEqual((await stack.request(ViewerDocument, {}, admin)).data?.viewer.role, 'ADMIN');
    assert.deepEqual(stack.errorLog, [], 'bad input is not an internal error');
  });

  it('masks internal errors, giving the client a request id that matches the header and the log', async () => {
    const tokens = stack.app.services.store.tokens;
    const list = tokens.list;
    tokens.list = async () => {
      throw new Error('SQLITE_CORRUPT: secret table layout');
    };
    try {
      const result = await stack.request(ApiTokensDocument, {}, stack.adminToken);
      assert.deepEqual(errorCodes(result), ['INTERNAL_SERVER_ERROR']);
      const error = result.errors![0];
      assert.doesNotMatch(JSON.stringify(result), /SQLITE|secret table/);
      const requestId = error.extensions?.requestId;
      assert.equal(requestId, result.headers.get('x-request-id'));
      assert.match(error.message, new RegExp(String(requestId)));
      const logged = stack.errorLog.find((entry) => entry.message.includes(String(requestId)));
      assert.match(String((logged?.error as Error | undefined)?.message), /SQLITE_CORRUPT/);

      const overWs = await stack.wsRequest(ApiTokensDocument, {}, stack.adminToken);
      assert.deepEqual(errorCodes(overWs), ['INTERNAL_SERVER_ERROR']);
      assert.doesNotMatch(JSON.stringify(overWs), /SQLITE|secret table/);
    } finally {
      tokens.list = list;
    }
    assert.equal((await stack.request(ApiTokensDocument, {}, stack.adminToken)).errors, undefined);
  });

  it('masks a subscription stream that fails, over WebSocket, and logs it with the request id', async () => {
    const { pubsub } = stack.app.services;
    const subscribe = pubsub.subscribe;
    // The event source breaks (a broker connection lost, say) with a message that must not reach clients.
    pubsub.subscribe = ((...args: Parameters<typeof subscribe>) => (args[0] === 'xapi:event'
      ? { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('REDIS: secret broker address 10.0.0.9')) }) }
      : subscribe.apply(pubsub, args))) as typeof subscribe;
    try {
      const result = await stack.wsRequest('subscription { xapiEvents { class } }', {}, stack.adminToken);
      assert.deepEqual(errorCodes(result), ['INTERNAL_SERVER_ERROR']);
      assert.doesNotMatch(JSON.stringify(result), /REDIS|10\.0\.0\.9/);
      const requestId = String(result.errors![0]!.extensions?.requestId);
      const logged = stack.errorLog.find((entry) => entry.message.includes(requestId));
      assert.match(String((logged?.error as Error | undefined)?.message), /secret broker address/);
    } finally {
      pubsub.subscribe = subscribe;
    }
  });

  it('echoes a sane x-request-id from the caller', async () => {
    const result = await stack.request(ViewerDocument, {}, null, { 'x-request-id': 'trace-42' });
    assert.equal(result.headers.get('x-request-id'), 'trace-42');
    assert.equal(result.errors?.[0]?.extensions?.requestId, 'trace-42');
  });
});

describe('xengraph token create', () => {
  const cli = (args: string[]) => runCli(args, { DATABASE_URL: stack.databaseUrl, DATA_DIR: stack.dataDir });

  it('prints only a token, which then authenticates with its role', async () => {
    const { stdout, stderr } = await cli(['token', 'create', '--role', 'reader', '--name', 'from-cli']);
    assert.match(stdout, /^xg_[A-Za-z0-9_-]+\n$/);
    assert.equal(stderr, '');
    const viewer = await stack.request(ViewerDocument, {}, stdout.trim());
    assert.deepEqual(viewer.data, { viewer: { name: 'from-cli', role: 'READER' } });
  });

  it('refuses an unknown role with one line and exit code 2', async () => {
    const { code, stdout, stderr } = await cli(['token', 'create', '--role', 'root']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'xengraph: --role must be one of reader, operator, admin, got "root"\n');
  });
});
