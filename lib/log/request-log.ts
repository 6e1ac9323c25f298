import 'server-only';
// One log line per handled API request: method, path (never the query string — the intake key
// travels in `?key=`), status, duration, request id and the actor when known. Never bodies,
// headers or personal data.
import { toErrorResponse } from '@/lib/errors';
import { logger, type Logger } from './logger';
import { currentRequestContext, runWithRequestContext } from './request-context';
import { requestIdOf } from './request-id';

export const REQUEST_LOG_MESSAGE = 'request';

export type RequestLogEntry = {
  requestId: string;
  method: string;
  /** The URL's path only. */
  path: string;
  status: number;
  durationMs: number;
  /** `user:<id>` or `api_key:<id>` when the request was authenticated. */
  actor?: string;
};

/** What the webhook adds to its request line (see the intake route). */
export type IntakeDeliveryLogEntry = {
  requestId: string;
  status: number;
  outcome: 'accepted' | 'duplicate' | 'rejected';
  /** The AppError code of a rejected delivery (`unauthorized`, `invalid_json`, `invalid_lead`, …). */
  errorCode?: string;
  leadId?: number;
  eventId?: number;
  /** The delivery log's receipt for this request. */
  receiptId?: number;
  bodyBytes?: number;
  durationMs: number;
  /** The intake key's label (never the key). */
  keyLabel?: string;
};

export const INTAKE_PATH = '/api/intake/marketplace';

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The path of a request URL without its query string or fragment. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.replace(/[?#].*$/s, '');
  }
}

export function logRequest(entry: RequestLogEntry, log: Logger = logger): void {
  const line = { ...entry, durationMs: round(entry.durationMs) };
  if (entry.status >= 500) log.error(line, REQUEST_LOG_MESSAGE);
  else log.info(line, REQUEST_LOG_MESSAGE);
}

/**
 * The webhook's request line: the same shape as every other request plus the delivery's outcome.
 * The intake route calls it once per request, after it has its answer (see README, "Logs").
 */
export function logIntakeDelivery(entry: IntakeDeliveryLogEntry, log: Logger = logger): void {
  const { requestId, status, durationMs, ...delivery } = entry;
  const line = {
    requestId,
    method: 'POST',
    path: INTAKE_PATH,
    status,
    durationMs: round(durationMs),
    ...delivery,
  };
  if (status >= 500) log.error(line, REQUEST_LOG_MESSAGE);
  else log.info(line, REQUEST_LOG_MESSAGE);
}

/**
 * Wraps a route handler: runs it with the request's id in context (so anything it logs carries
 * the id) and logs one line when it has answered. A handler that throws is answered like any
 * unknown error (a logged, generic 500).
 */
export function withRequestLog<Args extends unknown[]>(
  handler: (request: Request, ...rest: Args) => Response | Promise<Response>,
  log: Logger = logger,
): (request: Request, ...rest: Args) => Promise<Response> {
  return async (request, ...rest) => {
    const started = performance.now();
    const context = { requestId: requestIdOf(request) } as { requestId: string; actor?: string };
    let response: Response;
    try {
      response = await runWithRequestContext(context, () => handler(request, ...rest));
    } catch (error) {
      response = runWithRequestContext(context, () => toErrorResponse(error));
    }
    logRequest(
      {
        requestId: context.requestId,
        method: request.method,
        path: pathOf(request.url),
        status: response.status,
        durationMs: performance.now() - started,
        ...(context.actor ? { actor: context.actor } : {}),
      },
      log,
    );
    return response;
  };
}

/** The request id of the request being handled, if any (for code that logs outside the logger). */
export function currentRequestId(): string | undefined {
  return currentRequestContext()?.requestId;
}
