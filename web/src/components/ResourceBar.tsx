// How much of a resource is used, as a bar with its figures in words for screen readers.
export function ResourceBar({ label, used, total, unit }: { label: string; used: number; total: number; unit: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  const level = percent >= 90 ? 'high' : percent >= 70 ? 'mid' : 'low';
  return (
    <div className="resource">
      <div className="resource-label">
        <span>{label}</span>
        <span>{used.toLocaleString()} / {total.toLocaleString()} {unit}</span>
      </div>
      <div className="bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used}
        aria-valuetext={`${percent}% (${used} of ${total} ${unit})`}>
        <div className={`bar-fill bar-${level}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
