// One log line per HTTP request once it is answered. Probes (health, readiness, metrics) are logged at debug:
// they arrive every few seconds and say nothing an operator looks for.
import type { Plugin } from 'graphql-yoga';
import { OPERATOR_PATHS } from '../operator-endpoints.js';
import { requestIdOf } from '../request-errors.js';
import type { Logger } from './logger.js';

export function useRequestLog(logger: Logger): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const path = new URL(request.url).pathname;
      const start = started.get(request);
      const fields = {
        reqId: requestIdOf(request), method: request.method, path, status: response.status,
        durationMs: start === undefined ? undefined : Math.round(performance.now() - start),
      };
      if (OPERATOR_PATHS.has(path)) logger.debug(fields, 'request');
      else logger.info(fields, 'request');
    },
  };
}
