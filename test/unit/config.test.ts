// Configuration: defaults for the embedded setup, and one clear line for each mistake.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded simulator and local files', () => {
    assert.deepEqual(loadConfig({}), {
      xapiUrls: null, xapiUser: 'root', xapiPassword: null,
      databaseUrl: 'file:./data/xengraph.db', redisUrl: null, leaseSeconds: 15, port: 4000, dataDir: './data', corsOrigins: [], graphiql: true,
      agentTimeoutSeconds: 30, bandwidthPollSeconds: 60, metricsToken: null, logLevel: 'info', shutdownGraceSeconds: 8, simulatorTimeScale: 1,
      periodic: { powerSyncSeconds: 600, rebootTimeoutSeconds: 600, intervalSeconds: 60 },
      pciAliases: { gpu: { vendorId: '10de', productId: '1db6' } },
      queryBudget: { points: 1_000_000, windowSeconds: 60 },
    });
  });

  it('reads pools, credentials, origins and switches', () => {
    const config = loadConfig({
      XAPI_URL: 'https://pool-a.example:443, http://10.0.0.2', XAPI_USER: 'ops', XAPI_PASSWORD: 's3cret',
      DATA_DIR: '/var/lib/xengraph/', PORT: '0', CORS_ORIGINS: 'https://ui.example.com/,http://localhost:5173', GRAPHIQL: 'off',
      AGENT_TIMEOUT: '5', METRICS_TOKEN: ' scrape-me ', LOG_LEVEL: 'DEBUG',
    });
    assert.deepEqual(config.xapiUrls, ['https://pool-a.example:443', 'http://10.0.0.2']);
    assert.equal(config.databaseUrl, 'file:/var/lib/xengraph/xengraph.db');
    assert.equal(config.port, 0);
    assert.deepEqual(config.corsOrigins, ['https://ui.example.com', 'http://localhost:5173']);
    assert.equal(config.graphiql, false);
    assert.equal(config.agentTimeoutSeconds, 5);
    assert.equal(config.metricsToken, 'scrape-me');
    assert.equal(config.logLevel, 'debug');
    assert.equal(loadConfig({ XAPI_URL: ' ', DATABASE_URL: ':memory:' }).xapiUrls, null);
    assert.deepEqual(loadConfig({ PCI_ALIASES: '{"nic":{"vendorId":"8086","productId":"154d"}}' }).pciAliases, { nic: { vendorId: '8086', productId: '154d' } });
  });

  it('explains each mistake in one line', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'abc' }, 'PORT must be an integer between 0 and 65535, got "abc"'],
      [{ PORT: '70000' }, 'PORT must be an integer between 0 and 65535, got "70000"'],
      [{ PORT: '-1' }, 'PORT must be an integer between 0 and 65535, got "-1"'],
      [{ XAPI_URL: 'pool-a:443', XAPI_PASSWORD: 'x' }, 'XAPI_URL must be a comma-separated list of http(s) URLs, got "pool-a:443"'],
      [{ XAPI_URL: 'http://pool-a' }, 'XAPI_PASSWORD must be set when XAPI_URL names a pool'],
      [{ CORS_ORIGINS: 'https://ui.example.com/app' }, 'CORS_ORIGINS must be a comma-separated list of origins like https://ui.example.com (or *), got "https://ui.example.com/app"'],
      [{ GRAPHIQL: 'maybe' }, 'GRAPHIQL must be one of 1, true, yes, on, 0, false, no, off, got "maybe"'],
      [{ PERIODIC_INTERVAL: '0' }, 'PERIODIC_INTERVAL must be a number of seconds up to 86400, above 0, got "0"'],
      [{ REBOOT_TIMEOUT: 'soon' }, 'REBOOT_TIMEOUT must be a number of seconds up to 86400 (0 turns it off), got "soon"'],
      [{ AGENT_TIMEOUT: '0' }, 'AGENT_TIMEOUT must be a whole number of seconds between 1 and 3600, got "0"'],
      [{ PCI_ALIASES: '{"gpu":{"vendorId":"NVIDIA"}}' }, 'PCI_ALIASES must be a JSON object of aliases, each {"vendorId":"10de","productId":"1db6"} (4 lower-case hex digits), got "{\\"gpu\\":{\\"vendorId\\":\\"NVIDIA\\"}}"'],
      [{ DATABASE_URL: 'mysql://xengraph:s3cret@db.example/xengraph' }, 'DATABASE_URL must name a SQLite database (file:PATH, a path or :memory:) or a PostgreSQL one (postgres://…); mysql:// is not supported'],
      [{ SHUTDOWN_GRACE: 'long' }, 'SHUTDOWN_GRACE must be a number of seconds up to 86400 (0 turns it off), got "long"'],
      [{ BANDWIDTH_POLL_SECONDS: '-5' }, 'BANDWIDTH_POLL_SECONDS must be a whole number of seconds between 0 (off) and 86400, got "-5"'],
      [{ REDIS_URL: 'localhost:6379', DATABASE_URL: 'postgres://db.example/x' }, 'REDIS_URL must be a redis:// or rediss:// URL, got "localhost:6379"'],
      [{ REDIS_URL: 'redis://127.0.0.1:6379' }, 'REDIS_URL needs a PostgreSQL DATABASE_URL (replicas share one database)'],
      [{ LEASE_SECONDS: '0' }, 'LEASE_SECONDS must be a number of seconds up to 86400, above 0, got "0"'],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    ];
    for (const [env, message] of cases) {
      assert.throws(() => loadConfig(env), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.message, message);
        assert.ok(!error.message.includes('\n'));
        return true;
      });
    }
  });
});
