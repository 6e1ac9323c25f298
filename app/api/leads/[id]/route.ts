// GET /api/leads/{id} — one lead with its whole journey of events
// PATCH /api/leads/{id} — any of { status, lostReason?, confirmFewTouches? }, { ownerId } (string, or null to
// unassign) and { nextFollowUpAt } (ISO 8601 date-time, or null to clear)
import { getDb } from '@/db';
import { leadScope } from '@/lib/auth/permissions';
import { actorOf, requireApiViewer } from '@/lib/auth/viewer';
import { AppError, methodNotAllowed, toErrorResponse } from '@/lib/errors';
import { withRequestLog } from '@/lib/log/request-log';
import { readJsonObject } from '@/lib/http/json-body';
import { getLeadById } from '@/lib/leads/queries';
import { parseLeadId } from '@/lib/leads/lead-id';
import { assignLead, setFollowUp, setLeadStatus } from '@/lib/leads/work';

const PATCH_FIELDS = ['status', 'lostReason', 'confirmFewTouches', 'ownerId', 'nextFollowUpAt'];

export const GET = withRequestLog(
  async (request: Request, context: RouteContext<'/api/leads/[id]'>): Promise<Response> => {
    try {
      const viewer = await requireApiViewer(request, 'leads:read');
      const id = parseLeadId((await context.params).id);
      const lead = getLeadById(getDb(), leadScope(viewer), id);
      if (!lead) throw new AppError('not_found', `No lead with id ${id}.`);
      return Response.json(lead);
    } catch (error) {
      return toErrorResponse(error);
    }
  },
);

export const PATCH = withRequestLog(
  async (request: Request, context: RouteContext<'/api/leads/[id]'>): Promise<Response> => {
    try {
      const viewer = await requireApiViewer(request, 'leads:read');
      const id = parseLeadId((await context.params).id);
      const body = await readJsonObject(request);
      const unknown = Object.keys(body).filter((key) => !PATCH_FIELDS.includes(key));
      if (unknown.length || Object.keys(body).length === 0) {
        throw new AppError('invalid_input', 'Send status (with lostReason when lost), ownerId and/or nextFollowUpAt.', {
          details: unknown.map((field) => ({ field, message: 'Unknown field.' })),
        });
      }
      const db = getDb();
      const actor = actorOf(viewer, request.headers);
      if ('ownerId' in body) {
        if (body.ownerId !== null && typeof body.ownerId !== 'string') {
          throw new AppError('invalid_input', 'ownerId must be a user id or null.', {
            details: [{ field: 'ownerId', message: 'Expected a string or null.' }],
          });
        }
        assignLead(db, viewer, actor, id, body.ownerId);
      }
      if ('status' in body || 'lostReason' in body || 'confirmFewTouches' in body) {
        setLeadStatus(db, viewer, actor, id, {
          status: body.status,
          lostReason: body.lostReason,
          confirmFewTouches: body.confirmFewTouches,
        });
      }
      if ('nextFollowUpAt' in body) {
        setFollowUp(db, viewer, actor, id, { nextFollowUpAt: body.nextFollowUpAt });
      }
      return Response.json(getLeadById(db, leadScope(viewer), id));
    } catch (error) {
      return toErrorResponse(error);
    }
  },
);

const notAllowed = withRequestLog(async (_request: Request) => methodNotAllowed(['GET', 'PATCH']));
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
