// How far something has got, as a bar a screen reader reads as a percentage.
export function ProgressBar({ label, percent, detail }: { label: string; percent: number; detail?: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="resource">
      <div className="resource-label">
        <span>{label}</span>
        <span>{detail ?? `${value}%`}</span>
      </div>
      <div className="bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
        <div className="bar-fill bar-progress" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
