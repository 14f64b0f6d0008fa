// Mutations answer a failure as a union member implementing UserError, whose `path` names the input field at
// fault (e.g. ["input", "flavorId"]). Forms place each error next to that field; the rest go above the form.
export interface UserErrorLike {
  readonly __typename?: string;
  readonly message: string;
  readonly code?: string;
  readonly path?: readonly string[] | null;
}

/** The payload's __typename for an accepted action; every other member of a result union is an error. */
export function isUserError(result: { readonly __typename?: string }, acceptedTypename: string): result is UserErrorLike & { __typename: string } {
  return result.__typename !== acceptedTypename && typeof (result as UserErrorLike).message === 'string';
}

/** Errors keyed by the form field their path names (the deepest one the form has); the others under ''. */
export function errorsByField(errors: readonly UserErrorLike[], fields: readonly string[]): ReadonlyMap<string, readonly UserErrorLike[]> {
  const byField = new Map<string, UserErrorLike[]>();
  for (const error of errors) {
    const field = [...(error.path ?? [])].reverse().find((part) => fields.includes(part)) ?? '';
    byField.set(field, [...(byField.get(field) ?? []), error]);
  }
  return byField;
}
