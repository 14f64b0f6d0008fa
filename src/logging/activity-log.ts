// What an operator reads back after the fact: each action accepted and ended (who, what, on what, how it went,
// how long it took) and each change of a pool link, with its reason. Observes the runner and the pubsub only.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { AppPubSub, ConnectionStatusEvent } from '../events/pubsub.js';
import type { OperationRunner } from '../operations/runner.js';
import type { ApiTokenRepository, Operation } from '../store/index.js';
import type { Logger } from './logger.js';

export interface Following {
  stop(): Promise<void>;
}

/** Logs each action accepted and ended, naming the token that asked for it. */
export function logActions(logger: Logger, operations: OperationRunner, tokens: ApiTokenRepository): Following {
  const tokenNames = new Map<string, Promise<string | null>>();
  const who = async (tokenId: string) => {
    let name = tokenNames.get(tokenId);
    if (!name) {
      name = tokens.get(tokenId).then((token) => token?.name ?? null, () => null);
      tokenNames.set(tokenId, name);
    }
    return { tokenId, tokenName: await name };
  };
  // The ids the API shows, so a line can be matched with what a client saw.
  const what = (operation: Operation) => ({
    operationId: encodeGlobalID('Operation', operation.id), kind: operation.kind,
    target: operation.instanceId ? encodeGlobalID('Instance', operation.instanceId) : operation.targetId,
  });

  const onSubmitted = (operation: Operation, reqId: string | undefined): void => {
    void who(operation.requestedBy).then((by) => logger.info({ reqId, action: what(operation), who: by }, 'action submitted'));
  };
  const onFinished = (operation: Operation, reqId: string | undefined): void => {
    const durationMs = (operation.finishedAt ?? new Date()).getTime() - operation.createdAt.getTime();
    const error = operation.error ? { code: operation.error.code, message: operation.error.message } : undefined;
    void who(operation.requestedBy).then((by) => {
      const fields = { reqId, action: what(operation), who: by, outcome: operation.status, durationMs, error };
      if (operation.status === 'SUCCEEDED') logger.info(fields, 'action finished');
      else logger.warn(fields, 'action finished');
    });
  };
  operations.lifecycle.on('submitted', onSubmitted);
  operations.lifecycle.on('finished', onFinished);
  return {
    stop: async () => {
      operations.lifecycle.off('submitted', onSubmitted);
      operations.lifecycle.off('finished', onFinished);
    },
  };
}

/** Logs every change of a pool link, with its reason; started before the pools are, so none is missed. */
export function logPoolConnections(logger: Logger, pubsub: AppPubSub): Following {
  const statuses = pubsub.subscribe('connection:status')[Symbol.asyncIterator]();
  const following = (async () => {
    for (let step = await statuses.next(); !step.done; step = await statuses.next()) logPoolStatus(logger, step.value);
  })();
  return {
    stop: async () => {
      await statuses.return?.();
      await following;
    },
  };
}

function logPoolStatus(logger: Logger, status: ConnectionStatusEvent): void {
  const fields = { pool: { id: status.poolId, name: status.poolName, masterUrl: status.masterUrl }, state: status.state, reason: status.reason };
  if (status.state === 'connected' || status.state === 'stopped') logger.info(fields, 'pool connection');
  else logger.warn(fields, 'pool connection');
}
