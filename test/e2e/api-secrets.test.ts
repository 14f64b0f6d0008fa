// Secrets go in and never come out: actions that carry a password, a CHAP secret or create API tokens run while
// every output path is collected (GraphQL responses, raw xapiEvents frames, Instance.actions, operations'
// results and errors, the server's error log and console output), and none of it may contain a secret.
import assert from 'node:assert/strict';
import { format } from 'node:util';
import { after, before, describe, it } from 'node:test';
import {
  ApiTokenCreateDocument, ApiTokensDocument, AttachVolumeDocument, RescueInstanceDocument, SetAdminPasswordDocument,
} from '../generated/graphql.js';
import { accepted, finished, spawnChoices, spawnRunning, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Document, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { iscsiTargets, type IscsiTarget } from '../../src/simulator/classes/iscsi.js';

const ADMIN_PASSWORD = 'adm1n-Pa55word-at-spawn';
const NEW_PASSWORD = 'n3w-Adm1n-Pa55word';
const RESCUE_PASSWORD = 'r3scue-Pa55word';
const WRONG_CHAP = 'wr0ng-chap-s3cret';

const OPERATIONS_QUERY = `{ operations(first: 100) { edges { node { id kind status result
  progress { percent phase message } error { code message xapiCode xapiParams } } } } }`;
const INSTANCES_QUERY = `{ instances(first: 100) { edges { node { id name metadata
  actions(first: 100) { edges { node { action message requestedBy result } } } volumes { id volumeId mountpoint } } } } }`;

let stack: Stack;
let choices: SpawnChoices;
let target: IscsiTarget;
/** Everything a client, an admin or an operator's log could see, as text. */
const outputs: string[] = [];
const frames: { class: string; snapshot: unknown }[] = [];
const consoleMethods = ['log', 'error', 'warn', 'info'] as const;
const originalConsole = new Map(consoleMethods.map((name) => [name, console[name]]));

before(async () => {
  for (const name of consoleMethods) {
    console[name] = (...args: unknown[]) => {
      outputs.push(format(...args));
      originalConsole.get(name)!(...args);
    };
  }
  stack = await startStack();
  choices = await spawnChoices(stack);
  target = iscsiTargets(stack.sim.world).find((t) => t.iqn.endsWith(':pool-a'))!;
});

after(async () => {
  for (const [name, method] of originalConsole) console[name] = method;
  await stack?.stop();
});

async function request(document: Document<unknown, unknown>, variables: Record<string, unknown>, token: string) {
  const result = await stack.request(document, variables, token);
  outputs.push(JSON.stringify({ data: result.data, errors: result.errors }));
  return result;
}

function attachInput(instanceId: string, lun: number, password: string) {
  return {
    id: instanceId, mountpoint: `/dev/xvd${'bcdef'[lun]}`,
    connectionInfo: {
      driverVolumeType: 'iscsi', targetPortal: `${target.address}:${target.port}`, targetIqn: target.iqn, targetLun: lun,
      authMethod: 'CHAP', authUsername: target.chap!.user, authPassword: password, volumeId: `scan-vol-${lun}`,
    },
  };
}

describe('secrets in outputs', () => {
  it('never shows a password, a CHAP secret or a token secret on any output path', async () => {
    const admin = stack.adminToken;
    const operator = await stack.tokenFor('operator');
    const feed = stack.wsClient(admin);
    const unsubscribe = feed.subscribe<{ xapiEvents: { class: string; snapshot: unknown } }>(
      { query: 'subscription { xapiEvents { class ref operation snapshot } }' },
      {
        next: (frame) => {
          outputs.push(JSON.stringify(frame));
          if (frame.data) frames.push(frame.data.xapiEvents);
        },
        error: (error) => outputs.push(format('feed error', error)),
        complete: () => {},
      },
    );

    const created = await stack.request(ApiTokenCreateDocument, { input: { name: 'scan-token', role: 'READER' } }, admin);
    const payload = created.data!.apiTokenCreate;
    assert.equal(payload.__typename, 'ApiTokenCreatePayload');
    const tokenSecret = payload.__typename === 'ApiTokenCreatePayload' ? payload.secret! : '';
    // The secret's one legitimate appearance is the create response itself, which is not collected.
    assert.match(tokenSecret, /^xg_/);
    await request(ApiTokensDocument, { first: 100 }, admin);

    const spawned = await spawnRunning(stack, choices, { name: 'secret-box', image: 'debian', hostId: choices.host('xen-a1') });
    const instanceId = spawned.instance!.id;
    const withPassword = accepted(await request(`mutation($input: InstanceSpawnInput!) { instanceSpawn(input: $input) {
      __typename ... on ActionPayload { operation { id status } instance { id } } ... on UserError { code message } } }`, {
      input: {
        name: 'secret-drive', flavorId: choices.flavor('m1.small'), imageId: choices.image('cirros'),
        networkIds: [choices.network('eth0')], adminPassword: ADMIN_PASSWORD,
      },
    }, operator));
    assert.equal((await finished(stack, withPassword.operation.id)).status, 'SUCCEEDED');

    const passwordSet = accepted(await request(SetAdminPasswordDocument, { input: { id: instanceId, password: NEW_PASSWORD } }, operator));
    assert.equal((await finished(stack, passwordSet.operation.id)).status, 'SUCCEEDED');

    const chap = target.chap!.secret;
    // The wrong secret first: once the target's SR is plugged, a later attach does not log in again.
    const refused = accepted(await request(AttachVolumeDocument, { input: attachInput(instanceId, 2, WRONG_CHAP) }, operator));
    assert.equal((await finished(stack, refused.operation.id)).status, 'FAILED', 'a wrong CHAP secret fails the attach');
    const attached = accepted(await request(AttachVolumeDocument, { input: attachInput(instanceId, 1, chap) }, operator));
    assert.equal((await finished(stack, attached.operation.id)).status, 'SUCCEEDED');

    const rescued = accepted(await request(RescueInstanceDocument, {
      input: { id: withPassword.instance!.id, imageId: choices.image('debian'), password: RESCUE_PASSWORD },
    }, operator));
    assert.equal((await finished(stack, rescued.operation.id)).status, 'SUCCEEDED');

    // The feed must really have carried the CHAP-bearing record, or its silence would prove nothing.
    await waitUntil(() => frames.some((frame) => frame.class.toLowerCase() === 'pbd'
      && JSON.stringify(frame.snapshot).includes(target.chap!.user)), 5000, 'the PBD with CHAP settings on the feed');
    unsubscribe();

    await request(OPERATIONS_QUERY, {}, admin);
    await request(INSTANCES_QUERY, {}, admin);
    outputs.push(...stack.errorLog.map((entry) => format(entry.message, entry.error)));

    const secrets = [ADMIN_PASSWORD, NEW_PASSWORD, RESCUE_PASSWORD, chap, WRONG_CHAP, tokenSecret, admin, operator, stack.simPassword];
    const text = outputs.join('\n');
    assert.ok(text.includes('SR_BACKEND_FAILURE_68'), 'the failed attach is among the outputs');
    for (const secret of secrets) {
      const at = text.indexOf(secret);
      assert.equal(at, -1, `a secret appears in the outputs: …${text.slice(Math.max(0, at - 300), at + 50)}…`);
    }
  });
});
