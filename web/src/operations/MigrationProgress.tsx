// One migration followed live (migrationUpdated): overall, memory and disk transfer as bars.
import { useSubscription } from 'urql';
import { ProgressBar } from '../components/ProgressBar.js';
import { StateBadge } from '../components/StateBadge.js';
import { formatBytes } from '../components/format.js';
import { MigrationLiveDocument, type MigrationSummaryFragment } from '../gql/graphql.js';

interface Transfer {
  readonly processedBytes: number;
  readonly totalBytes: number;
}

function TransferBar({ label, transfer }: { label: string; transfer: Transfer | null | undefined }) {
  if (!transfer || transfer.totalBytes <= 0) return null;
  return <ProgressBar label={label} percent={(transfer.processedBytes / transfer.totalBytes) * 100}
    detail={`${formatBytes(transfer.processedBytes)} of ${formatBytes(transfer.totalBytes)}`} />;
}

export function MigrationProgress({ id, initial }: { id: string; initial?: MigrationSummaryFragment }) {
  const [{ data }] = useSubscription({ query: MigrationLiveDocument, variables: { id } });
  const migration = data?.migrationUpdated ?? initial;
  if (!migration) return null;
  return (
    <div className="migration" data-testid="migration" data-status={migration.status}>
      <p className="host-states">
        <StateBadge value={migration.type} />
        <StateBadge value={migration.status} testId="migration-status" />
        <span>{migration.sourceHost?.name ?? '?'} → {migration.destHost?.name ?? '?'}</span>
      </p>
      <ProgressBar label="Migration progress" percent={migration.progress.percent} />
      <TransferBar label="Memory transferred" transfer={migration.progress.memory} />
      <TransferBar label="Disk transferred" transfer={migration.progress.disk} />
    </div>
  );
}
