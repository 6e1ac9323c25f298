// POST /api/intake/marketplace — receive a lead from Microsoft. Every request leaves a receipt
// in the delivery log (lib/deliveries), accepted or not.
import { getDb } from '@/db';
import { AppError, toErrorResponse } from '@/lib/errors';
import { takeDelivery } from '@/lib/deliveries/service';
import { presentedIntakeKey, readDeliveryBody } from '@/lib/intake/request';

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
  try {
    const body = await readDeliveryBody(request);
    const taken = takeDelivery(getDb(), {
      receivedAt,
      requestId: request.headers.get('x-request-id'),
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
}
