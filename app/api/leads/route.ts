// GET /api/leads — list leads with filters, sort and pagination
import { getDb } from '@/db';
import { methodNotAllowed, toErrorResponse } from '@/lib/errors';
import { getLeads } from '@/lib/leads/queries';
import { parseLeadListParams } from '@/lib/leads/search-params';

export async function GET(request: Request): Promise<Response> {
  try {
    const query = parseLeadListParams(new URL(request.url).searchParams);
    const { rows, total } = getLeads(getDb(), query);
    return Response.json({
      rows,
      total,
      page: query.page,
      pageSize: query.pageSize,
      pageCount: Math.ceil(total / query.pageSize),
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}

const notAllowed = () => methodNotAllowed(['GET']);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
