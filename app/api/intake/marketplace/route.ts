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
  let taken: TakenDelivery | null = null;
  let bodyBytes: number | undefined;
  const response = await runWithRequestContext({ requestId }, async () => {
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
      if (!taken.ok) return toErrorResponse(taken.error);
      const { result } = taken;
      return Response.json(
        { leadId: result.leadId, eventId: result.eventId, duplicate: result.duplicate },
        { status: result.duplicate ? 200 : 201 },
      );
    } catch (error) {
      return toErrorResponse(error);
    }
  });
  const outcome = taken as TakenDelivery | null;
  logIntakeDelivery({
    requestId,
    status: response.status,
    outcome: outcome?.ok ? (outcome.result.duplicate ? 'duplicate' : 'accepted') : 'rejected',
    ...(outcome && !outcome.ok ? { errorCode: outcome.error instanceof AppError ? outcome.error.code : 'internal' } : {}),
    ...(outcome?.ok ? { leadId: outcome.result.leadId, eventId: outcome.result.eventId } : {}),
    ...(outcome?.receiptId ? { receiptId: outcome.receiptId } : {}),
    ...(outcome?.keyLabel ? { keyLabel: outcome.keyLabel } : {}),
    bodyBytes,
    durationMs: performance.now() - started,
  });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}
