// Request ids: a well-formed incoming X-Request-Id is kept (so a proxy's or caller's id follows
// the request through our logs), anything else is replaced by a fresh UUID. Used by proxy.ts,
// which forwards the id to handlers and returns it to the caller, and by handlers the proxy
// does not run for (the webhook).
import { scrubText } from './scrub';

export const REQUEST_ID_HEADER = 'x-request-id';
export const REQUEST_ID_MAX_LENGTH = 128;

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The incoming id when it is short, of safe characters and carries nothing the logs would scrub. */
export function acceptRequestId(value: string | null | undefined): string | null {
  if (!value || !SAFE_REQUEST_ID.test(value)) return null;
  return scrubText(value) === value ? value : null;
}

export function newRequestId(): string {
  return crypto.randomUUID();
}

const ids = new WeakMap<Request, string>();

/**
 * The request's id: the one the proxy forwarded (or the caller sent, where the proxy does not
 * run), else a new one — the same for every call on the same request.
 */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    id = acceptRequestId(request.headers.get(REQUEST_ID_HEADER)) ?? newRequestId();
    ids.set(request, id);
  }
  return id;
}
