import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { databaseLocation, openDatabase, type OpenDatabase } from '../../src/store/database.js';
import { ActiveOperationExistsError, createSqliteStore, DuplicateIdempotencyKeyError, type Store } from '../../src/store/index.js';

const now = Date.now();

describe('openDatabase', () => {
  let database: OpenDatabase;
  before(() => { database = openDatabase(':memory:'); });
  after(() => database.close());

  test('applies the committed migrations', () => {
    const tables = database.sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[];
    const names = tables.map((t) => t.name);
    for (const table of ['instances', 'hosts', 'pools', 'operations', 'api_tokens', 'migrations', '__drizzle_migrations']) {
      assert.ok(names.includes(table), `missing table ${table}`);
    }
    const applied = database.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    assert.ok(applied.n >= 1);
  });

  test('turns foreign keys on and sets the busy timeout', () => {
    assert.equal(database.sqlite.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(database.sqlite.pragma('busy_timeout', { simple: true }), 5000);
    assert.throws(
      () => database.sqlite.prepare(`insert into hosts (id, uuid, pool_id, name, address, created_at, updated_at)
        values ('h', 'u', 'no-such-pool', 'h', '10.0.0.1', ?, ?)`).run(now, now),
      /FOREIGN KEY constraint failed/,
    );
  });

  test('CHECK constraints reject values outside the enums', () => {
    const insert = database.sqlite.prepare(`insert into instances (id, uuid, name, vm_state, power_state, created_at, updated_at)
      values (?, ?, 'x', ?, ?, ?, ?)`);
    insert.run('ok', 'ok', 'ACTIVE', 'RUNNING', now, now);
    assert.throws(() => insert.run('bad-vm', 'bad-vm', 'EXPLODED', 'RUNNING', now, now), /CHECK constraint failed: instances_vm_state/);
    assert.throws(() => insert.run('bad-power', 'bad-power', 'ACTIVE', 'Running', now, now), /CHECK constraint failed: instances_power_state/);
    assert.throws(
      () => database.sqlite.prepare(`update instances set progress = 101 where id = 'ok'`).run(),
      /CHECK constraint failed: instances_progress/,
    );
  });

  test('allows one active operation per instance, and another once it finished', () => {
    const insert = database.sqlite.prepare(`insert into operations (id, kind, status, instance_id, requested_by, created_at, updated_at)
      values (?, 'reboot', ?, 'ok', 'tester', ?, ?)`);
    insert.run('op-1', 'PENDING', now, now);
    assert.throws(() => insert.run('op-2', 'PENDING', now, now), /UNIQUE constraint failed: operations.instance_id/);
    assert.throws(() => insert.run('op-2', 'RUNNING', now, now), /UNIQUE constraint failed/);
    database.sqlite.prepare(`update operations set status = 'SUCCEEDED' where id = 'op-1'`).run();
    insert.run('op-3', 'PENDING', now, now);
    // Operations without an instance (host or aggregate work) are not limited.
    const hostOp = database.sqlite.prepare(`insert into operations (id, kind, status, requested_by, created_at, updated_at)
      values (?, 'host-reboot', 'RUNNING', 'tester', ?, ?)`);
    hostOp.run('op-4', now, now);
    hostOp.run('op-5', now, now);
  });

  test('counts the statements it runs', async () => {
    const store = createSqliteStore(':memory:');
    try {
      const start = store.queryCount();
      await store.flavors.list({}, { limit: 10, inverted: false });
      assert.equal(store.queryCount(), start + 1);
      await store.flavors.count();
      await store.flavors.getMany(['a', 'b', 'c']);
      assert.equal(store.queryCount(), start + 3);
    } finally {
      await store.close();
    }
  });
});

describe('database URLs', () => {
  test('accepts file: URLs, plain paths and :memory:', () => {
    assert.equal(databaseLocation(':memory:'), ':memory:');
    assert.equal(databaseLocation('file:./data/x.db'), './data/x.db');
    assert.equal(databaseLocation('file:///var/lib/xengraph/x.db'), '/var/lib/xengraph/x.db');
    assert.equal(databaseLocation('data/x.db'), 'data/x.db');
    assert.throws(() => databaseLocation('postgres://db/xengraph'), /not a SQLite database/);
  });

  test('creates the parent directory, uses WAL, and checkpoints on close', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xengraph-db-'));
    try {
      const path = join(dir, 'nested', 'deeper', 'x.db');
      const database = openDatabase(`file:${path}`);
      assert.equal(database.sqlite.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(database.sqlite.pragma('synchronous', { simple: true }), 1); // NORMAL
      database.close();
      database.close();
      assert.ok(existsSync(path));
      // TRUNCATE leaves an empty (or no) WAL behind.
      assert.ok(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0);
      // Reopening applies no migration twice.
      openDatabase(path).close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('operations repository', () => {
  let store: Store;
  let instanceId: string;
  before(async () => {
    store = createSqliteStore(':memory:');
    instanceId = (await store.instances.create({ name: 'web-1' })).id;
  });
  after(() => store.close());

  test('maps the one-active-operation index and the idempotency index to typed errors', async () => {
    const first = await store.operations.create({ kind: 'reboot', instanceId, requestedBy: 'alice', idempotencyKey: 'k1' });
    assert.equal(first.status, 'PENDING');
    assert.deepEqual(first.progress, { percent: 0, phase: null, message: null });
    await assert.rejects(store.operations.create({ kind: 'stop', instanceId, requestedBy: 'alice' }), ActiveOperationExistsError);

    await store.operations.update(first.id, {
      status: 'FAILED', finishedAt: new Date(), progress: { percent: 40, phase: 'shutdown' },
      error: { code: 'XAPI_ERROR', message: 'boom', xapiCode: 'VM_BAD_POWER_STATE', xapiParams: ['a', 'b'] },
    });
    const failed = await store.operations.get(first.id);
    assert.equal(failed?.status, 'FAILED');
    assert.deepEqual(failed?.progress, { percent: 40, phase: 'shutdown', message: null });
    assert.deepEqual(failed?.error, { code: 'XAPI_ERROR', message: 'boom', xapiCode: 'VM_BAD_POWER_STATE', xapiParams: ['a', 'b'] });

    const second = await store.operations.create({ kind: 'stop', instanceId, requestedBy: 'alice' });
    await store.operations.update(second.id, { status: 'SUCCEEDED' });
    await assert.rejects(
      store.operations.create({ kind: 'reboot', instanceId, requestedBy: 'alice', idempotencyKey: 'k1' }),
      DuplicateIdempotencyKeyError,
    );
    assert.equal((await store.operations.findByIdempotencyKey('alice', 'k1'))?.id, first.id);
    // The same key from someone else is a different request.
    await store.operations.create({ kind: 'reboot', instanceId, requestedBy: 'bob', idempotencyKey: 'k1' });

    assert.equal(await store.operations.count({ instanceId }), 3);
    assert.equal(await store.operations.count({ status: ['PENDING', 'RUNNING'] }), 1);
    const listed = await store.operations.list({ instanceId }, { limit: 10, inverted: false });
    assert.equal(listed.length, 3);
    assert.deepEqual((await store.operations.getMany([second.id, 'nope', first.id])).map((o) => o?.id ?? null), [second.id, null, first.id]);
  });
});

