// The service's structured log: JSON lines (pretty on a terminal), secrets redacted before anything is written.
// Request ids are passed down as fields (the request line, the action lines, an action run's child logger), not
// tracked across awaits: async context tracking costs every promise the API makes.
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from '../config.js';
import { redactForLog, redactSecrets } from '../redaction.js';
import type { ErrorLog } from '../request-errors.js';

export type { Logger };


export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Where lines go; stdout by default (pretty-printed when it is a terminal). */
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      // Fields are redacted as data; errors keep their message and stack with their own properties redacted.
      log: (fields) => Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, redactField(value)])),
    },
    serializers: { err: stdSerializers.err },
  }, options.destination ?? defaultDestination());
}

function redactField(value: unknown): unknown {
  return value instanceof Error ? redactForLog(value) : redactSecrets(value);
}

function defaultDestination(): DestinationStream {
  return process.stdout.isTTY ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l' }) : pino.destination(1);
}

/** The shape internal-error reporting has always had, writing to the log. */
export function errorLogOf(logger: Logger): ErrorLog {
  return (message, error) => logger.error({ err: error }, message);
}
