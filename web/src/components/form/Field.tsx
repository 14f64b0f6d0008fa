// A labelled form field with the typed errors the API gave for it right beneath, tied to the control for screen
// readers (aria-invalid, aria-describedby). Action forms build on it.
import type { ReactElement } from 'react';
import { cloneElement } from 'react';
import type { UserErrorLike } from './user-errors.js';

export function FieldErrors({ id, errors }: { id: string; errors: readonly UserErrorLike[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((error, index) => <li key={index}>{error.message}{error.code ? ` (${error.code})` : ''}</li>)}
    </ul>
  );
}

export interface FieldProps {
  /** The input's id; also the name `errorsByField` was given for it. */
  readonly id: string;
  readonly label: string;
  readonly errors?: readonly UserErrorLike[];
  readonly hint?: string;
  /** One control (input, select, textarea): it gets the id and the accessibility attributes. */
  readonly children: ReactElement<Record<string, unknown>>;
}

export function Field({ id, label, errors, hint, children }: FieldProps) {
  const errorId = `${id}-errors`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy })}
      {hint && <p id={hintId} className="muted">{hint}</p>}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
