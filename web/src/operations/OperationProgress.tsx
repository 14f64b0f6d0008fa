// One operation followed live (operationUpdated): its progress bar, phase, outcome, a cancel button while it
// runs (for those who may act) and, when it drives a migration, the migration's own progress.
import { useMutation, useSubscription } from 'urql';
import { useViewer } from '../app/viewer.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { StateBadge } from '../components/StateBadge.js';
import { FieldErrors } from '../components/form/Field.js';
import { isUserError } from '../components/form/user-errors.js';
import { OperationCancelDocument, OperationLiveDocument, type OperationSummaryFragment } from '../gql/graphql.js';
import { MigrationProgress } from './MigrationProgress.js';
import { OperationTarget } from './OperationTarget.js';

const ENDED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function isRunning(operation: Pick<OperationSummaryFragment, 'status'>): boolean {
  return !ENDED.has(operation.status);
}

/** Follows `id`; `initial` (from a list) shows at once, before the subscription's first answer. */
export function OperationProgress({ id, initial }: { id: string; initial?: OperationSummaryFragment }) {
  const [{ data }] = useSubscription({ query: OperationLiveDocument, variables: { id } });
  const operation = data?.operationUpdated ?? initial;
  const viewer = useViewer();
  const [cancelled, cancel] = useMutation(OperationCancelDocument);
  if (!operation) return <p role="status">Starting…</p>;
  const refused = cancelled.data && isUserError(cancelled.data.operationCancel, 'OperationCancelPayload')
    ? [cancelled.data.operationCancel] : [];
  return (
    <div className="operation" data-testid="operation" data-status={operation.status}>
      <p className="host-states">
        <StateBadge value={operation.kind} />
        <StateBadge value={operation.status} testId="operation-status" />
        <OperationTarget operation={operation} />
      </p>
      <ProgressBar label="Operation progress" percent={operation.progress.percent}
        detail={`${Math.round(operation.progress.percent)}%${operation.progress.phase ? ` — ${operation.progress.phase}` : ''}`} />
      {operation.progress.message && <p className="muted">{operation.progress.message}</p>}
      {operation.error && <p className="error" role="alert">{operation.error.message} ({operation.error.code})</p>}
      {operation.migration && <MigrationProgress id={operation.migration.id} />}
      {isRunning(operation) && viewer.role !== 'READER' && (
        <button type="button" disabled={cancelled.fetching || operation.status === 'CANCELLING'}
          onClick={() => void cancel({ id: operation.id })}>Cancel</button>
      )}
      <FieldErrors id={`cancel-${operation.id}-errors`} errors={refused} />
    </div>
  );
}
