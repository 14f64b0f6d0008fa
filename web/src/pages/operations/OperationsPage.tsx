// The operations centre: running and recent operations, each running one followed live with its progress and a
// cancel button, linked to what it acts on. The list is read again when an instance changes (an operation
// starting or ending always changes one) and, for host and aggregate work, every few seconds.
import { navigate, useLocation } from '../../app/router.js';
import { QueryState } from '../../components/QueryState.js';
import { StateBadge } from '../../components/StateBadge.js';
import { formatTime } from '../../components/format.js';
import { InstanceEventsFeedDocument, OperationsPageDocument, type OperationStatus } from '../../gql/graphql.js';
import { useLiveQuery } from '../../live/useLiveQuery.js';
import { isRunning, OperationProgress } from '../../operations/OperationProgress.js';
import { OperationTarget } from '../../operations/OperationTarget.js';

const STATUSES: readonly OperationStatus[] = ['PENDING', 'RUNNING', 'CANCELLING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const LIST_POLL_MS = 5_000;

export function OperationsPage() {
  const status = useLocation().searchParams.get('status') ?? '';
  const [{ data, error, fetching }] = useLiveQuery({
    query: OperationsPageDocument,
    variables: { filter: status ? { status: status as OperationStatus } : null },
    changes: { query: InstanceEventsFeedDocument, variables: {} },
    pollMs: LIST_POLL_MS,
  });
  const operations = data?.operations.edges.map((edge) => edge.node) ?? [];
  const running = operations.filter(isRunning);
  const recent = operations.filter((operation) => !isRunning(operation));
  return (
    <section aria-labelledby="operations-title">
      <h1 id="operations-title">Operations</h1>
      <div className="filters">
        <label>
          Status
          <select value={status} onChange={(event) => navigate(event.target.value ? `/operations?status=${event.target.value}` : '/operations')}>
            <option value="">Any</option>
            {STATUSES.map((value) => <option key={value} value={value}>{value}</option>)}
          </select>
        </label>
      </div>
      <QueryState error={error} fetching={fetching && !data} />
      <h2>Running</h2>
      {running.length === 0 ? <p className="muted">Nothing running.</p> : (
        <ul className="operation-list" aria-label="Running operations">
          {running.map((operation) => <li key={operation.id} className="card"><OperationProgress id={operation.id} initial={operation} /></li>)}
        </ul>
      )}
      <h2>Recent</h2>
      {recent.length === 0 ? <p className="muted">No finished operations.</p> : (
        <div className="table-scroll">
          <table>
            <thead><tr>{['Kind', 'Status', 'Target', 'By', 'Started', 'Finished', 'Error'].map((header) => <th key={header} scope="col">{header}</th>)}</tr></thead>
            <tbody>
              {recent.map((operation) => (
                <tr key={operation.id} data-testid="operation-row">
                  <td>{operation.kind}</td>
                  <td><StateBadge value={operation.status} /></td>
                  <td><OperationTarget operation={operation} /></td>
                  <td>{operation.requestedBy}</td>
                  <td>{formatTime(operation.createdAt)}</td>
                  <td>{formatTime(operation.finishedAt)}</td>
                  <td>{operation.error ? `${operation.error.message} (${operation.error.code})` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
