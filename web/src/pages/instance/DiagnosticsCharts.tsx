// The instance's diagnostics sampled every few seconds and drawn as small charts of the last minute or two.
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Sparkline } from '../../components/Sparkline.js';
import { InstanceDiagnosticsSampleDocument } from '../../gql/graphql.js';

const SAMPLE_MS = 5_000;
const KEPT_SAMPLES = 24;

interface Sample {
  readonly cpuPercent: number;
  readonly memoryUsedMb: number;
}

export function DiagnosticsCharts({ id }: { id: string }) {
  // Each read fetches the VM's RRD from XAPI, so it is sampled here rather than on every instance event.
  const [{ data }, reexecute] = useQuery({ query: InstanceDiagnosticsSampleDocument, variables: { id }, requestPolicy: 'network-only' });
  const [samples, setSamples] = useState<readonly Sample[]>([]);
  useEffect(() => {
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), SAMPLE_MS);
    return () => clearInterval(timer);
  }, [reexecute]);
  const diagnostics = data?.node?.__typename === 'Instance' ? data.node.diagnostics : null;
  useEffect(() => {
    if (!diagnostics || diagnostics.unavailableReason) return;
    const cpus = diagnostics.cpus.map((cpu) => cpu.utilisation ?? 0);
    const cpuPercent = cpus.length > 0 ? (cpus.reduce((sum, value) => sum + value, 0) / cpus.length) * 100 : 0;
    const memoryUsedMb = diagnostics.memory.maximumMb - (diagnostics.memory.guestFreeMb ?? 0);
    setSamples((kept) => [...kept, { cpuPercent, memoryUsedMb }].slice(-KEPT_SAMPLES));
  }, [diagnostics]);
  return (
    <section className="card" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      {!diagnostics && <p className="muted">No VM, so no diagnostics.</p>}
      {diagnostics?.unavailableReason && <p className="muted">{diagnostics.unavailableReason}</p>}
      {diagnostics && !diagnostics.unavailableReason && (
        <div className="charts">
          <Sparkline label="CPU" unit="%" max={100} samples={samples.map((sample) => sample.cpuPercent)} />
          <Sparkline label="Memory used" unit="MiB" max={diagnostics.memory.maximumMb} samples={samples.map((sample) => sample.memoryUsedMb)} />
        </div>
      )}
    </section>
  );
}
