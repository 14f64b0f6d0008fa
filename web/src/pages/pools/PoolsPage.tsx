// Pools and their hosts: link health, each host's state, uptime, resources as bars and how many instances it runs.
import { ActionBar } from '../../actions/ActionBar.js';
import { StateBadge } from '../../components/StateBadge.js';
import { ResourceBar } from '../../components/ResourceBar.js';
import { formatDuration } from '../../components/format.js';
import { Link } from '../../app/router.js';
import { InstanceEventsFeedDocument, PoolsOverviewDocument, type HostCardFragment } from '../../gql/graphql.js';
import { useLiveQuery } from '../../live/useLiveQuery.js';
import { QueryState } from '../../components/QueryState.js';

/** Resource figures move without an instance event (memory balloons, disks fill): read them again now and then. */
const RESOURCE_POLL_MS = 15_000;

export function PoolsPage() {
  const [{ data, error, fetching }] = useLiveQuery({
    query: PoolsOverviewDocument, variables: {},
    changes: { query: InstanceEventsFeedDocument, variables: {} },
    pollMs: RESOURCE_POLL_MS,
  });
  const hosts = data?.hosts.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="pools-title">
      <h1 id="pools-title">Pools &amp; hosts</h1>
      <QueryState error={error} fetching={fetching && !data} />
      {data?.pools.map((pool) => (
        <section key={pool.masterUrl} className="pool" aria-labelledby={`pool-${pool.masterUrl}`}>
          <h2 id={`pool-${pool.masterUrl}`}>
            {pool.name} <StateBadge value={pool.connection.state} />
          </h2>
          <p className="muted">{pool.masterUrl}{pool.connection.reason ? ` — ${pool.connection.reason}` : ''}</p>
          {pool.id && <ActionBar target="pool" targetId={pool.id} title={`Actions on ${pool.name}`} />}
          <ul className="host-grid" aria-label={`Hosts of ${pool.name}`}>
            {hosts.filter((host) => host.poolName === pool.name).map((host) => <HostCard key={host.id} host={host} />)}
          </ul>
        </section>
      ))}
    </section>
  );
}

function HostCard({ host }: { host: HostCardFragment }) {
  const resources = host.resources;
  return (
    <li className="card host" data-testid="host-card" aria-labelledby={`host-${host.id}`}>
      <h3 id={`host-${host.id}`}>{host.name}</h3>
      <p className="host-states">
        <StateBadge value={host.live ? 'LIVE' : 'DOWN'} />
        <StateBadge value={host.enabled ? 'ENABLED' : 'DISABLED'} />
        {host.maintenance !== 'NONE' && <StateBadge value={`MAINTENANCE ${host.maintenance}`} />}
      </p>
      {host.disabledReason && <p className="muted">Disabled: {host.disabledReason}</p>}
      <dl className="facts">
        <dt>Address</dt><dd>{host.address}</dd>
        <dt>Uptime</dt><dd>{host.uptime ? formatDuration(host.uptime.seconds) : '—'}</dd>
        <dt>Instances</dt>
        <dd><Link to={`/instances?host=${encodeURIComponent(host.id)}`}>{host.instances.totalCount}</Link></dd>
      </dl>
      {resources && (
        <>
          <ResourceBar label="Memory" used={resources.memoryMbUsed} total={resources.memoryMb} unit="MiB" />
          <ResourceBar label="Local disk" used={resources.localGbUsed} total={resources.localGb} unit="GB" />
          <p className="muted">{resources.vcpus} vCPUs</p>
        </>
      )}
      <ActionBar target="host" targetId={host.id} state={host} title={`Actions on ${host.name}`} />
    </li>
  );
}
