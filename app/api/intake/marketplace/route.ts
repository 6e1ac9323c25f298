// POST /api/intake/marketplace — receive a lead from Microsoft. Every request leaves a receipt
// in the delivery log (lib/deliveries), accepted or not, and one log line with its outcome.
import { getDb } from '@/db';
import { AppError, errorCodeOf, toErrorResponse } from '@/lib/errors';
import { deliveryStatus } from '@/lib/deliveries/service';
import { deliveryTaker, epochNow } from '@/lib/deliveries/writer';
import { presentedIntakeKey, readDeliveryBody } from '@/lib/intake/request';
import { runWithRequestContext } from '@/lib/log/request-context';
import { REQUEST_ID_HEADER, requestIdOf } from '@/lib/log/request-id';
import { logIntakeDelivery } from '@/lib/log/request-log';

// Never cached or prerendered, as every webhook. Said explicitly, Next.js also hands the handler the
// request itself rather than a proxy that checks every read of its headers, URL and body for use
// in static rendering.
export const dynamic = 'force-dynamic';

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
  const startedAt = epochNow();
  // The proxy does not run for the webhook (it would buffer the body): the id is read here.
  const requestId = requestIdOf(request);
  const response = await runWithRequestContext({ requestId }, async () => {
    let bodyBytes: number | undefined;
    try {
      const body = await readDeliveryBody(request);
      bodyBytes = body.size;
      // Taking the delivery also writes its request line (lib/deliveries/writer.ts takeAndLog).
      const taken = await deliveryTaker(getDb())({
        receivedAt,
        startedAt,
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
        { status: deliveryStatus(taken) },
      );
    } catch (error) {
      // The delivery could not be taken at all (the writer stopped): no receipt, so this line is
      // the only trace, and the sender gets a 5xx and knows to send again.
      const response = toErrorResponse(error);
      logIntakeDelivery({
        requestId,
        status: response.status,
        outcome: 'rejected',
        errorCode: errorCodeOf(error),
        bodyBytes,
        durationMs: epochNow() - startedAt,
      });
      return response;
    }
  });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}
