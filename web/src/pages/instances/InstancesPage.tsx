// Instances as a table kept live: power state, Nova's vm/task state, host and flavor; filtered by power state and
// host, searched by name, paged. Filters live in the address, so a filtered view can be shared and reloaded.
import { useState, type FormEvent } from 'react';
import { ActionBar } from '../../actions/ActionBar.js';
import { Link, navigate, useLocation } from '../../app/router.js';
import { QueryState } from '../../components/QueryState.js';
import { StateBadge } from '../../components/StateBadge.js';
import { InstanceEventsFeedDocument, InstancesPageDocument, type InstanceFilter, type PowerState } from '../../gql/graphql.js';
import { useLiveQuery } from '../../live/useLiveQuery.js';

const PAGE_SIZE = 25;
const POWER_STATES: readonly PowerState[] = ['RUNNING', 'PAUSED', 'SUSPENDED', 'SHUTDOWN', 'CRASHED', 'NOSTATE'];

/** The page's view as the address holds it. */
function viewOf(url: URL) {
  const params = url.searchParams;
  return {
    name: params.get('name') ?? '',
    host: params.get('host') ?? '',
    power: params.get('power') ?? '',
    after: params.get('after'),
    before: params.get('before'),
  };
}
type View = ReturnType<typeof viewOf>;

function addressOf(view: View): string {
  const params = new URLSearchParams();
  if (view.name) params.set('name', view.name);
  if (view.host) params.set('host', view.host);
  if (view.power) params.set('power', view.power);
  if (view.after) params.set('after', view.after);
  if (view.before) params.set('before', view.before);
  const query = params.toString();
  return query ? `/instances?${query}` : '/instances';
}

export function InstancesPage() {
  const view = viewOf(useLocation());
  const filter: InstanceFilter = {
    ...(view.name ? { nameContains: view.name } : {}),
    ...(view.host ? { hostId: view.host } : {}),
    ...(view.power ? { powerState: view.power as PowerState } : {}),
  };
  const paging = view.before ? { last: PAGE_SIZE, before: view.before } : { first: PAGE_SIZE, after: view.after };
  const [{ data, error, fetching }] = useLiveQuery({
    query: InstancesPageDocument, variables: { ...paging, filter },
    changes: { query: InstanceEventsFeedDocument, variables: {} },
  });
  // A new filter starts again from the first page.
  const show = (changes: Partial<View>) => navigate(addressOf({ ...view, after: null, before: null, ...changes }));
  const connection = data?.instances;
  return (
    <section aria-labelledby="instances-title">
      <h1 id="instances-title">Instances</h1>
      <ActionBar target="new-instance" title="New instance" />
      <div className="filters" role="search" aria-label="Filter instances">
        <NameSearch initial={view.name} onSearch={(name) => show({ name })} />
        <label>
          Power state
          <select value={view.power} onChange={(event) => show({ power: event.target.value })}>
            <option value="">Any</option>
            {POWER_STATES.map((state) => <option key={state} value={state}>{state.toLowerCase()}</option>)}
          </select>
        </label>
        <label>
          Host
          <select value={view.host} onChange={(event) => show({ host: event.target.value })}>
            <option value="">Any</option>
            {data?.hosts.edges.map(({ node }) => <option key={node.id} value={node.id}>{node.name}</option>)}
          </select>
        </label>
      </div>
      <QueryState error={error} fetching={fetching && !data} />
      {connection && (
        <>
          <div className="table-scroll">
          <table className="instances">
            <caption>{connection.totalCount} instance{connection.totalCount === 1 ? '' : 's'}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Power state</th>
                <th scope="col">VM state</th>
                <th scope="col">Task</th>
                <th scope="col">Host</th>
                <th scope="col">Flavor</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id} data-testid="instance-row" data-name={node.name}>
                  <th scope="row"><Link to={`/instances/${encodeURIComponent(node.id)}`}>{node.name}</Link></th>
                  <td><StateBadge value={node.powerState} testId="power-state" /></td>
                  <td><StateBadge value={node.vmState} /></td>
                  <td>{node.taskState ?? '—'}{node.taskState && node.progress > 0 ? ` (${node.progress}%)` : ''}</td>
                  <td>{node.host?.name ?? '—'}</td>
                  <td>{node.flavor?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <nav className="pager" aria-label="Pages of instances">
            <button type="button" disabled={!connection.pageInfo.hasPreviousPage}
              onClick={() => navigate(addressOf({ ...view, after: null, before: connection.pageInfo.startCursor ?? null }))}>
              Previous page
            </button>
            <button type="button" disabled={!connection.pageInfo.hasNextPage}
              onClick={() => navigate(addressOf({ ...view, before: null, after: connection.pageInfo.endCursor ?? null }))}>
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

function NameSearch({ initial, onSearch }: { initial: string; onSearch: (name: string) => void }) {
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(name.trim());
  };
  return (
    <form onSubmit={submit} className="search">
      <label htmlFor="instance-search">Name contains</label>
      <input id="instance-search" type="search" value={name} onChange={(event) => setName(event.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}
