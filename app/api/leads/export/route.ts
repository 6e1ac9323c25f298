// GET /api/leads/export — the current view (same filters, sort and visible columns as GET /api/leads, every page) as CSV
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/log';
import { actorOf, requireApiViewer } from '@/lib/auth/viewer';
import { methodNotAllowed, toErrorResponse } from '@/lib/errors';
import { withRequestLog } from '@/lib/log/request-log';
import { exportLeadsCsv } from '@/lib/leads/export';
import { listContext } from '@/lib/leads/queries';
import { parseLeadListParams } from '@/lib/leads/search-params';
import { viewerTimeZone } from '@/lib/preferences/time-zone';
import { dayInput, DEFAULT_TIME_ZONE } from '@/lib/time/zone';

export const GET = withRequestLog(async (request: Request): Promise<Response> => {
  try {
    const viewer = await requireApiViewer(request, 'leads:export');
    const params = new URL(request.url).searchParams;
    // Paging does not apply to an export; everything else does.
    params.delete('page');
    params.delete('pageSize');
    // A person exports what their table showed: whole days and "today" in their zone; API keys use UTC.
    const timeZone = viewer.kind === 'user' ? await viewerTimeZone() : DEFAULT_TIME_ZONE;
    const query = parseLeadListParams(params, timeZone);
    const db = getDb();
    const { stream } = exportLeadsCsv(db, listContext(db, viewer, undefined, timeZone), query);
    recordAudit(db, actorOf(viewer, request.headers), 'lead.exported', null, {
      filters: Object.fromEntries([...params.keys()].map((key) => [key, params.getAll(key).length])),
    });
    const stamp = dayInput(new Date(), timeZone);
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="leads-${stamp}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
});

const notAllowed = withRequestLog(async (_request: Request) => methodNotAllowed(['GET']));
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
