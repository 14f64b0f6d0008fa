// A state shown as text with a colour: the text carries the meaning, the colour only helps the eye.
export function StateBadge({ value, testId }: { value: string | null | undefined; testId?: string }) {
  const text = value ?? '—';
  return <span className={`badge badge-${text.toLowerCase()}`} data-testid={testId}>{text}</span>;
}
