// The one shape every server action returns, so forms can show a message and field errors.
import { headers } from 'next/headers';
import { AppError, type ErrorDetail } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { acceptRequestId, REQUEST_ID_HEADER } from '@/lib/log/request-id';

export type ActionResult<T = void> =
  { ok: true; data: T; message?: string } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/**
 * Runs an action body; AppErrors become messages, anything else a generic failure, logged with
 * the request id (set by proxy.ts) and the error's type and scrubbed message.
 */
export async function runAction<T>(body: () => Promise<T> | T, success?: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body(), message: success };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, message: error.message, fieldErrors: fieldErrors(error.details) };
    }
    // Next.js control flow (redirect, notFound) must propagate.
    if (error && typeof error === 'object' && 'digest' in error) throw error;
    logger.error({ err: error, requestId: await actionRequestId() }, 'server action failed');
    return { ok: false, message: 'Something went wrong. Try again.' };
  }
}

function fieldErrors(details: ErrorDetail[] | undefined): Record<string, string> | undefined {
  if (!details?.length) return undefined;
  return Object.fromEntries(details.map((detail) => [detail.field, detail.message]));
}

async function actionRequestId(): Promise<string | undefined> {
  try {
    return acceptRequestId((await headers()).get(REQUEST_ID_HEADER)) ?? undefined;
  } catch {
    return undefined; // Outside a request (a test): no id.
  }
}
