// The typed errors a mutation answers with (union members implementing UserError) placed next to the form
// field their `path` names; those naming no field of the form are shown above it.
import type { ReactNode } from 'react';

export interface UserErrorLike {
  readonly __typename?: string;
  readonly message: string;
  readonly code?: string;
  readonly path?: readonly string[] | null;
}

/** Errors keyed by the input field they name (the last element of `path`), the rest under ''. */
export function errorsByField(errors: readonly UserErrorLike[], fields: readonly string[]): Map<string, UserErrorLike[]> {
  const byField = new Map<string, UserErrorLike[]>();
  for (const error of errors) {
    const named = [...(error.path ?? [])].reverse().find((part) => fields.includes(part)) ?? '';
    byField.set(named, [...(byField.get(named) ?? []), error]);
  }
  return byField;
}

export function FieldErrors({ id, errors }: { id: string; errors: readonly UserErrorLike[] | undefined }): ReactNode {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((error, index) => <li key={index}>{error.message}{error.code ? ` (${error.code})` : ''}</li>)}
    </ul>
  );
}
