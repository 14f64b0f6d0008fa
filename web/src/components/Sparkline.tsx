// A small line chart of recent samples (0..max), with the latest value in words for screen readers.
export function Sparkline({ label, samples, max, unit }: { label: string; samples: readonly number[]; max: number; unit: string }) {
  const width = 160;
  const height = 40;
  const latest = samples.at(-1);
  const points = samples.map((value, index) => {
    const x = samples.length > 1 ? (index / (samples.length - 1)) * width : width;
    const y = height - (Math.min(value, max) / (max || 1)) * height;
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  return (
    <figure className="sparkline">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img"
        aria-label={`${label}: ${latest === undefined ? 'no sample yet' : `${latest.toFixed(1)} ${unit}`}`}>
        <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <figcaption>{label}: {latest === undefined ? '—' : `${latest.toFixed(1)} ${unit}`}</figcaption>
    </figure>
  );
}
