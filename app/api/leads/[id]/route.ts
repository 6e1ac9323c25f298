// GET /api/leads/{id} — one lead with its whole journey of events
import { getDb } from '@/db';
import { AppError, methodNotAllowed, toErrorResponse } from '@/lib/errors';
import { getLeadById } from '@/lib/leads/queries';
import { parseLeadId } from '@/lib/leads/lead-id';

export async function GET(_request: Request, context: RouteContext<'/api/leads/[id]'>): Promise<Response> {
  try {
    const id = parseLeadId((await context.params).id);
    const lead = getLeadById(getDb(), id);
    if (!lead) throw new AppError('not_found', `No lead with id ${id}.`);
    return Response.json(lead);
  } catch (error) {
    return toErrorResponse(error);
  }
}

const notAllowed = () => methodNotAllowed(['GET']);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
