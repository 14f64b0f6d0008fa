// Assembles the running service: store (migrated and seeded), pubsub, one live link per XAPI pool (the
// embedded simulator's when no pool is configured) and the GraphQL server. Stops in the reverse order.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from './config.js';
import { INSTANCE_ACTIONS } from './driver/actions/index.js';
import { AGGREGATE_ACTIONS } from './driver/aggregate/host-membership.js';
import { followInstancePlacement } from './driver/firewall/follow.js';
import { HOST_ACTIONS } from './driver/host/host-actions.js';
import { POOL_ACTIONS } from './driver/host/pool-actions.js';
import { PoolConnections } from './events/pool-connections.js';
import { checkPoolsAtStart } from './events/pool-settings.js';
import { createAppPubSub } from './events/pubsub.js';
import { schema } from './graphql/schema.js';
import type { InstanceAction, TargetAction } from './operations/action.js';
import { startAdoption } from './operations/adoption.js';
import { listInterruptedOperations, startRecovery } from './operations/recovery.js';
import { ReplicaLeases } from './operations/replica-leases.js';
import { startBandwidthPolling } from './periodic/bandwidth-usage.js';
import { startPeriodicTasks } from './periodic/index.js';
import { OperationRunner } from './operations/runner.js';
import { logActions, logPoolConnections } from './logging/activity-log.js';
import { createLogger, type Logger } from './logging/logger.js';
import { createMetrics } from './metrics/metrics.js';
import { redactForLog } from './redaction.js';
import type { DestinationStream } from 'pino';
import type { ErrorLog } from './request-errors.js';
import { startServer } from './server.js';
import type { AppServices } from './services.js';
import { startSimulator, type RunningSimulator } from './simulator/index.js';
import { openStore } from './store/index.js';
import { seedStore } from './store/seed.js';

export interface AppOptions {
  /** Interface to listen on; all interfaces when omitted. */
  readonly host?: string;
  /** Speed of the embedded simulator (1 = realistic durations). */
  readonly simulatorTimeScale?: number;
  /** Also told of every internal error (as the log is), redacted. */
  readonly logError?: ErrorLog;
  /** Where log lines go; stdout by default. */
  readonly logDestination?: DestinationStream;
}

export interface App {
  /** The GraphQL endpoint. */
  readonly url: string;
  readonly port: number;
  readonly services: AppServices;
  /** The embedded simulator, when no XAPI_URL was configured. */
  readonly simulator: RunningSimulator | null;
  /** Set on the first start of an empty store: the secret of the admin token created then. */
  readonly initialAdminToken?: string;
  readonly logger: Logger;
  stop(): Promise<void>;
}

export const INITIAL_ADMIN_TOKEN_NAME = 'initial-admin';

