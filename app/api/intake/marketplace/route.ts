// POST /api/intake/marketplace — receive a lead from Microsoft. Every request leaves a receipt
// in the delivery log (lib/deliveries), accepted or not, and one log line with its outcome.
import { getDb } from '@/db';
import { AppError, toErrorResponse } from '@/lib/errors';
import { takeDelivery, type TakenDelivery } from '@/lib/deliveries/service';
import { presentedIntakeKey, readDeliveryBody } from '@/lib/intake/request';
import { runWithRequestContext } from '@/lib/log/request-context';
import { REQUEST_ID_HEADER, requestIdOf } from '@/lib/log/request-id';
import { logIntakeDelivery } from '@/lib/log/request-log';

export async function POST(request: Request): Promise<Response> {
  return handle(request);
}

/** Other methods are refused (405), and leave a receipt like any other request. */
async function notAllowed(request: Request): Promise<Response> {
  return handle(
    request,
    new AppError('method_not_allowed', 'This endpoint accepts POST only.', { headers: { Allow: 'POST' } }),
  );
}
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };

async function handle(request: Request, refusal?: AppError): Promise<Response> {
  const receivedAt = new Date();
  const started = performance.now();
  // The proxy does not run for the webhook (it would buffer the body): the id is read here.
  const requestId = requestIdOf(request);
  const { response, taken, bodyBytes } = await runWithRequestContext({ requestId }, async () => {
    let taken: TakenDelivery | null = null;
    let bodyBytes: number | undefined;
    try {
      const body = await readDeliveryBody(request);
      bodyBytes = body.size;
      taken = await takeDelivery(getDb(), {
        receivedAt,
        requestId,
        presentedKey: presentedIntakeKey(request),
        contentType: request.headers.get('content-type'),
        body,
        refusal,
      });
      if (!taken.ok) return { response: toErrorResponse(taken.error), taken, bodyBytes };
      const { result } = taken;
      const response = Response.json(
        { leadId: result.leadId, eventId: result.eventId, duplicate: result.duplicate },
        { status: result.duplicate ? 200 : 201 },
      );
      return { response, taken, bodyBytes };
    } catch (error) {
      return { response: toErrorResponse(error), taken, bodyBytes };
    }
  });
  logIntakeDelivery({
    requestId,
    status: response.status,
    outcome: taken?.ok ? (taken.result.duplicate ? 'duplicate' : 'accepted') : 'rejected',
    ...(taken && !taken.ok ? { errorCode: taken.error instanceof AppError ? taken.error.code : 'internal' } : {}),
    ...(taken?.ok ? { leadId: taken.result.leadId, eventId: taken.result.eventId } : {}),
    ...(taken?.receiptId ? { receiptId: taken.receiptId } : {}),
    ...(taken?.keyLabel ? { keyLabel: taken.keyLabel } : {}),
    bodyBytes,
    durationMs: performance.now() - started,
  });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}
