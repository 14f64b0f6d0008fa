// Error presentation on the paths yoga handles itself: with its own masking off (the API presents every error
// once), an unexpected error thrown outside an execution must still reach the client as a generic message
// with the request id, logged with its details, and keep a 500 when the response carries nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { useRequestErrors } from '../../src/request-errors.js';

const schema = createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });

function yogaWith(failure: Plugin) {
  const logged: { message: string; error: unknown }[] = [];
  const yoga = createYoga({
    schema, maskedErrors: false, logging: false,
    plugins: [useRequestErrors((message, error) => logged.push({ message, error })), failure],
  });
  const post = (query: string) => yoga.fetch('http://localhost/graphql', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
  });
  return { post, logged };
}

describe('errors raised outside an execution', () => {
  it('hide an unexpected error\'s message, answer 500 and log it under the request id', async () => {
    const { post, logged } = yogaWith({
      onParams() {
        throw new Error('SQLITE_CORRUPT: secret table layout');
      },
    });
    const response = await post('{ hello }');
    const body = await response.json() as { errors: { message: string; extensions: Record<string, unknown> }[] };
    assert.equal(response.status, 500);
    assert.doesNotMatch(JSON.stringify(body), /SQLITE|secret table/);
    const [error] = body.errors;
    const requestId = response.headers.get('x-request-id');
    assert.ok(requestId);
    assert.deepEqual(error!.extensions, { code: 'INTERNAL_SERVER_ERROR', requestId });
    assert.match(error!.message, new RegExp(requestId));
    assert.equal(logged.length, 1);
    assert.match(logged[0]!.message, new RegExp(requestId));
    assert.match(String((logged[0]!.error as Error).message), /SQLITE_CORRUPT/);
  });

  it('hide a thrown string too', async () => {
    const { post } = yogaWith({
      onParams() {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless dependency might do
        throw 'password=hunter2';
      },
    });
    const response = await post('{ hello }');
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /hunter2/);
  });

  it('leave errors raised on purpose as they are', async () => {
    const { post, logged } = yogaWith({});
    const response = await post('{ nope }');
    const body = await response.json() as { errors: { message: string; extensions: Record<string, unknown> }[] };
    assert.match(body.errors[0]!.message, /Cannot query field "nope"/);
    assert.equal(body.errors[0]!.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.deepEqual(logged, []);
  });
});
