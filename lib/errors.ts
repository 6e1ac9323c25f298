// One error type for the whole app and one response shape: { error: { code, message, details? } }.
// Shared with client components (AppError is thrown by parsers both sides use), so the server's
// logger is reached through a hook it installs (lib/log/logger.ts), never imported here.
import { scrubText } from '@/lib/log/scrub';

export type ErrorDetail = { field: string; message: string };

export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_query: 400,
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** The change needs an explicit confirmation (resend with the named field set to true). */
  confirmation_required: 409,
  payload_too_large: 413,
  unsupported_encoding: 415,
  invalid_lead: 422,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetail[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: ErrorDetail[] } };

/** Where the server's logger reports unknown errors (set by lib/log/logger.ts when it loads). */
export const UNKNOWN_ERROR_REPORTER = Symbol.for('leadline.reportUnknownError');
type Reporter = (error: unknown) => void;

export function reportUnknownError(error: unknown): void {
  const report = (globalThis as { [UNKNOWN_ERROR_REPORTER]?: Reporter })[UNKNOWN_ERROR_REPORTER];
  if (report) return report(error);
  // No logger in this process (a CLI, a test): one scrubbed JSON line on stderr.
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? scrubText(error.message) : '';
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled error', err: { type: name, message } }));
}

/** The code a failure is answered and logged with: an AppError's own, anything else `internal`. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof AppError ? error.code : 'internal';
}

/**
 * Maps any thrown value to a JSON response. Unknown errors are logged by type and scrubbed
 * message only (never the request or its body, which hold personal data) and answered with a
 * generic 500.
 */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details?.length) body.error.details = error.details;
    return Response.json(body, { status: error.status, headers: error.headers });
  }
  reportUnknownError(error);
  const body: ErrorBody = {
    error: { code: 'internal', message: 'Something went wrong on our side. The error was logged.' },
  };
  return Response.json(body, { status: 500 });
}

export function methodNotAllowed(allow: string[]): Response {
  return toErrorResponse(
    new AppError('method_not_allowed', `This endpoint accepts ${allow.join(', ')} only.`, {
      headers: { Allow: allow.join(', ') },
    }),
  );
}
