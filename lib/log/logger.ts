// The server's one logger: JSON lines on stdout (pino), one object per event, with personal data
// and secrets removed twice over — known field names are redacted, and every string is scrubbed
// for email addresses, keys, tokens and session cookies (lib/log/scrub.ts).
import { isMainThread } from 'node:worker_threads';
import pino, { type DestinationStream, type Logger } from 'pino';
import { UNKNOWN_ERROR_REPORTER } from '@/lib/errors';
import { currentRequestContext } from './request-context';
import { knownSecretsFromEnv, scrubText, scrubValue, setKnownSecrets, setRedactedKeys } from './scrub';

export type { Logger };

export const SERVICE_NAME = 'leadline';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Field names that hold personal data, secrets or bodies, wherever they sit (up to 3 levels down). */
export const REDACTED_FIELDS = [
  'key',
  'apiKey',
  'intakeKey',
  'token',
  'password',
  'secret',
  'authorization',
  'cookie',
  'email',
  'phone',
  'firstName',
  'lastName',
  'name',
  'body',
  'rawBody',
] as const;

// Redacted by name at any depth in the same pass that scrubs every string (pino's path-based
// redaction with wildcards cost more than the rest of a request line).
setRedactedKeys([...REDACTED_FIELDS, 'set-cookie', 'x-api-key']);

export function logLevelFrom(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as LogLevel) : 'info';
}

/** Errors as type and scrubbed message (and a scrubbed stack at debug level): never their data. */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const out: Record<string, unknown> = { type: error.name, message: scrubText(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out.code = code;
  return out;
}

/**
 * A logger with the app's settings. Tests pass a destination stream to read the lines back; the
 * server uses `logger` below (stdout, level from LOG_LEVEL).
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  setKnownSecrets(knownSecretsFromEnv());
  const settings: pino.LoggerOptions = {
    level: logLevelFrom(options.level ?? process.env.LOG_LEVEL),
    base: { service: SERVICE_NAME, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    serializers: { err: serializeError, error: serializeError },
    formatters: {
      level: (label) => ({ level: label }),
      // Every string field is scrubbed: a path, a user agent or a label can carry an address.
      log: (object) => scrubValue(object),
    },
    // The request being handled, when there is one (see lib/log/request-context.ts).
    mixin: () => {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
    hooks: {
      // Messages are free text: scrub them like any other string.
      logMethod(args, method) {
        for (let i = 0; i < args.length; i++) {
          if (typeof args[i] === 'string') (args as unknown[])[i] = scrubText(args[i] as string);
        }
        method.apply(this, args);
      },
    },
  };
  return pino(
    settings,
    options.destination ?? (isMainThread ? pino.destination({ dest: 1, sync: true }) : turnDestination()),
  );
}

/**
 * Stdout for the server's thread: every line is written synchronously, so a line logged as the
 * process exits (the graceful shutdown's last words, a fatal start-up error) is written before it
 * ends, and a crash loses no buffered lines.
 *
 * A worker thread (the delivery writer) gathers the lines of one turn of its event loop and writes
 * them together at the turn's end: a group commit logs a line for each of its deliveries at once,
 * and one write instead of one each saves the thread a system call per delivery and whoever reads
 * stdout a wake-up. The lines are written in the same phase of the loop that posts the commit's
 * answers, so no delivery is answered long before its line is out.
 */
export function turnDestination(dest = 1): DestinationStream & { flushSync(): void } {
  // Written synchronously once 8 KiB gather (a long burst), else at the end of the turn.
  const out = pino.destination({ dest, sync: true, minLength: 8 * 1024 });
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    out.flushSync();
  };
  return {
    write(line: string) {
      out.write(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flushSync: () => out.flushSync(),
  };
}

const cache = globalThis as unknown as { __leadsLogger?: Logger };

/** The process-wide logger (cached on globalThis so dev reloads do not stack up streams). */
export const logger: Logger = (cache.__leadsLogger ??= createLogger());

// toErrorResponse (lib/errors.ts, shared with the browser) reports unknown errors here.
(globalThis as { [UNKNOWN_ERROR_REPORTER]?: (error: unknown) => void })[UNKNOWN_ERROR_REPORTER] = (error) =>
  logger.error({ err: error }, 'unhandled error');
