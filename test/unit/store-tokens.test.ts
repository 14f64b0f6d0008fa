import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { createSqliteStore } from '../../src/store/index.js';
import { apiTokenRepository } from '../../src/store/repositories/api-tokens.js';
import { sqliteRunner } from '../../src/store/sqlite/runner.js';

describe('API tokens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xengraph-tokens-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the secret is shown once and only its hash reaches the database file', async () => {
    const path = join(dir, 'tokens.db');
    const store = createSqliteStore(`file:${path}`);
    const { token, secret } = await store.tokens.create({ name: 'ci', role: 'operator' });
    assert.match(secret, /^xg_[A-Za-z0-9_-]{43}$/);
    assert.equal(token.role, 'operator');
    assert.equal(token.lastUsedAt, null);
    assert.equal('secretHash' in token, false);
    await store.close();

    const secretPart = secret.slice(3);
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file));
      assert.equal(bytes.includes(secretPart), false, `${file} holds the secret`);
    }
    const reopened = createSqliteStore(`file:${path}`);
    try {
      assert.equal((await reopened.tokens.authenticate(secret))?.id, token.id);
    } finally {
      await reopened.close();
    }
  });

  test('authenticate, throttled lastUsedAt, revoke', async () => {
    const database = openDatabase(':memory:');
    const tokens = apiTokenRepository(sqliteRunner(database.db));
    try {
      const { token, secret } = await tokens.create({ name: 'dash', role: 'reader' });
      const stored = database.sqlite.prepare('select secret_hash from api_tokens where id = ?').get(token.id) as { secret_hash: string };
      assert.match(stored.secret_hash, /^[0-9a-f]{64}$/);
      assert.notEqual(stored.secret_hash, secret);

      assert.equal(await tokens.authenticate('xg_wrong'), null);
      assert.equal(await tokens.authenticate('not-even-ours'), null);

      const first = await tokens.authenticate(secret);
      assert.ok(first?.lastUsedAt instanceof Date);
      const writes = database.queryCount();
      const second = await tokens.authenticate(secret);
      assert.equal(database.queryCount(), writes + 1, 'a second use within a minute only reads');
      assert.equal(second?.lastUsedAt?.getTime(), first?.lastUsedAt?.getTime());

      // An hour later the use is recorded again.
      const anHourAgo = Date.now() - 3_600_000;
      database.sqlite.prepare('update api_tokens set last_used_at = ? where id = ?').run(anHourAgo, token.id);
      const later = await tokens.authenticate(secret);
      assert.ok(later!.lastUsedAt!.getTime() > anHourAgo);

      const revoked = await tokens.revoke(token.id);
      assert.ok(revoked?.revokedAt instanceof Date);
      assert.equal((await tokens.revoke(token.id))?.revokedAt?.getTime(), revoked?.revokedAt?.getTime());
      assert.equal(await tokens.revoke('missing'), null);
      assert.equal(await tokens.authenticate(secret), null);

      assert.equal(await tokens.count(), 0);
      assert.equal(await tokens.count({ includeRevoked: true }), 1);
      assert.equal((await tokens.get(token.id))?.name, 'dash');
    } finally {
      database.close();
    }
  });
});
