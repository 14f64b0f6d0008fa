// XAPI failures as the simulator raises them: a code plus string parameters, sent as ErrorDescription.

export class XapiFailure extends Error {
  readonly description: string[];

  constructor(code: string, ...params: unknown[]) {
    const description = [code, ...params.map((p) => String(p))];
    super(description.join(' '));
    this.description = description;
  }

  get code(): string {
    return this.description[0];
  }
}

export const fail = (code: string, ...params: unknown[]): never => {
  throw new XapiFailure(code, ...params);
};

export const handleInvalid = (cls: string, ref: string): XapiFailure => new XapiFailure('HANDLE_INVALID', cls, ref);

/** Anything thrown inside a handler becomes an ErrorDescription; unexpected errors are XAPI's INTERNAL_ERROR. */
export function toDescription(error: unknown): string[] {
  if (error instanceof XapiFailure) return error.description;
  const text = error instanceof Error ? error.message : String(error);
  return ['INTERNAL_ERROR', text];
}
