// The endpoints operators and their tools poll, beside /graphql: liveness (/healthz, and /health as before),
// readiness (/readyz) and Prometheus metrics (/metrics, behind METRICS_TOKEN when one is set). They answer
// before any GraphQL processing, so a caller without an API token reaches them.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import type { Readiness } from './readiness.js';

export interface OperatorEndpointsOptions {
  readonly readiness: () => Promise<Readiness>;
  /** Null: no /metrics. */
  readonly metrics: Registry | null;
  /** Null: /metrics is open, as Prometheus scrapes usually are on a management network. */
  readonly metricsToken: string | null;
}

export const OPERATOR_PATHS: ReadonlySet<string> = new Set(['/healthz', '/health', '/readyz', '/metrics']);

export function useOperatorEndpoints(options: OperatorEndpointsOptions): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (!OPERATOR_PATHS.has(url.pathname)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const json = (status: number, body: unknown) => new fetchAPI.Response(JSON.stringify(body), {
        status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
      switch (url.pathname) {
        case '/readyz': {
          const readiness = await options.readiness();
          endResponse(json(readiness.ready ? 200 : 503, readiness));
          return;
        }
        case '/metrics': {
          if (options.metrics === null) return;
          if (options.metricsToken !== null && !bearerMatches(request.headers.get('authorization'), options.metricsToken)) {
            endResponse(new fetchAPI.Response('Unauthorized\n', {
              status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain' },
            }));
            return;
          }
          const metrics = options.metrics;
          endResponse(new fetchAPI.Response(await metrics.metrics(), {
            headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' },
          }));
          return;
        }
        default:
          endResponse(json(200, { status: 'ok' }));
      }
    },
  };
}

/** Compared as digests, in constant time, so the answer's timing says nothing about the token. */
function bearerMatches(header: string | null, token: string): boolean {
  const offered = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(offered), digest(token));
}
