// The command line as an operator meets it: help and the version on every command (stdout, exit 0), every
// setting documented from the one table in code (the README's table included), and token commands that refuse
// a database that is not there instead of quietly making a new one.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers/cli.js';
import { SETTINGS, settingsMarkdownTable } from '../../src/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'xengraph-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  const helps: [string[], RegExp][] = [
    [['--help'], /^usage: xengraph <command>/],
    [['-h'], /^usage: xengraph <command>/],
    [['serve', '--help'], /^usage: xengraph serve /],
    [['simulator', '--help'], /^usage: xengraph simulator /],
    [['token', '--help'], /^usage: xengraph token create /],
    [['token', 'create', '--help'], /^usage: xengraph token create /],
  ];
  for (const [args, usage] of helps) {
    it(`xengraph ${args.join(' ')} prints its usage on stdout and succeeds`, async () => {
      const result = await runCli(args);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, usage);
      assert.equal(result.stderr, '');
    });
  }

  it('--version prints the package version, on every command', async () => {
    for (const args of [['--version'], ['-V'], ['serve', '--version'], ['simulator', '--version'], ['token', '--version']]) {
      const result = await runCli(args);
      assert.deepEqual([result.code, result.stdout, result.stderr], [0, `xengraph ${VERSION}\n`, ''], args.join(' '));
    }
  });

  it('serve --help lists every setting with its default', async () => {
    const { stdout } = await runCli(['serve', '--help']);
    for (const setting of SETTINGS) {
      const line = stdout.split('\n').find((text) => text.trimStart().startsWith(`${setting.name} `));
      assert.ok(line, `${setting.name} is listed`);
      assert.ok(line.endsWith(`[default: ${setting.shownDefault.replaceAll('`', '')}]`), line);
    }
  });

  it('no command or an unknown one is a usage error on stderr', async () => {
    const none = await runCli([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^usage: xengraph <command>/);
    const unknown = await runCli(['serv']);
    assert.deepEqual([unknown.code, unknown.stdout], [2, '']);
    assert.equal(unknown.stderr, 'xengraph: unknown command "serv"; commands: serve, simulator, token (see xengraph --help)\n');
  });

  it("the README's settings table is the one in code", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('| variable | default | meaning |');
    assert.ok(start >= 0, 'the README has a settings table');
    const table = readme.slice(start, readme.indexOf('\n\n', start));
    assert.equal(table, settingsMarkdownTable(), 'README.md: replace the settings table with the one settingsMarkdownTable() renders');
  });
});

describe('token commands and the database they write to', () => {
  it('refuse a data directory without a database, and make one with --create', async () => {
    const missing = join(dir, 'mistyped');
    const refused = await runCli(['token', 'create', '--role', 'reader'], { DATA_DIR: missing });
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, '', 'no token printed');
    assert.equal(refused.stderr, `xengraph: DATA_DIR: no database at ${missing}/xengraph.db; point it at the one xengraph serve uses, or pass --create to make a new one\n`);
    assert.equal(existsSync(missing), false, 'nothing was created');

    const revoke = await runCli(['token', 'revoke', 'some-id', '--database-url', `file:${join(missing, 'x.db')}`]);
    assert.equal(revoke.code, 2);
    assert.match(revoke.stderr, /^xengraph: DATABASE_URL: no database at .*x\.db; /);

    const created = await runCli(['token', 'create', '--role', 'reader', '--create'], { DATA_DIR: missing });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^xg_\S+\n$/);
    const again = await runCli(['token', 'create', '--role', 'admin'], { DATA_DIR: missing });
    assert.equal(again.code, 0, 'the database exists now');
  });
});
