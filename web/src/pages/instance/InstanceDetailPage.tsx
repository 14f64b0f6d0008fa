// One instance: what it is and where, its interfaces, disks, volumes, security groups, what was done to it,
// its console (log and VNC link) and its diagnostics as small live charts.
import { ActionBar } from '../../actions/ActionBar.js';
import { Link } from '../../app/router.js';
import { QueryState } from '../../components/QueryState.js';
import { StateBadge } from '../../components/StateBadge.js';
import { formatBytes, formatTime } from '../../components/format.js';
import { InstanceConsoleDocument, InstanceDetailDocument, InstanceEventsFeedDocument } from '../../gql/graphql.js';
import { useLiveQuery } from '../../live/useLiveQuery.js';
import { DiagnosticsCharts } from './DiagnosticsCharts.js';

export function InstanceDetailPage({ id }: { id: string }) {
  const changes = { query: InstanceEventsFeedDocument, variables: { filter: { instanceId: id } } };
  const [{ data, error, fetching }] = useLiveQuery({ query: InstanceDetailDocument, variables: { id }, changes });
  const instance = data?.node?.__typename === 'Instance' ? data.node : null;
  return (
    <section aria-labelledby="instance-title">
      <p><Link to="/instances">← Instances</Link></p>
      <QueryState error={error} fetching={fetching && !data} />
      {data && !instance && <h1 id="instance-title">No such instance</h1>}
      {instance && (
        <>
          <h1 id="instance-title">{instance.name}</h1>
          <p className="host-states">
            <StateBadge value={instance.powerState} testId="power-state" />
            <StateBadge value={instance.vmState} />
            {instance.taskState && <StateBadge value={`${instance.taskState} ${instance.progress}%`} />}
          </p>
          <ActionBar target="instance" targetId={instance.id} state={instance} title={`Actions on ${instance.name}`} />
          <div className="detail-grid">
            <section className="card" aria-labelledby="info-title">
              <h2 id="info-title">Info</h2>
              <dl className="facts">
                <dt>UUID</dt><dd>{instance.uuid}</dd>
                <dt>VM</dt><dd>{instance.vmName}{instance.managed ? '' : ' (not created by xengraph)'}</dd>
                <dt>Host</dt><dd>{instance.host?.name ?? '—'}</dd>
                <dt>Flavor</dt><dd>{instance.flavor ? `${instance.flavor.name} (${instance.flavor.vcpus} vCPU, ${instance.flavor.memoryMb} MiB, ${instance.flavor.rootGb} GB)` : '—'}</dd>
                <dt>Image</dt><dd>{instance.image?.name ?? '—'}</dd>
                <dt>Hypervisor</dt><dd>{instance.info ? `${instance.info.numCpu} vCPU, ${formatBytes(instance.info.memKb * 1024)} of ${formatBytes(instance.info.maxMemKb * 1024)}` : 'no VM'}</dd>
                <dt>Created</dt><dd>{formatTime(instance.createdAt)}</dd>
                <dt>Updated</dt><dd>{formatTime(instance.updatedAt)}</dd>
              </dl>
            </section>
            <DiagnosticsCharts id={instance.id} />
          </div>
          <DetailTable title="Interfaces" empty="No interfaces." headers={['Device', 'Network', 'MAC', 'IP', 'Plugged']}
            rows={instance.interfaces.map((vif) => [String(vif.device), vif.network.name, vif.mac, vif.ip ?? '—', vif.attached == null ? '—' : vif.attached ? 'yes' : 'no'])} />
          <DetailTable title="Disks" empty="No VM, so no disks." headers={['Device', 'Type', 'Size', 'Bootable', 'Read-only', 'Attached']}
            rows={(instance.disks ?? []).map((disk) => [disk.device, disk.type, formatBytes(disk.sizeBytes), yesNo(disk.bootable), yesNo(disk.readOnly), yesNo(disk.attached)])} />
          <DetailTable title="Volumes" empty="No volumes attached." headers={['Volume', 'Mountpoint', 'Device', 'Attached']}
            rows={instance.volumes.map((volume) => [volume.volumeId, volume.mountpoint, volume.device ?? '—', formatTime(volume.attachedAt)])} />
          <DetailTable title="Security groups" empty="In no security group." headers={['Name', 'Description']}
            rows={instance.securityGroups.map((group) => [group.name, group.description])} />
          <DetailTable title="Actions" empty="Nothing done yet." headers={['Action', 'Started', 'Finished', 'Result', 'By', 'Message']}
            rows={instance.actions.edges.map(({ node: action }) => [action.action, formatTime(action.createdAt), formatTime(action.finishedAt), action.result ?? 'running', action.requestedBy, action.message ?? ''])} />
          <ConsolePanel id={instance.id} />
        </>
      )}
    </section>
  );
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

function DetailTable({ title, headers, rows, empty }: { title: string; headers: readonly string[]; rows: readonly (readonly string[])[]; empty: string }) {
  const titleId = `table-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {rows.length === 0 ? <p className="muted">{empty}</p> : (
        <div className="table-scroll">
          <table>
            <thead><tr>{headers.map((header) => <th key={header} scope="col">{header}</th>)}</tr></thead>
            <tbody>{rows.map((row, index) => <tr key={index}>{row.map((cell, column) => <td key={column}>{cell}</td>)}</tr>)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The console log (re-read on each change of the instance) and the VNC link, or why there is none. */
function ConsolePanel({ id }: { id: string }) {
  const changes = { query: InstanceEventsFeedDocument, variables: { filter: { instanceId: id } } };
  const [{ data }] = useLiveQuery({ query: InstanceConsoleDocument, variables: { id }, changes });
  const node = data?.node?.__typename === 'Instance' ? data.node : null;
  if (!node) return null;
  const log = node.consoleOutput;
  const vnc = node.vncConsole;
  return (
    <section aria-labelledby="console-title">
      <h2 id="console-title">Console</h2>
      <p>{vnc.__typename === 'VncConsole' ? <a href={vnc.url} target="_blank" rel="noreferrer">Open the VNC console</a> : `No VNC console: ${vnc.message}`}</p>
      {log.__typename === 'ConsoleOutput'
        ? <pre className="console" tabIndex={0} aria-label="Console output">{log.text || '(empty)'}</pre>
        : <p className="muted">No console output: {log.message}</p>}
    </section>
  );
}
