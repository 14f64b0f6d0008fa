// A link to what an operation acts on: its instance, or the host or aggregate it names.
import { Link } from '../app/router.js';
import type { OperationSummaryFragment } from '../gql/graphql.js';

export function OperationTarget({ operation }: { operation: Pick<OperationSummaryFragment, 'instance' | 'target'> }) {
  if (operation.instance) return <Link to={`/instances/${encodeURIComponent(operation.instance.id)}`}>{operation.instance.name}</Link>;
  const target = operation.target;
  if (target?.__typename === 'Host') return <Link to="/">{target.name}</Link>;
  if (target?.__typename === 'Aggregate') return <Link to="/aggregates">{target.name}</Link>;
  return null;
}
