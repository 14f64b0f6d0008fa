// Migrations and resizes, newest first; those still moving show their memory and disk transfer live.
import { QueryState } from '../../components/QueryState.js';
import { InstanceEventsFeedDocument, MigrationsPageDocument } from '../../gql/graphql.js';
import { useLiveQuery } from '../../live/useLiveQuery.js';
import { MigrationProgress } from '../../operations/MigrationProgress.js';
import { Link } from '../../app/router.js';
import { formatTime } from '../../components/format.js';

export function MigrationsPage() {
  const [{ data, error, fetching }] = useLiveQuery({
    query: MigrationsPageDocument, variables: {},
    changes: { query: InstanceEventsFeedDocument, variables: {} },
  });
  const migrations = [...(data?.migrations.edges.map((edge) => edge.node) ?? [])]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="migrations-title">
      <h1 id="migrations-title">Migrations</h1>
      <QueryState error={error} fetching={fetching && !data} />
      {data && migrations.length === 0 && <p className="muted">No migrations yet.</p>}
      <ul className="operation-list" aria-label="Migrations">
        {migrations.map((migration) => (
          <li key={migration.id} className="card" data-testid="migration-card">
            <h2><Link to={`/instances/${encodeURIComponent(migration.instance.id)}`}>{migration.instance.name}</Link></h2>
            <p className="muted">Started {formatTime(migration.createdAt)}, last change {formatTime(migration.updatedAt)}</p>
            <MigrationProgress id={migration.id} initial={migration} />
          </li>
        ))}
      </ul>
    </section>
  );
}
