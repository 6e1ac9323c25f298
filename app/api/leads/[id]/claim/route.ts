// POST /api/leads/{id}/claim — the signed-in person takes an unassigned lead
import { getDb } from '@/db';
import { actorOf, requireApiViewer } from '@/lib/auth/viewer';
import { methodNotAllowed, toErrorResponse } from '@/lib/errors';
import { withRequestLog } from '@/lib/log/request-log';
import { parseLeadId } from '@/lib/leads/lead-id';
import { claimLead } from '@/lib/leads/work';

export const POST = withRequestLog(
  async (request: Request, context: RouteContext<'/api/leads/[id]/claim'>): Promise<Response> => {
    try {
      const viewer = await requireApiViewer(request, 'leads:claim');
      const id = parseLeadId((await context.params).id);
      const result = claimLead(getDb(), viewer, actorOf(viewer, request.headers), id);
      return Response.json({ leadId: id, ...result });
    } catch (error) {
      return toErrorResponse(error);
    }
  },
);

const notAllowed = withRequestLog(async (_request: Request) => methodNotAllowed(['POST']));
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