const RECOVERABLE_ACTIONS = new Map<string, InstanceAction<never> | TargetAction<never>>([
  ...INSTANCE_ACTIONS, ...AGGREGATE_ACTIONS, ...HOST_ACTIONS, ...POOL_ACTIONS,
]);

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  // Resources are released in reverse order if a later step fails, so a failed start leaves nothing open.
  const cleanups: (() => Promise<void>)[] = [];
  const logger = createLogger({ level: config.logLevel, destination: options.logDestination });
  // Every internal error reaches the log (which redacts what it writes) and the caller's sink, redacted too.
  const logError: ErrorLog = (message, error) => {
    logger.error({ err: error }, message);
    options.logError?.(message, redactForLog(error));
  };
  // One grace for the whole stop, shared by in-flight requests and running operations; none on a failed start.
  let shutdownDeadline = 0;
  const graceLeft = () => Math.max(0, shutdownDeadline - Date.now());
  const withinGrace = (work: Promise<void>) => Promise.race([work, sleep(graceLeft(), undefined, { ref: false })]);
  const release = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => logError('error while stopping', error));
    }
  };
  try {
    mkdirSync(config.dataDir, { recursive: true });
    const store = await openStore(config.databaseUrl);
    cleanups.push(() => store.close());
    await seedStore(store, { dataDir: config.dataDir });

    let simulator: RunningSimulator | null = null;
    let xapi = { urls: config.xapiUrls ?? [], user: config.xapiUser, password: config.xapiPassword ?? '' };
    if (config.xapiUrls === null) {
      // A fresh password per start: the embedded pools are reachable on loopback and only we log in.
      const password = config.xapiPassword ?? randomBytes(18).toString('base64url');
      const sim = await startSimulator({
        port: 0, user: config.xapiUser, password, timeScale: options.simulatorTimeScale ?? config.simulatorTimeScale,
        stateFile: join(config.dataDir, 'simulator.json'),
      });
      simulator = sim;
      cleanups.push(() => sim.stop());
      xapi = { urls: sim.pools.map((pool) => pool.masterUrl), user: config.xapiUser, password };
    }

    // With a broker this process is one replica of several on one PostgreSQL: events cross replicas, and who
    // runs each operation and mirrors each pool is decided by leases in the store. Without, it is alone (and
    // does not load the Redis client).
    const broker = config.redisUrl ? await (await import('./events/broker.js')).connectBroker(config.redisUrl) : null;
    if (broker) cleanups.push(() => broker.close());
    const replica = broker ? new ReplicaLeases(store.leases, config.leaseSeconds * 1000, logError) : undefined;
    if (replica) {
      replica.start();
      cleanups.push(async () => replica.stop());
    }
    const pubsub = createAppPubSub(broker?.eventTarget);
    const poolLog = logPoolConnections(logger, pubsub);
    cleanups.push(() => poolLog.stop());
    const pools = new PoolConnections({ ...xapi, store, pubsub, logError, ...(replica ? { feedLeases: replica } : {}) });
    cleanups.push(() => pools.stop());
    // A pool that does not answer is reported on connectionStatus and retried in the background, unless what
    // it answered shows the settings are wrong, or no pool answers at all on a first start.
    const failures = await pools.start();
    const knownUrls = (await store.pools.list()).map((pool) => pool.masterUrl);
    checkPoolsAtStart(xapi.urls, failures, xapi.user, knownUrls);

    let initialAdminToken: string | undefined;
    if (await store.tokens.count({ includeRevoked: true }) === 0) {
      initialAdminToken = (await store.tokens.create({ name: INITIAL_ADMIN_TOKEN_NAME, role: 'admin' })).secret;
    }

    const driverServices = { store, pools, pubsub, dataDir: config.dataDir, agentTimeoutSeconds: config.agentTimeoutSeconds, pciAliases: config.pciAliases, log: logger };
    const filters = followInstancePlacement(driverServices, logError);
    cleanups.push(() => filters.stop());
    // Hosts may have lost or kept stale chains while xengraph was away: each is rebuilt from the store.
    void filters.reconcileAll().catch((error: unknown) => logError("rebuilding the hosts' packet filters", error));
    const operations = new OperationRunner(driverServices, logError, replica);
    if (replica) {
      const stopAnswering = operations.answerCancelRequests();
      cleanups.push(async () => stopAnswering());
    }
    // Running XAPI steps may finish within the grace; whatever is left is settled by the next start.
    cleanups.push(async () => {
      await operations.drain(graceLeft());
    });
    const actionLog = logActions(logger, operations, store.tokens);
    cleanups.push(() => actionLog.stop());
    const metrics = createMetrics({ operations, pools });
    cleanups.push(async () => metrics.stop());
    // Taken before the API can start any, so these are exactly what a previous process left unfinished. Among
    // replicas, other live ones may be running some: those are adopted only once their owner's lease expires.
    const interrupted = replica ? [] : await listInterruptedOperations(store);
    const bandwidthPolling = startBandwidthPolling(driverServices, config.bandwidthPollSeconds, logError);
    if (bandwidthPolling) cleanups.push(() => bandwidthPolling.stop());
    const services: AppServices = { ...driverServices, operations };
    const periodic = startPeriodicTasks(services, config.periodic, logError);
    cleanups.push(() => periodic.stop());
    const server = await startServer({
      schema, services, config, host: options.host, port: config.port, logError, logger, metrics,
    });
    // After listening: settling an operation can wait for its pool (or take as long as the XAPI call it
    // interrupted), and the API must answer meanwhile. Until settled, an operation keeps its instance locked.
    const recovery = replica
      ? startAdoption(driverServices, operations, RECOVERABLE_ACTIONS, replica, logError)
      : startRecovery(driverServices, operations, RECOVERABLE_ACTIONS, interrupted);
    // A settlement under way is left to the next start once the grace is over, like a running operation.
    cleanups.push(() => withinGrace(recovery.stop()));
    // Stopped first: nothing new is accepted while the rest winds down.
    cleanups.push(() => server.stop(graceLeft()));

    let stopping: Promise<void> | null = null;
    return {
      url: server.url,
      port: server.port,
      services,
      simulator,
      ...(initialAdminToken ? { initialAdminToken } : {}),
      logger,
      stop: () => (stopping ??= (() => {
        shutdownDeadline = Date.now() + config.shutdownGraceSeconds * 1000;
        return release();
      })()),
    };
  } catch (error) {
    await release();
    throw error;
  }
}
