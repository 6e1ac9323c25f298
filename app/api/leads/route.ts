// GET /api/leads — list leads with filters, sort and pagination (within the viewer's scope)
import { getDb } from '@/db';
import { requireApiViewer } from '@/lib/auth/viewer';
import { methodNotAllowed, toErrorResponse } from '@/lib/errors';
import { withRequestLog } from '@/lib/log/request-log';
import { getLeads, listContext } from '@/lib/leads/queries';
import { parseLeadListParams } from '@/lib/leads/search-params';

export const GET = withRequestLog(async (request: Request): Promise<Response> => {
  try {
    const viewer = await requireApiViewer(request, 'leads:read');
    const query = parseLeadListParams(new URL(request.url).searchParams);
    const db = getDb();
    const { rows, total, totalCapped, statusCounts, cappedStatuses } = getLeads(db, listContext(db, viewer), query);
    return Response.json({
      rows,
      total,
      // true when there are more than `total` matches: pages reach the first `total` of them.
      totalCapped,
      statusCounts,
      cappedStatuses,
      page: query.page,
      pageSize: query.pageSize,
      pageCount: Math.ceil(total / query.pageSize),
    });
  } catch (error) {
    return toErrorResponse(error);
  }
});

const notAllowed = withRequestLog(async (_request: Request) => methodNotAllowed(['GET']));
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
