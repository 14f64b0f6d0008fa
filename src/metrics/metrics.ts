// Prometheus metrics: yoga's request metrics plus xengraph's own, fed by what the runner, the pool links and the
// subscription pipeline report. Nothing else in the code base knows metrics exist.
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolConnections } from '../events/pool-connections.js';
import { mapEvents } from '../graphql/event-stream-operators.js';
import type { ConnectionState } from '../events/pubsub.js';
import type { OperationRunner } from '../operations/runner.js';
import type { Operation } from '../store/index.js';
import { isTransportError, isXapiError } from '../xapi/errors.js';
import type { XapiCallRecord } from '../xapi/session.js';

export interface MetricSources {
  readonly operations: OperationRunner;
  readonly pools: PoolConnections;
}

export interface AppMetrics {
  readonly registry: Registry;
  /** Yoga plugins: request metrics and the live subscription count. */
  readonly plugins: Plugin[];
  /** Stops observing the sources. */
  stop(): void;
}

const POOL_STATES: readonly ConnectionState[] = ['connecting', 'connected', 'reconnecting', 'stopped'];
/** XAPI answers in milliseconds to minutes (a migration is one synchronous call). */
const XAPI_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
const OPERATION_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export function createMetrics(sources: MetricSources): AppMetrics {
  // One registry per app: several apps in one process (tests) must not share or clash.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'xengraph_process_' });
  const registers = [registry];

  const submitted = new Counter({
    name: 'xengraph_operations_submitted_total', help: 'Operations accepted, by kind.', labelNames: ['kind'], registers,
  });
  const finished = new Counter({
    name: 'xengraph_operations_finished_total', help: 'Operations ended, by kind and outcome.', labelNames: ['kind', 'outcome'], registers,
  });
  const operationSeconds = new Histogram({
    name: 'xengraph_operation_duration_seconds', help: 'From an operation being accepted to its end, by kind and outcome.',
    labelNames: ['kind', 'outcome'], buckets: OPERATION_BUCKETS, registers,
  });
  const xapiCalls = new Counter({
    name: 'xengraph_xapi_calls_total', help: 'XAPI requests sent (logins, retries and event polls included), by method.',
    labelNames: ['method'], registers,
  });
  const xapiErrors = new Counter({
    name: 'xengraph_xapi_call_errors_total', help: "XAPI requests that failed, by method and XAPI's error code (TRANSPORT: no answer).",
    labelNames: ['method', 'code'], registers,
  });
  const xapiSeconds = new Histogram({
    name: 'xengraph_xapi_call_duration_seconds', help: 'XAPI request latency by method (event.from is a long poll).',
    labelNames: ['method'], buckets: XAPI_BUCKETS, registers,
  });
  const subscriptions = new Gauge({ name: 'xengraph_live_subscriptions', help: 'GraphQL subscriptions streaming now.', registers });
  const subscriptionErrors = new Counter({
    name: 'xengraph_subscription_errors_total',
    help: 'Errors of GraphQL subscriptions: refused or failed subscribes, and results sent with errors.',
    labelNames: ['operationName'], registers,
  });
  new Gauge({
    name: 'xengraph_pool_state', help: "1 for each configured pool's current link state, 0 for the others.",
    labelNames: ['pool', 'state'], registers,
    collect() {
      this.reset();
      for (const status of sources.pools.statuses()) {
        for (const state of POOL_STATES) this.set({ pool: status.poolName, state }, status.state === state ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'xengraph_pool_event_age_seconds',
    help: "Seconds since a pool's event feed last answered (it answers at least every 30 s while the link lives).",
    labelNames: ['pool'], registers,
    collect() {
      this.reset();
      const now = Date.now();
      for (const link of sources.pools.list()) {
        const last = link.client.connectionStatus.lastEventAt;
        if (last) this.set({ pool: link.name }, (now - last.getTime()) / 1000);
      }
    },
  });

  const onSubmitted = (operation: Operation): void => {
    submitted.inc({ kind: operation.kind });
  };
  const onFinished = (operation: Operation): void => {
    const labels = { kind: operation.kind, outcome: operation.status };
    finished.inc(labels);
    operationSeconds.observe(labels, ((operation.finishedAt ?? new Date()).getTime() - operation.createdAt.getTime()) / 1000);
  };
  const onXapiCall = (call: XapiCallRecord): void => {
    xapiCalls.inc({ method: call.method });
    xapiSeconds.observe({ method: call.method }, call.durationMs / 1000);
    if (call.error !== undefined) xapiErrors.inc({ method: call.method, code: errorCodeOf(call.error) });
  };
  sources.operations.lifecycle.on('submitted', onSubmitted);
  sources.operations.lifecycle.on('finished', onFinished);
  sources.pools.xapiCalls.on('call', onXapiCall);

  // Subscriptions count here rather than in graphql_envelop_error_result: the Prometheus plugin counts result
  // errors through envelop's onNext hook, a chain of promise helpers per result per subscriber.
  const countSubscriptions: Plugin = {
    onSubscribe: ({ args }) => {
      const labels = { operationName: getOperationAST(args.document, args.operationName)?.name?.value ?? 'Anonymous' };
      return {
        onSubscribeResult: ({ result, setResult }) => {
          if (!isAsyncIterable(result)) {
            if (result.errors?.length) subscriptionErrors.inc(labels);
            return undefined;
          }
          subscriptions.inc();
          setResult(mapEvents(result, (each) => {
            if (each.errors?.length) subscriptionErrors.inc(labels);
            return each;
          }, (error) => {
            // The stream failed: counted here rather than in onSubscribeError, which costs an iterator of its own.
            subscriptionErrors.inc(labels);
            return error;
          }));
          return { onEnd: () => subscriptions.dec() };
        },
      };
    },
  };

  return {
    registry,
    plugins: [
      usePrometheus({
        registry, endpoint: false, labels: { url: false },
        // Subscription errors are xengraph_subscription_errors_total (see countSubscriptions).
        metrics: { graphql_envelop_error_result: ['parse', 'validate', 'context', 'execute'] },
      }),
      countSubscriptions,
    ],
    stop() {
      sources.operations.lifecycle.off('submitted', onSubmitted);
      sources.operations.lifecycle.off('finished', onFinished);
      sources.pools.xapiCalls.off('call', onXapiCall);
    },
  };
}

function errorCodeOf(error: unknown): string {
  if (isXapiError(error)) return error.code;
  if (isTransportError(error)) return 'TRANSPORT';
  return 'OTHER';
}
