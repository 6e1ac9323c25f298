// GET /api/leads/{id}/touches — the lead's logged emails, calls and meetings, newest first
// POST /api/leads/{id}/touches — log one: { kind: "email" | "call" | "meeting", note?, touchedAt? }
import { getDb } from '@/db';
import { leadScope } from '@/lib/auth/permissions';
import { actorOf, requireApiViewer } from '@/lib/auth/viewer';
import { AppError, methodNotAllowed, toErrorResponse } from '@/lib/errors';
import { withRequestLog } from '@/lib/log/request-log';
import { readJsonObject } from '@/lib/http/json-body';
import { getLeadTouches } from '@/lib/leads/nurture-queries';
import { getLeadById } from '@/lib/leads/queries';
import { parseLeadId } from '@/lib/leads/lead-id';
import { logTouch } from '@/lib/leads/work';

export const GET = withRequestLog(
  async (request: Request, context: RouteContext<'/api/leads/[id]/touches'>): Promise<Response> => {
    try {
      const viewer = await requireApiViewer(request, 'leads:read');
      const id = parseLeadId((await context.params).id);
      const db = getDb();
      if (!getLeadById(db, leadScope(viewer), id)) throw new AppError('not_found', `No lead with id ${id}.`);
      return Response.json({ rows: getLeadTouches(db, id) });
    } catch (error) {
      return toErrorResponse(error);
    }
  },
);

export const POST = withRequestLog(
  async (request: Request, context: RouteContext<'/api/leads/[id]/touches'>): Promise<Response> => {
    try {
      const viewer = await requireApiViewer(request, 'leads:work');
      const id = parseLeadId((await context.params).id);
      const body = await readJsonObject(request);
      const unknown = Object.keys(body).filter((key) => !['kind', 'note', 'touchedAt'].includes(key));
      if (unknown.length) {
        throw new AppError('invalid_input', 'Send kind, and optionally note and touchedAt.', {
          details: unknown.map((field) => ({ field, message: 'Unknown field.' })),
        });
      }
      const result = logTouch(getDb(), viewer, actorOf(viewer, request.headers), id, body);
      return Response.json({ leadId: id, ...result }, { status: 201 });
    } catch (error) {
      return toErrorResponse(error);
    }
  },
);

const notAllowed = withRequestLog(async (_request: Request) => methodNotAllowed(['GET', 'POST']));
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
