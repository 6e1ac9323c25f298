// POST /api/intake/marketplace — receive a lead from Microsoft
import { getDb } from '@/db';
import { AppError, methodNotAllowed, toErrorResponse } from '@/lib/errors';
import { presentedIntakeKey, readBoundedBody } from '@/lib/intake/request';
import { receiveDelivery } from '@/lib/intake/service';
import { authenticateIntakeKey } from '@/lib/intake-keys/service';

export async function POST(request: Request): Promise<Response> {
  const receivedAt = new Date();
  try {
    const db = getDb();
    const key = authenticateIntakeKey(db, presentedIntakeKey(request));
    if (!key) {
      throw new AppError('unauthorized', 'A valid intake key is required (?key=… or Authorization: Bearer …).', {
        headers: { 'WWW-Authenticate': 'Bearer realm="intake"' },
      });
    }
    const rawBody = await readBoundedBody(request);
    const result = receiveDelivery(db, {
      rawBody,
      contentType: request.headers.get('content-type'),
      receivedAt,
      intakeKeyId: key.id,
    });
    return Response.json(
      { leadId: result.leadId, eventId: result.eventId, duplicate: result.duplicate },
      { status: result.duplicate ? 200 : 201 },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}

const notAllowed = () => methodNotAllowed(['POST']);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
