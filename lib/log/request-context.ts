// The request being handled, for whatever logs during it: the request id (stamped on every log
// line by the logger's mixin) and the actor once authentication has found one.
import { AsyncLocalStorage } from 'node:async_hooks';

export type RequestContext = { requestId: string; actor?: string };

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called by authentication (lib/auth/viewer.ts): `user:<id>` or `api_key:<id>` — ids, never names. */
export function noteRequestActor(actor: string): void {
  const context = storage.getStore();
  if (context) context.actor = actor;
}
