// How a dom0 plugin fails: XAPIPlugin turns an uncaught Python exception into
// XENAPI_PLUGIN_FAILURE [fn, exception class, message], which XAPI passes on unchanged.

export class PluginError extends Error {
  constructor(
    /** The Python exception class clients match on (`PluginError`, `XenstoreError`, `IOError`, `KeyError`…). */
    readonly exceptionClass: string,
    message: string,
  ) {
    super(message);
    this.name = 'PluginError';
  }
}

/** The argument `key`, or the KeyError a plugin indexing its args dictionary raises. */
export function requiredArg(args: Readonly<Record<string, string>>, key: string): string {
  if (!Object.hasOwn(args, key)) throw new PluginError('KeyError', `'${key}'`);
  return args[key];
}
