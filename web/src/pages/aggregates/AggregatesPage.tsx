// Aggregates and pool membership: each aggregate's hosts, the pool master and state, and (for administrators)
// the forms to create one and to add, remove hosts or delete it.
import { ActionBar } from '../../actions/ActionBar.js';
import { QueryState } from '../../components/QueryState.js';
import { StateBadge } from '../../components/StateBadge.js';
import { AggregatesPageDocument } from '../../gql/graphql.js';
import { useLiveQuery } from '../../live/useLiveQuery.js';

/** Aggregate changes come with no subscription of their own: read again every few seconds. */
const AGGREGATES_POLL_MS = 5_000;

export function AggregatesPage() {
  const [{ data, error, fetching }] = useLiveQuery({ query: AggregatesPageDocument, variables: {}, pollMs: AGGREGATES_POLL_MS });
  const aggregates = data?.aggregates.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="aggregates-title">
      <h1 id="aggregates-title">Aggregates</h1>
      <ActionBar target="new-aggregate" title="New aggregate" />
      <QueryState error={error} fetching={fetching && !data} />
      {data && aggregates.length === 0 && <p className="muted">No aggregates yet.</p>}
      <ul className="host-grid">
        {aggregates.map((aggregate) => (
          <li key={aggregate.id} className="card" data-testid="aggregate-card" aria-labelledby={`aggregate-${aggregate.id}`}>
            <h2 id={`aggregate-${aggregate.id}`}>{aggregate.name}</h2>
            <p className="host-states">
              <StateBadge value={aggregate.hypervisorPool ? 'POOL' : 'GROUP'} />
              <StateBadge value={aggregate.poolState} />
            </p>
            <dl className="facts">
              <dt>Zone</dt><dd>{aggregate.availabilityZone ?? '—'}</dd>
              <dt>Master</dt><dd>{aggregate.master?.name ?? '—'}</dd>
              <dt>Hosts</dt>
              <dd>{aggregate.hosts.length === 0 ? 'none' : aggregate.hosts.map((host) => `${host.name} (${host.poolName})`).join(', ')}</dd>
            </dl>
            <ActionBar target="aggregate" targetId={aggregate.id} title={`Actions on ${aggregate.name}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
